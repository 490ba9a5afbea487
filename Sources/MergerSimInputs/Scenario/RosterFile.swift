import MergerSim

/// The staff roster CSV (see the README): one row per person.
public struct RosterFile: Sendable {
    public let file: String
    public let people: [StaffMember]
    private let table: CSVTable

    public static let requiredColumns = ["id", "unit_code", "category", "sex", "birth_date"]

    public init(bytes: [UInt8], file: String) throws(InputError) {
        let table = try CSVTable(bytes: bytes, file: file, expecting: Self.requiredColumns)
        try table.require(columns: Self.requiredColumns)
        var people: [StaffMember] = []
        var lineOfID: [String: Int] = [:]
        people.reserveCapacity(table.records.count)
        guard table.records.count <= Limits.maxPeople else {
            throw .badData(file, line: table.records[Limits.maxPeople].line, reason: .scenario(.rosterTooLarge(max: Limits.maxPeople)))
        }
        for record in table.records {
            let row = RecordReader(table: table, record: record)
            let id = try row.required("id")
            if let earlier = lineOfID[id] { throw row.error("id", reason: .scenario(.duplicateID(id: id, earlierLine: earlier))) }
            lineOfID[id] = record.line
            let categoryText = try row.required("category")
            guard let category = Self.category(categoryText) else {
                throw row.error("category", reason: .scenario(.unknownCategory(text: categoryText)))
            }
            let sexText = try row.required("sex")
            guard let sex = StaffMember.Sex(rawValue: sexText.uppercased()) else { throw row.error("sex", reason: .scenario(.unknownSex(text: sexText))) }
            let birthText = try row.required("birth_date")
            guard let birth = BirthDate(text: birthText), (1900...2100).contains(birth.year) else {
                throw row.error("birth_date", reason: .scenario(.notBirthDate(text: birthText)))
            }
            people.append(StaffMember(
                id: id, unitCode: try row.required("unit_code"), category: category, sex: sex, birthDate: birth,
                insuranceYears: try row.decimal("insurance_years", in: 0...60),
                salaryCoefficient: try row.decimal("salary_coefficient", in: 0...20), title: row.text("title")))
        }
        self.file = file
        self.people = people
        self.table = table
    }

    public init(path: String) throws(InputError) {
        try self.init(bytes: try FileInput.read(path), file: path)
    }

    /// `cadre`, `civil_servant`, `non_professional` (the plural column names also).
    public static func category(_ text: String) -> StaffCategory? {
        switch text.lowercased() {
        case "cadre", "cadres": .cadres
        case "civil_servant", "civil_servants": .civilServants
        case "non_professional": .nonProfessional
        default: nil
        }
    }

    /// Refuses, at its cell, anyone who cannot be on the staff on `date`, the scenario's effective date:
    /// born after it, younger than working age then, or insured for longer than they can have worked
    /// (``PersonCheck``). Insurance years are those on `date`, when the transition starts.
    public func checkPeople(onEffectiveDate date: CalendarDate) throws(InputError) {
        for (person, record) in zip(people, table.records) {
            let row = RecordReader(table: table, record: record)
            let birth = row.text("birth_date") ?? ""
            switch PersonCheck.birthFinding(person.birthDate, on: date) {
            case nil: break
            case .bornAfter: throw row.error("birth_date", reason: .scenario(.bornAfterEffective(born: birth, effective: date)))
            case .tooYoung(let years):
                throw row.error("birth_date", reason: .scenario(.tooYoungOnEffective(born: birth, years: years, effective: date,
                                                                                     earliestAge: Limits.earliestWorkingAge)))
            }
            if let years = person.insuranceYears, let atMost = PersonCheck.insuranceLimit(years.doubleValue, born: person.birthDate, on: date) {
                throw row.error("insurance_years", reason: .scenario(.tooMuchInsurance(years: PersonCheck.number(years.doubleValue), date: date,
                                                                                      born: birth, atMost: atMost,
                                                                                      earliestAge: Limits.earliestWorkingAge)))
            }
        }
    }

    /// Headcounts by unit from the roster, checked against the units file:
    /// every person in a known unit; where the units file gives headcounts, they agree.
    ///
    /// - Returns: the units with headcounts from the roster where the file gave none.
    public func reconcile(with units: UnitsFile) throws(InputError) -> [AdministrativeUnit] {
        let known = Set(units.units.map(\.code))
        var counts: [String: Headcount] = [:]
        for (person, record) in zip(people, table.records) {
            guard known.contains(person.unitCode) else {
                throw RecordReader(table: table, record: record).error("unit_code", reason: .scenario(.rosterUnitUnknown(code: person.unitCode,
                                                                                                              unitsFile: units.file)))
            }
            counts[person.unitCode, default: .zero][person.category] += 1
            if counts[person.unitCode]![person.category] > Limits.maxHeadcountPerCategory {
                throw RecordReader(table: table, record: record).error(
                    "unit_code", reason: .scenario(.rosterHeadcountAbove(code: person.unitCode, max: Limits.maxHeadcountPerCategory,
                                                                         category: person.category)))
            }
        }
        var reconciled: [AdministrativeUnit] = []
        for var unit in units.units {
            let rostered = counts[unit.code] ?? .zero
            if let staff = unit.staff {
                for category in StaffCategory.allCases where staff[category] != rostered[category] {
                    throw units.error(unit: unit.code, column: category.rawValue,
                                      reason: .scenario(.headcountMismatch(unitsSays: staff[category], category: category, roster: file,
                                                                           rostered: rostered[category])))
                }
            } else {
                unit.staff = rostered
            }
            reconciled.append(unit)
        }
        return reconciled
    }
}
