import MergerSimInputs

extension LocalisedErrorTests {
    /// One `StoreReason` of every sentence form.
    static let storeReasons: [InputError.Reason] = []
}
