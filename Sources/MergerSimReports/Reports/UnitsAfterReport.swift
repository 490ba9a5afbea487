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

    /// The rows; `transfers` (stage 2, planned over the same units in the same order) adds the after-transfer columns.
    ///
    /// `allowanceFund` gives each unit's monthly fund in VND, where the rule set has one.
    /// - Throws: ``InternalError`` when the English label table is not installed (the notes are written from it).
    public static func csv(_ results: [UnitAfterResult], transfers: TransferPlan? = nil, transition: TransitionSummary? = nil,
                           allowanceFund: [Int64]? = nil) throws(InternalError) -> Data {
        let english = try Labels(.en)
        var writer = CSVWriter(header: header, spreadsheet: true)
        var incoming: [String: Headcount] = [:], outgoing: [String: Headcount] = [:]
        for t in transfers?.transfers ?? [] {
            incoming[t.toCode, default: .zero][t.toCategory] += t.count
            outgoing[t.fromCode, default: .zero][t.category] += t.count
        }
        let unreachable = Set(transfers?.unreachableCodes ?? [])
        for (i, result) in results.enumerated() {
            var fields = row(result, english: english)
            fields.append(result.quota.rules.contains { $0.hasPrefix("envelope") } ? "envelope" : "formula")
            if let transfers {
                let staffAfter = transfers.staffAfter[i]
                let code = result.unit.code
                for counts in [incoming[code] ?? .zero, outgoing[code] ?? .zero, staffAfter.excess(over: result.quota.posts),
                               result.quota.posts.excess(over: staffAfter)] {
                    fields += StaffCategory.allCases.map { String(counts[$0]) }
                }
            } else {
                fields += Array(repeating: "", count: 12)
            }
            if let transition {
                fields.append(ReportFormat.fixed(transition.probabilityWithinQuota[i], decimals: 3))
                // A number only; blank (and the flag "no") when the median replication is not within quota by the deadline.
                fields.append(transition.medianYearWithinQuota[i].map(String.init) ?? "")
                fields.append(transition.medianYearWithinQuota[i] == nil ? "no" : "yes")
            } else {
                fields += ["", "", ""]
            }
            fields.append(unreachable.contains(result.unit.code)
                          ? english("note.transfer.unreachable") : "")
            fields.append(allowanceFund.map { String($0[i]) } ?? "")
            writer.append(fields)
        }
        return writer.data
    }

    /// A row; the note in English (`english`), with R-ids uncited, as scripts read it.
    static func row(_ r: UnitAfterResult, english: Labels) -> [String] {
        let unit = r.unit
        func count(_ value: Int?) -> String { value.map(String.init) ?? "" }
        let staff = unit.staff, surplus = r.surplus, vacancies = r.vacancies
        return [
            unit.code, unit.name, unit.kind.rawValue, unit.province,
            r.merged.contributions.map(\.code).joined(separator: ";"),
            r.merged.contributions.map { ReportFormat.decimal(FixedDecimal(millionths: $0.share.millionths, decimals: 0)) }.joined(separator: ";"),
            ReportFormat.yesNo(r.merged.untouched), ReportFormat.decimal(unit.area), String(unit.population),
            r.standard.standard.rule, ReportFormat.number(r.requiredAreaKm2), ReportFormat.number(r.requiredPopulation),
            ReportFormat.yesNo(r.meetsArea), ReportFormat.yesNo(r.meetsPopulation), r.outcome.rawValue, StandardsNote(r.standardsReason, citations: nil).text(english),
            ReportFormat.decimal(r.classification.score), r.classification.type.rawValue,
            r.classification.typeGiven ? "plan" : (r.classification.otherPointsDefaulted ? "score (default other points)" : "score"),
            String(r.quota.extras), r.quota.rules.joined(separator: " "),
            String(r.quota.posts.cadres), String(r.quota.posts.civilServants), String(r.quota.posts.nonProfessional),
            count(staff?.cadres), count(staff?.civilServants), count(staff?.nonProfessional),
            count(surplus?.cadres), count(surplus?.civilServants), count(surplus?.nonProfessional),
            count(vacancies?.cadres), count(vacancies?.civilServants), count(vacancies?.nonProfessional),
            unit.location.map { ReportFormat.number($0.latitude) } ?? "", unit.location.map { ReportFormat.number($0.longitude) } ?? "",
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
