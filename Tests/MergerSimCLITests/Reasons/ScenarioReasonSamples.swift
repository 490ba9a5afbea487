import MergerSim
import MergerSimInputs

extension LocalisedErrorTests {
    /// One `ScenarioReason` of every sentence form.
    static let scenarioReasons: [InputError.Reason] = {
        let effective = CalendarDate(year: 2025, month: 7, day: 1), later = CalendarDate(year: 2025, month: 12, day: 31)
        let reasons: [ScenarioReason] = [
            .nameNotFolder(name: ".x", problem: "it starts with a dot (a hidden name)"), .maxKmNotPositive(value: "-1.0"), .radiusWithoutMaxKm,
            .envelopeRange(category: "cadres", max: 1_000_000), .envelopeBoth, .precisionNotPositive, .precisionRuns(minimum: 100, runs: 20),
            .deadlineNotAfterEffective(category: "non_professional", date: effective, effective: later), .partyPostsRange(max: 1_000),
            .effectiveBeforeBaseSalary(effective: effective, rules: "vn-2023", rule: "R-6.1", first: later),
            .noExitDecree(effective: effective, rules: "vn-2023", rule: "R-5.1"), .decisionAfterEffective(decision: later, effective: effective),
            .precisionNeedsRuns(minimum: 100, runs: 20),
            .envelopeBelowFloors(category: "cadres_civil_servants", envelope: 900, floors: 1_200),
            .envelopeAboveCaps(category: "cadres_civil_servants", envelope: 9_000, caps: 1_200),
            .undrawable(category: "cadres", quantity: "age", mean: 45, standardDeviation: 0.5, lower: 18, upper: 20, draws: 1_000_000),
            .undrawable(category: "civil_servants", quantity: "salary coefficient", mean: 2.5, standardDeviation: 0.1, lower: 9, upper: .infinity,
                        draws: 1_000_000),
            .memory(people: 120_000, years: 5, runs: 100_000, neededBytes: 3.5 * 1_073_741_824, availableBytes: 1_073_741_824, physicalBytes: 2_147_483_648),
            .unitsTooManyPeople(max: 2_000_000), .textTooLong(column: "name", length: 40_000, max: 32_767), .populationBeyond(population: 200_000_000),
            .headcountAbove(column: "cadres", value: 20000, max: 10_000), .withoutColumn(.missingArea, column: "cadres"),
            .rosterTooLarge(max: 2_000_000), .duplicateID(id: "P1", earlierLine: 2), .unknownCategory(text: "boss"), .unknownSex(text: "X"),
            .notBirthDate(text: "1980-13"), .bornAfterEffective(born: "2030", effective: effective),
            .tooYoungOnEffective(born: "2012-05", years: 13, effective: effective, earliestAge: 15),
            .tooMuchInsurance(years: "30.5", date: effective, born: "1980", atMost: "30.5", earliestAge: 15),
            .rosterUnitUnknown(code: "X9", unitsFile: "units.csv"), .rosterHeadcountAbove(code: "A1", max: 10_000, category: .civilServants),
            .headcountMismatch(unitsSays: 12, category: .nonProfessional, roster: "staff.csv", rostered: 11), .planNoMembers(newCode: "N1"),
            .planMemberUnknown(member: "X9"), .planShareRange(member: "A1"), .planShareMissing(member: "A1", newCodes: ["N1", "N2"]),
            .planSharesSum(member: "A1", sum: "0.9", newCodes: ["N1", "N2"]), .planCodeTaken(newCode: "A2"), .notAUnit(column: "code_a", code: "X9"),
            .selfNeighbour, .noPosition(count: 7, codes: ["A1", "A2", "A3", "A4", "A5"]), .provinceUnknown(province: "Atlantis"),
            .provinceTwice(province: "Ninh Thuận"), .targetRange(have: 12), .unknownClass(value: "z", names: "special, class1"),
        ]
        let pieces: [ScenarioReason] = [[], ["D318"], ["D318", "D471"]].flatMap { alone in
            [6, 8].map { count in
                .pieces(province: "P", count: 2, members: 30, pieceCount: count, shown: Array(repeating: ["A1", "A2", "A3", "A4"], count: 6),
                        sizes: [4, 9, 1, 1, 1, 1], alone: alone)
            }
        }
        return (reasons + pieces).map { .scenario($0) }
    }()
}
