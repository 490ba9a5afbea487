import Foundation
import MergerSim

/// The inputs of `mergersim propose` beyond the units: neighbours and the target counts, read and checked.
public enum ProposalInputs {
    /// Neighbours from an adjacency CSV (`code_a,code_b`, each pair once, either order).
    /// - Throws: ``InputError`` 65 at a code the units file does not hold, or a unit paired with itself.
    public static func adjacency(_ path: String, units: [AdministrativeUnit]) throws(InputError) -> Neighbours {
        let table = try CSVTable(bytes: try FileInput.read(path), file: path, expecting: ["code_a", "code_b"])
        try table.require(columns: ["code_a", "code_b"])
        let index = Dictionary(units.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        var pairs: [(Int, Int)] = []
        for record in table.records {
            let row = RecordReader(table: table, record: record)
            var ends: [Int] = []
            for column in ["code_a", "code_b"] {
                let code = try row.required(column)
                guard let i = index[code] else { throw row.error(column, reason: .scenario(.notAUnit(column: column, code: code))) }
                ends.append(i)
            }
            guard ends[0] != ends[1] else { throw row.error("code_b", reason: .scenario(.selfNeighbour)) }
            pairs.append((ends[0], ends[1]))
        }
        return Neighbours(pairs: pairs, count: units.count)
    }

    /// Neighbours from the units' centres within each group (``Neighbours/fromCentres(_:groups:method:maxKm:)``). A unit
    /// without lat/lon has no neighbours and stays as it is; one in `required` (a unit the proposal must
    /// place) without them is refused.
    /// - Throws: ``InputError`` 65 naming required units without lat/lon: they need an adjacency file.
    public static func nearest(_ units: [AdministrativeUnit], file: String, groups: [Int], required: Set<Int>) throws(InputError) -> Neighbours {
        let missing = required.sorted().filter { units[$0].location == nil }.map { units[$0].code }
        guard missing.isEmpty else {
            throw InputError.badData(file, reason: .scenario(.noPosition(count: missing.count, codes: Array(missing.prefix(5)))))
        }
        // Units without a position each in a group of their own: linked to nobody.
        let isolated = groups.enumerated().map { i, g in units[i].location == nil ? -1 - i : g }
        return Neighbours.fromCentres(units.map { $0.location ?? Coordinate(latitude: 0, longitude: 0) }, groups: isolated)
    }

    /// The units without lat/lon (codes), which a proposal from centres leaves as they are.
    public static func unplaced(_ units: [AdministrativeUnit]) -> [String] { units.filter { $0.location == nil }.map(\.code) }

    /// Target counts by province (`province,units`).
    /// - Throws: ``InputError`` 65 at a province the units file does not hold, a count below 1 or above the
    ///   province's units, or a province given twice.
    public static func targets(_ path: String, provinces: Set<String>, units: [AdministrativeUnit]) throws(InputError) -> [String: Int] {
        let table = try CSVTable(bytes: try FileInput.read(path), file: path, expecting: ["province", "units"])
        try table.require(columns: ["province", "units"])
        var counts: [String: Int] = [:]
        for record in table.records {
            let row = RecordReader(table: table, record: record)
            let province = try row.required("province")
            guard provinces.contains(province) else { throw row.error("province", reason: .scenario(.provinceUnknown(province: province))) }
            guard counts[province] == nil else { throw row.error("province", reason: .scenario(.provinceTwice(province: province))) }
            let have = units.filter { $0.province == province }.count
            guard let count = try row.count("units"), (1...have).contains(count) else {
                throw row.error("units", reason: .scenario(.targetRange(have: have)))
            }
            counts[province] = count
        }
        return counts
    }

    /// Refuses a province of the targets file (`path`, read by ``targets(_:provinces:units:)`` into `counts`)
    /// whose units fall in more pieces of `neighbours` than its count: every new unit must be connected, so
    /// no proposal of that many exists. 65 at the province's count, naming the pieces and a few of their members,
    /// and the units without lat/lon or neighbours, each a piece of its own.
    public static func checkPieces(_ path: String, counts: [String: Int], units: [AdministrativeUnit], neighbours: Neighbours) throws(InputError) {
        let table = try CSVTable(bytes: try FileInput.read(path), file: path, expecting: ["province", "units"])
        for record in table.records {
            let row = RecordReader(table: table, record: record)
            guard let province = row.text("province"), let count = counts[province] else { continue }
            let members = units.indices.filter { units[$0].province == province }
            let pieces = neighbours.pieces(of: members)
            guard pieces.count > count else { continue }
            let alone = pieces.filter { $0.count == 1 && units[$0[0]].location == nil && neighbours.lists[$0[0]].isEmpty }.map { units[$0[0]].code }
            let shown = pieces.prefix(6)
            throw row.error("units", reason: .scenario(.pieces(province: province, count: count, members: members.count, pieceCount: pieces.count,
                                                               shown: shown.map { $0.prefix(4).map { units[$0].code } }, sizes: shown.map(\.count),
                                                               alone: alone)))
        }
    }

    /// Classes of province for the ward targets of R-2.6 (`province,class`; a province not listed is
    /// ``ProvinceClass/unlisted``).
    /// - Throws: ``InputError`` 65 at a province the units file does not hold or given twice, or a class
    ///   that is no ``ProvinceClass``.
    public static func provinceClasses(bytes: [UInt8], file path: String, provinces: Set<String>) throws(InputError) -> ProvinceClasses {
        let table = try CSVTable(bytes: bytes, file: path, expecting: ["province", "class"])
        try table.require(columns: ["province", "class"])
        var classes: [String: ProvinceClass] = [:]
        for record in table.records {
            let row = RecordReader(table: table, record: record)
            let province = try row.required("province"), value = try row.required("class")
            guard provinces.contains(province) else { throw row.error("province", reason: .scenario(.provinceUnknown(province: province))) }
            guard classes[province] == nil else { throw row.error("province", reason: .scenario(.provinceTwice(province: province))) }
            guard let provinceClass = ProvinceClass(rawValue: value) else {
                throw row.error("class", reason: .scenario(.unknownClass(value: value, names: ProvinceClass.names)))
            }
            classes[province] = provinceClass
        }
        return ProvinceClasses(classes)
    }
}
