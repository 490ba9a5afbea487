import Foundation
import MergerSim

/// The units CSV (see the README): one row per existing unit, read into
/// ``AdministrativeUnit`` values with the line of each, for locating later findings.
public struct UnitsFile: Sendable {
    public let file: String
    public let units: [AdministrativeUnit]
    /// The table read, kept to locate a unit's fields in later messages.
    let table: CSVTable
    private let recordOfCode: [String: Int]

    /// Columns every file must have.
    public static let requiredColumns = ["code", "name", "kind", "province", "area_km2", "population"]
    /// Headcount columns, required unless a staff roster is given.
    public static let headcountColumns = ["cadres", "civil_servants", "non_professional"]

    /// Reads and checks a units file.
    ///
    /// - Parameters:
    ///   - bytes: the file's content.
    ///   - file: its name, for messages.
    ///   - headcountsRequired: whether `cadres`, `civil_servants`, `non_professional` must be given.
    /// - Throws: ``InputError`` (65) at the first bad field.
    public init(bytes: [UInt8], file: String, headcountsRequired: Bool = true) throws(InputError) {
        let table = try CSVTable(bytes: bytes, file: file, expecting: Self.requiredColumns)
        try table.require(columns: Self.requiredColumns + (headcountsRequired ? Self.headcountColumns : []))
        guard !table.records.isEmpty else {
            throw .badData(file, line: table.headerLine + 1, reason: .noUnits)
        }
        var units: [AdministrativeUnit] = []
        var recordOfCode: [String: Int] = [:]
        var people = 0
        units.reserveCapacity(table.records.count)
        for (i, record) in table.records.enumerated() {
            let reader = RecordReader(table: table, record: record)
            let unit = try Self.unit(from: reader, headcountsRequired: headcountsRequired)
            if let earlier = recordOfCode[unit.code] {
                throw reader.error("code", reason: .duplicateCode(unit.code, earlierLine: table.records[earlier].line))
            }
            recordOfCode[unit.code] = i
            units.append(unit)
            people += unit.staff?.total ?? 0
            if people > Limits.maxPeople {
                throw .badData(file, line: record.line, reason: .scenario(.unitsTooManyPeople(max: Limits.maxPeople)))
            }
        }
        self.file = file
        self.units = units
        self.table = table
        self.recordOfCode = recordOfCode
    }

    /// Reads the units file at `path`.
    ///
    /// - Throws: ``InputError`` 66 when it cannot be read, 65 for bad data.
    public init(path: String, headcountsRequired: Bool = true) throws(InputError) {
        try self.init(bytes: try FileInput.read(path), file: path, headcountsRequired: headcountsRequired)
    }

    /// The line of a unit's row.
    public func line(of code: String) -> Int? { recordOfCode[code].map { table.records[$0].line } }

    /// An error located at `column` of the row of unit `code`.
    public func error(unit code: String, column: String, _ message: String) -> InputError {
        guard let i = recordOfCode[code] else { return .badData(file, message) }
        let reader = RecordReader(table: table, record: table.records[i])
        if table.columnIndex[column] == nil {
            return .badData(file, line: table.records[i].line, "\(message) (the file has no \(column) column)")
        }
        return reader.error(column, message)
    }

    /// An error for a typed `reason`, located at `column` of the row of unit `code`.
    public func error(unit code: String, column: String, reason: InputError.Reason) -> InputError {
        guard let i = recordOfCode[code] else { return .badData(file, reason: reason) }
        if table.columnIndex[column] == nil {
            return .badData(file, line: table.records[i].line, reason: .scenario(.withoutColumn(reason, column: column)))
        }
        return RecordReader(table: table, record: table.records[i]).error(column, reason: reason)
    }

    /// The located form of a rule set's complaint about a unit.
    public func located(_ error: RuleApplicationError) -> InputError {
        self.error(unit: error.unitCode, column: error.field, error.message)
    }

    /// The text columns a report shows as they are, each at most ``MergerSim/Limits/maxTextCharacters`` long.
    static let textColumns = ["code", "name", "province", "district"]

    private static func unit(from row: RecordReader, headcountsRequired: Bool) throws(InputError) -> AdministrativeUnit {
        // No unit's name comes near a spreadsheet cell's 32,767 characters: a longer one is a broken file
        // (often a quote left open), refused here rather than when --xlsx meets it after the computing.
        for column in textColumns {
            guard let text = row.text(column), text.utf16.count > Limits.maxTextCharacters else { continue }
            throw row.error(column, reason: .scenario(.textTooLong(column: column, length: text.utf16.count, max: Limits.maxTextCharacters)))
        }
        let kindText = try row.required("kind")
        guard let kind = UnitKind(name: kindText) else {
            throw row.error("kind", reason: .unknownKind(column: "kind", text: kindText, names: UnitKind.allCases.map(\.rawValue),
                                                         vietnameseNames: UnitKind.allCases.map(\.vietnamese)))
        }
        var districtKind: DistrictKind?
        if let text = row.text("district_kind") {
            guard let value = DistrictKind(name: text) else {
                throw row.error("district_kind", reason: .unknownKind(column: "district_kind", text: text,
                                                                      names: DistrictKind.allCases.map(\.rawValue),
                                                                      vietnameseNames: DistrictKind.allCases.map(\.vietnamese)))
            }
            districtKind = value
        }
        guard let area = try row.decimal("area_km2", in: 0...100_000) else {
            throw row.error("area_km2", reason: .missingArea)
        }
        guard let population = try row.count("population") else {
            throw row.error("population", reason: .missingPopulation)
        }
        guard population <= 100_000_000 else { throw row.error("population", reason: .scenario(.populationBeyond(population: population))) }
        var type: UnitType?
        if let text = row.text("type") {
            guard let value = UnitType(name: text) else { throw row.error("type", reason: .unknownType(column: "type", text: text)) }
            type = value
        }
        let features = AdministrativeUnit.Features(
            mountainous: try row.flag("mountainous"), border: try row.flag("border"), island: try row.flag("island"),
            coastalDifficult: try row.flag("coastal_difficult"), redRiverDelta: try row.flag("red_river_delta"),
            ethnicMinorityShare: try row.decimal("ethnic_minority_share", in: 0...1))
        let staff = try headcount(row, required: headcountsRequired)
        if let staff, staff.total > population {
            throw row.error("population", reason: .staffAboveResidents(staff: staff.total, population: population))
        }
        return AdministrativeUnit(
            code: try row.required("code"), name: try row.required("name"), kind: kind, province: try row.required("province"),
            district: row.text("district"), districtKind: districtKind, area: area, population: population,
            features: features, type: type, otherPoints: try row.decimal("other_points", in: 0...100),
            exemption: row.text("exempt").flatMap(Exemption.init(text:)),
            staff: staff, location: try coordinate(row))
    }

    private static func headcount(_ row: RecordReader, required: Bool) throws(InputError) -> Headcount? {
        var counts: [Int?] = []
        for column in headcountColumns {
            let value = try row.count(column)
            if value == nil, required { throw row.error(column, reason: .missingHeadcount(column: column)) }
            if let value, value > Limits.maxHeadcountPerCategory {
                throw row.error(column, reason: .scenario(.headcountAbove(column: column, value: value, max: Limits.maxHeadcountPerCategory)))
            }
            counts.append(value)
        }
        guard counts.contains(where: { $0 != nil }) else { return nil }
        return Headcount(cadres: counts[0] ?? 0, civilServants: counts[1] ?? 0, nonProfessional: counts[2] ?? 0)
    }

    private static func coordinate(_ row: RecordReader) throws(InputError) -> Coordinate? {
        let latitude = try row.decimal("lat", in: -90...90), longitude = try row.decimal("lon", in: -180...180)
        switch (latitude, longitude) {
        case let (latitude?, longitude?): return Coordinate(latitude: latitude.doubleValue, longitude: longitude.doubleValue)
        case (nil, nil): return nil
        case (nil, _): throw row.error("lat", reason: .halfCoordinate(given: "lon", missing: "lat"))
        case (_, nil): throw row.error("lon", reason: .halfCoordinate(given: "lat", missing: "lon"))
        }
    }
}
