import Foundation
import MergerSim
import MergerSimInputs

/// `report.html` of `mergersim propose`, in the chosen language: the proposal in sentences
/// (``ProposalSummary``), the proposal drawn on a latitude/longitude map, each new unit's reason in words
/// with names (``ProposalReason``), and the plan exhibit (``PlanExhibit``: the units after with their members,
/// then the units before with their screening verdicts). Self-contained like ``RunReport``.
public enum ProposalPage {
    /// What the page shows.
    public struct Input {
        /// The proposal and its units.
        public var report: ProposalReport
        /// The proposal counted.
        public var summary: ProposalSummary
        /// The plan with names: the units before as screened, the units after as judged.
        public var exhibit: PlanExhibit
        /// Each group's reason, in the order of the proposal's groups.
        public var reasons: [ProposalReason]
        /// The seed of the target mode's draws.
        public var seed: UInt64

        public init(report: ProposalReport, summary: ProposalSummary, exhibit: PlanExhibit, reasons: [ProposalReason], seed: UInt64) {
            self.report = report
            self.summary = summary
            self.exhibit = exhibit
            self.reasons = reasons
            self.seed = seed
        }
    }

    /// The colour of each screening verdict on the map.
    static let verdictColours: [Verdict: String] = [.merge: "#c62828", .borderline: "#ef6c00", .exempt: "#1565c0", .keep: "#9e9e9e"]

    /// The page in `l`'s language.
    public static func html(_ input: Input, labels l: Labels) -> Data {
        let e = SVGChart.escape
        let title = l("propose.report.title", ["rules": input.summary.rules])
        var page = RunReport.head(title: title, subtitle: l("propose.report.subtitle", [
            "mode": l("propose.mode.\(input.summary.mode)"), "units": l.number(Double(input.summary.units)), "seed": String(input.seed),
        ]), labels: l)
        page += "<section class=\"headline\"><h2>\(e(l("propose.report.headline")))</h2>"
            + input.summary.lines(l, citations: input.exhibit.citations).map { "<p>\(e($0))</p>" }.joined() + "</section>"
        page += "<section><figure><figcaption>\(e(l("propose.report.map_title")))</figcaption>\(map(input, labels: l))</figure></section>"
        let merging = input.reasons.filter { $0.group.members.count >= 2 }, single = input.reasons.filter { $0.group.members.count < 2 }
        page += "<section><h2>\(e(l("propose.report.reasons_title")))</h2><ol>"
        for reason in merging {
            let lead = reason.newUnit?.result.unit
            page += "<li>" + (lead.map { "<b><span class=\"code\">\(e($0.code))</span> \(e($0.name))</b>: " } ?? "") + e(reason.text(l)) + "</li>"
        }
        page += "</ol>"
        // Groups of one: units that must merge and could not (mandatory mode), or units kept on their own (target mode).
        for (title, reasons) in [("propose.report.unfixed_title", single.filter { $0.group.cannotBeFixed }),
                                 ("propose.report.kept_title", single.filter { !$0.group.cannotBeFixed })] where !reasons.isEmpty {
            page += "<h2>\(e(l(title)))</h2><ul>" + reasons.map { "<li>\(e($0.text(l)))</li>" }.joined() + "</ul>"
        }
        page += "</section>"
        page += RunReport.exhibitSection(input.exhibit, labels: l)
        page += "<footer>\(e(l("report.footer", ["version": MergerSimVersion.current])))</footer></body></html>\n"
        return Data(page.utf8)
    }

    /// The proposal on a latitude/longitude map: every unit with a position as a dot coloured by its screening
    /// verdict; one line (class `join`) from each member of a new unit to the new unit's lead (the member whose
    /// code the new unit takes), the lead ringed in the colour of the new unit's judged outcome; a legend, and
    /// the units without a position listed, not drawn.
    static func map(_ input: Input, labels l: Labels) -> String {
        let e = SVGChart.escape
        let before = input.exhibit.before
        let placed = before.compactMap { s in s.unit.location.map { (s, $0) } }
        let unplaced = before.filter { $0.unit.location == nil }.map { "\($0.unit.name) (\($0.unit.code))" }
        let notDrawn = unplaced.isEmpty ? ""
            : "<p class=\"note\">\(e(l("propose.report.not_drawn", ["units": unplaced.joined(separator: ", ")])))</p>"
        guard !placed.isEmpty else { return "<p class=\"note\">\(e(l("report.map_none")))</p>" + notDrawn }
        // The units the proposal changes set the frame; the others are drawn where they fall in it.
        let changed = Set(input.exhibit.changed.flatMap { $0.members.map(\.screening.unit.code) })
        let framed = placed.filter { changed.contains($0.0.unit.code) }
        let frame = framed.isEmpty ? placed : framed
        let (xr, yr, aspect) = SVGChart.frame(of: frame.map(\.1))
        let width = 660.0, height = min(900, max(260, 600 * aspect))
        var chart = SVGChart(width: width, height: height, margins: (8, 8, 8, 8), x: xr, y: yr)
        func inside(_ p: Coordinate) -> Bool { xr.contains(p.longitude) && yr.contains(p.latitude) }
        let at = Dictionary(placed.map { ($0.0.unit.code, $0.1) }, uniquingKeysWith: { a, _ in a })
        let radius = placed.count > 500 ? 2.0 : placed.count > 50 ? 3.0 : 5
        for unit in input.exhibit.changed {
            guard let lead = at[unit.result.unit.code] else { continue }
            for member in unit.members where member.screening.unit.code != unit.result.unit.code {
                guard let p = at[member.screening.unit.code] else { continue }
                chart.segment(p.longitude, p.latitude, lead.longitude, lead.latitude, stroke: "#37474f", width: 1.2, opacity: 0.8, cssClass: "join")
            }
            chart.dot(lead.longitude, lead.latitude, radius: radius + 2.5, fill: RunReport.outcomeColours[unit.result.outcome] ?? "#777",
                      title: "\(unit.result.unit.code) \(unit.result.unit.name): \(l("outcome.\(unit.result.outcome.rawValue)"))")
        }
        for (s, p) in placed where inside(p) {
            chart.dot(p.longitude, p.latitude, radius: changed.contains(s.unit.code) ? radius : radius * 0.6, fill: verdictColours[s.verdict] ?? "#777",
                      title: "\(s.unit.code) \(s.unit.name): \(l.value(s.verdict.rawValue, column: "verdict"))")
        }
        let verdicts = Verdict.allCases.map {
            "<span class=\"dot\" style=\"background:\(verdictColours[$0] ?? "#777")\"></span>\(e(l.value($0.rawValue, column: "verdict")))"
        }.joined(separator: " ")
        let outcomes = StandardsOutcome.allCases.map {
            "<span class=\"dot\" style=\"background:\(RunReport.outcomeColours[$0] ?? "#777")\"></span>\(e(l("outcome.\($0.rawValue)")))"
        }.joined(separator: " ")
        return chart.svg + "<p class=\"note\">\(e(l("propose.report.map_verdicts"))) \(verdicts)<br>\(e(l("propose.report.map_outcomes"))) \(outcomes)<br>"
            + "\(e(l("propose.report.map_note")))</p>" + notDrawn
    }
}
