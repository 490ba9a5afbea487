import GSL

/// Why a synthetic roster could not be drawn.
public enum SyntheticRosterError: Error, Sendable, CustomStringConvertible {
    /// GSL could not make the random source the people are drawn from (an internal failure).
    case randomSource(GSLError)
    /// A category's distribution gave no value inside its window (see ``UndrawableDistribution``).
    case undrawable(UndrawableDistribution)

    public var description: String {
        switch self {
        case .randomSource(let error): "GSL failed: \(error)"
        case .undrawable(let distribution): distribution.description
        }
    }
}

/// A synthetic roster's normal distribution that gave no value inside its window in
/// ``SyntheticRosterParameters/maxDraws`` draws: the window holds almost none of it.
///
/// A rule set read by the rules loader cannot give one: it requires each window to hold at least
/// 1 in 10,000 of its distribution, so a million draws all fall outside with probability below e⁻¹⁰⁰.
public struct UndrawableDistribution: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was being drawn.
    public enum Quantity: String, Hashable, Sendable {
        case age
        case salaryCoefficient = "salary coefficient"
    }

    public var category: StaffCategory
    public var quantity: Quantity
    public var mean: Double
    public var standardDeviation: Double
    /// The window's lower end, included.
    public var lower: Double
    /// The window's upper end, excluded (infinity for none).
    public var upper: Double

    public var description: String {
        let window = upper.isFinite ? "from \(lower) to below \(upper)" : "of \(lower) or more"
        return "the synthetic roster's \(category.rawValue) \(quantity.rawValue) (normal, mean \(mean), standard deviation "
            + "\(standardDeviation)) gave no value \(window) in \(SyntheticRosterParameters.maxDraws) draws; "
            + "the window holds almost none of the distribution"
    }
}
