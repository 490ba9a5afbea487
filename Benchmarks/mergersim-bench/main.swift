// mergersim-bench: timings of mergersim's hot paths, in a release build:
//   swift run -c release mergersim-bench [--units N] [--repeat R] [--seed S] [--scenario PATH] [--transition-runs N]
//   swift run -c release mergersim-bench --units N --write-scenario DIR
//     (writes the generated units as a scenario: units.csv with positions, a plan keeping every unit, province transfers,
//      1 run of 1 year; for timing `mergersim simulate` and `validate` from reading to writing)
//   swift run -c release mergersim-bench --time-scenario PATH [--repeat R]
//     (reading, judging, stage 1 and 2, stage 2 alone and the transition model of one scenario, timed apart)
//   swift run -c release mergersim-bench --propose MOVES_PER_UNIT [--w-failing X] [--w-compact X] [--w-balance X] [--w-district X]
//     (issue 13: the national units grouped into each province's real count; targets met and ARI against the real 2025 grouping;
//      then the mandatory mode over the 3,321 units of the 2026 round)
// Prints one line per benchmark: best and median wall time over R repeats.
import CSV
import Foundation
import MergerSim
import MergerSimInputs
import MergerSimReports
import ScenarioData

struct Options {
    var units = 10_000
    var repeats = 10
    var seed: UInt64 = 42
    var scenario = "scenarios/vn-2025/scenario.yaml"
    /// Monte Carlo replications for the transition benchmark (0: skip it).
    var transitionRuns = 0
    /// Moves per unit of the proposal benchmark (0: skip it); with it, only the proposal runs.
    var proposeMoves = 0
    var weights = ProposalWeights()
    /// Where to write the generated units as a scenario (nil: run the benchmarks).
    var scenarioDirectory: String?
    /// A scenario whose reading, judging and stage 2 are timed apart (nil: run the benchmarks).
    var timedScenario: String?

    init(_ arguments: [String]) {
        var i = 0
        while i < arguments.count {
            let value = i + 1 < arguments.count ? arguments[i + 1] : ""
            switch arguments[i] {
            case "--units": units = Int(value) ?? units
            case "--repeat": repeats = Int(value) ?? repeats
            case "--seed": seed = UInt64(value) ?? seed
            case "--scenario": scenario = value
            case "--transition-runs": transitionRuns = Int(value) ?? transitionRuns
            case "--write-scenario": scenarioDirectory = value
            case "--time-scenario": timedScenario = value
            case "--propose": proposeMoves = Int(value) ?? proposeMoves
            case "--w-compact": weights.compactness = Double(value) ?? weights.compactness
            case "--w-balance": weights.balance = Double(value) ?? weights.balance
            case "--w-district": weights.districtCrossing = Double(value) ?? weights.districtCrossing
            case "--w-failing": weights.failing = Double(value) ?? weights.failing
            default: FileHandle.standardError.write(Data("unknown option \(arguments[i])\n".utf8)); exit(64)
            }
            i += 2
        }
    }
}

/// Runs `body` `repeats` times and reports best and median milliseconds.
func measure(_ name: String, repeats: Int, _ body: () throws -> Int) rethrows {
    var times: [Double] = []
    var check = 0
    for _ in 0..<repeats {
        let start = ContinuousClock.now
        check &+= try body()
        let elapsed = ContinuousClock.now - start
        times.append(Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15)
    }
    times.sort()
    func ms(_ value: Double) -> String {
        let text = String(format: "%.3f", value)
        return String(repeating: " ", count: max(0, 10 - text.count)) + text
    }
    let label = name + String(repeating: " ", count: max(0, 46 - name.count))
    print("\(label) best \(ms(times[0])) ms   median \(ms(times[times.count / 2])) ms   (\(repeats) runs, check \(check))")
}

/// The units as a units CSV, as a planner's file would hold them.
func csvText(_ units: [AdministrativeUnit]) -> String {
    var text = "code,name,kind,province,district_kind,area_km2,population,mountainous,ethnic_minority_share,cadres,civil_servants,non_professional\n"
    for u in units {
        let share = u.features.ethnicMinorityShare.map { String($0.doubleValue) } ?? ""
        text += "\(u.code),\(u.name),\(u.kind.rawValue),\(u.province),\(u.districtKind?.rawValue ?? ""),"
        text += "\(u.area.doubleValue),\(u.population),\(u.features.mountainous),\(share),"
        text += "\(u.staff!.cadres),\(u.staff!.civilServants),\(u.staff!.nonProfessional)\n"
    }
    return text
}

/// The generated units as a scenario a planner could run: units with positions, a plan that keeps every unit
/// as it is, transfers within the province, one replication of one year.
func writeScenario(_ units: [AdministrativeUnit], to directory: String) throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    var located = csvText(units).split(separator: "\n").map(String.init)
    located[0] += ",lat,lon"
    for (i, unit) in units.enumerated() {
        located[i + 1] += "," + String(format: "%.6f", unit.location!.latitude) + "," + String(format: "%.6f", unit.location!.longitude)
    }
    var plan = "new_code,new_name,new_kind,member_code\n"
    for unit in units { plan += "\(unit.code),\(unit.name),\(unit.kind.rawValue),\(unit.code)\n" }
    let scenario = """
        # \(units.count) generated units (mergersim-bench --units \(units.count) --write-scenario), each kept as it is.
        name: generated-\(units.count)
        rules: vn-2023
        units: units.csv
        plan: plan.csv
        transfers: {scope: province, cross_category: false}
        transition: {years: 1, runs: 1, seed: 42}

        """
    try (located.joined(separator: "\n") + "\n").write(toFile: directory + "/units.csv", atomically: true, encoding: .utf8)
    try plan.write(toFile: directory + "/plan.csv", atomically: true, encoding: .utf8)
    try scenario.write(toFile: directory + "/scenario.yaml", atomically: true, encoding: .utf8)
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
if let directory = options.scenarioDirectory {
    try writeScenario(try SyntheticUnits.generate(count: options.units, seed: options.seed), to: directory)
    exit(0)
}
if let path = options.timedScenario {
    // The parts of `validate` and of `simulate`'s stage 2 on one scenario, one after the other.
    var inputs: ScenarioInputs?
    try measure("read scenario", repeats: options.repeats) { inputs = try ScenarioInputs(path: path); return inputs!.units.count }
    let run = inputs!.run
    var judged: ScenarioRun.Outcome?
    try measure("apply plan, screen before, judge after", repeats: options.repeats) { judged = try run.run(through: .judging); return judged!.judged.count }
    var reallocation: ScenarioRun.Reallocation?
    try measure("reallocate (stage 1 and 2)", repeats: options.repeats) { reallocation = try run.reallocate(judged!.judged); return reallocation!.transfers.transfers.count }
    let units = reallocation!.after.map(\.transferUnit)
    measure("stage 2: TransferPlanner, distances cached", repeats: options.repeats) {
        TransferPlanner(settings: run.settings.transfers, units: units, pairs: []).groups.count
    }
    // Stage 2 itself on the units after stage 1, as `reallocate` plans them: distances as needed, no proof asked.
    var stage2Moves = 0
    measure("stage 2: plan the transfers", repeats: options.repeats) {
        let plan = run.settings.transfers.plan(units, pairs: run.rules.reallocation.crossCategory.pairs)
        stage2Moves = plan.peopleMoved
        return plan.transfers.count
    }
    print("    \(stage2Moves) people moved")
    try measure("transition model (with its planner)", repeats: options.repeats) { try run.transitionModel(reallocation!, merger: judged!.merger).0.years }
    exit(0)
}
if options.proposeMoves > 0 {
    try proposalBench(scenario: options.scenario, seed: options.seed, movesPerUnit: options.proposeMoves, weights: options.weights)
    try mandatoryBench(units: "scenarios/vn-2026-round/units.csv", rules: "vn-2026", repeats: options.repeats)
    exit(0)
}
let units = try SyntheticUnits.generate(count: options.units, seed: options.seed)
let rules = try RuleSetLoader.load("vn-2023").rules
let round = rules.screening.round(2023)!
let text = csvText(units)
let bytes = Array(text.utf8)
print("mergersim-bench: \(options.units) generated units (seed \(options.seed)), \(bytes.count / 1024) KiB of CSV")

try measure("screen (standards, tests, type, quota)", repeats: options.repeats) {
    try rules.screen(units, round: round).count
}
try measure("read units CSV: mergersim (located, checked)", repeats: options.repeats) {
    try UnitsFile(bytes: bytes, file: "bench.csv").units.count
}
try measure("parse CSV: mergersim CSVTable", repeats: options.repeats) {
    try CSVTable(bytes: bytes, file: "bench.csv").records.count
}
try measure("parse CSV: CSV.swift 2.5 CSVReader", repeats: options.repeats) {
    let reader = try CSVReader(string: text, hasHeaderRow: true)
    var rows = 0
    while reader.next() != nil { rows += 1 }
    return rows
}
let screened = try rules.screen(units, round: round)
try measure("write screening.csv", repeats: options.repeats) {
    try ScreeningReport.csv(screened).count
}
try measure("screen end to end (read + screen + report)", repeats: options.repeats) {
    let file = try UnitsFile(bytes: bytes, file: "bench.csv")
    return try ScreeningReport.csv(try rules.screen(file.units, round: round)).count
}

// The national 2025 scenario: 10,040 units into 3,321, no transfers, no Monte Carlo.
let nationalRepeats = max(3, options.repeats / 2)
let national = try ScenarioInputs(path: options.scenario)
print("\nsimulate \(options.scenario): \(national.units.count) units into \(national.planFile.plan.newUnits.count)")
try measure("read scenario (units, plan, rules)", repeats: nationalRepeats) {
    try ScenarioInputs(path: options.scenario).units.count
}
try measure("apply plan", repeats: nationalRepeats) {
    try national.applyPlan().units.count
}
let nationalOutcome = try national.applyPlan()
try measure("screen before + judge after", repeats: nationalRepeats) {
    try national.screenBefore().results.count + national.judgeAfter(nationalOutcome).count
}
try measure("simulate end to end (read → reports)", repeats: nationalRepeats) {
    let inputs = try ScenarioInputs(path: options.scenario)
    let outcome = try inputs.applyPlan()
    let before = try inputs.screenBefore().results
    let after = try inputs.judgeAfter(outcome)
    let summary = RunSummary(before: before, after: after, deadline: nil)
    return try ScreeningReport.csv(before).count + UnitsAfterReport.csv(after).count + SummaryReport.csv(summary).count
}

// Stage 1: the envelope over the national scenario's 3,321 units, and over generated units.
let judgedNational = try national.judge()
func envelopeBench(_ label: String, results: [UnitAfterResult], rules: RuleSet) throws {
    let heads = results.reduce(0) { $0 + ($1.unit.staff.map { $0.cadres + $0.civilServants } ?? 0) }
    let formula = results.reduce(0) { $0 + $1.quota.posts.cadres + $1.quota.posts.civilServants }
    let envelope = (heads + formula) / 2
    var detail = ""
    try measure("\(label) (\(results.count) units)", repeats: max(3, options.repeats / 4)) {
        let (allocation, _) = try rules.allocate(envelope: min(envelope, formula + 4 * results.count), category: .cadresCivilServants, to: results)
        detail = "BFGS2 \(allocation.relaxationIterations) iterations, \(allocation.exchanges) exchanges"
        return allocation.surplus
    }
    print("    \(detail)")
}
print("\nstage 1: envelope allocation (cadres and civil servants)")
try envelopeBench("national 2025", results: judgedNational.after, rules: national.rules.rules)
for count in [1_000, 10_000] {
    let generated = try SyntheticUnits.generate(count: count, seed: options.seed)
    let outcome = MergerOutcome(units: generated.map { MergedUnit(unit: $0, contributions: [], untouched: true) })
    try envelopeBench("generated", results: try rules.judge(outcome), rules: rules)
}

// Stage 2: minimum-cost transfers, province scope, every category.
print("\nstage 2: transfers, province scope, all categories")
let nationalTransferUnits = judgedNational.after.map {
    TransferUnit(code: $0.unit.code, province: $0.unit.province, district: $0.unit.district, location: $0.unit.location,
                 staff: $0.unit.staff ?? .zero, quota: $0.quota.posts)
}
func transferBench(_ label: String, _ units: [TransferUnit]) {
    var moved = 0
    measure("\(label) (\(units.count) units)", repeats: max(3, options.repeats / 4)) {
        let plan = TransferSettings(scope: .province).plan(units, pairs: [])
        moved = plan.peopleMoved
        return plan.transfers.count
    }
    print("    \(moved) people moved")
}
transferBench("national 2025", nationalTransferUnits)
for count in [5_000, 10_000, 20_000, 40_000] {
    let generated = try SyntheticUnits.generate(count: count, seed: options.seed)
    let screened = try rules.screen(generated, round: round)
    transferBench("generated", screened.map {
        TransferUnit(code: $0.unit.code, province: $0.unit.province, district: $0.unit.district, location: $0.unit.location,
                     staff: $0.unit.staff!, quota: $0.quota.posts)
    })
}

// The transition: Monte Carlo over the national scenario, and its growth in runs and people.
if options.transitionRuns > 0 {
    let reallocated = try national.reallocate(judgedNational)
    let (model, _) = try national.transitionModel(reallocated, outcome: judgedNational.outcome)
    print("\ntransition: national 2025, \(model.workforce.count) people (synthetic roster), \(model.years) years")
    // Both offer models (issue 22): the scenario's rule set with only `exits.offer_model` changed.
    for offerModel in OfferModel.allCases {
        var rules = model.rules
        rules.exits.offerModel = offerModel
        let variant = try TransitionModel(workforce: model.workforce, rules: rules, effective: model.effective, decision: model.decision,
                                          years: model.years, nonProfessionalEnds: model.nonProfessionalEnds,
                                          transfers: model.transfers, pairs: model.pairs)
        for runs in [options.transitionRuns / 10, options.transitionRuns] where runs > 0 {
            measure("\(offerModel.rawValue) offers, \(runs) runs, all cores", repeats: 1) { variant.simulate(runs: runs, seed: options.seed).count }
        }
        for runs in [options.transitionRuns / 10, options.transitionRuns] where runs > 0 {
            measure("\(offerModel.rawValue) offers, \(runs) runs, serial", repeats: 1) {
                variant.simulate(runs: runs, seed: options.seed, parallel: false).count
            }
        }
    }
    // Runs until precise (`simulate --precision 0.01`), at most the runs asked for: the runs it needed.
    if let precision = Precision(halfWidth: 0.01), options.transitionRuns >= Precision.minimumRuns {
        var used = 0
        try measure("--precision 0.01, at most \(options.transitionRuns) runs, all cores", repeats: 1) {
            let (replications, reached) = try model.simulate(until: precision, maximumRuns: options.transitionRuns, seed: options.seed)
            used = reached.runsUsed
            return replications.count
        }
        print("  --precision 0.01 used \(used) runs")
    }
    for count in [1_000, 3_000, 10_000] {
        let generated = try SyntheticUnits.generate(count: count, seed: options.seed)
        let screened = try rules.screen(generated, round: round)
        let units = screened.map {
            TransferUnit(code: $0.unit.code, province: $0.unit.province, district: $0.unit.district, location: $0.unit.location,
                         staff: $0.unit.staff!, quota: $0.quota.posts)
        }
        var workforce = Workforce(units: units)
        let transition = rules.transition
        let start = CalendarDate(iso: "2025-07-01")!
        for person in try transition.syntheticRoster.roster(units.map { ($0.code, $0.staff) }, on: start, retirement: transition.retirement, seed: 1) {
            workforce.add(person, inUnit: Int(person.unitCode)! - 100_000, retirement: transition.retirement, defaults: transition.syntheticRoster)
        }
        let generatedModel = try TransitionModel(workforce: workforce, rules: transition, effective: start, years: 5, nonProfessionalEnds: nil,
                                                 transfers: TransferSettings(scope: .province), pairs: [])
        measure("generated \(count) units, \(workforce.count) people, 100 runs", repeats: 1) {
            generatedModel.simulate(runs: 100, seed: options.seed).count
        }
    }
}
