import GSL

/// Morris's one-at-a-time trajectories through a grid of p levels in the unit cube [0, 1]^k
/// (Morris 1991, *Technometrics* 33:161–174; Campolongo, Cariboni and Saltelli 2007).
///
/// Each coordinate takes the levels 0, 1/(p − 1), …, 1, and moves by Δ = p / (2(p − 1)), half the grid
/// (p/2 steps), so every level is equally likely to be visited. A trajectory starts at a random point
/// x* whose coordinates are levels, then moves one coordinate at a time, in a random order and each in a
/// random direction (up from a level at most 1 − Δ, or down to one), ending after k moves: k + 1 points,
/// each differing from the one before in one coordinate. The model runs at the r(k + 1) points
/// (``points``, trajectory by trajectory).
public struct MorrisDesign: Sendable, Equatable {
    /// One move of a trajectory: which coordinate changed and by how much (+Δ or −Δ, as the points hold it).
    public struct Step: Sendable, Equatable {
        public var parameter: Int
        public var change: Double
    }

    /// One trajectory: its k + 1 points and the k moves between them.
    public struct Trajectory: Sendable, Equatable {
        public var points: [[Double]]
        public var steps: [Step]
    }

    public let parameterCount: Int
    /// The number p of levels (even).
    public let levels: Int
    /// The move Δ = p / (2(p − 1)) of each coordinate, in [0, 1] units.
    public var delta: Double { Double(levels) / Double(2 * (levels - 1)) }
    public let trajectories: [Trajectory]
    /// The seed the trajectories were drawn with (GSL's mt19937): the same seed, the same design.
    public let seed: UInt64

    /// The default number of levels, 4 (Δ = 2/3), as Campolongo et al. (2007) advise.
    public static let defaultLevels = 4

    /// `trajectories` random trajectories over `parameterCount` coordinates, on `levels` levels, drawn from `seed`.
    /// - Throws: `GSLError` (`GSL_EINVAL`) unless k ≥ 1, r ≥ 2 (σ needs two effects) and p is even and ≥ 2.
    /// - Complexity: O(r·k²).
    public init(parameterCount: Int, trajectories: Int, levels: Int = defaultLevels, seed: UInt64) throws(GSLError) {
        guard parameterCount >= 1, trajectories >= 2, levels >= 2, levels % 2 == 0 else {
            throw GSLError.invalidArgument("a Morris design of \(parameterCount) parameters (at least 1), \(trajectories) trajectories (at least 2) and \(levels) levels (even, at least 2)")
        }
        let source = try RandomSource(seed: seed)
        let half = levels / 2, last = Double(levels - 1)
        var drawn: [Trajectory] = []
        for _ in 0..<trajectories {
            // Per coordinate: the lower of its two levels (0…p/2 − 1) and whether it moves up.
            let lower = (0..<parameterCount).map { _ in source.uniformInteger(below: half) }
            let up = (0..<parameterCount).map { _ in source.uniformInteger(below: 2) == 1 }
            var order = Array(0..<parameterCount)
            for i in stride(from: parameterCount - 1, to: 0, by: -1) { order.swapAt(i, source.uniformInteger(below: i + 1)) }
            var level = (0..<parameterCount).map { up[$0] ? lower[$0] : lower[$0] + half }
            var points = [level.map { Double($0) / last }], steps: [Step] = []
            for i in order {
                let before = Double(level[i]) / last
                level[i] += up[i] ? half : -half
                let point = level.map { Double($0) / last }
                steps.append(Step(parameter: i, change: point[i] - before))
                points.append(point)
            }
            drawn.append(Trajectory(points: points, steps: steps))
        }
        self.parameterCount = parameterCount
        self.levels = levels
        self.trajectories = drawn
        self.seed = seed
    }

    /// Every point the model runs at, trajectory by trajectory: r(k + 1).
    public var points: [[Double]] { trajectories.flatMap(\.points) }
}
