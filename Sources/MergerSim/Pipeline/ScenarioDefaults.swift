/// What a scenario run takes where neither the scenario nor the command line says: one place that the
/// pipeline, the scenario reader and the help texts all read.
public enum ScenarioDefaults {
    /// The seed of every random draw of a run.
    public static let seed: UInt64 = 42
    /// Monte Carlo replications of the transition.
    public static let runs = 1_000
}
