import Foundation

/// Which units border which, for proposing mergers: from a planner's adjacency list, or, without one,
/// approximated from the units' centres.
///
/// The approximation links, within each group (province, or district when asked), the units whose centres
/// share an edge of the Delaunay triangulation (the default) or each unit to its `k` nearest, in both cases
/// only within `maxKm`; then it joins what is still apart: while a group's graph falls in several pieces,
/// the closest pair of units between the smallest piece and the rest is linked. Real borders differ (a
/// long thin commune touches units whose centres are far), so a planner's adjacency file is better where
/// there is one.
public struct Neighbours: Sendable, Equatable {
    /// Per unit, its neighbours (indices), ascending.
    public let lists: [[Int]]

    public init(lists: [[Int]]) {
        self.lists = lists.map { Array(Set($0)).sorted() }
    }

    /// The same links without any that touch `apart`: those units become pieces of their own.
    public func keepingApart(_ apart: Set<Int>) -> Neighbours {
        guard !apart.isEmpty else { return self }
        return Neighbours(lists: lists.indices.map { u in apart.contains(u) ? [] : lists[u].filter { !apart.contains($0) } })
    }

    /// From pairs of unit indices (each pair both ways).
    public init(pairs: [(Int, Int)], count: Int) {
        var lists = [[Int]](repeating: [], count: count)
        for (a, b) in pairs where a != b {
            lists[a].append(b)
            lists[b].append(a)
        }
        self.init(lists: lists)
    }

    /// Approximate km between two centres (equirectangular: good to a fraction of a percent at a province's scale).
    @inline(__always)
    public static func km(_ a: Coordinate, _ b: Coordinate) -> Double {
        let x = (b.longitude - a.longitude) * cos((a.latitude + b.latitude) * .pi / 360)
        let y = b.latitude - a.latitude
        return (x * x + y * y).squareRoot() * 111.32
    }

    /// The longest link, in km between centres, that the approximation from centres keeps unless told
    /// otherwise (pieces left apart are joined all the same).
    public static let defaultMaximumDistanceKm: Double = 25

    /// How centres are linked: Delaunay edges, or each to its `k` nearest.
    public enum Method: Sendable, Hashable {
        case delaunay
        case nearest(Int)
    }

    /// The approximation from centres (see the type): `groups[i]` is unit i's group; units are linked only within a group.
    /// - Complexity: O(Σ n_g²) over the groups' sizes n_g.
    public static func fromCentres(_ points: [Coordinate], groups: [Int], method: Method = .delaunay,
                                   maxKm: Double = defaultMaximumDistanceKm) -> Neighbours {
        switch method {
        case .delaunay: nearest(points, groups: groups, k: 0, maxKm: maxKm)
        case .nearest(let k): nearest(points, groups: groups, k: max(1, k), maxKm: maxKm)
        }
    }

    /// Each unit linked to its `k` nearest (`k` = 0: Delaunay edges instead), within `maxKm`, pieces joined.
    static func nearest(_ points: [Coordinate], groups: [Int], k: Int = 6, maxKm: Double = defaultMaximumDistanceKm) -> Neighbours {
        var lists = [[Int]](repeating: [], count: points.count)
        let members = Dictionary(grouping: points.indices, by: { groups[$0] })
        for group in members.keys.sorted() {
            let units = members[group] ?? []
            if k == 0 {
                // Delaunay edges within the group, those longer than maxKm dropped (the pieces are joined below).
                let latitude = units.map { points[$0].latitude }.reduce(0, +) / Double(max(units.count, 1))
                let plane = units.map { (x: points[$0].longitude * cos(latitude * .pi / 180), y: points[$0].latitude) }
                for (a, b) in Delaunay.edges(plane) where km(points[units[a]], points[units[b]]) <= maxKm {
                    lists[units[a]].append(units[b])
                    lists[units[b]].append(units[a])
                }
            }
            for u in units where k > 0 {
                let nearest = units.filter { $0 != u }.map { ($0, km(points[u], points[$0])) }
                    .sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(k)
                for (v, d) in nearest where d <= maxKm || lists[u].isEmpty {
                    lists[u].append(v)
                    lists[v].append(u)
                }
            }
            // Join the pieces: the smallest piece to its closest unit outside it, until one piece remains.
            while true {
                let pieces = components(of: units, lists: lists)
                guard pieces.count > 1, let smallest = pieces.min(by: { ($0.count, $0.min() ?? 0) < ($1.count, $1.min() ?? 0) }) else { break }
                let inside = Set(smallest)
                var best: (Int, Int, Double)?
                for a in smallest {
                    for b in units where !inside.contains(b) {
                        let d = km(points[a], points[b])
                        if best.map({ d < $0.2 }) ?? true { best = (a, b, d) }
                    }
                }
                guard let (a, b, _) = best else { break }
                lists[a].append(b)
                lists[b].append(a)
            }
        }
        return Neighbours(lists: lists)
    }

    /// The connected pieces of `members` in this graph, largest first (then by their smallest member),
    /// each ascending: no connected group can join two of them.
    public func pieces(of members: [Int]) -> [[Int]] {
        Self.components(of: members, lists: lists).map { $0.sorted() }
            .sorted { ($0.count, -($0.first ?? 0)) > ($1.count, -($1.first ?? 0)) }
    }

    /// The connected pieces of `units` in the graph `lists`.
    public static func components(of units: [Int], lists: [[Int]]) -> [[Int]] {
        let inGroup = Set(units)
        var seen = Set<Int>(), pieces: [[Int]] = []
        for start in units where !seen.contains(start) {
            var piece = [start], frontier = [start]
            seen.insert(start)
            while let u = frontier.popLast() {
                for v in lists[u] where inGroup.contains(v) && seen.insert(v).inserted {
                    piece.append(v)
                    frontier.append(v)
                }
            }
            pieces.append(piece)
        }
        return pieces
    }
}

extension Neighbours {
    /// A group's spread: the population-weighted mean distance (km) of its members' centres to the
    /// group's centre (their population-weighted mean position), each member weighing at least 1; members
    /// without a position are left out, and a group with none has spread 0.
    public static func spread(of group: [Int], in units: [AdministrativeUnit]) -> Double {
        var lat = 0.0, lon = 0.0, weight = 0.0
        for u in group {
            guard let p = units[u].location else { continue }
            let w = Double(max(units[u].population, 1))
            lat += p.latitude * w
            lon += p.longitude * w
            weight += w
        }
        guard weight > 0 else { return 0 }
        let centre = Coordinate(latitude: lat / weight, longitude: lon / weight)
        var spread = 0.0
        for u in group {
            if let p = units[u].location { spread += Double(max(units[u].population, 1)) * Neighbours.km(p, centre) }
        }
        return spread / weight
    }
}
