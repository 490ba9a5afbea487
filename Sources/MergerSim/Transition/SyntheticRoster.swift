import Foundation
import GSL

extension SyntheticRosterParameters {
    /// A roster with exactly the headcounts given, people drawn from the
    /// category's distributions (seeded; the same seed gives the same people).
    ///
    /// Each person: sex by the share of women; age on `on` from a normal
    /// distribution truncated to [minimum age, retirement age) (redrawn until
    /// inside; for the retirement age of the date's year); birth date
    /// that age, in whole months, before `date`; insurance years from `insuredFromAge` to now
    /// (none below); salary coefficient from a normal distribution, at least 1.
    ///
    /// - Parameters:
    ///   - staff: (unit code, headcount) in the order people are made.
    ///   - date: the date ages refer to (the merger's effective date).
    ///   - retirement: the retirement ages that bound the ages drawn.
    ///   - seed: the seed of GSL's mt19937 stream the people are drawn from.
    /// - Throws: ``SyntheticRosterError/undrawable(_:)`` when a window holds almost none of its
    ///   distribution (never for a rule set the loader checked).
    public func roster(_ staff: [(code: String, headcount: Headcount)], on date: CalendarDate,
                       retirement: TransitionRules.RetirementAge, seed: UInt64) throws(SyntheticRosterError) -> [StaffMember] {
        let random: RandomSource
        do {
            random = try RandomSource(seed: seed)
        } catch {
            throw .randomSource(error)
        }
        var people: [StaffMember] = []
        people.reserveCapacity(staff.reduce(0) { $0 + $1.headcount.total })
        for (code, headcount) in staff {
            for category in StaffCategory.allCases {
                let p = self[category]
                for n in 0..<headcount[category] {
                    let sex: StaffMember.Sex = random.uniform() < p.femaleShare ? .female : .male
                    let schedule = sex == .male ? retirement.men : retirement.women
                    let retirementAge = Double(schedule.ageInMonths(reachedIn: date.year)) / 12
                    // Rejection sampling; the rule set's check on load makes the window likely, this bound keeps a
                    // set that was not checked from looping for ever.
                    var age = 0.0, draws = 0
                    let youngest = Double(p.minimumAge), oldest = retirementAge - 1.0 / 12
                    repeat {
                        age = random.gaussian(mean: p.ageMean, standardDeviation: p.ageSD)
                        draws += 1
                        if draws > Self.maxDraws {
                            throw .undrawable(UndrawableDistribution(category: category, quantity: .age, mean: p.ageMean,
                                                                     standardDeviation: p.ageSD, lower: youngest, upper: oldest))
                        }
                    } while age < youngest || age >= oldest
                    let birth = Self.birthDate(age: age, on: date)
                    var coefficient = 0.0
                    draws = 0
                    repeat {
                        coefficient = random.gaussian(mean: p.salaryCoefficientMean, standardDeviation: p.salaryCoefficientSD)
                        draws += 1
                        if draws > Self.maxDraws {
                            throw .undrawable(UndrawableDistribution(category: category, quantity: .salaryCoefficient,
                                                                     mean: p.salaryCoefficientMean, standardDeviation: p.salaryCoefficientSD,
                                                                     lower: 1, upper: .infinity))
                        }
                    } while coefficient < 1
                    let insurance = max(0, age - p.insuredFromAge)
                    people.append(StaffMember(
                        id: "\(code)-\(category.rawValue)-\(n + 1)", unitCode: code, category: category, sex: sex, birthDate: birth,
                        insuranceYears: FixedDecimal((insurance * 100).rounded() / 100),
                        salaryCoefficient: FixedDecimal((coefficient * 100).rounded() / 100)))
                }
            }
        }
        return people
    }

    /// Draws allowed for one value before giving up with ``UndrawableDistribution``.
    public static let maxDraws = 1_000_000

    /// The birth date of someone `age` years old (fractional) on `date`.
    static func birthDate(age: Double, on date: CalendarDate) -> BirthDate {
        let monthsOld = Int((age * 12).rounded(.down))
        let month = date.calendarMonth.adding(months: -monthsOld)
        let day = min(date.day, CalendarDate.daysIn(month: month.month, year: month.year))
        // A month and a day taken from a real date always make a real date.
        guard let birth = BirthDate(year: month.year, month: month.month, day: day) else {
            preconditionFailure("birth date \(month.year)-\(month.month)-\(day) is not a date")
        }
        return birth
    }
}
