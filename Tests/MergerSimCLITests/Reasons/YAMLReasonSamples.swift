import MergerSim
import MergerSimInputs

extension LocalisedErrorTests {
    /// One `YAMLReason` of every sentence form.
    static let yamlReasons: [InputError.Reason] = ([
        .notUTF8(what: "rule file"), .empty(what: "scenario"), .syntax(what: "sweep file", problem: "found character that cannot start any token"),
        .syntax(what: "scenario", problem: "found a tab character that violates indentation"),
        .duplicateKey("runs", what: "scenario"), .otherYAMLError(what: "scenario", detail: "x"), .unreadable(what: "rule file", detail: "x"),
        .missing(at: "transition: ", key: "runs"), .missing(at: "", key: "id"),
        .expected(at: "standards: ", .other("Sequence")), .expectedFoundNothing(at: "standards.3: ", .other("Any")),
        .wholeNumberTooLarge(at: "transition.runs: ", text: "99999999999", lowest: "-2147483648", highest: "2147483647"),
        .notWholeNumber(at: "transition.years: ", text: "0x1F", signed: true), .notWholeNumber(at: "seed: ", text: "-1", signed: false),
        .notDecimal(at: "transfers.max_km: ", text: ".inf"),
        .refused(at: "rounds.x: ", .name(subject: nil, text: "cadre", choices: ["cadres", "civil_servants"])),
        .refused(at: "classes.Hà Nội: ", .name(subject: .provinceClass, text: "city", choices: ["centrally_run", "other"])),
        .refused(at: "transfers.scope: ", .name(subject: .transfersScope, text: "region", choices: ["none", "district", "radius"])),
        .refused(at: "offer_model: ", .name(subject: .offerModel, text: "once", choices: ["lasting", "yearly"])),
        .refused(at: "window: ", .name(subject: .window, text: "before", choices: ["within", "after"])),
        .refused(at: "effective: ", .date(text: "2025-13-01", firstYear: 1900, lastYear: 2200)),
        .refused(at: "share: ", .fraction(text: "1/0")), .refused(at: "area: ", .unholdableNumber(1.5e13)),
        .refused(at: "area: ", .tooLarge(text: "99999999999999", max: 9_223_372_036_854)),
        .refused(at: "area: ", .tooManyDecimals(text: "0.1234567", maxDecimals: 6)), .refused(at: "area: ", .notDecimal(text: "1,5")),
        .overrideNotYAML,
    ] + [.wholeNumber, .number, .text, .flag, .singleValue].flatMap { expected -> [YAMLReason] in
        [.expected(at: "a: ", expected), .expectedFoundNothing(at: "a: ", expected)]
    } + ["", "transition"].flatMap { here -> [YAMLReason] in
        [.overrideListPosition(here: here, count: 2, name: "5"), .overrideUnderSingleValue(here: here, name: "x"),
         .overrideTakesSingleValue(here: here), .overrideUnknownKey("runz", here: here, known: ["runs", "years"]),
         .overrideNoKey("x", here: here, keys: ["id", "title"])]
    }).map(InputError.Reason.yaml)
}
