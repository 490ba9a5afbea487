import MergerSimInputs

extension LocalisedErrorTests {
    /// One `RuleSetReason` of every sentence form.
    static let rulesReasons: [InputError.Reason] = []
}
