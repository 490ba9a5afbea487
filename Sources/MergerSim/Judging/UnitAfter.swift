/// How a unit after the plan stands against the standards or the merged-unit targets.
public enum StandardsOutcome: String, Hashable, Sendable, CaseIterable {
    /// Meets what applies to it.
    case meets
    /// Below, but the merger of enough units waives the targets.
    case waived
    /// Below; a two-unit merger that stands only by the exception "no further
    /// neighbour can be added" (R-2.5), which must be reported.
    case needsException = "needs_exception"
    /// Below, and nothing waives it.
    case below
}

/// What judging finds for one unit after the plan (R-2.5/R-2.6, R-3.x, R-4.x).
public struct UnitAfterResult: Hashable, Sendable {
    public var merged: MergedUnit
    public var standard: ApplicableStandard
    /// The area the unit must reach (the standard, or the merged-unit target), in km².
    public var requiredAreaKm2: Double
    /// The population the unit must reach.
    public var requiredPopulation: Double
    /// The same figures held exactly, as judged (``RequiredFigures``).
    public var required: RequiredFigures
    public var meetsArea: Bool
    public var meetsPopulation: Bool
    public var outcome: StandardsOutcome
    /// Why the outcome is what it is: the rule, what fell short, the waiver or exception, the quota's cap.
    public var standardsReason: StandardsReason
    public var classification: Classification
    public var quota: Quota

    public var unit: AdministrativeUnit { merged.unit }

    /// Headcount above quota in each category.
    public var surplus: Headcount? { unit.staff.map(quota.surplus(of:)) }

    /// Quota not filled in each category.
    public var vacancies: Headcount? { unit.staff.map(quota.vacancies(of:)) }
}

extension RuleSet {
    /// Judges every unit after a plan: merged units against the merged-unit
    /// targets with their waivers and exceptions, untouched
    /// ones against the standards; then score, type and quota.
    ///
    /// - Parameters:
    ///   - outcome: the plan applied to the units.
    ///   - provinceClasses: the class of each province for.
    ///   - partyMassOrgPosts: each province's own number of Party and mass-organisation posts, where
    ///     it has one (else the rule set's default).
    public func judge(_ outcome: MergerOutcome, provinceClasses: ProvinceClasses = ProvinceClasses(),
                      partyMassOrgPosts: PartyMassOrgPostsByProvince = PartyMassOrgPostsByProvince()) throws(RuleApplicationError)
    -> [UnitAfterResult] {
        var results: [UnitAfterResult] = []
        results.reserveCapacity(outcome.units.count)
        for merged in outcome.units {
            let province = merged.unit.province
            results.append(try judge(merged, provinceClass: provinceClasses[province], partyMassOrgPosts: partyMassOrgPosts[province]))
        }
        return results
    }

    /// Judges one unit after the plan; see ``judge(_:provinceClasses:partyMassOrgPosts:)``.
    ///
    /// Under R-4.7's predecessors' cap a new unit's cadre and civil-servant quota is at most what its
    /// members brought of those two categories; the quota's rules and the note say so where it binds.
    public func judge(_ merged: MergedUnit, provinceClass: ProvinceClass, partyMassOrgPosts: Int? = nil) throws(RuleApplicationError) -> UnitAfterResult {
        let unit = merged.unit
        let standard = try standard(for: unit)
        let isMerger = !merged.untouched && merged.memberCount >= 2
        let target = isMerger ? mergedUnits.targets.first { $0.applies.matches(unit) && ($0.provinceClass == nil || $0.provinceClass == provinceClass) } : nil
        // Exact figures: area in 10⁻⁶ km² × 10⁴ as percent × percent × standard, then whole millionths and people.
        let requiredArea: Int64, requiredPopulation: Int64
        if let area = target?.area {
            requiredArea = area.millionths * 10_000
        } else {
            requiredArea = Int64(target?.areaPercent ?? 100) * standard.standard.area.millionths * Int64(standard.areaPercent)
        }
        if let population = target?.population {
            requiredPopulation = Int64(population) * 10_000
        } else {
            requiredPopulation = Int64(target?.populationPercent ?? 100) * Int64(standard.standard.population) * Int64(standard.populationPercent)
        }
        let required = RequiredFigures(scaledAreaMillionths: requiredArea, scaledPopulation: requiredPopulation)
        let (meetsArea, meetsPopulation) = required.reached(areaMillionths: unit.area.millionths, population: unit.population)
        var reason = standardsReason(merged: merged, isMerger: isMerger, target: target, standard: standard,
                                     meetsArea: meetsArea, meetsPopulation: meetsPopulation)
        let classification = try classification.classify(unit)
        var quota = try quotas.quota(for: unit, type: classification.type, standard: standard.standard,
                                     partyMassOrgPosts: partyMassOrgPosts)
        if let cap = quotas.interimNorm?.predecessorsCap, !merged.untouched, let staff = unit.staff {
            let predecessors = staff.cadres + staff.civilServants
            let (capped, bound) = quota.capped(atPredecessors: predecessors, rule: cap.rule)
            if bound {
                quota = capped
                reason.predecessorsCap = .init(predecessors: predecessors, rule: cap.rule, instrument: cap.instrument)
            }
        }
        return UnitAfterResult(
            merged: merged, standard: standard,
            requiredAreaKm2: Double(requiredArea) / 10_000 / Double(FixedDecimal.scale),
            requiredPopulation: Double(requiredPopulation) / 10_000, required: required,
            meetsArea: meetsArea, meetsPopulation: meetsPopulation, outcome: reason.outcome, standardsReason: reason,
            classification: classification, quota: quota)
    }

    private func standardsReason(merged: MergedUnit, isMerger: Bool, target: MergedUnitTargets.Target?, standard: ApplicableStandard,
                                 meetsArea: Bool, meetsPopulation: Bool) -> StandardsReason {
        let measure: StandardsReason.Measure = isMerger && target != nil ? .mergedUnitTargets : .standards
        let standing: StandardsReason.Standing
        if meetsArea && meetsPopulation {
            standing = .meets
        } else if !isMerger {
            standing = merged.untouched ? .belowUntouched : .belowSingleMember
        } else if let waiver = mergedUnits.waivedFromMembers, merged.memberCount >= waiver {
            standing = .waived(members: merged.memberCount, waivedFrom: waiver)
        } else if mergedUnits.twoMemberException, merged.memberCount == 2 {
            standing = .needsTwoMemberException
        } else {
            standing = .noWaiver(members: merged.memberCount)
        }
        return StandardsReason(measure: measure, rule: isMerger ? mergedUnits.rule : standard.standard.rule,
                               shortInArea: !meetsArea, shortInPopulation: !meetsPopulation, standing: standing)
    }
}
