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
            throw .badData(file, line: table.records[Limits.maxPeople].line,
                           "the roster lists more than \(ReportFormat.grouped(Limits.maxPeople)) people, more than mergersim takes in one run")
        }
        for record in table.records {
            let row = RecordReader(table: table, record: record)
            let id = try row.required("id")
            if let earlier = lineOfID[id] { throw row.error("id", "id \(id) is already used on line \(earlier); ids must be unique") }
            lineOfID[id] = record.line
            let categoryText = try row.required("category")
            guard let category = Self.category(categoryText) else {
                throw row.error("category", "category \"\(categoryText)\" is not cadre, civil_servant or non_professional")
            }
            let sexText = try row.required("sex")
            guard let sex = StaffMember.Sex(rawValue: sexText.uppercased()) else { throw row.error("sex", "sex \"\(sexText)\" is not M or F") }
            let birthText = try row.required("birth_date")
            guard let birth = BirthDate(text: birthText), (1900...2100).contains(birth.year) else {
                throw row.error("birth_date", "birth_date \"\(birthText)\" is not a date YYYY, YYYY-MM or YYYY-MM-DD")
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

    /// Refuses, at its cell, anyone who cannot be on the staff on `date` (`when` names it: the scenario's
    /// effective date): born after it, younger than working age then, or insured for longer than they can
    /// have worked (``PersonCheck``). Insurance years are those on `date`, when the transition starts.
    public func checkPeople(on date: CalendarDate, when: String) throws(InputError) {
        for (person, record) in zip(people, table.records) {
            let row = RecordReader(table: table, record: record)
            let birth = row.text("birth_date") ?? ""
            if let problem = PersonCheck.birthProblem(person.birthDate, text: birth, on: date, when: when) {
                throw row.error("birth_date", "birth_date: \(problem)")
            }
            if let years = person.insuranceYears,
               let problem = PersonCheck.insuranceProblem(years.doubleValue, born: person.birthDate, text: birth, on: date) {
                throw row.error("insurance_years", "insurance_years: \(problem)")
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
                throw RecordReader(table: table, record: record).error("unit_code", "unit_code \(person.unitCode) is not a unit of \(units.file)")
            }
            counts[person.unitCode, default: .zero][person.category] += 1
            if counts[person.unitCode]![person.category] > Limits.maxHeadcountPerCategory {
                throw RecordReader(table: table, record: record).error(
                    "unit_code", "unit \(person.unitCode) has more than \(ReportFormat.grouped(Limits.maxHeadcountPerCategory)) "
                        + "\(person.category.plainName) on the roster, more than one unit can have in a category")
            }
        }
        var reconciled: [AdministrativeUnit] = []
        for var unit in units.units {
            let rostered = counts[unit.code] ?? .zero
            if let staff = unit.staff {
                for category in StaffCategory.allCases where staff[category] != rostered[category] {
                    throw units.error(unit: unit.code, column: category.rawValue,
                                      "the units file says \(staff[category]) \(category.plainName) but the roster \(file) lists \(rostered[category])")
                }
            } else {
                unit.staff = rostered
            }
            reconciled.append(unit)
        }
        return reconciled
    }
}
