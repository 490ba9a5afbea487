import Foundation
import MergerSim
import MergerSimInputs

/// `screening.csv`: one row per existing unit (see the README), with the
/// standard, the merger decision and its margin, the type and the quota.
public enum ScreeningReport {
    /// The contract's columns, then mergersim's additions.
    public static let header = [
        "code", "name", "kind", "province", "district", "district_kind", "area_km2", "population",
        "standard_rule", "area_standard_km2", "population_standard", "reductions", "meets_area", "meets_population",
        "area_pct", "population_pct", "must_merge", "rule", "area_threshold_pct", "population_threshold_pct",
        "exempt", "verdict", "score", "type", "type_source", "extra_civil_servants", "quota_rules",
        "quota_cadres", "quota_civil_servants", "quota_non_professional", "cadres", "civil_servants", "non_professional",
        "surplus_cadres", "surplus_civil_servants", "surplus_non_professional",
    ]

    /// The column kinds of ``header``, in order.
    static let kinds: [ReportTable.Kind] = [
        .identifier, .name, .value, .name, .name, .value, .area, .count,
        .identifier, .area, .count, .phrase, .value, .value,
        .percent(places: 2), .percent(places: 2), .value, .identifier, .percent(places: 0), .percent(places: 0),
        .identifier, .value, .decimal(places: 2), .value, .value, .count, .identifier,
        .count, .count, .count, .count, .count, .count,
        .count, .count, .count,
    ]

    /// The screening as a typed table, one row per existing unit.
    public static func table(_ results: [ScreeningResult]) -> ReportTable {
        var table = ReportTable(names: header, kinds: kinds)
        for result in results { table.append(row(result)) }
        return table
    }

    /// screening.csv.
    public static func csv(_ results: [ScreeningResult]) throws(InternalError) -> Data {
        table(results).csv(english: try Labels(.en))
    }

    static func row(_ r: ScreeningResult) -> [ReportTable.Cell] {
        let unit = r.unit, standard = r.standard
        let staff = unit.staff, surplus = r.surplus
        func count(_ value: Int?) -> ReportTable.Cell { value.map { .count($0) } ?? .empty }
        func text(_ value: String?) -> ReportTable.Cell { value.map { .text($0) } ?? .empty }
        return [
            .text(unit.code), .text(unit.name), .value(unit.kind.rawValue), .text(unit.province), text(unit.district),
            unit.districtKind.map { .value($0.rawValue) } ?? .empty,
            .exact(unit.area), .count(unit.population),
            .text(standard.standard.rule), .exact(ReportTable.scaled(standard.standard.area, percent: standard.areaPercent)),
            .exact(ReportTable.scaled(FixedDecimal(millionths: Int64(standard.standard.population) * FixedDecimal.scale, decimals: 0),
                                            percent: standard.populationPercent)),
            standard.reductions.isEmpty ? .empty
                : .phrase(JoinedPhrase(standard.reductions.map { ReductionPhrase($0, citations: nil) }, separator: "; ")),
            .value(ReportFormat.yesNo(r.meetsArea)), .value(ReportFormat.yesNo(r.meetsPopulation)),
            .percent(r.areaPercent), .percent(r.populationPercent),
            .value(r.decision.rawValue), text(r.test?.rule),
            r.test.map { .count($0.areaBelowPercent) } ?? .empty, r.test.map { .count($0.populationBelowPercent) } ?? .empty,
            text(unit.exemption?.code), .value(r.verdict.rawValue),
            .exact(r.classification.score), .value(r.classification.type.rawValue),
            .value(r.classification.typeGiven ? "input" : (r.classification.otherPointsDefaulted ? "score (default other points)" : "score")),
            .count(r.quota.extras), .text(r.quota.rules.joined(separator: " ")),
            .count(r.quota.posts.cadres), .count(r.quota.posts.civilServants), .count(r.quota.posts.nonProfessional),
            count(staff?.cadres), count(staff?.civilServants), count(staff?.nonProfessional),
            count(surplus?.cadres), count(surplus?.civilServants), count(surplus?.nonProfessional),
        ]
    }
}
