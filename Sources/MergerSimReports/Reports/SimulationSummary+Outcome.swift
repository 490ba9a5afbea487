import MergerSim
import MergerSimInputs

extension SimulationSummary {
    /// The summary of a run of `inputs` through the transition (what `simulate` writes as summary.csv,
    /// and what a sweep stores per setting).
    /// - Throws: ``InternalError`` when the outcome stopped before the transition.
    public init(_ inputs: ScenarioInputs, _ outcome: ScenarioRun.Outcome) throws(InternalError) {
        guard let reallocation = outcome.reallocation, let transition = outcome.transition else {
            throw InternalError("the pipeline stopped before the transition")
        }
        let run = inputs.run
        let funds = run.allowanceFunds(reallocation.after)
        self.init(before: outcome.before, after: reallocation.after, deadline: run.rules.deadline.date(effective: run.settings.effectiveDate),
                  deadlines: run.deadlines, allowanceFund: funds.map { $0.reduce(0, +) }, reallocation: reallocation,
                  transition: (transition.summary, transition.model.years, run.settings.runs))
    }
}
