/// The posts an envelope counts.
public enum EnvelopeCategory: String, Hashable, Sendable, CaseIterable {
    /// Cadres and civil servants together (the combined quota of, or the posts of ).
    case cadresCivilServants = "cadres_civil_servants"
    /// Civil servants alone; cadres stay at the cadre titles.
    case civilServants = "civil_servants"
    case nonProfessional = "non_professional"

    /// The people of a headcount this envelope counts.
    public func count(_ staff: Headcount) -> Int {
        switch self {
        case .cadresCivilServants: staff.cadres + staff.civilServants
        case .civilServants: staff.civilServants
        case .nonProfessional: staff.nonProfessional
        }
    }
}

extension RuleSet {
    /// Stage 1 for one envelope over the units after a plan.
    ///
    /// Floors: the type's base quota without extras, or the
    /// posts of the interim norm plus the unit's Party and mass-organisation
    /// posts. Caps: the formula quota plus the rule set's headroom, or
    /// the interim norm's cap for the kind plus those posts, and never above a
    /// quota the predecessors' cap lowered. Workload shares by the rule set's
    /// population and area weights.
    ///
    /// - Returns: the allocation and each unit's quota with the envelope applied.
    public func allocate(envelope: Int, category: EnvelopeCategory, to results: [UnitAfterResult]) throws(EnvelopeError)
    -> (allocation: EnvelopeAllocation, quotas: [Quota]) {
        let settings = reallocation.envelope
        var floors: [Int] = [], caps: [Int] = []
        for result in results {
            let unit = result.unit, type = result.classification.type, formula = result.quota.posts
            let titles = quotas.cadreTitles.count(kind: unit.kind, type: type)
            let combinedFloor: Int, combinedCap: Int
            if let norm = quotas.interimNorm {
                // The bloc's floor and cap, each with the unit's Party and mass-organisation posts on top;
                // where the predecessors' cap bound, nothing above the capped quota.
                let party = result.quota.partyMassOrgPosts, total = formula.cadres + formula.civilServants
                let cap = (norm.cap[unit.kind].map { $0 + party } ?? total + settings.headroom)
                combinedCap = result.quota.cappedByPredecessors ? min(cap, total) : cap
                combinedFloor = min(norm.posts + party, combinedCap)
            } else {
                combinedFloor = quotas.combined?.byKind[unit.kind]?[type] ?? formula.cadres + formula.civilServants
                combinedCap = formula.cadres + formula.civilServants + settings.headroom
            }
            switch category {
            case .cadresCivilServants:
                floors.append(combinedFloor)
                caps.append(max(combinedFloor, combinedCap))
            case .civilServants:
                floors.append(max(0, combinedFloor - titles))
                caps.append(max(0, combinedFloor - titles, combinedCap - titles))
            case .nonProfessional:
                let ended = quotas.nonProfessional.endedOn != nil
                let base = ended ? 0 : quotas.nonProfessional.byType?[type] ?? 0
                floors.append(base)
                caps.append(ended ? 0 : max(base, formula.nonProfessional + settings.headroom))
            }
        }
        let envelopeTotal = envelope
        let shares = EnvelopeProblem.workloadShares(
            envelope: envelopeTotal, populations: results.map(\.unit.population), areas: results.map(\.unit.area.doubleValue),
            populationWeight: settings.populationWeight, areaWeight: settings.areaWeight)
        let problem = EnvelopeProblem(envelope: envelopeTotal, headcounts: results.map { category.count($0.unit.staff ?? .zero) },
                                      floors: floors, caps: caps, shares: shares, penalty: settings.penalty)
        let allocation = try problem.solve()
        let allocated = zip(results, allocation.quotas).map { result, q -> Quota in
            var quota = result.quota
            let titles = quotas.cadreTitles.count(kind: result.unit.kind, type: result.classification.type)
            switch category {
            case .cadresCivilServants:
                quota.posts.cadres = min(titles, q)
                quota.posts.civilServants = q - quota.posts.cadres
            case .civilServants:
                quota.posts.civilServants = q
            case .nonProfessional:
                quota.posts.nonProfessional = q
            }
            quota.rules.append("envelope:\(category.rawValue)")
            return quota
        }
        return (allocation, allocated)
    }
}
