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

    /// - Throws: ``InternalError`` when the English label table is not installed (the notes are written from it).
    public static func csv(_ results: [ScreeningResult]) throws(InternalError) -> Data {
        let english = try Labels(.en)
        var writer = CSVWriter(header: header, spreadsheet: true)
        for result in results { writer.append(row(result, english: english)) }
        return writer.data
    }

    /// A row; the notes in English (`english`), with R-ids uncited, as scripts read them.
    static func row(_ r: ScreeningResult, english: Labels) -> [String] {
        let unit = r.unit, standard = r.standard
        let staff = unit.staff, surplus = r.surplus
        func count(_ value: Int?) -> String { value.map(String.init) ?? "" }
        return [
            unit.code, unit.name, unit.kind.rawValue, unit.province, unit.district ?? "", unit.districtKind?.rawValue ?? "",
            ReportFormat.decimal(unit.area), String(unit.population),
            standard.standard.rule, ReportFormat.scaled(standard.standard.area, percent: standard.areaPercent),
            ReportFormat.scaled(FixedDecimal(millionths: Int64(standard.standard.population) * FixedDecimal.scale, decimals: 0),
                                percent: standard.populationPercent),
            standard.reductions.map { ReductionPhrase($0, citations: nil).text(english) }.joined(separator: "; "),
            ReportFormat.yesNo(r.meetsArea), ReportFormat.yesNo(r.meetsPopulation),
            ReportFormat.percent(r.areaPercent), ReportFormat.percent(r.populationPercent),
            r.decision.rawValue, r.test?.rule ?? "",
            r.test.map { String($0.areaBelowPercent) } ?? "", r.test.map { String($0.populationBelowPercent) } ?? "",
            unit.exemption?.code ?? "", r.verdict.rawValue,
            ReportFormat.decimal(r.classification.score), r.classification.type.rawValue,
            r.classification.typeGiven ? "input" : (r.classification.otherPointsDefaulted ? "score (default other points)" : "score"),
            String(r.quota.extras), r.quota.rules.joined(separator: " "),
            String(r.quota.posts.cadres), String(r.quota.posts.civilServants), String(r.quota.posts.nonProfessional),
            count(staff?.cadres), count(staff?.civilServants), count(staff?.nonProfessional),
            count(surplus?.cadres), count(surplus?.civilServants), count(surplus?.nonProfessional),
        ]
    }
}
