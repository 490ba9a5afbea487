import MergerSimInputs

extension LocalisedErrorTests {
    /// One `OutputReason` of every sentence form.
    static let outputReasons: [InputError.Reason] = []
}
