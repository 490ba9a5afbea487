import MergerSimInputs

extension LocalisedErrorTests {
    /// One `SweepReason` of every sentence form.
    static let sweepReasons: [InputError.Reason] = []
}
