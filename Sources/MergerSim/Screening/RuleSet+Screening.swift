extension RuleSet {
    /// Screens every unit under `round`: standards (R-1.x), merger tests
    /// (R-2.1–, exemptions ), classification (R-3.x) and quota (R-4.x).
    ///
    /// - Throws: ``RuleApplicationError`` for the first unit the rules cannot judge.
    public func screen(_ units: [AdministrativeUnit], round: ScreeningRound) throws(RuleApplicationError) -> [ScreeningResult] {
        var results: [ScreeningResult] = []
        results.reserveCapacity(units.count)
        for unit in units { results.append(try screen(unit, round: round)) }
        return results
    }

    /// Screens one unit; see ``screen(_:round:)``.
    public func screen(_ unit: AdministrativeUnit, round: ScreeningRound) throws(RuleApplicationError) -> ScreeningResult {
        let standard = try standard(for: unit)
        let (decision, test) = round.decide(area: unit.area, population: unit.population, standard: standard)
        let classification = try classification.classify(unit)
        let quota = try quotas.quota(for: unit, type: classification.type, standard: standard.standard)
        return ScreeningResult(
            unit: unit, standard: standard,
            meetsArea: standard.meetsArea(unit.area), meetsPopulation: standard.meetsPopulation(unit.population),
            areaPercent: standard.areaPercentOfStandard(unit.area),
            populationPercent: standard.populationPercentOfStandard(unit.population),
            decision: decision, test: test, classification: classification, quota: quota)
    }
}
