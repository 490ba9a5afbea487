import Foundation
import MergerSim
import MergerSimInputs

/// `units_after.csv`: one row per unit after the plan (see the README).
public enum UnitsAfterReport {
    public static let header = [
        "code", "name", "kind", "province", "members", "member_shares", "untouched", "area_km2", "population",
        "standard_rule", "area_required_km2", "population_required", "meets_area", "meets_population",
        "standards_outcome", "standards_note", "score", "type", "type_source", "extra_civil_servants", "quota_rules",
        "quota_cadres", "quota_civil_servants", "quota_non_professional", "cadres", "civil_servants", "non_professional",
        "surplus_cadres", "surplus_civil_servants", "surplus_non_professional",
        "vacancies_cadres", "vacancies_civil_servants", "vacancies_non_professional", "lat", "lon", "quota_source",
        "transfers_in_cadres", "transfers_in_civil_servants", "transfers_in_non_professional",
        "transfers_out_cadres", "transfers_out_civil_servants", "transfers_out_non_professional",
        "surplus_after_transfers_cadres", "surplus_after_transfers_civil_servants", "surplus_after_transfers_non_professional",
        "vacancies_after_transfers_cadres", "vacancies_after_transfers_civil_servants", "vacancies_after_transfers_non_professional",
        "p_within_quota_by_deadline", "median_year_within_quota", "median_within_quota_by_deadline", "transfer_note", "allowance_fund_vnd",
    ]

    /// The column kinds of ``header``, in order.
    static let kinds: [ReportTable.Kind] = [.identifier, .name, .value, .name, .identifier, .identifier, .value, .area, .count,
                                            .identifier, .area, .count, .value, .value, .value, .phrase, .decimal(places: 2), .value, .value,
                                            .count, .identifier]
        + Array(repeating: .count, count: 12) + [.coordinate, .coordinate, .value] + Array(repeating: .count, count: 12)
        + [.share, .year, .value, .phrase, .money]

    /// The units after as a typed table; `transfers` (stage 2, planned over the same units in the same order)
    /// adds the after-transfer columns.
    ///
    /// `allowanceFund` gives each unit's monthly fund in VND, where the rule set has one.
    public static func table(_ results: [UnitAfterResult], transfers: TransferPlan? = nil, transition: TransitionSummary? = nil,
                             allowanceFund: [Int64]? = nil) -> ReportTable {
        var table = ReportTable(names: header, kinds: kinds)
        var incoming: [String: Headcount] = [:], outgoing: [String: Headcount] = [:]
        for t in transfers?.transfers ?? [] {
            incoming[t.toCode, default: .zero][t.toCategory] += t.count
            outgoing[t.fromCode, default: .zero][t.category] += t.count
        }
        let unreachable = Set(transfers?.unreachableCodes ?? [])
        for (i, result) in results.enumerated() {
            var cells = row(result)
            cells.append(.value(result.quota.rules.contains { $0.hasPrefix("envelope") } ? "envelope" : "formula"))
            if let transfers {
                let staffAfter = transfers.staffAfter[i]
                let code = result.unit.code
                for counts in [incoming[code] ?? .zero, outgoing[code] ?? .zero, staffAfter.excess(over: result.quota.posts),
                               result.quota.posts.excess(over: staffAfter)] {
                    cells += StaffCategory.allCases.map { .count(counts[$0]) }
                }
            } else {
                cells += Array(repeating: .empty, count: 12)
            }
            if let transition {
                cells.append(.fixed(transition.probabilityWithinQuota[i], decimals: 3))
                // A number only; blank (and the flag "no") when the median replication is not within quota by the deadline.
                cells.append(transition.medianYearWithinQuota[i].map { .count($0) } ?? .empty)
                cells.append(.value(transition.medianYearWithinQuota[i] == nil ? "no" : "yes"))
            } else {
                cells += [.empty, .empty, .empty]
            }
            cells.append(unreachable.contains(result.unit.code)
                         ? .phrase(LabelPhrase("note.transfer.unreachable")) : .empty)
            cells.append(allowanceFund.map { .money($0[i]) } ?? .empty)
            table.append(cells)
        }
        return table
    }

    /// units_after.csv (see ``table(_:transfers:transition:allowanceFund:)``).
    public static func csv(_ results: [UnitAfterResult], transfers: TransferPlan? = nil, transition: TransitionSummary? = nil,
                           allowanceFund: [Int64]? = nil) throws(InternalError) -> Data {
        table(results, transfers: transfers, transition: transition, allowanceFund: allowanceFund).csv(english: try Labels(.en))
    }

    static func row(_ r: UnitAfterResult) -> [ReportTable.Cell] {
        let unit = r.unit
        func count(_ value: Int?) -> ReportTable.Cell { value.map { .count($0) } ?? .empty }
        let staff = unit.staff, surplus = r.surplus, vacancies = r.vacancies
        return [
            .text(unit.code), .text(unit.name), .value(unit.kind.rawValue), .text(unit.province),
            .text(r.merged.contributions.map(\.code).joined(separator: ";")),
            .shares(r.merged.contributions.map { FixedDecimal(millionths: $0.share.millionths, decimals: 0) }),
            .value(ReportFormat.yesNo(r.merged.untouched)), .exact(unit.area), .count(unit.population),
            .text(r.standard.standard.rule), .trimmed(r.requiredAreaKm2), .trimmed(r.requiredPopulation),
            .value(ReportFormat.yesNo(r.meetsArea)), .value(ReportFormat.yesNo(r.meetsPopulation)), .value(r.outcome.rawValue),
            .phrase(StandardsNote(r.standardsReason, citations: nil)),
            .exact(r.classification.score), .value(r.classification.type.rawValue),
            .value(r.classification.typeGiven ? "plan" : (r.classification.otherPointsDefaulted ? "score (default other points)" : "score")),
            .count(r.quota.extras), .text(r.quota.rules.joined(separator: " ")),
            .count(r.quota.posts.cadres), .count(r.quota.posts.civilServants), .count(r.quota.posts.nonProfessional),
            count(staff?.cadres), count(staff?.civilServants), count(staff?.nonProfessional),
            count(surplus?.cadres), count(surplus?.civilServants), count(surplus?.nonProfessional),
            count(vacancies?.cadres), count(vacancies?.civilServants), count(vacancies?.nonProfessional),
            unit.location.map { .trimmed($0.latitude) } ?? .empty, unit.location.map { .trimmed($0.longitude) } ?? .empty,
        ]
    }
}

extension ReportFormat {
    /// A number with at most 6 decimals, trailing zeros trimmed ("5.5", "45000").
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        return decimal(FixedDecimal(millionths: Int64((value * Double(FixedDecimal.scale)).rounded()), decimals: 0))
    }
}
