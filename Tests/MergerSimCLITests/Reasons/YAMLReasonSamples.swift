import MergerSimInputs

extension LocalisedErrorTests {
    /// One `YAMLReason` of every sentence form.
    static let yamlReasons: [InputError.Reason] = []
}
