import MergerSim
import MergerSimInputs

/// The terminal summary of a screening: units by verdict and type, and quota
/// against headcount in each staff category.
public enum ScreeningSummary {
    /// The summary in the language of `l`; numbers grouped by thousands.
    public static func text(_ results: [ScreeningResult], rules: RuleSet, round: ScreeningRound, labels l: Labels) -> String {
        func n(_ value: Int) -> String { l.number(Double(value)) }
        // The round's instrument as the rule set names it in English; its tests' citation in another language.
        let instrument = l.language == .en ? round.instrument
            : round.tests.first.flatMap { rules.citation($0.rule) }.map(l.citationText) ?? round.instrument
        var lines = [l("console.screened", ["n": n(results.count), "rules": rules.id, "round": String(round.round), "instrument": instrument]), ""]
        let types = UnitType.allCases
        // The first column as wide as its longest label (a language's may be longer than English's), at least 20.
        let first = max(20, (Verdict.allCases.map { l("screen.verdict.\($0.rawValue)") } + StaffCategory.allCases.map { l("console.category.\($0.rawValue)") })
            .map { $0.count + 2 }.max() ?? 0)
        lines.append(pad(l("console.verdict"), first) + types.map { pad(l("console.type", ["type": $0.rawValue]), 10, right: true) }.joined()
                     + pad(l("console.total"), 10, right: true))
        for verdict in Verdict.allCases {
            let ofVerdict = results.filter { $0.verdict == verdict }
            let cells = types.map { type in ofVerdict.filter { $0.classification.type == type }.count }
            lines.append(pad(l("screen.verdict.\(verdict.rawValue)"), first) + cells.map { pad(n($0), 10, right: true) }.joined()
                         + pad(n(ofVerdict.count), 10, right: true))
        }
        let byType = types.map { type in results.filter { $0.classification.type == type }.count }
        lines.append(pad(l("console.total"), first) + byType.map { pad(n($0), 10, right: true) }.joined() + pad(n(results.count), 10, right: true))
        let meeting = results.filter(\.meetsStandards).count
        lines.append("")
        lines.append(l("console.meeting", ["meeting": n(meeting), "n": n(results.count)]))
        lines.append("")
        lines.append(pad(l("console.category"), first) + pad(l("console.quota"), 10, right: true) + pad(l("console.headcount"), 11, right: true)
                     + pad(l("console.surplus"), 10, right: true))
        for category in StaffCategory.allCases {
            let quota = results.reduce(0) { $0 + $1.quota.posts[category] }
            let staffed = results.compactMap(\.unit.staff)
            let headcount = staffed.isEmpty ? "–" : n(staffed.reduce(0) { $0 + $1[category] })
            let surplusValues = results.compactMap(\.surplus)
            let surplus = surplusValues.isEmpty ? "–" : n(surplusValues.reduce(0) { $0 + $1[category] })
            lines.append(pad(l("console.category.\(category.rawValue)"), first) + pad(n(quota), 10, right: true)
                         + pad(headcount, 11, right: true) + pad(surplus, 10, right: true))
        }
        return lines.joined(separator: "\n")
    }

    private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String { ReportFormat.pad(text, width, right: right) }
}
