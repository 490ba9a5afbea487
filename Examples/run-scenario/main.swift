// Runs a merger scenario through mergersim's library, without the command line: three wards merged
// into one, judged under the 2023–2025 rules, with a 200-run transition. Built with the tests
// (`swift build --build-tests` builds every target); run it with `swift run run-scenario`.
import MergerSim
import MergerSimInputs

// The law: a bundled rule set (a planner's own file works too: RuleSetLoader.load("path/to/rules.yaml")).
let rules = try RuleSetLoader.load("vn-2023").rules

// The units: in code here; UnitsFile(path:) reads a units CSV with located errors.
// Areas are decimals in km² as published, kept exact with their number of decimals.
func ward(_ code: String, _ name: String, area: String, population: Int, staff: (Int, Int, Int)) -> AdministrativeUnit {
    guard let area = FixedDecimal(parsing: area) else { fatalError("\(area) is not a decimal") }
    return AdministrativeUnit(code: code, name: name, kind: .ward, province: "Ninh Thuận", district: "Phan Rang–Tháp Chàm",
                              districtKind: .provincialCity, area: area, population: population, type: .typeII,
                              staff: Headcount(cadres: staff.0, civilServants: staff.1, nonProfessional: staff.2))
}
let units = [
    ward("22753", "Mỹ Hương", area: "0.45", population: 5_200, staff: (10, 11, 12)),
    ward("22756", "Tấn Tài", area: "2.64", population: 11_356, staff: (10, 12, 13)),
    ward("22759", "Kinh Dinh", area: "0.41", population: 8_100, staff: (10, 11, 12)),
]

// The plan: one new ward from the three.
let plan = MergerPlan(newUnits: [
    PlannedUnit(code: "22759", name: "Kinh Dinh", members: units.map { PlannedUnit.Member(code: $0.code) }),
])

// The settings, every default explicit.
guard let effective = CalendarDate(iso: "2024-11-01") else { fatalError("a literal date") }
let run = ScenarioRun(rules: rules, rulesBefore: rules, units: units, plan: plan,
                      settings: ScenarioRun.Settings(effectiveDate: effective, seed: 42, runs: 200))

// The pipeline, stage by stage, in one call. `outcome.after` holds the new units with the quotas they
// are staffed to (an envelope's, when the settings share one); `outcome.judged` the formula's.
let outcome = try run.run()
for result in outcome.after {
    print("\(result.unit.name): \(result.merged.memberCount) wards, \(result.unit.population) people, "
          + "\(result.outcome.rawValue); quota \(result.quota.posts.total), staff \(result.unit.staff?.total ?? 0)")
}
if let transition = outcome.transition {
    let summary = transition.summary
    print("Within quota in every category at the deadline in \(summary.probabilityAllWithinQuota * 100) % of "
          + "\(run.settings.runs) runs")
}
