import MergerSim

/// The merger plan CSV (see the README): one row per new unit and member.
public struct PlanFile: Sendable {
    public let file: String
    public let plan: MergerPlan
    private let table: CSVTable
    private let rowOfMember: [String: Int]
    private let firstRowOfNewCode: [String: Int]

    public static let requiredColumns = ["new_code", "new_name", "member_code"]

    /// Reads a plan; rows of the same `new_code` form one new unit, in the order first met.
    ///
    /// - Throws: ``InputError`` (65) for a missing column, an empty member,
    ///   the same member twice in a new unit, or rows of one new unit that disagree.
    public init(bytes: [UInt8], file: String) throws(InputError) {
        let table = try CSVTable(bytes: bytes, file: file, expecting: Self.requiredColumns)
        try table.require(columns: Self.requiredColumns)
        guard !table.records.isEmpty else { throw .badData(file, line: 2, reason: .noPlanRows) }
        var units: [PlannedUnit] = []
        var indexOfCode: [String: Int] = [:]
        var rowOfMember: [String: Int] = [:], firstRow: [String: Int] = [:]
        for (i, record) in table.records.enumerated() {
            let row = RecordReader(table: table, record: record)
            let code = try row.required("new_code")
            guard let memberCode = row.text("member_code") else {
                throw row.error("member_code", reason: .noMembers(newCode: code))
            }
            let name = try row.required("new_name")
            let kind: UnitKind? = try row.text("new_kind").map { (text) throws(InputError) in
                guard let kind = UnitKind(name: text) else { throw row.error("new_kind", reason: .unknownNewKind(text: text)) }
                return kind
            }
            let type: UnitType? = try row.text("new_type").map { (text) throws(InputError) in
                guard let type = UnitType(name: text) else { throw row.error("new_type", reason: .unknownType(column: "new_type", text: text)) }
                return type
            }
            let member = PlannedUnit.Member(code: memberCode, share: try row.decimal("share", in: 0...1))
            let key = Self.key(code, memberCode)
            if let earlier = rowOfMember[key] {
                throw row.error("member_code", reason: .memberTwice(member: memberCode, newCode: code, earlierLine: table.records[earlier].line))
            }
            rowOfMember[key] = i
            if let index = indexOfCode[code] {
                var unit = units[index]
                let firstLine = table.records[firstRow[code]!].line
                if unit.name != name { throw row.error("new_name", reason: .otherName(newCode: code, name: unit.name, firstLine: firstLine)) }
                if let kind, unit.kind != nil, unit.kind != kind { throw row.error("new_kind", reason: .otherKind(newCode: code, firstLine: firstLine)) }
                if let type, unit.type != nil, unit.type != type { throw row.error("new_type", reason: .otherType(newCode: code, firstLine: firstLine)) }
                unit.kind = unit.kind ?? kind
                unit.type = unit.type ?? type
                unit.province = unit.province ?? row.text("new_province")
                unit.members.append(member)
                units[index] = unit
            } else {
                indexOfCode[code] = units.count
                firstRow[code] = i
                units.append(PlannedUnit(code: code, name: name, kind: kind, type: type, province: row.text("new_province"), members: [member]))
            }
        }
        self.file = file
        self.plan = MergerPlan(newUnits: units)
        self.table = table
        self.rowOfMember = rowOfMember
        self.firstRowOfNewCode = firstRow
    }

    public init(path: String) throws(InputError) {
        try self.init(bytes: try FileInput.read(path), file: path)
    }

    /// The plan error located at its row and column.
    public func located(_ error: PlanError) -> InputError {
        let index = error.memberCode.flatMap { rowOfMember[Self.key(error.newCode, $0)] } ?? firstRowOfNewCode[error.newCode]
        let reason = InputError.Reason.scenario(Self.reason(error.problem))
        guard let index else { return .badData(file, reason: reason) }
        return RecordReader(table: table, record: table.records[index]).error(error.field, reason: reason)
    }

    /// The plan error's problem as a reason (the same sentence as the error's message).
    private static func reason(_ problem: PlanError.Problem) -> ScenarioReason {
        switch problem {
        case .noMembers(let newCode): .planNoMembers(newCode: newCode)
        case .memberUnknown(let member): .planMemberUnknown(member: member)
        case .shareRange(let member): .planShareRange(member: member)
        case let .shareMissing(member, newCodes): .planShareMissing(member: member, newCodes: newCodes)
        case let .sharesSum(member, sum, newCodes): .planSharesSum(member: member, sum: "\(sum)", newCodes: newCodes)
        case .codeTaken(let newCode): .planCodeTaken(newCode: newCode)
        }
    }

    private static func key(_ newCode: String, _ memberCode: String) -> String { newCode + "\u{1F}" + memberCode }
}
