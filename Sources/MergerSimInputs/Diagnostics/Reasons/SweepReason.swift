/// A sweep file, a sensitivity's parameters or its ranges file (`--ranges`, the cases `ranges…`).
///
/// Keys are `sweep.<name>`, their sentences in `Labels/errors_sweep.<lang>.json`. `found` is the single value
/// written where one was expected (nil when the node is not a single value).
public enum SweepReason: ReasonForm {
    /// A sweep file that is not a mapping.
    case notMapping
    /// A key a sweep file does not have.
    case unknownKey(String, known: [String])
    /// No base scenario.
    case noScenario
    /// A `name:` that cannot name a folder (`problem`), or that is not text (nil).
    case badName(problem: String?)
    /// `runs:` not a whole number from 1 to `max`.
    case runs(max: Int, found: String?)
    /// `seeds:` not a list.
    case seedsNotList
    /// A seed that is not a whole number from 0.
    case seedNotWhole(found: String?)
    /// A seed listed twice.
    case seedTwice(String)
    /// `sample:` not a mapping.
    case sampleNotMapping
    /// A key `sample:` does not have.
    case sampleUnknownKey(String)
    /// `sample.n` outside 1…`max`.
    case sampleCount(max: Int, found: String?)
    /// `sample.method` other than latin_hypercube.
    case sampleMethod
    /// `sample.seed` not a whole number from 0.
    case sampleSeed(found: String?)
    /// No `vary:` keys.
    case noVary
    /// A varied key that is not a dotted key path.
    case varyKeyPath(String)
    /// A varied key the sweep's own `runs` or `seeds` replaces.
    case varyClash(key: String, clash: String)
    /// More settings × seeds than `max`.
    case tooManySettings(max: Int)
    /// An empty list of values.
    case noValues(key: String)
    /// A value that is not a single value.
    case valueNotScalar(key: String)
    /// A value listed twice.
    case valueTwice(key: String, value: String)
    /// A range without `sample:`.
    case rangeNeedsSample(key: String)
    /// A key a range does not have.
    case rangeUnknownKey(String)
    /// A range without min or max.
    case rangeForm(key: String)
    /// A range's end that is not a plain decimal.
    case rangeEnd(key: String, found: String?)
    /// A range whose min is not below its max.
    case rangeOrder(key: String, low: Double, high: Double)
    /// A varied key's values neither a list nor (when `sampled`) a range.
    case valuesForm(key: String, sampled: Bool)
    /// A varied value the scenario or rule set refuses (`reason`: why).
    indirect case valueRefused(key: String, value: String, reason: InputError.Reason)
    /// A `--set` that the sweep file's `runs` or `seeds` (`clash`) replaces, in `file`.
    case setClash(clash: String, file: String)
    /// A ranges file that is not a mapping of keys to ranges.
    case rangesNotMapping
    /// A key's range that is not a mapping.
    case rangesForm(key: String)
    /// A `distribution:` other than uniform, triangular or normal.
    case rangesDistribution(key: String, found: String)
    /// A field the key's distribution does not take (`known`: those it does).
    case rangesUnknownField(key: String, field: String, distribution: String, known: String)
    /// A field the key's distribution needs.
    case rangesMissingField(key: String, field: String, distribution: String)
    /// A field that is not a plain decimal.
    case rangesNotNumber(key: String, field: String, found: String?)
    /// A min not below its max (as written).
    case rangesOrder(key: String, low: String, high: String)
    /// A triangular mode outside min…max.
    case rangesMode(key: String, mode: String, low: String, high: String)
    /// A normal's sd not above 0.
    case rangesSD(key: String, found: String)
    /// A normal's `min` (`field`) not below its mean, or its `max` not above.
    case rangesMeanOutside(key: String, field: String, bound: String, mean: String)
    /// A key that is not an NC number of the scenario's rule set.
    case rangesUnknownKey(String)
    /// An end of a key's range that the scenario's rule set refuses (`reason`: why).
    indirect case rangesRefused(key: String, value: String, reason: InputError.Reason)

    public var parts: (key: String, english: String, values: [String: String]) {
        let (key, english, values) = unprefixed
        return ("sweep." + key, english, values)
    }

    private var unprefixed: (key: String, english: String, values: [String: String]) {
        switch self {
        case .notMapping: ("not_mapping", "the sweep file must be a mapping of keys (scenario, vary, …)", [:])
        case let .unknownKey(key, known):
            ("unknown_key", "unknown key \"{key}\"; a sweep file has {known}", ["key": key, "known": known.joined(separator: ", ")])
        case .noScenario: ("no_scenario", "{key}: give the base scenario file (relative to this file)", ["key": "scenario"])
        case let .badName(problem?): ("name_problem", "name: {problem}", ["problem": problem])
        case .badName(nil): ("name_not_text", "name: give the sweep's name as text", [:])
        case let .runs(max, found): Self.found(("runs", "runs: give a whole number of replications from 1 to {max}", ["max": "\(max)"]), found)
        case .seedsNotList: ("seeds_not_list", "seeds: give a list of seeds, e.g. [1, 2]", [:])
        case let .seedNotWhole(found): Self.found(("seed_not_whole", "seeds: each seed is a whole number from 0 in decimal digits", [:]), found)
        case let .seedTwice(seed): ("seed_twice", "seeds: {seed} is listed twice", ["seed": seed])
        case .sampleNotMapping: ("sample_not_mapping", "sample: give {n: 50, method: latin_hypercube}", [:])
        case let .sampleUnknownKey(key): ("sample_unknown_key", "unknown key \"{key}\" in sample; it has {known}", ["key": key, "known": "method, n, seed"])
        case let .sampleCount(max, found):
            Self.found(("sample_count", "sample.n: give the number of settings to draw, from 1 to {max}", ["max": "\(max)"]), found)
        case .sampleMethod: ("sample_method", "sample.method: the one method is latin_hypercube", [:])
        case let .sampleSeed(found): Self.found(("sample_seed", "{key}: a whole number from 0 in decimal digits", ["key": "sample.seed"]), found)
        case .noVary: ("no_vary", "vary: give at least one key and its values, e.g. {example}", ["example": "transfers.scope: [none, district]"])
        case let .varyKeyPath(key): ("vary_key_path", "vary: \"{key}\" is not a dotted key path such as {example}", ["key": key, "example": "transfers.scope"])
        case let .varyClash(key, clash):
            ("vary_clash", "vary.{key}: the sweep's {clash} would take its place in every setting; vary it or give {clash}, not both",
             ["key": key, "clash": clash])
        case let .tooManySettings(max):
            ("too_many_settings", "the sweep has more than {max} settings × seeds; vary fewer values or sample", ["max": "\(max)"])
        case let .noValues(key): ("no_values", "vary.{key}: give at least one value", ["key": key])
        case let .valueNotScalar(key): ("value_not_scalar", "vary.{key}: each value is a single value (text or a number)", ["key": key])
        case let .valueTwice(key, value): ("value_twice", "vary.{key}: {value} is listed twice", ["key": key, "value": value])
        case let .rangeNeedsSample(key):
            ("range_needs_sample", "vary.{key}: a range {min, max} needs sample: {n: …, method: latin_hypercube}; a grid varies lists", ["key": key])
        case let .rangeUnknownKey(key): ("range_unknown_key", "unknown key \"{key}\" in a range; it has min, max", ["key": key])
        case let .rangeForm(key): ("range_form", "vary.{key}: a range is {min: number, max: number}", ["key": key])
        case let .rangeEnd(key, found):
            Self.found(("range_end", "vary.{key}: a range is {min: number, max: number}, each " + DecimalText.decimalForm,
                        ["key": key]), found)
        case let .rangeOrder(key, low, high):
            ("range_order", "vary.{key}: min ({low}) must be below max ({high})", ["key": key, "low": "\(low)", "high": "\(high)"])
        case let .valuesForm(key, sampled):
            sampled ? ("values_form_sampled", "vary.{key}: give a list of values [a, b] or a range {min: a, max: b}", ["key": key])
                : ("values_form", "vary.{key}: give a list of values [a, b]", ["key": key])
        case let .valueRefused(key, value, reason):
            ("value_refused", "vary.{key} = {value}: {reason}", ["key": key, "value": value, "reason": reason.english])
        case let .setClash(clash, file):
            ("set_clash", "the sweep file's {clash} takes its place in every setting; change {clash} in {file} instead", ["clash": clash, "file": file])
        case .rangesNotMapping:
            ("ranges_not_mapping", "the ranges file must be a mapping of rule-set keys to ranges, e.g. {example}",
             ["example": "rules.transition.exits.resignation_uptake: {min: 0.1, max: 0.4}"])
        case let .rangesForm(key):
            ("ranges_form", "{key}: give {min: a, max: b} or a distribution (uniform, triangular or normal), e.g. {distribution: triangular, min: a, mode: b, max: c}", ["key": key])
        case let .rangesDistribution(key, found):
            ("ranges_distribution", "{key}: distribution \"{found}\" is not uniform, triangular or normal", ["key": key, "found": found])
        case let .rangesUnknownField(key, field, distribution, known):
            ("ranges_unknown_field", "{key}: unknown field \"{field}\"; a {distribution} range has {known}",
             ["key": key, "field": field, "distribution": distribution, "known": known])
        case let .rangesMissingField(key, field, distribution):
            ("ranges_missing_field", "{key}: a {distribution} range needs {field}", ["key": key, "field": field, "distribution": distribution])
        case let .rangesNotNumber(key, field, found):
            Self.found(("ranges_not_number", "{key}.{field}: give " + DecimalText.decimalForm, ["key": key, "field": field]), found)
        case let .rangesOrder(key, low, high):
            ("ranges_order", "{key}: min ({low}) must be below max ({high})", ["key": key, "low": low, "high": high])
        case let .rangesMode(key, mode, low, high):
            ("ranges_mode", "{key}: mode ({mode}) must be from min ({low}) to max ({high})", ["key": key, "mode": mode, "low": low, "high": high])
        case let .rangesSD(key, found):
            ("ranges_sd", "{key}: sd ({found}) must be above 0", ["key": key, "found": found])
        case let .rangesMeanOutside(key, field, bound, mean):
            ("ranges_mean_outside", "{key}: the normal's mean ({mean}) must lie between its min and max, not beyond {field} ({bound})",
             ["key": key, "field": field, "bound": bound, "mean": mean])
        case let .rangesUnknownKey(key):
            ("ranges_unknown_key", "\"{key}\" is not an NC number of the scenario's rule set (the keys sensitivity.csv lists)", ["key": key])
        case let .rangesRefused(key, value, reason):
            ("ranges_refused", "{key} = {value}: {reason}", ["key": key, "value": value, "reason": reason.english])
        }
    }

    /// The form naming what was written (`…, not "VALUE"`, key `<key>_found`) when `found` is given.
    private static func found(_ parts: (key: String, english: String, values: [String: String]), _ found: String?)
        -> (key: String, english: String, values: [String: String]) {
        guard let found else { return parts }
        var values = parts.values
        values["found"] = found
        return (parts.key + "_found", parts.english + ", not \"{found}\"", values)
    }
}
