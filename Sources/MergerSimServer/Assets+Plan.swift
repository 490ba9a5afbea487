extension Assets {
    /// The plan editor's script.
    static let planScript = ""
}
