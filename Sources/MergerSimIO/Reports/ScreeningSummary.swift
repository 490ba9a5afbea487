import MergerSim

/// The terminal summary of a screening: units by verdict and type, and quota
/// against headcount in each staff category.
public enum ScreeningSummary {
    public static func text(_ results: [ScreeningResult], rules: RuleSet, round: ScreeningRound) -> String {
        var lines = ["Screened \(ReportFormat.grouped(results.count)) units under \(rules.id), round \(round.round) (\(round.instrument))", ""]
        let types = UnitType.allCases
        lines.append(pad("verdict", 12) + types.map { pad("Type \($0.rawValue)", 10, right: true) }.joined() + pad("total", 10, right: true))
        for verdict in Verdict.allCases {
            let ofVerdict = results.filter { $0.verdict == verdict }
            let cells = types.map { type in ofVerdict.filter { $0.classification.type == type }.count }
            lines.append(pad(verdict.rawValue, 12) + cells.map { pad(ReportFormat.grouped($0), 10, right: true) }.joined()
                         + pad(ReportFormat.grouped(ofVerdict.count), 10, right: true))
        }
        let byType = types.map { type in results.filter { $0.classification.type == type }.count }
        lines.append(pad("total", 12) + byType.map { pad(ReportFormat.grouped($0), 10, right: true) }.joined()
                     + pad(ReportFormat.grouped(results.count), 10, right: true))
        let meeting = results.filter(\.meetsStandards).count
        lines.append("")
        lines.append("\(ReportFormat.grouped(meeting)) of \(ReportFormat.grouped(results.count)) units meet both standards.")
        lines.append("")
        lines.append(pad("category", 18) + pad("quota", 10, right: true) + pad("headcount", 11, right: true) + pad("surplus", 10, right: true))
        for category in StaffCategory.allCases {
            let quota = results.reduce(0) { $0 + $1.quota.posts[category] }
            let staffed = results.compactMap(\.unit.staff)
            let headcount = staffed.isEmpty ? "–" : ReportFormat.grouped(staffed.reduce(0) { $0 + $1[category] })
            let surplusValues = results.compactMap(\.surplus)
            let surplus = surplusValues.isEmpty ? "–" : ReportFormat.grouped(surplusValues.reduce(0) { $0 + $1[category] })
            lines.append(pad(category.plainName, 18) + pad(ReportFormat.grouped(quota), 10, right: true)
                         + pad(headcount, 11, right: true) + pad(surplus, 10, right: true))
        }
        return lines.joined(separator: "\n")
    }

    private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String { ReportFormat.pad(text, width, right: right) }
}

extension StaffCategory {
    /// "cadres", "civil servants", "non-professional".
    public var plainName: String {
        switch self {
        case .cadres: "cadres"
        case .civilServants: "civil servants"
        case .nonProfessional: "non-professional"
        }
    }
}
