import Foundation
import GSL
import MergerSim
import MergerSimInputs
import MergerSimReports

/// Builds the national 2025 scenario's units and plan from the real structure
/// (`scenarios/vn-2025/source/`), estimating what the source lacks by a
/// documented, seeded method (scenarios/vn-2025/README.md):
///
/// 1. **Areas of the old units and shares of split ones.** Each new unit's real
///    area is shared among its members in proportion to seeded weights (a
///    typical area of the member's kind × e^N(0, 0.5)), in hundredths of km²
///    by largest remainder, each member at least 0.01 km². An old unit's area
///    is the sum of its parts; a split unit's shares are its parts over that
///    sum (millionths, largest remainder), so the plan rebuilds every new
///    unit's area. The two new units without an area get the median area of
///    new units of the same kind in their province.
/// 2. **Population.** 100,300,000 people (GSO, 2023) apportioned in
///    proportion to a typical population of the unit's kind × e^N(0, 0.6).
/// 3. **Headcounts.** 212,606 cadres and civil servants (split 514 : 399 as
///    in Nghệ An's 2023–2025 figures: 119,693 cadres, 92,913 civil servants)
///    and 120,500 non-professional workers, apportioned in proportion to
///    11 × e^N(0, 0.05) cadres, (9 + population / 5,000) × e^N(0, 0.1) civil
///    servants and (12 + population / 5,000) × e^N(0, 0.1) non-professional workers.
/// 4. **Mountainous.** The communes of the 14 provinces of the northern
///    midlands and mountains and the 5 of the Central Highlands.
/// 5. **Positions of the island districts.** The source gives no centre for
///    the five island districts; ``islandPositions`` fills them in (not drawn).
///
/// Every draw comes from one mt19937 stream seeded with `seed`, in file order.
public enum NationalEstimate2025 {
    public static let population = 100_300_000
    public static let cadres = 119_693
    public static let civilServants = 92_913
    public static let nonProfessional = 120_500
    public static let defaultSeed: UInt64 = 2025

    /// Provinces (2024) whose communes are taken as mountainous.
    public static let mountainousProvinces: Set<String> = [
        "Tỉnh Hà Giang", "Tỉnh Cao Bằng", "Tỉnh Bắc Kạn", "Tỉnh Tuyên Quang", "Tỉnh Lào Cai", "Tỉnh Yên Bái", "Tỉnh Thái Nguyên",
        "Tỉnh Lạng Sơn", "Tỉnh Bắc Giang", "Tỉnh Phú Thọ", "Tỉnh Điện Biên", "Tỉnh Lai Châu", "Tỉnh Sơn La", "Tỉnh Hòa Bình",
        "Tỉnh Kon Tum", "Tỉnh Gia Lai", "Tỉnh Đắk Lắk", "Tỉnh Đắk Nông", "Tỉnh Lâm Đồng",
    ]

    /// The approximate centres (lat, lon, 4 decimals) of the five island districts, which the source leaves
    /// blank: each its main island's coordinates as the public gazetteers give them (Wikipedia / GeoNames;
    /// degrees and minutes turned to decimals), the Paracels the archipelago's centre. Used only where the
    /// source has no position, so that a proposal from centres can find the islands' neighbours.
    public static let islandPositions: [String: (latitude: String, longitude: String)] = [
        "D318": ("20.1333", "107.7167"),  // Huyện Bạch Long Vĩ (Hải Phòng): Bạch Long Vĩ island, 20°08′N 107°43′E
        "D471": ("17.1583", "107.3417"),  // Huyện Cồn Cỏ (Quảng Trị): Cồn Cỏ island, 17°09′30″N 107°20′30″E
        "D498": ("16.5000", "112.0000"),  // Huyện Hoàng Sa (Đà Nẵng): the Paracel (Hoàng Sa) archipelago, 16°30′N 112°00′E
        "D536": ("15.3833", "109.1167"),  // Huyện Lý Sơn (Quảng Ngãi): Lý Sơn (Cù Lao Ré) island, 15°23′N 109°07′E
        "D755": ("8.6833", "106.6000"),   // Huyện Côn Đảo (Bà Rịa - Vũng Tàu): Côn Sơn island, 8°41′N 106°36′E
    ]

    /// Typical area (hundredths of km²) and population of a unit of each kind before 2025.
    static let typical: [String: (area: Double, population: Double)] = [
        "commune": (2_500, 7_500), "ward": (400, 12_000), "town": (1_200, 10_000), "island_district": (3_000, 8_000),
    ]

    /// The estimated `units.csv` and `plan.csv`, as text.
    public static func make(sourceFolder: String, seed: UInt64 = defaultSeed) throws -> (units: String, plan: String) {
        func table(_ name: String) throws -> CSVTable {
            let path = (sourceFolder as NSString).appendingPathComponent(name)
            return try CSVTable(bytes: try FileInput.read(path), file: path)
        }
        let old = try table("units_2024.csv"), new = try table("units_2025.csv"), plan = try table("plan_2025.csv")
        func column(_ t: CSVTable, _ record: CSVRecord, _ name: String) -> String { record.fields[t.columnIndex[name]!] }
        let random = try RandomSource(seed: seed)

        // Old units in file order.
        let oldCodes = old.records.map { column(old, $0, "code") }
        let oldIndex = Dictionary(uniqueKeysWithValues: oldCodes.enumerated().map { ($1, $0) })
        let oldKind = old.records.map { column(old, $0, "kind") }

        // New units: areas in hundredths, blanks from the median of the same kind and province.
        var newArea: [String: Int64] = [:], newInfo: [String: (kind: String, province: String)] = [:]
        var blanks: [String] = []
        for record in new.records {
            let code = column(new, record, "code")
            newInfo[code] = (column(new, record, "kind"), column(new, record, "province"))
            if let area = FixedDecimal(parsing: column(new, record, "area_km2")) {
                newArea[code] = area.millionths / 10_000
            } else {
                blanks.append(code)
            }
        }
        for code in blanks {
            let info = newInfo[code]!
            let peers = newArea.filter { newInfo[$0.key]! == info }.map(\.value).sorted()
            newArea[code] = peers[peers.count / 2]
        }

        // 1. Area parts per plan row, by new unit in order of first appearance.
        let rows = plan.records.map { (new: column(plan, $0, "new_code"), member: column(plan, $0, "member_code"), name: column(plan, $0, "new_name")) }
        var rowsOfNew: [String: [Int]] = [:], newOrder: [String] = []
        for (i, row) in rows.enumerated() {
            if rowsOfNew[row.new] == nil { newOrder.append(row.new) }
            rowsOfNew[row.new, default: []].append(i)
        }
        var part = [Int64](repeating: 0, count: rows.count)
        for code in newOrder {
            let indices = rowsOfNew[code]!
            let weights = indices.map { i in
                Int64((typical[oldKind[oldIndex[rows[i].member]!]]!.area * Foundation.exp(random.gaussian(standardDeviation: 0.5)) * 1_000).rounded())
            }
            let total = newArea[code]!, minimum = Int64(indices.count)
            let split = total >= minimum
                ? LargestRemainder.apportion(total - minimum, weights: weights).map { $0 + 1 }
                : LargestRemainder.apportion(total, weights: weights)
            for (k, i) in indices.enumerated() { part[i] = split[k] }
        }
        var oldArea = [Int64](repeating: 0, count: oldCodes.count), rowsOfOld = [[Int]](repeating: [], count: oldCodes.count)
        for (i, row) in rows.enumerated() {
            oldArea[oldIndex[row.member]!] += part[i]
            rowsOfOld[oldIndex[row.member]!].append(i)
        }
        var share = [Int64?](repeating: nil, count: rows.count)
        for indices in rowsOfOld where indices.count > 1 {
            let weights = indices.map { max(1, part[$0]) }
            for (k, value) in LargestRemainder.apportion(FixedDecimal.scale, weights: weights).enumerated() { share[indices[k]] = value }
        }

        // 2. Population; 3. headcounts.
        let populationWeights = oldKind.map { Int64((typical[$0]!.population * Foundation.exp(random.gaussian(standardDeviation: 0.6))).rounded()) }
        let people = LargestRemainder.apportion(Int64(population), weights: populationWeights)
        var cadreWeights: [Int64] = [], civilWeights: [Int64] = [], nonProfessionalWeights: [Int64] = []
        for p in people {
            cadreWeights.append(Int64((11_000 * Foundation.exp(random.gaussian(standardDeviation: 0.05))).rounded()))
            civilWeights.append(Int64(((9 + Double(p) / 5_000) * 1_000 * Foundation.exp(random.gaussian(standardDeviation: 0.1))).rounded()))
            nonProfessionalWeights.append(Int64(((12 + Double(p) / 5_000) * 1_000 * Foundation.exp(random.gaussian(standardDeviation: 0.1))).rounded()))
        }
        let cadreCounts = LargestRemainder.apportion(Int64(cadres), weights: cadreWeights)
        let civilCounts = LargestRemainder.apportion(Int64(civilServants), weights: civilWeights)
        let nonProfessionalCounts = LargestRemainder.apportion(Int64(nonProfessional), weights: nonProfessionalWeights)

        var units = CSVWriter(header: ["code", "name", "kind", "province", "district", "district_kind", "area_km2", "population",
                                       "mountainous", "cadres", "civil_servants", "non_professional", "lat", "lon", "estimated"])
        for (i, record) in old.records.enumerated() {
            let province = column(old, record, "province")
            let given = (latitude: column(old, record, "lat"), longitude: column(old, record, "lon"))
            let position = given.latitude.isEmpty && given.longitude.isEmpty ? islandPositions[oldCodes[i]] ?? given : given
            let mountainous = oldKind[i] == "commune" && mountainousProvinces.contains(province)
            units.append([
                oldCodes[i], column(old, record, "name"), oldKind[i], province, column(old, record, "district"),
                column(old, record, "district_kind"), ReportFormat.decimal(FixedDecimal(millionths: oldArea[i] * 10_000, decimals: 2)),
                String(people[i]), mountainous ? "true" : "false", String(cadreCounts[i]), String(civilCounts[i]),
                String(nonProfessionalCounts[i]), position.latitude, position.longitude,
                "area_km2;population;mountainous;cadres;civil_servants;non_professional",
            ])
        }
        var planOut = CSVWriter(header: ["new_code", "new_name", "new_kind", "new_province", "member_code", "share", "share_estimated",
                                         "new_area_estimated"])
        for code in newOrder {
            for i in rowsOfNew[code]! {
                let info = newInfo[code]!
                planOut.append([
                    code, rows[i].name, info.kind, info.province, rows[i].member,
                    share[i].map { ReportFormat.decimal(FixedDecimal(millionths: $0, decimals: 0)) } ?? "",
                    share[i] == nil ? "no" : "yes", blanks.contains(code) ? "yes" : "no",
                ])
            }
        }
        return (units.text, planOut.text)
    }
}
