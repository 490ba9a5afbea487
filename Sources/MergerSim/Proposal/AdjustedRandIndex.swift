/// The adjusted Rand index of two groupings of the same items (Hubert & Arabie 1985): 1 when they
/// agree exactly, about 0 for groupings as alike as chance makes them.
///
/// ARI = (Σ C(n_ij, 2) − E) / (½ (Σ C(a_i, 2) + Σ C(b_j, 2)) − E), with E = Σ C(a_i, 2) · Σ C(b_j, 2) / C(n, 2),
/// over the contingency table n_ij of the two groupings and its margins a_i, b_j.
/// - Complexity: O(n) with hashing.
public func adjustedRandIndex<A: Hashable, B: Hashable>(_ a: [A], _ b: [B]) -> Double {
    precondition(a.count == b.count, "two groupings of different items")
    func pairs(_ n: Int) -> Double { Double(n) * Double(n - 1) / 2 }
    var cells: [Pair<A, B>: Int] = [:], rows: [A: Int] = [:], columns: [B: Int] = [:]
    for (x, y) in zip(a, b) {
        cells[Pair(a: x, b: y), default: 0] += 1
        rows[x, default: 0] += 1
        columns[y, default: 0] += 1
    }
    let index = cells.values.reduce(0) { $0 + pairs($1) }
    let sumA = rows.values.reduce(0) { $0 + pairs($1) }, sumB = columns.values.reduce(0) { $0 + pairs($1) }
    let total = pairs(a.count)
    guard total > 0 else { return 1 }
    let expected = sumA * sumB / total, maximum = (sumA + sumB) / 2
    guard maximum != expected else { return 1 }
    return (index - expected) / (maximum - expected)
}

private struct Pair<A: Hashable, B: Hashable>: Hashable {
    var a: A
    var b: B
}
