import Foundation

/// The Delaunay triangulation of points in the plane (Bowyer–Watson), for neighbours from centres: two
/// units are neighbours when their centres share a triangle's edge, an approximation of sharing a border
/// better than the nearest few centres (a unit's neighbours surround it on every side).
enum Delaunay {
    /// The triangulation's edges, as pairs of point indices (each once, smaller first).
    /// - Complexity: O(n²) in the worst case (each insertion scans the triangles); fine for a province's hundreds.
    static func edges(_ points: [(x: Double, y: Double)]) -> [(Int, Int)] {
        let n = points.count
        guard n >= 2 else { return [] }
        guard n >= 3 else { return [(0, 1)] }
        // A super-triangle around every point.
        let xs = points.map(\.x), ys = points.map(\.y)
        let minX = xs.min() ?? 0, maxX = xs.max() ?? 0, minY = ys.min() ?? 0, maxY = ys.max() ?? 0
        let span = max(maxX - minX, maxY - minY, 1e-9) * 20, midX = (minX + maxX) / 2, midY = (minY + maxY) / 2
        var all = points
        all += [(midX - span, midY - span), (midX, midY + span), (midX + span, midY - span)]
        struct Triangle { var a: Int, b: Int, c: Int, cx: Double, cy: Double, r2: Double }
        func triangle(_ a: Int, _ b: Int, _ c: Int) -> Triangle {
            let (ax, ay) = all[a], (bx, by) = all[b], (cx, cy) = all[c]
            let d = 2 * (ax * (by - cy) + bx * (cy - ay) + cx * (ay - by))
            guard abs(d) > 1e-18 else { return Triangle(a: a, b: b, c: c, cx: 0, cy: 0, r2: .infinity) }
            let ux = ((ax * ax + ay * ay) * (by - cy) + (bx * bx + by * by) * (cy - ay) + (cx * cx + cy * cy) * (ay - by)) / d
            let uy = ((ax * ax + ay * ay) * (cx - bx) + (bx * bx + by * by) * (ax - cx) + (cx * cx + cy * cy) * (bx - ax)) / d
            return Triangle(a: a, b: b, c: c, cx: ux, cy: uy, r2: (ax - ux) * (ax - ux) + (ay - uy) * (ay - uy))
        }
        var triangles = [triangle(n, n + 1, n + 2)]
        // Insert in a fixed order (by x then y) so the result does not depend on the input's order of equal points.
        for p in points.indices.sorted(by: { (points[$0].x, points[$0].y, $0) < (points[$1].x, points[$1].y, $1) }) {
            let (px, py) = all[p]
            var bad: [Int] = [], edgeCount: [Pair: Int] = [:]
            for (i, t) in triangles.enumerated() {
                let dx = px - t.cx, dy = py - t.cy
                if dx * dx + dy * dy <= t.r2 * (1 + 1e-12) {
                    bad.append(i)
                    for (u, v) in [(t.a, t.b), (t.b, t.c), (t.c, t.a)] { edgeCount[Pair(u, v), default: 0] += 1 }
                }
            }
            let badSet = Set(bad)
            triangles = triangles.enumerated().filter { !badSet.contains($0.offset) }.map(\.element)
            for (edge, count) in edgeCount where count == 1 { triangles.append(triangle(edge.u, edge.v, p)) }
        }
        var edges = Set<Pair>()
        for t in triangles {
            for (u, v) in [(t.a, t.b), (t.b, t.c), (t.c, t.a)] where u < n && v < n { edges.insert(Pair(u, v)) }
        }
        return edges.map { ($0.u, $0.v) }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
    }

    private struct Pair: Hashable {
        let u: Int, v: Int
        init(_ a: Int, _ b: Int) { (u, v) = a < b ? (a, b) : (b, a) }
    }
}
