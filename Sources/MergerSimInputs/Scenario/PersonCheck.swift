import MergerSim

/// Whether a person can be on the staff on a day: born before it, of working age then
/// (``Limits/earliestWorkingAge``), and insured for no longer than the years since that age. The roster
/// (with the scenario's effective date) and `mergersim package` (with its dates) refuse anyone else
/// before pricing them. A birth date given as a year or a month is taken at its earliest day, so only a
/// person impossible on every reading of it is refused.
public enum PersonCheck {
    /// Why someone born `born` cannot be on the staff on `date`, typed; nil when they can.
    public enum BirthFinding: Equatable, Sendable {
        /// Born after the day.
        case bornAfter
        /// `years` old that day, younger than ``Limits/earliestWorkingAge``.
        case tooYoung(years: Int)
    }

    /// Why someone born `born` cannot be on the staff on `date`; nil when they can.
    public static func birthFinding(_ born: BirthDate, on date: CalendarDate) -> BirthFinding? {
        if date < born.earliest { return .bornAfter }
        let months = born.monthsOfAge(on: date)
        return months < Limits.earliestWorkingAge * 12 ? .tooYoung(years: months / 12) : nil
    }

    /// The most insurance years someone born `born` can have on `date` (to hundredths, without trailing zeros) when
    /// `years` is more; nil when `years` is possible.
    public static func insuranceLimit(_ years: Double, born: BirthDate, on date: CalendarDate) -> String? {
        let months = max(0, born.monthsOfAge(on: date) - Limits.earliestWorkingAge * 12)
        return years > Double(months) / 12 ? hundredths(months) : nil
    }

    /// Months as years, rounded down to hundredths, without trailing zeros: 247 → 20.58, 240 → 20.
    static func hundredths(_ months: Int) -> String {
        let h = months * 100 / 12
        let fraction = h % 100
        guard fraction != 0 else { return String(h / 100) }
        let digits = fraction < 10 ? "0\(fraction)" : String(fraction)
        return "\(h / 100)." + (digits.hasSuffix("0") ? String(digits.dropLast()) : digits)
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
