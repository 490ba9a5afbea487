/// How a person leaves a unit's staff: the one route type of the transition's records, its leavers, the
/// decrees' formulas and the quotes `mergersim package` prints.
///
/// The transition records the first five (``recorded``). ``endOfPost`` is what a non-professional worker
/// is quoted when their post ends or their unit is over quota: the transition counts those who
/// take it when offered as ``resignation`` and those whose category ends as ``categoryEnded``.
public enum ExitRoute: String, Sendable, Hashable, CaseIterable, Codable {
    /// Statutory retirement.
    case retirement
    /// Early retirement offered under the merger decree in force.
    case earlyRetirement = "early_retirement"
    /// Resignation offered under the merger decree in force, or a non-professional worker's
    /// acceptance of the end-of-post allowance offered in a unit over quota.
    case resignation
    /// Leaving of one's own accord, at the category's yearly rate.
    case voluntary
    /// The end of a category the rule set ends.
    case categoryEnded = "category_ended"
    /// A non-professional worker's allowance when the post ends or the unit is over quota.
    case endOfPost = "end_of_post"

    /// The routes the transition records, in the order its outputs list them.
    public static let recorded: [ExitRoute] = [.retirement, .earlyRetirement, .resignation, .voluntary, .categoryEnded]

    /// The routes priced by a quote: early retirement and resignation under a decree, and the end-of-post allowance.
    public static let quoted: [ExitRoute] = [.earlyRetirement, .resignation, .endOfPost]
}

/// A value for each exit route (fields, not an array: the transition counts every exit in one), as
/// ``PerCategory`` is for each staff category.
public struct PerRoute<Value: Sendable & Codable & Hashable>: Sendable, Codable, Hashable {
    public var retirement: Value
    public var earlyRetirement: Value
    public var resignation: Value
    public var voluntary: Value
    public var categoryEnded: Value
    public var endOfPost: Value

    /// The same value for every route.
    public init(repeating value: Value) {
        retirement = value
        earlyRetirement = value
        resignation = value
        voluntary = value
        categoryEnded = value
        endOfPost = value
    }

    /// The value of `route`.
    public subscript(route: ExitRoute) -> Value {
        @inline(__always) get {
            switch route {
            case .retirement: retirement
            case .earlyRetirement: earlyRetirement
            case .resignation: resignation
            case .voluntary: voluntary
            case .categoryEnded: categoryEnded
            case .endOfPost: endOfPost
            }
        }
        @inline(__always) set {
            switch route {
            case .retirement: retirement = newValue
            case .earlyRetirement: earlyRetirement = newValue
            case .resignation: resignation = newValue
            case .voluntary: voluntary = newValue
            case .categoryEnded: categoryEnded = newValue
            case .endOfPost: endOfPost = newValue
            }
        }
    }
}

/// People who left by route.
public typealias ExitCounts = PerRoute<Int>

extension PerRoute where Value == Int {
    /// No one, by every route.
    public static var zero: ExitCounts { ExitCounts(repeating: 0) }

    /// Everyone who left, by any route.
    public var total: Int { retirement + earlyRetirement + resignation + voluntary + categoryEnded + endOfPost }
}
