import MergerSim
import MergerSimInputs

extension YAMLReason {
    /// The placeholders' values as `labels`' language writes them: the document named in the language
    /// (`yaml_what.<what>`), the YAML parser's commonest problems in its words (`yaml_problem.<name>`, others as
    /// the parser words them), numbers with its separators.
    /// Key paths, keys and the names a file may write stay as written.
    func values(in labels: Labels) -> [String: String] {
        var values = parts.values
        if let what = values["what"] { values["what"] = labels.value(what, column: "yaml_what") }
        switch self {
        case .syntax(_, let problem):
            values["problem"] = Self.problemKeys[problem].map { labels("yaml_problem." + $0) } ?? problem
        case .refused(_, let refusal):
            values.merge(refusal.values(in: labels)) { $1 }
        default: break
        }
        return values
    }

    /// The YAML parser's (libyaml's) commonest problems, by the label key of their sentence.
    static let problemKeys: [String: String] = [
        "found character that cannot start any token": "cannot_start_token",
        "found a tab character that violates indentation": "tab_violates_indentation",
        "found a tab character where an indentation space is expected": "tab_indentation",
        "did not find expected ',' or ']'": "unclosed_flow_sequence",
        "did not find expected ',' or '}'": "unclosed_flow_mapping",
        "mapping values are not allowed in this context": "mapping_value_here",
        "could not find expected ':'": "no_colon",
        "did not find expected key": "no_key",
        "did not find expected node content": "no_content",
        "did not find expected '-' indicator": "no_dash",
        "found unexpected end of stream": "end_of_stream",
        "found undefined alias": "undefined_alias",
        "did not find expected alphabetic or numeric character": "anchor_name",
        "found unknown escape character": "unknown_escape",
    ]
}

extension ValueRefusal {
    /// The values as `labels`' language writes them: numbers with its separators.
    func values(in labels: Labels) -> [String: String] {
        var values = parts.values
        switch self {
        case .unholdableNumber(let value): values["value"] = labels.decimal(value)
        case .tooLarge(_, let max) where labels.language != .en: values["max"] = labels.number(Double(max))
        default: break
        }
        return values
    }
}
