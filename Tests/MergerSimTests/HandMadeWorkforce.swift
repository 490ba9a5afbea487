@testable import MergerSim

/// One hand-made person of a test's workforce.
struct HandMadePerson {
    var unit: Int
    var category: StaffCategory
    var retires: CalendarMonth
    var insurance: Double
    var coefficient: Double
}

extension Workforce {
    /// `people` in units of `quota`, all in one province and district, a hundredth of a degree apart;
    /// each unit's staff counted from its people.
    static func handMade(_ people: [HandMadePerson], quota: [Headcount]) -> Workforce {
        let units = quota.indices.map { u in
            var staff = Headcount.zero
            for person in people where person.unit == u { staff[person.category] += 1 }
            return TransferUnit(code: "U\(u)", province: "P", district: "D", location: Coordinate(latitude: 11 + Double(u) / 100, longitude: 108),
                                staff: staff, quota: quota[u])
        }
        var workforce = Workforce(units: units)
        for person in people {
            workforce.unit.append(Int32(person.unit))
            workforce.category.append(person.category)
            workforce.retirementMonth.append(person.retires.index)
            workforce.insuranceYears.append(person.insurance)
            workforce.salaryCoefficient.append(person.coefficient)
        }
        return workforce
    }
}
