/// A figure of a ``RunSummary`` as a typed value; renderers decide how it is written.
public enum SummaryValue: Sendable, Equatable {
    /// A count of units, people, posts or moves (also years and replications).
    case count(Int)
    /// Whole VND.
    case money(Int64)
    /// An exact decimal (an area in km²), with the decimals it is written with.
    case decimal(FixedDecimal)
    /// A computed figure, written with `decimals` decimals.
    case figure(Double, decimals: Int)
    /// The transition's verdict on the deadline.
    case verdict(DeadlineVerdict)
    /// A date; nil where there is none (written empty).
    case date(CalendarDate?)
}
