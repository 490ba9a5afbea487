/// The people of the units after a plan, as the transition moves them:
/// where each works, in which category, and what prices their exit.
public struct Workforce: Sendable {
    public var units: [TransferUnit]
    /// Per person: index into `units`, category, retirement month (``CalendarMonth/index``), insurance years now, salary coefficient.
    public var unit: [Int32]
    public var category: [StaffCategory]
    public var retirementMonth: [Int]
    public var insuranceYears: [Double]
    public var salaryCoefficient: [Double]

    public var count: Int { unit.count }

    public init(units: [TransferUnit]) {
        self.units = units
        unit = []
        category = []
        retirementMonth = []
        insuranceYears = []
        salaryCoefficient = []
    }

    /// Adds a person working in unit `index`.
    public mutating func add(_ person: StaffMember, inUnit index: Int, retirement: TransitionRules.RetirementAge,
                             defaults: SyntheticRosterParameters) {
        let date = retirement.retirementDate(sex: person.sex, born: person.birthDate)
        unit.append(Int32(index))
        category.append(person.category)
        retirementMonth.append(date.calendarMonth.index)
        let d = defaults[person.category]
        insuranceYears.append(person.insuranceYears?.doubleValue ?? 0)
        salaryCoefficient.append(person.salaryCoefficient?.doubleValue ?? d.salaryCoefficientMean)
    }

    /// A transfer naming a unit the workforce does not hold: the transfers were planned over other units.
    public struct UnknownUnit: Error, Hashable, Sendable {
        /// The transfer.
        public var transfer: Transfer
        /// The code it names that no unit of the workforce has.
        public var code: String
    }

    /// Moves people as `transfers` say: from each (unit, category) the people
    /// listed last (highest index), so the same transfers move the same people.
    ///
    /// - Throws: ``UnknownUnit`` at the first transfer from or to a unit the workforce does not hold,
    ///   before anyone is moved.
    public mutating func apply(_ transfers: [Transfer]) throws(UnknownUnit) {
        let index = Dictionary(uniqueKeysWithValues: units.enumerated().map { ($1.code, Int32($0)) })
        var members: [Slot: [Int]] = [:]  // people, in index order
        func key(_ unit: Int32, _ category: StaffCategory) -> Slot { Slot(unit: Int(unit), category: category) }
        for person in 0..<count { members[key(unit[person], category[person]), default: []].append(person) }
        var placed: [(transfer: Transfer, from: Int32, to: Int32)] = []
        for t in transfers {
            guard let from = index[t.fromCode] else { throw UnknownUnit(transfer: t, code: t.fromCode) }
            guard let to = index[t.toCode] else { throw UnknownUnit(transfer: t, code: t.toCode) }
            placed.append((t, from, to))
        }
        for (t, from, to) in placed {
            var source = members[key(from, t.category)] ?? []
            let movers = source.suffix(t.count)
            source.removeLast(movers.count)
            members[key(from, t.category)] = source
            for person in movers {
                unit[person] = to
                category[person] = t.toCategory
            }
            members[key(to, t.toCategory), default: []].append(contentsOf: movers)
            members[key(to, t.toCategory)]!.sort()
        }
    }

    /// Headcounts per unit from the people.
    public func headcounts() -> [Headcount] {
        var counts = [Headcount](repeating: .zero, count: units.count)
        for i in 0..<count { counts[Int(unit[i])][category[i]] += 1 }
        return counts
    }
}
