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
    ///    Σq = envelope is held by a quadratic penalty.
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

    /// The continuous optimum of the smoothed problem (step 1).
    func relax() throws(EnvelopeError) -> ([Double], Int) {
        let free = headcounts.indices.filter { caps[$0] > floors[$0] }
        guard !free.isEmpty else { return (floors.map(Double.init), 0) }
        let tau = 0.25, mu = 10.0 / Double(free.count)
        let fixedSum = headcounts.indices.filter { caps[$0] == floors[$0] }.reduce(0.0) { $0 + Double(floors[$1]) }
        func sigmoid(_ x: Double) -> Double { 1 / (1 + Foundation.exp(-x)) }
        func quota(_ k: Int, _ x: Double) -> Double { Double(floors[free[k]]) + Double(caps[free[k]] - floors[free[k]]) * sigmoid(x) }
        let start = free.indices.map { k -> Double in
            let i = free[k]
            let fraction = (shares[i] - Double(floors[i])) / Double(caps[i] - floors[i])
            let clamped = Swift.min(0.99, Swift.max(0.01, fraction))
            return Foundation.log(clamped / (1 - clamped))
        }
        let function: ([Double]) -> Double = { x in
            var total = 0.0, sum = fixedSum
            for k in x.indices {
                let i = free[k], q = quota(k, x[k])
                let z = (Double(headcounts[i]) - q) / tau
                total += tau * (z > 30 ? z : Foundation.log1p(Foundation.exp(z))) + penalty * (q - shares[i]) * (q - shares[i])
                sum += q
            }
            let gap = sum - Double(envelope)
            return total + mu * gap * gap
        }
        let gradient: ([Double], inout [Double]) -> Void = { x, g in
            var sum = fixedSum
            for k in x.indices { sum += quota(k, x[k]) }
            let gap = sum - Double(envelope)
            for k in x.indices {
                let i = free[k], s = sigmoid(x[k]), q = quota(k, x[k])
                let dHinge = -sigmoid((Double(headcounts[i]) - q) / tau)
                let dq = dHinge + 2 * penalty * (q - shares[i]) + 2 * mu * gap
                g[k] = dq * Double(caps[i] - floors[i]) * s * (1 - s)
            }
        }
        do {
            let result = try Minimiser.minimise(function, from: start, gradient: gradient,
                                                options: .init(maxIterations: 500, gradientTolerance: 1e-6, initialStep: 0.1, lineTolerance: 0.1))
            var relaxed = floors.map(Double.init)
            for k in free.indices { relaxed[free[k]] = quota(k, result.point[k]) }
            return (relaxed, result.iterations)
        } catch {
            throw .solver(error.description)
        }
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
    /// - Returns: the number of exchanges made.
    func improveByExchanges(_ quotas: inout [Int]) -> Int {
        let epsilon = 1e-9
        var exchanges = 0
        while true {
            var bestUp = (gain: Double.infinity, unit: -1), bestDown = (gain: Double.infinity, unit: -1)
            var secondUp = bestUp, secondDown = bestDown
            for i in quotas.indices {
                if quotas[i] < caps[i] {
                    let up = cost(i, quotas[i] + 1) - cost(i, quotas[i])
                    if up < bestUp.gain { secondUp = bestUp; bestUp = (up, i) } else if up < secondUp.gain { secondUp = (up, i) }
                }
                if quotas[i] > floors[i] {
                    let down = cost(i, quotas[i] - 1) - cost(i, quotas[i])
                    if down < bestDown.gain { secondDown = bestDown; bestDown = (down, i) } else if down < secondDown.gain { secondDown = (down, i) }
                }
            }
            guard bestUp.unit >= 0, bestDown.unit >= 0 else { return exchanges }
            var (up, down) = (bestUp, bestDown)
            if up.unit == down.unit {
                // The same unit cannot give and take: the better of the two second choices.
                let withSecondUp = secondUp.gain + bestDown.gain, withSecondDown = bestUp.gain + secondDown.gain
                if withSecondUp <= withSecondDown { up = secondUp } else { down = secondDown }
                guard up.unit >= 0, down.unit >= 0 else { return exchanges }
            }
            guard up.gain + down.gain < -epsilon else { return exchanges }
            quotas[up.unit] += 1
            quotas[down.unit] -= 1
            exchanges += 1
        }
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
