import MergerSim
import MergerSimInputs

extension LocalisedErrorTests {
    /// One `CommandReason` of every sentence form.
    static let commandReasons: [InputError.Reason] = [
        .command(.notSex("X")), .command(.notBirthDate("1968-13", firstYear: 1900, lastYear: 2200)),
        .command(.notDate("2025-02-30", firstYear: 1900, lastYear: 2200)), .command(.outOfRange(lowest: 0, highest: 60)),
        .command(.notCategory("teacher")),
        .command(.leavingBeforeMerger(leaving: CalendarDate(year: 2025, month: 6, day: 1), merger: CalendarDate(year: 2025, month: 7, day: 1))),
        .command(.decisionAfterMerger(decision: CalendarDate(year: 2025, month: 8, day: 1), merger: CalendarDate(year: 2025, month: 7, day: 1))),
        .command(.bornAfterMerger(born: "2026", merger: CalendarDate(year: 2025, month: 7, day: 1))),
        .command(.tooYoungAtMerger(born: "2015", years: 10, merger: CalendarDate(year: 2025, month: 7, day: 1), earliestAge: 15)),
        .command(.tooMuchInsurance(years: 30.5, date: CalendarDate(year: 2025, month: 9, day: 1), born: "1990", atMost: "20.66", earliestAge: 15)),
        .command(.noBaseSalary(rule: "R-5.5", date: CalendarDate(year: 2001, month: 1, day: 1), first: CalendarDate(year: 2019, month: 7, day: 1),
                               ruleSet: "vn-2025")),
        .command(.noScreeningRound(ruleSet: "vn-2025", round: 2030, rounds: [2025])), .command(.noScreeningRound(ruleSet: "vn-2025", round: 2030, rounds: nil)),
        .command(.screenSetsRulesOnly), .command(.nothingToVary(only: [])), .command(.sobolTooManyValues(max: 20, given: 53)), .command(.nothingToVary(only: ["rules.transition"])),
        .command(.flagRange(lowest: "1", highest: "100,000")), .command(.flagNumberRange(highest: "1e9")),
        .command(.precisionNotPositive), .command(.hostInvalid), .command(.serveFailed(address: "http://127.0.0.1:8080/", message: "Address already in use")),
        .command(.precisionNeedsRuns(minimum: 100)), .command(.shardForm), .command(.runsTwice), .command(.reportIsOut), .command(.fewerThanTwoRuns),
        .command(.noStoreToMerge(into: "all.sqlite")),
    ]
}
