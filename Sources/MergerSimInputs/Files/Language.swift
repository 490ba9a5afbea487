/// A language mergersim writes for people in: the console summary, the report and the workbook.
/// A scenario's `lang` and the `--lang` flag are read into it.
public enum Language: String, Sendable, CaseIterable {
    case en, vi
}
