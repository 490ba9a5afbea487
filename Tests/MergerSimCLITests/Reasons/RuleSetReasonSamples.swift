import MergerSim
import MergerSimInputs

extension LocalisedErrorTests {
    /// One `RuleSetReason` of every sentence form.
    static let rulesReasons: [InputError.Reason] = ([
        .bundledUnlistable(detail: "x"), .unknownID(bundled: ["vn-2019", "vn-2025"]), .unknownKey("standard", known: ["id", "title"]),
        .inForceOrder, .noStandard, .standardNotPositive(rule: "R-2.1"), .defaultRoundUnknown(2027), .typeThresholds, .pointsStep(rule: "R-3.1"),
        .quotaScheme, .combinedNeedsExtras, .residentsPerPost, .deadlineForm, .deadlineYears(max: 30), .citationIncomplete(id: "R-2.1"),
        .instrumentNameEmpty(name: "Res. 35/2023"), .instrumentUnnamed(path: "standards.0.instrument", instrument: "Res. 35/2023"),
        .ruleUncited(path: "standards.0.rule", id: "R-9.9"), .notProbability(path: "transition.exits.resignation_uptake", value: 1.5),
        .uptakeBand(path: "transition.exits.uptake_by_terms.resignation.0"), .retirement(sex: "men", months: 216, age: 18),
        .rosterSpread(category: "cadres"), .rosterMinimumAge(category: "cadres", workingAge: 18, retirementAge: 60.25),
        .rosterInsuredAge(category: "cadres", workingAge: 18), .rosterSalaryMean(category: "cadres"),
        .rosterWindow(category: "cadres", minimumAge: 18, ageShare: 3.2e-05, salaryShare: 0.5),
        .baseSalaryPositive, .baseSalaryOrder, .baseSalaryEmpty, .exitWindowMonths, .monthlyAllowance, .decreeDates(id: "178/2024"),
        .decreeOrder, .partialYear(id: "178/2024"), .pensionStart(id: "178/2024", from: CalendarDate(year: 2025, month: 1, day: 1)),
        .pensionOrder(id: "178/2024"), .formula(id: "178/2024"),
    ] as [RuleSetReason]).map(InputError.Reason.ruleSet)
}
