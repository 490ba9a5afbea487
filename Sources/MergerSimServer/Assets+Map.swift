extension Assets {
    /// The map (units page, plan page): see `docs/WORKBENCH.md`, "The map".
    static let mapScript = ""
    /// Sorting and filtering a table in the page.
    static let tableScript = ""
}
