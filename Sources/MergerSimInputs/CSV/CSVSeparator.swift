/// The character between the fields of a CSV file, and with it the file's decimal mark.
///
/// A file is `,`-separated unless its header names the columns of its kind separated by `;`
/// (``CSVTable/init(bytes:file:expecting:)``): the file Excel writes in a locale whose decimal mark is
/// the comma (Vietnamese, French, German…), as "CSV (Comma delimited)" there. Only such a file may write
/// decimals with a comma (`12,5`); in a `,` file a comma always separates fields.
public enum CSVSeparator: UInt8, Sendable, CaseIterable {
    /// `,`, with `.` as the decimal mark (RFC 4180; Excel's "CSV UTF-8 (Comma delimited)" in English locales).
    case comma = 0x2C
    /// `;`, with `,` as the decimal mark (Excel in a locale whose decimal mark is the comma).
    case semicolon = 0x3B

    /// The separator's byte.
    var byte: UInt8 { rawValue }

    /// The separator's character, for messages.
    public var character: Character { self == .comma ? "," : ";" }

    /// The decimal mark of a file with this separator: `.` in a `,` file, `,` in a `;` file.
    public var decimalMark: Character { self == .comma ? "." : "," }

    /// How to get a file mergersim reads without guessing, in Excel's words in English and in Vietnamese.
    static let saveAsAdvice = "save it from Excel as \"CSV UTF-8 (Comma delimited)\" "
        + "(in Vietnamese Excel: \"CSV UTF-8 (Phân cách bằng dấu phẩy)\")"
}
