/// Whom a timeline row counts: one staff category, or every category together.
public enum TimelineCategory: Hashable, Sendable, CaseIterable {
    /// One staff category.
    case category(StaffCategory)
    /// Every category together (timeline.csv's `all`).
    case all

    /// Each category in ``StaffCategory`` order, then ``all``: the order of timeline.csv.
    public static var allCases: [TimelineCategory] { StaffCategory.allCases.map(Self.category) + [.all] }

    /// The name timeline.csv, summary.csv and the run store write: the category's raw value, or `all`.
    public var name: String {
        switch self {
        case .category(let category): category.rawValue
        case .all: "all"
        }
    }

    /// The staff category, nil for ``all``.
    public var staffCategory: StaffCategory? {
        switch self {
        case .category(let category): category
        case .all: nil
        }
    }
}
