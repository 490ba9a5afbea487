import MergerSimInputs

extension LocalisedErrorTests {
    /// One `SweepReason` of every sentence form.
    static let sweepReasons: [InputError.Reason] = [SweepReason]([
        .notMapping, .unknownKey("vray", known: ["name", "runs", "vary"]), .noScenario, .badName(problem: "it is empty"), .badName(problem: nil),
        .runs(max: 100_000, found: nil), .runs(max: 100_000, found: "many"), .seedsNotList, .seedNotWhole(found: nil), .seedNotWhole(found: "-1"),
        .seedTwice("3"), .sampleNotMapping, .sampleUnknownKey("size"), .sampleCount(max: 100_000, found: nil), .sampleCount(max: 100_000, found: "0"),
        .sampleMethod, .sampleSeed(found: nil), .sampleSeed(found: "x"), .noVary, .varyKeyPath("a..b"), .varyClash(key: "transition.runs", clash: "runs"),
        .tooManySettings(max: 100_000), .noValues(key: "transfers.scope"), .valueNotScalar(key: "transfers.scope"),
        .valueTwice(key: "transfers.scope", value: "none"), .rangeNeedsSample(key: "k"), .rangeUnknownKey("mid"), .rangeForm(key: "k"),
        .rangeEnd(key: "k", found: nil), .rangeEnd(key: "k", found: "0,3"), .rangeOrder(key: "k", low: 0.5, high: 0.25),
        .valuesForm(key: "k", sampled: false), .valuesForm(key: "k", sampled: true),
        .valueRefused(key: "transition.runs", value: "0", reason: .transitionRuns(maxRuns: 100_000)),
        .setClash(clash: "seeds", file: "sweep.yaml"),
        .rangesNotMapping, .rangesForm(key: "k"), .rangesDistribution(key: "k", found: "beta"),
        .rangesUnknownField(key: "k", field: "mode", distribution: "uniform", known: "min, max"),
        .rangesMissingField(key: "k", field: "sd", distribution: "normal"), .rangesNotNumber(key: "k", field: "min", found: nil),
        .rangesNotNumber(key: "k", field: "min", found: "0,3"), .rangesOrder(key: "k", low: "0.4", high: "0.2"),
        .rangesMode(key: "k", mode: "0.9", low: "0.1", high: "0.5"), .rangesSD(key: "k", found: "0"),
        .rangesMeanOutside(key: "k", field: "max", bound: "40", mean: "45"), .rangesUnknownKey("rules.transition.years"),
        .rangesRefused(key: "rules.transition.exits.resignation_uptake", value: "1.5", reason: .transitionRuns(maxRuns: 100_000)),
    ]).map { .sweep($0) }
}
