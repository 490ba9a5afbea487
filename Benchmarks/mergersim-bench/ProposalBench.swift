import Dispatch
import Foundation
import GSL
import MergerSim
import MergerSimInputs

/// Issue 13's measure: the national units grouped into each province's real number of units after 2025,
/// from the units alone; how many proposed units meet the targets (or are waived), and how close the
/// grouping is to the real one (adjusted Rand index), against a seeded k-means on centres with the same counts.
func proposalBench(scenario path: String, seed: UInt64, movesPerUnit: Int, weights: ProposalWeights) throws {
    let inputs = try ScenarioInputs(path: path)
    let units = inputs.units
    let index = Dictionary(uniqueKeysWithValues: units.enumerated().map { ($1.code, $0) })
    // The real grouping: each old unit's new unit (its largest share), and each province's count.
    var real = [String](repeating: "", count: units.count), realShare = [Double](repeating: -1, count: units.count)
    for newUnit in inputs.planFile.plan.newUnits {
        for member in newUnit.members {
            guard let i = index[member.code] else { continue }
            let share = member.share?.doubleValue ?? 1
            if share > realShare[i] { (real[i], realShare[i]) = (newUnit.code, share) }
        }
    }
    for i in units.indices where real[i].isEmpty { real[i] = units[i].code }
    var counts: [String: Set<String>] = [:]
    for (i, unit) in units.enumerated() { counts[unit.province, default: []].insert(real[i]) }
    let provinces = counts.keys.sorted()
    let provinceIndex = Dictionary(uniqueKeysWithValues: provinces.enumerated().map { ($1, $0) })
    let started = DispatchTime.now()
    let points = units.map { $0.location ?? Coordinate(latitude: 0, longitude: 0) }
    let neighbours = Neighbours.fromCentres(points, groups: units.indices.map { units[$0].location == nil ? -1 - $0 : provinceIndex[units[$0].province] ?? 0 })
    let targets = try GroupTargets(units: units, rules: inputs.rules.rules, provinceClasses: inputs.scenario.provinceClasses)
    let proposer = RegionProposer(units: units, neighbours: neighbours, targets: targets, weights: weights)
    let targetCounts = provinces.map { counts[$0]?.count ?? 0 }
    // Units without a position (the island districts) stay as they are.
    let placed = provinces.map { p in units.indices.filter { units[$0].province == p && units[$0].location != nil } }
    let fixed = provinces.map { p in units.indices.filter { units[$0].province == p && units[$0].location == nil } }
    let regions = try proposer.propose(regions: placed, counts: provinces.indices.map { targetCounts[$0] - fixed[$0].count },
                                       seed: seed, movesPerUnit: movesPerUnit)
    var proposed = [Int](repeating: 0, count: units.count), groups: [[Int]] = []
    for (p, region) in regions.enumerated() {
        for group in region + fixed[p].map({ [$0] }) { for u in group { proposed[u] = groups.count }; groups.append(group) }
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
    func meets(_ group: [Int]) -> Bool { targets.meets(group, in: units) }
    let pieces = groups.filter { Neighbours.components(of: $0, lists: neighbours.lists).count > 1 }.count
    print("groups in more than one piece (neighbour graph): \(pieces)")
    // The baseline: a seeded k-means on the centres (k-means++ start, 100 Lloyd steps), the same counts.
    var kmeans = [Int](repeating: 0, count: units.count), next = 0
    let random = try RandomSource(seed: seed)
    let seeds = provinces.indices.map { random.derivedSeed($0) }
    for (p, province) in provinces.enumerated() {
        let members = units.indices.filter { units[$0].province == province && units[$0].location != nil }
        let k = max(1, min(members.count, targetCounts[p] - units.indices.filter { units[$0].province == province && units[$0].location == nil }.count))
        let labels = try kMeans(members.map { points[$0] }, k: k, random: try RandomSource(seed: seeds[p]))
        for (i, u) in members.enumerated() { kmeans[u] = next + labels[i] }
        next += k
        for u in units.indices where units[u].province == province && units[u].location == nil { kmeans[u] = next; next += 1 }
    }
    print(String(format: "baseline k-means on centres, same counts: ARI vs real %.3f", adjustedRandIndex(kmeans, real)))
    let realGroups = Dictionary(grouping: units.indices, by: { real[$0] }).values.map { Array($0) }
    // How the two groupings differ in kind: real groups the neighbour graph cannot make, units left alone,
    // groups across old district lines, and the spread of the groups' populations.
    let realPieces = realGroups.filter { Neighbours.components(of: $0, lists: neighbours.lists).count > 1 }.count
    func shape(_ groups: [[Int]]) -> String {
        let populations = groups.map { Double($0.reduce(0) { $0 + units[$1].population }) }
        let mean = populations.reduce(0, +) / Double(populations.count)
        let sd = (populations.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(populations.count)).squareRoot()
        let crossing = groups.filter { Set($0.map { units[$0].district ?? "" }).count > 1 }.count
        return String(format: "alone %d, across old districts %.1f %%, population CV %.2f", groups.filter { $0.count == 1 }.count,
                      100 * Double(crossing) / Double(groups.count), sd / mean)
    }
    print("real groups in more than one piece (neighbour graph): \(realPieces) of \(realGroups.count)")
    print("shape: proposal \(shape(groups)); real \(shape(realGroups))")
    print(String(format: "proposal: %d units into %d (real %d) in %.1f s; meet targets or waived: proposed %.1f %%, real %.1f %%; ARI vs real %.3f",
                 units.count, groups.count, realGroups.count, seconds, 100 * Double(groups.filter(meets).count) / Double(groups.count),
                 100 * Double(realGroups.filter(meets).count) / Double(realGroups.count), adjustedRandIndex(proposed, real)))
}
/// Seeded k-means on centres: k-means++ start, then Lloyd's steps until nothing moves (at most 100).
func kMeans(_ points: [Coordinate], k: Int, random: RandomSource) throws -> [Int] {
    var centres = [points[random.uniformInteger(below: points.count)]]
    while centres.count < k {
        let weights = points.map { p in centres.map { Neighbours.km(p, $0) }.min().map { $0 * $0 } ?? 0 }
        let total = weights.reduce(0, +)
        var pick = random.uniform() * total, chosen = points.count - 1
        for (i, w) in weights.enumerated() { pick -= w; if pick <= 0 { chosen = i; break } }
        centres.append(points[chosen])
    }
    var labels = [Int](repeating: -1, count: points.count)
    for _ in 0..<100 {
        let new = points.map { p in centres.indices.min { Neighbours.km(p, centres[$0]) < Neighbours.km(p, centres[$1]) } ?? 0 }
        if new == labels { break }
        labels = new
        for c in centres.indices {
            let mine = points.indices.filter { labels[$0] == c }
            guard !mine.isEmpty else { continue }
            centres[c] = Coordinate(latitude: mine.reduce(0) { $0 + points[$1].latitude } / Double(mine.count),
                                    longitude: mine.reduce(0) { $0 + points[$1].longitude } / Double(mine.count))
        }
    }
    return labels
}

/// Issue 13's second measure: the mandatory mode over the 3,321 units after 2025 under vn-2026, from
/// reading the units to the proposed groups (screening, neighbours from centres, targets, the search).
func mandatoryBench(units path: String, rules id: String, repeats: Int) throws {
    let loaded = try RuleSetLoader.load(id)
    let bytes = try FileInput.read(path)
    var summary = ""
    try measure("mandatory proposal, \(id), \(path.split(separator: "/").suffix(2).joined(separator: "/"))", repeats: repeats) {
        let units = try UnitsFile(bytes: bytes, file: path).units
        guard let round = loaded.rules.screening.round(loaded.rules.screening.defaultRound) else { return 0 }
        let results = try loaded.rules.screen(units, round: round)
        let must = Set(results.indices.filter { results[$0].verdict == .merge }), exempt = Set(results.indices.filter { results[$0].verdict == .exempt })
        let provinces = Array(Set(units.map(\.province))).sorted()
        let index = Dictionary(uniqueKeysWithValues: provinces.enumerated().map { ($1, $0) })
        let neighbours = try ProposalInputs.nearest(units, file: path, groups: units.map { index[$0.province] ?? 0 }, required: must)
        let targets = try GroupTargets(units: units, rules: loaded.rules, provinceClasses: ProvinceClasses())
        let groups = MandatoryProposer(units: units, neighbours: neighbours, targets: targets).propose(mustMerge: must, exempt: exempt)
        summary = "\(must.count) must merge; \(groups.reduce(0) { $0 + $1.members.count }) units into \(groups.count), "
            + "\(groups.filter(\.meets).count) meeting or waived"
        return groups.count
    }
    print("  " + summary)
}
