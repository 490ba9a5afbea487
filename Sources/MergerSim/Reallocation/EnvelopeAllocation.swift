import Foundation
import GSL

/// Stage 1 of reallocation: sharing a staffing envelope (the positions a
/// province's People's Council approves for one category) among its units.
///
/// Chooses whole quotas qᵢ with floorᵢ ≤ qᵢ ≤ capᵢ and Σqᵢ = envelope,
/// minimising
///
///     Σ max(0, hᵢ − qᵢ)  +  λ · Σ (qᵢ − sᵢ)²
///
/// the total surplus plus a penalty for straying from the workload share sᵢ
/// (the envelope split by population and area weights). Each term is convex
/// in its own qᵢ, so a whole-number allocation from which no exchange of one
/// position between two units lowers the objective is optimal (Gross 1956;
/// Ibaraki & Katoh, *Resource Allocation Problems*, ch. 4).
public struct EnvelopeProblem: Hashable, Sendable {
    public var envelope: Int
    /// hᵢ: the people each unit has in the category.
    public var headcounts: [Int]
    public var floors: [Int]
    public var caps: [Int]
    /// sᵢ: the workload-proportional share of the envelope (summing to it).
    public var shares: [Double]
    /// λ: the cost of one position squared away from the share, in people of surplus.
    public var penalty: Double

    public init(envelope: Int, headcounts: [Int], floors: [Int], caps: [Int], shares: [Double], penalty: Double) {
        self.envelope = envelope
        self.headcounts = headcounts
        self.floors = floors
        self.caps = caps
        self.shares = shares
        self.penalty = penalty
    }

    /// The workload shares: the envelope split in proportion to
    /// `populationWeight`·Pᵢ/ΣP + `areaWeight`·Aᵢ/ΣA.
    public static func workloadShares(envelope: Int, populations: [Int], areas: [Double],
                                      populationWeight: Double, areaWeight: Double) -> [Double] {
        let totalPopulation = Double(max(1, populations.reduce(0, +))), totalArea = max(1e-12, areas.reduce(0, +))
        let weights = zip(populations, areas).map { populationWeight * Double($0) / totalPopulation + areaWeight * $1 / totalArea }
        let sum = weights.reduce(0, +)
        return weights.map { sum > 0 ? Double(envelope) * $0 / sum : Double(envelope) / Double(weights.count) }
    }

    /// The cost of giving unit `i` the quota `q`.
    public func cost(_ i: Int, _ q: Int) -> Double {
        let gap = Double(q) - shares[i]
        return Double(max(0, headcounts[i] - q)) + penalty * gap * gap
    }

    public func objective(_ quotas: [Int]) -> Double { quotas.indices.reduce(0) { $0 + cost($1, quotas[$1]) } }

    public func surplus(_ quotas: [Int]) -> Int { zip(headcounts, quotas).reduce(0) { $0 + max(0, $1.0 - $1.1) } }
}

/// The optimal allocation of an envelope, and how it was reached.
public struct EnvelopeAllocation: Hashable, Sendable {
    public var quotas: [Int]
    public var surplus: Int
    public var objective: Double
    /// Surplus avoided by one more position in the envelope (the shadow price of the envelope).
    public var shadowPrice: Int
    /// Iterations of the continuous relaxation (GSL vector_bfgs2), and exchanges after rounding.
    public var relaxationIterations: Int
    public var exchanges: Int
}

/// Why an envelope cannot be shared out.
public enum EnvelopeError: Error, Hashable, Sendable, CustomStringConvertible {
    case belowFloors(envelope: Int, floors: Int)
    case aboveCaps(envelope: Int, caps: Int)
    case solver(String)

    public var description: String {
        switch self {
        case .belowFloors(let envelope, let floors):
            "the envelope of \(envelope) is below the \(floors) positions the units' floors (their types' base quotas) need"
        case .aboveCaps(let envelope, let caps):
            "the envelope of \(envelope) is above the \(caps) positions the units' caps allow"
        case .solver(let reason): "the allocation could not be computed: \(reason)"
        }
    }
}

extension EnvelopeProblem {
    /// The exact whole-number optimum.
    ///
    /// 1. The continuous relaxation, by GSL's `vector_bfgs2` on a smooth
    ///    objective: qᵢ = floorᵢ + (capᵢ − floorᵢ)·σ(xᵢ) keeps every quota in
    ///    its box; the hinge max(0, z) becomes τ·log(1 + e^(z/τ)), τ = 0.25;
    ///    Σq = envelope is held by an augmented Lagrangian.
    /// 2. Largest-remainder rounding to whole quotas that sum to the envelope.
    /// 3. Marginal exchanges: move one position from the unit where removing
    ///    it costs least to the unit where adding it gains most, while that
    ///    lowers the objective. The result is optimal (see the type's note).
    ///
    /// - Throws: ``EnvelopeError`` when the envelope is below the floors or above the caps.
    public func solve() throws(EnvelopeError) -> EnvelopeAllocation {
        let n = headcounts.count
        let floorSum = floors.reduce(0, +), capSum = caps.reduce(0, +)
        guard envelope >= floorSum else { throw .belowFloors(envelope: envelope, floors: floorSum) }
        guard envelope <= capSum else { throw .aboveCaps(envelope: envelope, caps: capSum) }
        guard n > 0 else { return EnvelopeAllocation(quotas: [], surplus: 0, objective: 0, shadowPrice: 0, relaxationIterations: 0, exchanges: 0) }
        let (relaxed, iterations) = try relax()
        var quotas = round(relaxed)
        let exchanges = improveByExchanges(&quotas)
        return EnvelopeAllocation(quotas: quotas, surplus: surplus(quotas), objective: objective(quotas),
                                  shadowPrice: shadowPrice(quotas), relaxationIterations: iterations, exchanges: exchanges)
    }

    /// The continuous optimum of the smoothed problem (step 1), the sum held by
    /// an augmented Lagrangian: a few BFGS runs, each warm-started, with the
    /// multiplier ν moved by the remaining gap.
    func relax() throws(EnvelopeError) -> ([Double], Int) {
        let smoothed = SmoothedEnvelope(problem: self)
        guard !smoothed.free.isEmpty else { return (floors.map(Double.init), 0) }
        var point = smoothed.start()
        var iterations = 0
        // The relaxation only needs to land near the optimum: step 3 makes the result exact.
        for _ in 0..<3 {
            do {
                let result = try Minimiser.minimise({ smoothed.value($0) }, from: point, gradient: { smoothed.gradient($0, &$1) },
                                                    options: .init(maxIterations: 60, gradientTolerance: 1e-3, initialStep: 0.1, lineTolerance: 0.1))
                point = result.point
                iterations += result.iterations
            } catch {
                throw .solver(error.description)
            }
            let gap = smoothed.gap(point)
            if abs(gap) < 0.5 { break }
            smoothed.multiplier += SmoothedEnvelope.mu * gap
        }
        return (smoothed.quotas(point), iterations)
    }

    /// Whole quotas within the bounds summing to the envelope, nearest the relaxed ones (step 2).
    func round(_ relaxed: [Double]) -> [Int] {
        var quotas = relaxed.indices.map { Swift.min(caps[$0], Swift.max(floors[$0], Int(relaxed[$0].rounded(.down)))) }
        var left = envelope - quotas.reduce(0, +)
        let byRemainder = relaxed.indices.sorted { a, b in
            let ra = relaxed[a] - relaxed[a].rounded(.down), rb = relaxed[b] - relaxed[b].rounded(.down)
            return ra != rb ? ra > rb : a < b
        }
        // Hand out (or take back) the difference by remainder, respecting the bounds; repeat if bounds stop a pass.
        while left != 0 {
            let before = left
            for i in (left > 0 ? byRemainder : byRemainder.reversed()) where left != 0 {
                if left > 0, quotas[i] < caps[i] { quotas[i] += 1; left -= 1 }
                else if left < 0, quotas[i] > floors[i] { quotas[i] -= 1; left += 1 }
            }
            precondition(left != before, "bounds checked feasible")
        }
        return quotas
    }

    /// Moves single positions between units while that lowers the objective (step 3).
    ///
    /// The cheapest increase and the cheapest decrease are kept in two heaps
    /// (an entry whose cost no longer matches its unit's is stale and dropped),
    /// so each exchange costs O(log n).
    /// - Returns: the number of exchanges made.
    func improveByExchanges(_ quotas: inout [Int]) -> Int {
        var ups = MinHeap<Double>(), downs = MinHeap<Double>()
        for i in quotas.indices { pushMarginals(i, quotas, &ups, &downs) }
        var exchanges = 0
        while true {
            guard let up = liveTop(&ups, quotas, increase: true), let down = liveTop(&downs, quotas, increase: false) else { break }
            var taker: Int = up.node, giver: Int = down.node
            var gain: Double = up.key + down.key
            if taker == giver {
                // The same unit cannot give and take: the better of the two second choices.
                _ = ups.pop()
                let secondUp: (key: Double, node: Int)? = liveTop(&ups, quotas, increase: true)
                ups.push(up.key, up.node)
                _ = downs.pop()
                let secondDown: (key: Double, node: Int)? = liveTop(&downs, quotas, increase: false)
                downs.push(down.key, down.node)
                var viaUp = Double.infinity, viaDown = Double.infinity
                if let secondUp { viaUp = secondUp.key + down.key }
                if let secondDown { viaDown = up.key + secondDown.key }
                if let secondUp, viaUp <= viaDown {
                    taker = secondUp.node
                    gain = viaUp
                } else if let secondDown {
                    giver = secondDown.node
                    gain = viaDown
                } else {
                    break
                }
            }
            guard gain < -1e-9 else { break }
            quotas[taker] += 1
            quotas[giver] -= 1
            exchanges += 1
            pushMarginals(taker, quotas, &ups, &downs)
            pushMarginals(giver, quotas, &ups, &downs)
        }
        return exchanges
    }

    /// The change in cost of one more (or one fewer) position for unit `i`; nil at its bound.
    private func marginal(_ i: Int, _ quotas: [Int], increase: Bool) -> Double? {
        if increase { return quotas[i] < caps[i] ? cost(i, quotas[i] + 1) - cost(i, quotas[i]) : nil }
        return quotas[i] > floors[i] ? cost(i, quotas[i] - 1) - cost(i, quotas[i]) : nil
    }

    private func pushMarginals(_ i: Int, _ quotas: [Int], _ ups: inout MinHeap<Double>, _ downs: inout MinHeap<Double>) {
        if let up = marginal(i, quotas, increase: true) { ups.push(up, i) }
        if let down = marginal(i, quotas, increase: false) { downs.push(down, i) }
    }

    /// The heap's best entry that is still current, dropping stale ones.
    private func liveTop(_ heap: inout MinHeap<Double>, _ quotas: [Int], increase: Bool) -> (key: Double, node: Int)? {
        while let top = heap.top {
            if let current = marginal(top.node, quotas, increase: increase), current == top.key { return top }
            _ = heap.pop()
        }
        return nil
    }

    /// Surplus avoided by one more position: the best single increase from the optimum.
    func shadowPrice(_ quotas: [Int]) -> Int {
        var best = (gain: Double.infinity, unit: -1)
        for i in quotas.indices where quotas[i] < caps[i] {
            let up = cost(i, quotas[i] + 1) - cost(i, quotas[i])
            if up < best.gain { best = (up, i) }
        }
        guard best.unit >= 0 else { return 0 }
        return headcounts[best.unit] > quotas[best.unit] ? 1 : 0
    }
}

/// The smoothed objective of step 1 in the unconstrained variables x:
/// qᵢ = floorᵢ + (capᵢ − floorᵢ)·σ(xᵢ) for the units whose bounds differ,
/// F(x) = Σ τ·log(1 + e^((hᵢ − qᵢ)/τ)) + λ(qᵢ − sᵢ)² + ν·gap + μ/2·gap², gap = Σq − envelope.
final class SmoothedEnvelope {
    static let tau = 0.25
    static let mu = 1.0

    let problem: EnvelopeProblem
    /// The units whose quota can move.
    let free: [Int]
    let fixedSum: Double
    var multiplier = 0.0

    init(problem: EnvelopeProblem) {
        self.problem = problem
        free = problem.headcounts.indices.filter { problem.caps[$0] > problem.floors[$0] }
        fixedSum = problem.headcounts.indices.filter { problem.caps[$0] == problem.floors[$0] }
            .reduce(0.0) { $0 + Double(problem.floors[$1]) }
    }

    static func sigmoid(_ x: Double) -> Double { 1 / (1 + Foundation.exp(-x)) }

    func quota(_ k: Int, _ x: Double) -> Double {
        let i = free[k]
        return Double(problem.floors[i]) + Double(problem.caps[i] - problem.floors[i]) * Self.sigmoid(x)
    }

    /// x for each free unit's workload share, kept inside its box.
    func start() -> [Double] {
        free.map { i in
            let fraction = (problem.shares[i] - Double(problem.floors[i])) / Double(problem.caps[i] - problem.floors[i])
            let clamped = Swift.min(0.99, Swift.max(0.01, fraction))
            return Foundation.log(clamped / (1 - clamped))
        }
    }

    func gap(_ x: [Double]) -> Double {
        var sum = fixedSum
        for k in x.indices { sum += quota(k, x[k]) }
        return sum - Double(problem.envelope)
    }

    func value(_ x: [Double]) -> Double {
        var total = 0.0
        for k in x.indices {
            let i = free[k], q = quota(k, x[k])
            let z = (Double(problem.headcounts[i]) - q) / Self.tau
            let hinge = z > 30 ? z : Foundation.log1p(Foundation.exp(z))
            total += Self.tau * hinge + problem.penalty * (q - problem.shares[i]) * (q - problem.shares[i])
        }
        let g = gap(x)
        return total + multiplier * g + Self.mu / 2 * g * g
    }

    func gradient(_ x: [Double], _ out: inout [Double]) {
        let g = gap(x)
        for k in x.indices {
            let i = free[k], s = Self.sigmoid(x[k]), q = quota(k, x[k])
            let dq = -Self.sigmoid((Double(problem.headcounts[i]) - q) / Self.tau) + 2 * problem.penalty * (q - problem.shares[i])
                + multiplier + Self.mu * g
            out[k] = dq * Double(problem.caps[i] - problem.floors[i]) * s * (1 - s)
        }
    }

    /// The quotas at x, fixed units at their floor.
    func quotas(_ x: [Double]) -> [Double] {
        var relaxed = problem.floors.map(Double.init)
        for k in free.indices { relaxed[free[k]] = quota(k, x[k]) }
        return relaxed
    }
}
