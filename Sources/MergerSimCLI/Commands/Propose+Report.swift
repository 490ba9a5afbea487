import Foundation
import MergerSim
import MergerSimInputs
import MergerSimReports

/// What `propose` writes for people: report.html (and report.xlsx with --xlsx) and the console summary, in
/// the language of --lang; kept apart from ``Propose/execute(arguments:console:)``, which reads, proposes and writes.
extension Propose {
    /// A proposal made ready for its readers: the units before as screened, the plan with names, each group's
    /// reason in words and the proposal counted.
    struct Presentation {
        var screened: [ScreeningResult]
        var exhibit: PlanExhibit
        var reasons: [ProposalReason]
        var summary: ProposalSummary
    }

    /// The presentation of `report` under `rules`: the units screened by the round (the mandatory mode's, or
    /// in target mode the rule set's default round, for the verdicts shown), the units after as judged.
    /// - Throws: ``InputError`` 64 for a round the rule set does not have; the screening's error at its row of `file`.
    func presentation(_ report: ProposalReport, rules: RuleSet, file: UnitsFile) throws -> Presentation {
        let number = round ?? rules.screening.defaultRound
        guard let screening = rules.screening.round(number) else {
            throw InputError(.usage, file: self.rules, reason: .command(.noScreeningRound(ruleSet: rules.id, round: number, rounds: nil)))
        }
        let screened: [ScreeningResult]
        do {
            screened = try rules.screen(report.units, round: screening)
        } catch {
            throw file.located(error)
        }
        let exhibit = try PlanExhibit(before: screened, after: report.result.judged, citations: rules.citations)
        let newUnits = Dictionary(exhibit.after.map { ($0.result.unit.code, $0) }, uniquingKeysWith: { a, _ in a })
        let reasons = report.result.groups.map { group in
            let code = report.units[GroupTargets.lead(of: group.members, in: report.units)].code
            return ProposalReason(group, units: report.units, leadScreening: group.lead.map { screened[$0] },
                                  newUnit: group.members.count >= 2 ? newUnits[code] : nil)
        }
        let summary = ProposalSummary(report, mode: mode, rules: rules.id, round: targets == nil ? screening : nil, adjacencyGiven: adjacency != nil)
        return Presentation(screened: screened, exhibit: exhibit, reasons: reasons, summary: summary)
    }

    /// report.html of the proposal in `labels`' language.
    func page(_ report: ProposalReport, _ presentation: Presentation, labels: Labels) -> Data {
        ProposalPage.html(.init(report: report, summary: presentation.summary, exhibit: presentation.exhibit, reasons: presentation.reasons, seed: seed),
                          labels: labels)
    }

    /// The workbook's sheets: the proposal (with each group's reason in words), the plan with names, the units before.
    func sheets(_ report: ProposalReport, _ presentation: Presentation) -> [(key: String, table: ReportTable)] {
        let reasons = Dictionary(zip(report.result.groups, presentation.reasons), uniquingKeysWith: { a, _ in a })
        return [("proposal", report.table(reason: { group in reasons[group] ?? ProposalReason(group, units: report.units, leadScreening: nil, newUnit: nil) })),
                ("plan", presentation.exhibit.table), ("units_before", ScreeningReport.table(presentation.screened))]
    }
}
