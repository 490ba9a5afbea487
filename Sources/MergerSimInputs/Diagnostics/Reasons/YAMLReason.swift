import MergerSim

/// YAML syntax and value types, in scenarios, rule files, sweep files and `--set`.
///
/// Keys are `yaml.<name>`, their sentences in `Labels/errors_yaml.<lang>.json`. `what` names the document
/// (`rule file`, `scenario`, `sweep file`); `at` is the key path where a value is wrong followed by `: `, or
/// empty for the whole document; `here` is a key path of a `--set`, empty for the top level.
public enum YAMLReason: ReasonForm {
    /// What a value was expected to be, as the decoder asked for it.
    public enum Expected: Sendable, Equatable {
        case wholeNumber, number, text, flag, singleValue
        /// Another type, by its Swift name (`Mapping`, `Sequence`).
        case other(String)
    }

    // Syntax
    /// The document's bytes are not UTF-8.
    case notUTF8(what: String)
    /// The document holds nothing.
    case empty(what: String)
    /// A syntax error, as the YAML parser words `problem`.
    case syntax(what: String, problem: String)
    /// A key written twice in one mapping.
    case duplicateKey(String, what: String)
    /// Another YAML error, as Yams describes it.
    case otherYAMLError(what: String, detail: String)
    /// An error that is not a YAML error at all, as described.
    case unreadable(what: String, detail: String)

    // Values
    /// A key the value needs is absent.
    case missing(at: String, key: String)
    /// A value of another type.
    case expected(at: String, Expected)
    /// No value where one is expected.
    case expectedFoundNothing(at: String, Expected)
    /// A whole number beyond the type's limits.
    case wholeNumberTooLarge(at: String, text: String, lowest: String, highest: String)
    /// Text that is not a whole number in decimal digits (`signed`: may it be negative).
    case notWholeNumber(at: String, text: String, signed: Bool)
    /// Text that is not a number in plain decimal notation.
    case notDecimal(at: String, text: String)
    /// A value the domain refused.
    case refused(at: String, ValueRefusal)

    // --set
    /// The value given is not YAML.
    case overrideNotYAML
    /// A list position beyond the list.
    case overrideListPosition(here: String, count: Int, name: String)
    /// A key set under a single value.
    case overrideUnderSingleValue(here: String, name: String)
    /// A key whose value is free text given keys.
    case overrideTakesSingleValue(here: String)
    /// A key a scenario's mapping does not know.
    case overrideUnknownKey(String, here: String, known: [String])
    /// A key a rule set does not have.
    case overrideNoKey(String, here: String, keys: [String])

    public var parts: (key: String, english: String, values: [String: String]) {
        let (key, english, values) = ungrouped
        return ("yaml." + key, english, values)
    }

    private var ungrouped: (key: String, english: String, values: [String: String]) {
        switch self {
        case let .notUTF8(what): ("not_utf8", "the {what} is not valid UTF-8", ["what": what])
        case let .empty(what): ("empty", "the {what} is empty", ["what": what])
        case let .syntax(what, problem): ("syntax", "the {what} is not valid YAML: {problem}", ["what": what, "problem": problem])
        case let .duplicateKey(key, what):
            ("duplicate_key", "the key \"{key}\" appears twice in the same mapping of the {what}", ["key": key, "what": what])
        case let .otherYAMLError(what, detail): ("other_error", "the {what} is not valid YAML: {detail}", ["what": what, "detail": detail])
        case let .unreadable(what, detail): ("unreadable", "the {what} cannot be read as YAML: {detail}", ["what": what, "detail": detail])
        case let .missing(at, key): ("missing", "{at}{key} is missing", ["at": at, "key": key])
        case let .expected(at, expected):
            expected.isOther ? ("expected_type", "{at}expected {type} here", ["at": at, "type": expected.english])
                : ("expected_" + expected.key, "{at}expected " + expected.english + " here", ["at": at])
        case let .expectedFoundNothing(at, expected):
            expected.isOther ? ("nothing_type", "{at}expected {type}, found nothing", ["at": at, "type": expected.english])
                : ("nothing_" + expected.key, "{at}expected " + expected.english + ", found nothing", ["at": at])
        case let .wholeNumberTooLarge(at, text, lowest, highest):
            ("whole_number_too_large", "{at}\"{text}\" is too large for a whole number here ({lowest} to {highest})",
             ["at": at, "text": text, "lowest": lowest, "highest": highest])
        case let .notWholeNumber(at, text, signed):
            signed ? ("not_whole_number", "{at}expected " + DecimalText.integerForm + ", found \"{text}\"", ["at": at, "text": text])
                : ("not_count", "{at}expected " + DecimalText.unsignedForm + ", found \"{text}\"", ["at": at, "text": text])
        case let .notDecimal(at, text): ("not_decimal", "{at}expected " + DecimalText.decimalForm + ", found \"{text}\"", ["at": at, "text": text])
        case let .refused(at, refusal):
            (refusal.parts.key, "{at}" + refusal.parts.english, refusal.parts.values.merging(["at": at]) { $1 })
        case .overrideNotYAML: ("override_not_yaml", "the value is not valid YAML", [:])
        case let .overrideListPosition(here, count, name):
            (here.isEmpty ? "override_list_position_top" : "override_list_position",
             (here.isEmpty ? "the top level" : "{here}") + " is a list of {count}; \"{name}\" is not one of its positions 0 to {last}",
             ["here": here, "count": "\(count)", "name": name, "last": "\(count - 1)"])
        case let .overrideUnderSingleValue(here, name):
            (here.isEmpty ? "override_single_value_top" : "override_single_value",
             (here.isEmpty ? "the top level" : "{here}") + " holds a single value, not keys; \"{name}\" cannot be set in it",
             ["here": here, "name": name])
        case let .overrideTakesSingleValue(here):
            (here.isEmpty ? "override_takes_single_value_top" : "override_takes_single_value",
             (here.isEmpty ? "the top level" : "{here}") + " takes a single value, not keys", ["here": here])
        case let .overrideUnknownKey(name, here, known):
            (here.isEmpty ? "override_unknown_key_top" : "override_unknown_key",
             "unknown key \"{name}\" in " + (here.isEmpty ? "the top level" : "{here}") + "; it has {known}",
             ["name": name, "here": here, "known": known.joined(separator: ", ")])
        case let .overrideNoKey(name, here, keys):
            (here.isEmpty ? "override_no_key_top" : "override_no_key",
             "no key \"{name}\" in " + (here.isEmpty ? "the top level" : "{here}") + "; it has {keys}",
             ["name": name, "here": here, "keys": keys.joined(separator: ", ")])
        }
    }
}

extension YAMLReason.Expected {
    /// The Swift type a decoder asked for, as a planner reads it.
    init(_ type: Any.Type) {
        switch type {
        case is Int.Type: self = .wholeNumber
        case is Double.Type: self = .number
        case is String.Type: self = .text
        case is Bool.Type: self = .flag
        default: self = "\(type)" == "Scalar" ? .singleValue : .other("\(type)")
        }
    }

    var isOther: Bool { if case .other = self { true } else { false } }

    /// The key part (`whole_number`…); empty for another type.
    var key: String {
        switch self {
        case .wholeNumber: "whole_number"
        case .number: "number"
        case .text: "text"
        case .flag: "flag"
        case .singleValue: "single_value"
        case .other: ""
        }
    }

    /// The English words.
    var english: String {
        switch self {
        case .wholeNumber: "a whole number"
        case .number: "a number"
        case .text: "text"
        case .flag: "true or false"
        case .singleValue: "a single value"
        case .other(let name): name
        }
    }
}
