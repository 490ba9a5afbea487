extension TransitionRules.RetirementAge.Schedule {
    /// The retirement age, in months, for someone reaching it in `year`.
    public func ageInMonths(reachedIn year: Int) -> Int {
        guard year >= from else { return before }
        return Swift.min(cap, before + step * (year - from + 1))
    }
}

extension TransitionRules.RetirementAge {
    /// The date a person's statutory retirement takes effect.
    ///
    /// The age depends on the year it is reached: the first year Y in which
    /// birth + age(Y) falls. Retirement takes effect on the first day of the
    /// month after the month the age is reached; a birth date with the year
    /// only counts from 1 January (and with the month only, from its first day).
    public func retirementDate(sex: StaffMember.Sex, born: BirthDate) -> CalendarDate {
        let schedule = sex == .male ? men : women
        // a birth date with the year only counts from 1 January.
        let birthMonth = CalendarMonth(year: born.year, month: born.month ?? 1)
        var year = birthMonth.adding(months: schedule.before).year
        while true {
            let reached = birthMonth.adding(months: schedule.ageInMonths(reachedIn: year))
            // retirement takes effect on the first day of the month after the age is reached.
            if reached.year <= year { return reached.adding(months: 1).firstDay }
            year += 1
        }
    }
}
