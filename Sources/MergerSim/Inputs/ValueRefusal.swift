/// Why a value a file writes was refused while it was decoded: the typed `underlyingError` of the
/// `DecodingError` a domain type throws, so the reader can say the sentence in the user's language.
///
/// ``english`` is the English sentence (also the `DecodingError`'s description); ``parts`` gives its label
/// key, template and values for the readers' own reasons.
public enum ValueRefusal: Error, Sendable, Equatable {
    /// What a name was read as, when the sentence names it.
    public enum Subject: String, Sendable, Equatable {
        case transfersScope = "transfers scope"
        case provinceClass = "province class"
        case offerModel = "offer model"
        case window

        /// The part of the label key that names it.
        var key: String {
            switch self {
            case .transfersScope: "transfers_scope"
            case .provinceClass: "province_class"
            case .offerModel: "offer_model"
            case .window: "window"
            }
        }
    }

    /// `text` is none of the names `choices` (a mapping's key when `subject` is nil).
    case name(subject: Subject?, text: String, choices: [String])
    /// Not a date `YYYY-MM-DD` within the years mergersim takes.
    case date(text: String, firstYear: Int, lastYear: Int)
    /// Not a fraction `n/d` of whole numbers above 0.
    case fraction(text: String)
    /// A number (given as a number, not text) beyond what a fixed decimal holds.
    case unholdableNumber(Double)
    /// A decimal above `max`.
    case tooLarge(text: String, max: Int64)
    /// A decimal with more than `maxDecimals` decimals.
    case tooManyDecimals(text: String, maxDecimals: Int)
    /// Text that is not digits with at most one point.
    case notDecimal(text: String)

    /// The label key (within the reader's group), the English template and the placeholders' values.
    public var parts: (key: String, english: String, values: [String: String]) {
        switch self {
        case let .name(subject, text, choices):
            switch subject {
            case nil: ("name_not_key", "\"{text}\" is not one of {choices}", ["text": text, "choices": choices.joined(separator: ", ")])
            case .provinceClass?:
                ("name_not_province_class", "province class \"{text}\" is not one of {choices}",
                 ["text": text, "choices": choices.joined(separator: ", ")])
            case let subject?:
                ("name_not_" + subject.key, subject.rawValue + " \"{text}\" is not {choices} or {last}",
                 ["text": text, "choices": choices.dropLast().joined(separator: ", "), "last": choices.last ?? ""])
            }
        case let .date(text, firstYear, lastYear):
            ("not_date", "\"{text}\" is not a date YYYY-MM-DD between {first} and {last}",
             ["text": text, "first": "\(firstYear)", "last": "\(lastYear)"])
        case let .fraction(text): ("not_fraction", "expected a fraction such as 1/3, found \"{text}\"", ["text": text])
        case let .unholdableNumber(value): ("unholdable_number", "{value} is not a number mergersim can hold", ["value": "\(value)"])
        case let .tooLarge(text, max): ("decimal_too_large", "{text} is too large (at most {max})", ["text": text, "max": "\(max)"])
        case let .tooManyDecimals(text, maxDecimals):
            ("decimal_too_many_decimals", "{text} has more than {decimals} decimals", ["text": text, "decimals": "\(maxDecimals)"])
        case let .notDecimal(text): ("not_decimal_text", "expected a number (digits, at most one point), found \"{text}\"", ["text": text])
        }
    }

    /// The English sentence.
    public var english: String { parts.english.filled(with: parts.values) }
}
