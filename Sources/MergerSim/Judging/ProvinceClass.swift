/// The class of a province that the ward targets of tell apart.
///
/// A rule set's merged-unit target may apply to one class only (`province_class:`); a scenario or a
/// proposal says which class each province is (``ProvinceClasses``). A province it does not list is
/// ``unlisted``.
public enum ProvinceClass: String, Sendable, Hashable, CaseIterable, Codable {
    /// A centrally run city (thành phố trực thuộc trung ương).
    case centrallyRun = "centrally_run"
    /// A mountainous or border province.
    case mountainousBorder = "mountainous_border"
    /// Any other province.
    case other

    /// The class of a province a scenario or proposal does not list: ``other``.
    public static let unlisted: ProvinceClass = .other

    /// The class names as files write them, in order: `centrally_run, mountainous_border, other`.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// Reads a class name, refusing any other text with a sentence naming the classes (located by the reader).
    public init(from decoder: any Decoder) throws {
        try self.init(named: decoder, subject: .provinceClass)
    }
}

/// Each province's class for the ward targets of, as a scenario or proposal lists them; a
/// province not listed is ``ProvinceClass/unlisted``.
public struct ProvinceClasses: Sendable, Hashable {
    /// The provinces given a class, by name.
    public var listed: [String: ProvinceClass]

    public init(_ listed: [String: ProvinceClass] = [:]) { self.listed = listed }

    /// The class of `province`: its listed one, else ``ProvinceClass/unlisted``.
    public subscript(province: String) -> ProvinceClass { listed[province] ?? .unlisted }
}
