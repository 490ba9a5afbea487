import Foundation
import Testing
import GSL
@testable import MergerSim

/// Stage 2: transfers are optimal (against exhaustive search), conserve people,
/// fill no unit beyond its quota, keep to their scope, and are deterministic.
struct TransferTests {
    func randomUnits(_ random: RandomSource, count: Int, provinces: Int = 2, maxPeople: Int = 4) -> [TransferUnit] {
        (0..<count).map { i in
            let quota = Headcount(cadres: random.uniformInteger(below: maxPeople), civilServants: random.uniformInteger(below: maxPeople),
                                  nonProfessional: random.uniformInteger(below: maxPeople))
            let staff = Headcount(cadres: random.uniformInteger(below: maxPeople), civilServants: random.uniformInteger(below: maxPeople),
                                  nonProfessional: random.uniformInteger(below: maxPeople))
            return TransferUnit(code: "U\(i)", province: "P\(i % provinces)", district: "D\(i % (provinces * 2))",
                                location: Coordinate(latitude: 10 + random.uniform(), longitude: 105 + random.uniform()),
                                staff: staff, quota: quota)
        }
    }

    /// Least surplus left, then least person-metres, over every whole transfer plan (one category).
    func exhaustive(_ units: [TransferUnit], category: StaffCategory, allowed: (Int, Int) -> Bool) -> (surplus: Int, metres: Int64) {
        let supply = units.indices.filter { units[$0].staff[category] > units[$0].quota[category] }
        let demand = units.indices.filter { units[$0].staff[category] < units[$0].quota[category] }
        let pairs = supply.flatMap { s in demand.filter { allowed(s, $0) }.map { (s, $0) } }
        var left = Dictionary(uniqueKeysWithValues: supply.map { ($0, units[$0].staff[category] - units[$0].quota[category]) })
        var room = Dictionary(uniqueKeysWithValues: demand.map { ($0, units[$0].quota[category] - units[$0].staff[category]) })
        let total = left.values.reduce(0, +)
        var best = (surplus: total, metres: Int64(0))
        func visit(_ k: Int, _ moved: Int, _ metres: Int64) {
            if k == pairs.count {
                let surplus = total - moved
                if surplus < best.surplus || (surplus == best.surplus && metres < best.metres) { best = (surplus, metres) }
                return
            }
            let (s, d) = pairs[k]
            let cost = Int64((greatCircleKm(units[s].location!, units[d].location!) * 1_000).rounded())
            for x in 0...min(left[s]!, room[d]!) {
                left[s]! -= x; room[d]! -= x
                visit(k + 1, moved + x, metres + Int64(x) * cost)
                left[s]! += x; room[d]! += x
            }
        }
        visit(0, 0, 0)
        return best
    }

    @Test func equalsExhaustiveSearchOnHundredsOfSmallInstances() throws {
        let random = try RandomSource(seed: 23)
        for instance in 0..<200 {
            let units = randomUnits(random, count: 2 + random.uniformInteger(below: 3), provinces: 1, maxPeople: 3)
            let settings = TransferSettings(scope: .province)
            let plan = settings.plan(units, pairs: [], verify: true)
            #expect(plan.provenOptimal == true)
            for category in StaffCategory.allCases {
                let best = exhaustive(units, category: category) { _, _ in true }
                let moved = plan.transfers.filter { $0.category == category }
                let metres = moved.reduce(Int64(0)) { $0 + Int64($1.count) * Int64(($1.distanceKm! * 1_000).rounded()) }
                #expect(plan.surplusAfter[category] == best.surplus, "instance \(instance) \(category)")
                #expect(abs(metres - best.metres) <= Int64(moved.count), "instance \(instance) \(category)")  // metres rounded per arc
            }
        }
    }

    @Test func peopleAreConservedAndNoUnitIsFilledBeyondItsQuota() throws {
        let random = try RandomSource(seed: 29)
        for _ in 0..<50 {
            let units = randomUnits(random, count: 30, provinces: 3, maxPeople: 8)
            for crossCategory in [false, true] {
                let plan = TransferSettings(scope: .province, crossCategory: crossCategory)
                    .plan(units, pairs: [CategoryPair(from: .cadres, to: .civilServants), CategoryPair(from: .civilServants, to: .cadres)], verify: true)
                #expect(plan.provenOptimal == true)
                #expect(plan.staffAfter.reduce(0) { $0 + $1.total } == units.reduce(0) { $0 + $1.staff.total })
                for (unit, after) in zip(units, plan.staffAfter) {
                    for category in StaffCategory.allCases where after[category] > unit.staff[category] {
                        #expect(after[category] <= unit.quota[category])  // filled only up to quota
                    }
                    for category in StaffCategory.allCases where after[category] < unit.staff[category] {
                        #expect(after[category] >= unit.quota[category])  // only surplus leaves
                    }
                }
                if !crossCategory { #expect(plan.transfers.allSatisfy { $0.category == $0.toCategory }) }
            }
        }
    }

    @Test func scopeAndDistanceLimitsAreNeverBroken() throws {
        let random = try RandomSource(seed: 31)
        let units = randomUnits(random, count: 60, provinces: 3, maxPeople: 6)
        let byCode = Dictionary(uniqueKeysWithValues: units.map { ($0.code, $0) })
        let province = TransferSettings(scope: .province).plan(units, pairs: [])
        #expect(province.transfers.allSatisfy { byCode[$0.fromCode]!.province == byCode[$0.toCode]!.province })
        let district = TransferSettings(scope: .district).plan(units, pairs: [])
        #expect(district.transfers.allSatisfy { byCode[$0.fromCode]!.district == byCode[$0.toCode]!.district })
        let radius = TransferSettings(scope: .radius(maxKm: 40)).plan(units, pairs: [])
        #expect(radius.transfers.allSatisfy { $0.distanceKm! <= 40 })
        #expect(radius.transfers.contains { byCode[$0.fromCode]!.province != byCode[$0.toCode]!.province })  // radius ignores provinces
        let capped = TransferSettings(scope: .province, maxKm: 30).plan(units, pairs: [])
        #expect(capped.transfers.allSatisfy { $0.distanceKm! <= 30 })
        #expect(TransferSettings(scope: .none).plan(units, pairs: []).transfers.isEmpty)
        // A province holds its districts: more freedom never leaves more surplus.
        #expect(province.surplusAfter.total <= district.surplusAfter.total)
    }

    @Test func sameInputSameTransfers() throws {
        let units = randomUnits(try RandomSource(seed: 37), count: 40, provinces: 2, maxPeople: 6)
        let a = TransferSettings(scope: .province).plan(units, pairs: [])
        let b = TransferSettings(scope: .province).plan(units, pairs: [])
        #expect(a == b)
    }

    /// Issue 8 (5): under a distance limit a unit without a position was reached at cost 0 and
    /// beyond the limit, so surplus went first to vacancies with no position.
    @Test func unitsWithoutAPositionAreUnreachableUnderADistanceLimit() {
        let hanoi = Coordinate(latitude: 21.0285, longitude: 105.8542)
        let near = Coordinate(latitude: 21.10, longitude: 105.90)   // about 9 km away
        func unit(_ code: String, _ location: Coordinate?, staff: Int, quota: Int) -> TransferUnit {
            TransferUnit(code: code, province: "P", district: "D", location: location,
                         staff: .init(cadres: staff, civilServants: 0, nonProfessional: 0),
                         quota: .init(cadres: quota, civilServants: 0, nonProfessional: 0))
        }
        let units = [unit("S", hanoi, staff: 5, quota: 1),        // surplus 4, positioned
                     unit("X", nil, staff: 0, quota: 10),          // vacancies, no position
                     unit("N", near, staff: 0, quota: 2),          // vacancies, positioned, near
                     unit("Y", nil, staff: 3, quota: 0)]           // surplus, no position
        for settings in [TransferSettings(scope: .province, maxKm: 30), TransferSettings(scope: .district, maxKm: 30),
                         TransferSettings(scope: .radius(maxKm: 30))] {
            let plan = settings.plan(units, pairs: [], verify: true)
            #expect(plan.transfers.allSatisfy { $0.distanceKm != nil && $0.distanceKm! <= 30 }, "\(settings)")
            #expect(plan.transfers == [Transfer(category: .cadres, toCategory: .cadres, fromCode: "S", toCode: "N", count: 2,
                                                distanceKm: plan.transfers.first?.distanceKm)], "\(settings)")
            #expect(plan.unreachableCodes == ["X", "Y"])
            #expect(plan.surplusAfter.cadres == 2 + 3)
        }
        // Without a limit the distance is only a cost: everyone finds a place.
        let free = TransferSettings(scope: .province).plan(units, pairs: [])
        #expect(free.surplusAfter.isZero && free.unreachableCodes.isEmpty)
    }

    /// The transition's planner keeps each group's costs in a table filled by symmetry from the cosines
    /// of the latitudes worked out once per unit: every entry must equal the haversine of the two
    /// positions in the textbook form (four trigonometric calls, the arguments in their order), bit
    /// for bit in whole metres, or a tie between two moves could break the other way.
    @Test func cachedCostsAreTheDistancesBitForBit() throws {
        let random = try RandomSource(seed: 91)
        var units = randomUnits(random, count: 120, provinces: 2, maxPeople: 6)
        units[7].location = nil
        func textbookKm(_ a: Coordinate, _ b: Coordinate) -> Double {
            let r = Double.pi / 180
            let dLat = (b.latitude - a.latitude) * r, dLon = (b.longitude - a.longitude) * r
            let h = pow(sin(dLat / 2), 2) + cos(a.latitude * r) * cos(b.latitude * r) * pow(sin(dLon / 2), 2)
            return 2 * 6_371.0088 * asin(min(1, sqrt(h)))
        }
        for settings in [TransferSettings(scope: .province), TransferSettings(scope: .province, maxKm: 40)] {
            let planner = TransferPlanner(settings: settings, units: units, pairs: [])
            for (g, group) in planner.groups.enumerated() {
                let table = try #require(planner.metres[g])
                for (p, a) in group.enumerated() {
                    for (q, b) in group.enumerated() {
                        var expected = settings.maxKm == nil ? 0 : TransferPlanner.notAllowed
                        if let from = units[a].location, let to = units[b].location {
                            let km = textbookKm(from, to)
                            expected = settings.maxKm.map { km > $0 } == true ? TransferPlanner.notAllowed : Int64((km * 1_000).rounded())
                        }
                        #expect(table[p * group.count + q] == expected, "\(a) → \(b)")
                    }
                }
            }
            // The table and the distances worked out as needed give the same plan.
            let staff = units.map(\.staff), quota = units.map(\.quota)
            let uncached = TransferPlanner(settings: settings, units: units, pairs: [], cacheDistances: false)
            #expect(planner.flows(staff: staff, quota: quota).flows == uncached.flows(staff: staff, quota: quota).flows)
        }
        for a in units.compactMap(\.location) {
            for b in units.compactMap(\.location) {
                #expect(greatCircleKm(a, b).bitPattern == greatCircleKm(b, a).bitPattern)
            }
        }
    }

    @Test func greatCircleDistance() {
        // Hà Nội (21.0285, 105.8542) to Hồ Chí Minh City (10.8231, 106.6297): about 1,137 km.
        let km = greatCircleKm(Coordinate(latitude: 21.0285, longitude: 105.8542), Coordinate(latitude: 10.8231, longitude: 106.6297))
        #expect(abs(km - 1_137) < 5)
        #expect(greatCircleKm(Coordinate(latitude: 1, longitude: 2), Coordinate(latitude: 1, longitude: 2)) == 0)
    }
}
