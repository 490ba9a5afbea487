import Foundation

/// Where surplus people may be moved (the scenario's `transfers`).
public struct TransferSettings: Hashable, Sendable {
    public enum Scope: Hashable, Sendable {
        /// No transfers.
        case none
        /// Within the unit's district.
        case district
        /// Within the unit's province.
        case province
        /// To any unit within `maxKm` km, great-circle distance between centroids.
        case radius(maxKm: Double)
    }

    public var scope: Scope
    /// With `radius`, also a limit; with `district` or `province`, an optional one.
    public var maxKm: Double?
    /// Whether a surplus person may fill a vacancy of another category (pairs from the rule set).
    public var crossCategory: Bool

    public init(scope: Scope, maxKm: Double? = nil, crossCategory: Bool = false) {
        self.scope = scope
        self.maxKm = maxKm
        self.crossCategory = crossCategory
    }
}

/// A unit as stage 2 sees it: where it is, and its people and quota per category.
public struct TransferUnit: Hashable, Sendable {
    public var code: String
    public var province: String
    public var district: String?
    public var location: Coordinate?
    public var staff: Headcount
    public var quota: Headcount
    /// Whether its cadres and civil servants are one pool against their combined quota.
    public var pooled: Bool

    public init(code: String, province: String, district: String?, location: Coordinate?, staff: Headcount, quota: Headcount,
                pooled: Bool = false) {
        self.code = code
        self.province = province
        self.district = district
        self.location = location
        self.staff = staff
        self.quota = quota
        self.pooled = pooled
    }

    /// Its people above quota in each category (pooled or not, as its rule set says).
    public var surplus: Headcount { staff.surplus(over: quota, pooled: pooled) }
}

/// People moved from one unit to another.
public struct Transfer: Hashable, Sendable {
    /// The category they leave.
    public var category: StaffCategory
    /// The category they join (the same unless cross-category transfers are allowed).
    public var toCategory: StaffCategory
    public var fromCode: String
    public var toCode: String
    public var count: Int
    /// Great-circle distance between the units' centroids; nil when a unit has no position.
    public var distanceKm: Double?
}

/// The optimal transfers and what they leave.
public struct TransferPlan: Hashable, Sendable {
    public var transfers: [Transfer]
    /// Staff of each unit after the transfers, in the order of the units given.
    public var staffAfter: [Headcount]
    public var surplusBefore: Headcount
    public var surplusAfter: Headcount
    public var peopleMoved: Int { transfers.reduce(0) { $0 + $1.count } }
    /// Σ count × distance over transfers with a known distance.
    public var personKm: Double { transfers.reduce(0) { $0 + Double($1.count) * ($1.distanceKm ?? 0) } }
    /// Whether every flow solved was proven optimal (dual feasibility; checked in debug builds and tests).
    public var provenOptimal: Bool?
    /// Under a distance limit, the units without a position that have surplus or vacancies: no one
    /// moves to or from them, since their distance to any unit is unknown. In the order of the units given.
    public var unreachableCodes: [String] = []
}

/// Great-circle distance (haversine, mean Earth radius 6,371.0088 km).
public func greatCircleKm(_ a: Coordinate, _ b: Coordinate) -> Double {
    greatCircleKm(a, b, cosLatitudeA: cosLatitude(a), cosLatitudeB: cosLatitude(b))
}

/// The cosine of a position's latitude, as ``greatCircleKm(_:_:)`` uses it: worked out once per unit by
/// the planner, so a distance between two units costs two sines instead of two sines and two cosines.
@inline(__always)
func cosLatitude(_ a: Coordinate) -> Double { cos(a.latitude * (Double.pi / 180)) }

/// ``greatCircleKm(_:_:)`` with the cosines of the latitudes given: the same operations in the same
/// order, so the same bits. Symmetric bit for bit: the differences change sign only, and sin is odd
/// and squared, the cosines' product commutative.
@inline(__always)
func greatCircleKm(_ a: Coordinate, _ b: Coordinate, cosLatitudeA: Double, cosLatitudeB: Double) -> Double {
    let radians = Double.pi / 180
    let dLat = (b.latitude - a.latitude) * radians, dLon = (b.longitude - a.longitude) * radians
    let h = pow(sin(dLat / 2), 2) + cosLatitudeA * cosLatitudeB * pow(sin(dLon / 2), 2)
    return 2 * 6_371.0088 * asin(min(1, sqrt(h)))
}

extension TransferSettings {
    /// Stage 2: moves surplus people to vacancies within the scope, minimising
    /// first the surplus left and then the total person-km.
    ///
    /// Per group of units that may exchange people (a district, a province, or
    /// a connected set within the radius), a minimum-cost maximum flow: source
    /// → (unit, category) with surplus → (unit, category) with a vacancy →
    /// sink, arcs allowed by the scope and categories, costs in metres. Whole
    /// people; no unit is filled beyond its quota; ties by unit order.
    ///
    /// - Parameters:
    ///   - units: the units, with their staff and quotas.
    ///   - pairs: allowed (from, to) category pairs besides the same category, used when `crossCategory`.
    ///   - verify: proves each flow optimal (reduced costs), reported in ``TransferPlan/provenOptimal``.
    ///   - assertInDebug: whether debug builds assert each flow optimal anyway (not for the transition's yearly plans).
    ///
    /// Under a distance limit (`max_km`, or the radius scope) a unit without a position takes no part:
    /// its distance to any other is unknown, so it is listed in ``TransferPlan/unreachableCodes``
    /// when it has surplus or vacancies, never treated as near.
    ///
    /// - Complexity: per group of k units, a min-cost flow over O(k²) arcs with O(k) phases (about k³).
    public func plan(_ units: [TransferUnit], pairs: [CategoryPair], verify: Bool = false,
                     assertInDebug: Bool = true) -> TransferPlan {
        let planner = TransferPlanner(settings: self, units: units, pairs: pairs, cacheDistances: false)
        let staff = units.map(\.staff), quota = units.map(\.quota)
        let surplusBefore = units.reduce(Headcount.zero) { $0 + $1.surplus }
        let (flows, proven) = planner.flows(staff: staff, quota: quota, verify: verify, assertInDebug: assertInDebug)
        var staffAfter = staff
        var transfers: [Transfer] = []
        for flow in flows {
            staffAfter[flow.from][flow.fromCategory] -= flow.count
            staffAfter[flow.to][flow.toCategory] += flow.count
            let distance: Double? = units[flow.from].location.flatMap { a in units[flow.to].location.map { greatCircleKm(a, $0) } }
            transfers.append(Transfer(category: flow.fromCategory, toCategory: flow.toCategory, fromCode: units[flow.from].code,
                                      toCode: units[flow.to].code, count: flow.count, distanceKm: distance))
        }
        let limit = distanceLimit
        let unreachable = limit == nil || scope == .none ? [] : units.filter { unit in
            unit.location == nil && (!unit.surplus.isZero || !unit.staff.vacancies(under: unit.quota, pooled: unit.pooled).isZero)
        }.map(\.code)
        let surplusAfter = zip(staffAfter, units).reduce(Headcount.zero) { $0 + $1.0.surplus(over: $1.1.quota, pooled: $1.1.pooled) }
        return TransferPlan(transfers: transfers, staffAfter: staffAfter, surplusBefore: surplusBefore, surplusAfter: surplusAfter,
                            provenOptimal: proven, unreachableCodes: unreachable)
    }

    /// The distance no transfer may exceed: `maxKm`, or the radius of the radius scope.
    public var distanceLimit: Double? {
        if let maxKm { return maxKm }
        if case .radius(let km) = scope { return km }
        return nil
    }
}

/// Stage 2 over a fixed set of units: the groups that may exchange people and the units' positions,
/// worked out once, then planned for any staff and quotas by unit index (the transition plans every
/// year of every replication without strings).
public struct TransferPlanner: Sendable {
    public let settings: TransferSettings
    /// Index sets of units that may exchange people, each in unit order, groups ordered by first unit.
    public let groups: [[Int]]
    let locations: [Coordinate?]
    /// Per unit, the cosine of its latitude (0 without a position; never read then).
    let cosLatitudes: [Double]
    /// Per group of at most ``cachedGroupSize`` units, the cost of moving a person between two of its
    /// members (row-major by position in the group): whole metres of great-circle distance, 0 when a
    /// member has no position and there is no limit, ``notAllowed`` when the limit rules the pair out;
    /// worked out once, as the transition plans every year; larger groups work them out as they go.
    let metres: [[Int64]?]
    static let notAllowed: Int64 = -1
    static let cachedGroupSize = 1_000
    /// Each unit's position within its group.
    let positionInGroup: [Int]
    /// The category networks: each category alone, or all with the pairs when cross-category moves are allowed;
    /// under R-4.8's pool, cadres and civil servants in one network.
    let networks: [Network]
    /// Per unit, whether its cadres and civil servants are one pool.
    let pooled: [Bool]

    /// Categories that exchange people in one problem, worked out once: the pairs allowed (from, to) as a
    /// table by category index, and the categories they touch.
    struct Network: Sendable {
        var categories: [StaffCategory]
        var allowed: [Bool]

        init(_ pairs: [CategoryPair]) {
            categories = StaffCategory.allCases.filter { c in pairs.contains { $0.from == c || $0.to == c } }
            allowed = [Bool](repeating: false, count: StaffCategory.count * StaffCategory.count)
            for pair in pairs { allowed[pair.from.index * StaffCategory.count + pair.to.index] = true }
        }

        func allows(_ from: StaffCategory, _ to: StaffCategory) -> Bool { allowed[from.index * StaffCategory.count + to.index] }
    }

    /// People moved from one unit and category to another.
    public struct Flow: Sendable, Hashable {
        public var from: Int, fromCategory: StaffCategory, to: Int, toCategory: StaffCategory, count: Int
    }

    /// - Parameters:
    ///   - settings: where surplus people may move.
    ///   - units: the units, in the order plans refer to them by index.
    ///   - pairs: allowed (from, to) category pairs besides the same category, used when `crossCategory`.
    ///   - cacheDistances: work out each group's distances once (for planning many times, as the
    ///     transition does); without it each plan computes only the distances it needs.
    public init(settings: TransferSettings, units: [TransferUnit], pairs: [CategoryPair], cacheDistances: Bool = true) {
        self.settings = settings
        locations = units.map(\.location)
        let cosLatitudes = units.map { $0.location.map(cosLatitude) ?? 0 }
        self.cosLatitudes = cosLatitudes
        let groups = settings.groups(units, limit: settings.distanceLimit)
        self.groups = groups
        var position = [Int](repeating: 0, count: units.count)
        let limit = settings.distanceLimit
        let locations = locations
        metres = groups.map { group in
            for (k, unit) in group.enumerated() { position[unit] = k }
            guard cacheDistances, group.count <= Self.cachedGroupSize else { return nil }
            // The distance is symmetric bit for bit (see greatCircleKm), so the lower triangle mirrors the upper.
            let size = group.count
            var table = [Int64](repeating: 0, count: size * size)
            for (p, a) in group.enumerated() {
                for q in p..<size {
                    let b = group[q]
                    let metres = Self.cost(locations[a], locations[b], cosLatitudes[a], cosLatitudes[b], limit: limit)
                    table[p * size + q] = metres
                    table[q * size + p] = metres
                }
            }
            return table
        }
        positionInGroup = position
        let same = StaffCategory.allCases.map { CategoryPair(from: $0, to: $0) }
        pooled = units.map(\.pooled)
        // One pool: a surplus cadre may take a civil-servant post elsewhere, and the other way.
        let pool = [CategoryPair(from: .cadres, to: .civilServants), CategoryPair(from: .civilServants, to: .cadres)]
        let allPooled = !units.isEmpty && pooled.allSatisfy { $0 }
        if settings.crossCategory {
            let given = pairs
            let extra = allPooled ? pool.filter { p in !given.contains { $0.from == p.from && $0.to == p.to } } : []
            networks = [Network(same + given + extra)]
        } else if allPooled {
            networks = [Network(same.filter { $0.from != .nonProfessional } + pool), Network([CategoryPair(from: .nonProfessional, to: .nonProfessional)])]
        } else {
            networks = same.map { Network([$0]) }
        }
    }

    /// The optimal flows for units with `staff` and `quota` (by unit index), group by group.
    ///
    /// - Returns: the flows, and whether each was proven optimal (nil unless `verify`).
    public func flows(staff: [Headcount], quota: [Headcount], verify: Bool = false, assertInDebug: Bool = true) -> (flows: [Flow], proven: Bool?) {
        var proven: Bool? = verify ? true : nil
        var flows: [Flow] = []
        for (g, group) in groups.enumerated() {
            for network in networks {
                flows += solve(group: g, members: group, staff: staff, quota: quota, network: network, verify: verify,
                               assertInDebug: assertInDebug, proven: &proven)
            }
        }
        return (flows, proven)
    }

    /// The cost of moving a person from `a` to `b`, both of group `g` (see ``metres``).
    private func cost(group g: Int, size: Int, _ a: Int, _ b: Int) -> Int64 {
        if let table = metres[g] { return table[positionInGroup[a] * size + positionInGroup[b]] }
        return Self.cost(locations[a], locations[b], cosLatitudes[a], cosLatitudes[b], limit: settings.distanceLimit)
    }

    /// Whole metres between two positions; 0 when one is unknown and there is no limit (an unknown
    /// distance never counts as within a limit: groups exclude these anyway); ``notAllowed`` beyond the limit.
    private static func cost(_ from: Coordinate?, _ to: Coordinate?, _ cosFrom: Double, _ cosTo: Double, limit: Double?) -> Int64 {
        guard let from, let to else { return limit == nil ? 0 : notAllowed }
        let km = greatCircleKm(from, to, cosLatitudeA: cosFrom, cosLatitudeB: cosTo)
        if let limit, km > limit { return notAllowed }
        return Int64((km * 1_000).rounded())
    }

    private func solve(group g: Int, members group: [Int], staff: [Headcount], quota: [Headcount], network: Network,
                       verify: Bool, assertInDebug: Bool, proven: inout Bool?) -> [Flow] {
        var supplies: [(unit: Int, category: StaffCategory, count: Int)] = []
        var demands: [(unit: Int, category: StaffCategory, count: Int)] = []
        for i in group {
            let over = staff[i].surplus(over: quota[i], pooled: pooled[i]), empty = staff[i].vacancies(under: quota[i], pooled: pooled[i])
            for category in network.categories {
                if over[category] > 0 { supplies.append((i, category, over[category])) }
                if empty[category] > 0 { demands.append((i, category, empty[category])) }
            }
        }
        guard !supplies.isEmpty, !demands.isEmpty else { return [] }
        var problem = TransportationProblem(supplies: supplies.map { $0.count }, demands: demands.map { $0.count }, arcs: [])  // closures: no run-time key paths in the yearly loop
        problem.arcs.reserveCapacity(supplies.count * demands.count)
        for (s, supply) in supplies.enumerated() {
            for (d, demand) in demands.enumerated() where network.allows(supply.category, demand.category) {
                let metres = cost(group: g, size: group.count, supply.unit, demand.unit)
                if metres == Self.notAllowed { continue }
                problem.arcs.append((s, d, metres))
            }
        }
        let (counts, optimal) = problem.solve(verify: verify || (assertInDebug && Self.assertsInDebug))
        if verify { proven = (proven ?? true) && optimal == true }
        assert(!assertInDebug || !Self.assertsInDebug || optimal == true, "transfer flow not optimal")
        return zip(problem.arcs, counts).compactMap { arc, count in
            guard count > 0 else { return nil }
            let supply = supplies[arc.supply], demand = demands[arc.demand]
            return Flow(from: supply.unit, fromCategory: supply.category, to: demand.unit, toCategory: demand.category, count: count)
        }
    }

    /// Whether debug builds prove every flow optimal (release builds never do unless asked).
    static var assertsInDebug: Bool {
        var debug = false
        assert({ debug = true; return true }())
        return debug
    }
}

extension TransferSettings {
    /// Index sets of units that may exchange people, each in unit order, groups ordered by first unit.
    func groups(_ units: [TransferUnit], limit: Double?) -> [[Int]] {
        switch scope {
        case .none:
            return []
        case .district, .province:
            var order: [String] = [], members: [String: [Int]] = [:]
            // Under a distance limit only units with a position can exchange anyone.
            for (i, unit) in units.enumerated() where limit == nil || unit.location != nil {
                let key = scope == .district ? unit.province + "\u{1F}" + (unit.district ?? "\u{1F}\(unit.code)") : unit.province
                if members[key] == nil { order.append(key) }
                members[key, default: []].append(i)
            }
            return order.map { members[$0]! }
        case .radius:
            // Connected components of "within the limit", by union–find over located units.
            let located = units.indices.filter { units[$0].location != nil }
            var parent = Array(units.indices)
            func find(_ x: Int) -> Int { var x = x; while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }; return x }
            for (a, i) in located.enumerated() {
                for j in located[(a + 1)...] where greatCircleKm(units[i].location!, units[j].location!) <= limit! {
                    let (ri, rj) = (find(i), find(j))
                    if ri != rj { parent[max(ri, rj)] = min(ri, rj) }
                }
            }
            var order: [Int] = [], members: [Int: [Int]] = [:]
            for i in located {
                let root = find(i)
                if members[root] == nil { order.append(root) }
                members[root, default: []].append(i)
            }
            return order.map { members[$0]! }
        }
    }
}
