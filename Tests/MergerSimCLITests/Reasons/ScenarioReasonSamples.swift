import MergerSimInputs

extension LocalisedErrorTests {
    /// One `ScenarioReason` of every sentence form.
    static let scenarioReasons: [InputError.Reason] = []
}
