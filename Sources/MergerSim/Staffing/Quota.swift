/// A unit's staffing quota in each category, and how it was reached.
public struct Quota: Hashable, Sendable {
    public var posts: Headcount
    /// Extra civil servants (and non-professional workers) for population and area above the standard.
    public var extras: Int
    /// The rules applied, e.g. "R-4.1, R-4.2, R-4.5".
    public var rules: [String]
    /// Under the interim norm: the Party and mass-organisation posts inside `posts`; 0 otherwise.
    public var partyMassOrgPosts: Int = 0
    /// Whether R-4.7's predecessors' cap lowered the cadre and civil-servant quota.
    public var cappedByPredecessors = false
    /// Whether cadres and civil servants are judged as one pool against their combined quota.
    public var pooled = false

    /// The people of `staff` above the quota in each category (see ``PerCategory/surplus(over:pooled:)``).
    public func surplus(of staff: Headcount) -> Headcount { staff.surplus(over: posts, pooled: pooled) }

    /// The posts of the quota that `staff` leaves empty in each category.
    public func vacancies(of staff: Headcount) -> Headcount { staff.vacancies(under: posts, pooled: pooled) }

    /// Whether `staff` is within the quota: every category, or under cadres and civil servants together.
    public func holds(_ staff: Headcount) -> Bool { surplus(of: staff).isZero }
}

extension PerCategory where Value == Int {
    /// The people above `quota` in each category. Pooled, a cadre beyond the cadre posts holds an
    /// empty civil-servant post of the same unit (and a civil servant beyond theirs an empty cadre post),
    /// so each of the two categories is over only by what the other's vacancies cannot take: their sum
    /// is the excess of the two together over their combined quota. Non-professional workers stand alone.
    public func surplus(over quota: Headcount, pooled: Bool) -> Headcount {
        guard pooled else { return excess(over: quota) }
        let cadresOver = cadres - quota.cadres, civilServantsOver = civilServants - quota.civilServants
        return Headcount(cadres: max(0, cadresOver - max(0, -civilServantsOver)),
                         civilServants: max(0, civilServantsOver - max(0, -cadresOver)),
                         nonProfessional: max(0, nonProfessional - quota.nonProfessional))
    }

    /// The posts of `quota` left empty in each category; pooled, those the other category's
    /// people beyond their own posts do not hold.
    public func vacancies(under quota: Headcount, pooled: Bool) -> Headcount {
        quota.surplus(over: self, pooled: pooled)
    }
}

extension QuotaRules {
    /// The quota of a unit of `type` whose standard (before reductions) is `standard`.
    ///
    /// Decree 33/2023: the combined cadre and civil-servant quota by
    /// kind and type, plus the extras, split into the cadre titles
    /// and civil servants (the rest). Interim norm: the posts
    /// plus one per residents-per-post above the population, capped by kind.
    /// Non-professional workers: by type plus the same extras, none once the category ended.
    ///
    /// Under the interim norm the cadre and civil-servant quota is the bloc's posts plus the Party and
    /// mass-organisation posts (`partyMassOrgPosts`, else the rule set's default); the bloc's cadre
    /// titles count inside the bloc, the Party and mass-organisation titles inside their posts.
    public func quota(for unit: AdministrativeUnit, type: UnitType, standard: Standard,
                      partyMassOrgPosts: Int? = nil) throws(RuleApplicationError) -> Quota {
        let extraPosts = extras.map { $0.extra(for: unit, standard: standard) } ?? 0
        var cadres = cadreTitles.count(kind: unit.kind, type: type)
        var rules: [String] = []
        let combinedPosts: Int
        if let combined {
            guard let table = combined.byKind[unit.kind] else {
                throw RuleApplicationError(unitCode: unit.code, field: "kind",
                                           message: "the rule set has no quota (\(combined.rule)) for a \(unit.kind.rawValue)")
            }
            combinedPosts = table[type] + extraPosts
            rules.append(combined.rule)
            if let extras { rules.append(extras.rule) }
        } else if let norm = interimNorm {
            let bloc = norm.posts(for: unit), party = partyMassOrgPosts ?? norm.partyMassOrgPosts.default
            combinedPosts = bloc + party
            cadres = min(bloc, cadreTitles.count(kind: unit.kind, type: type, bloc: .government))
                + min(party, cadreTitles.count(kind: unit.kind, type: type, bloc: .partyMassOrg))
            rules.append(norm.rule)
            rules.append("\(norm.partyMassOrgPosts.rule) party/mass-org +\(party)")
        } else {
            throw RuleApplicationError(unitCode: unit.code, field: "kind", message: "the rule set gives no cadre and civil-servant quota")
        }
        rules.append(cadreTitles.rule)
        var nonProfessionalPosts = 0
        if self.nonProfessional.endedOn == nil, let byType = self.nonProfessional.byType {
            nonProfessionalPosts = byType[type] + (self.nonProfessional.withExtras ? extraPosts : 0)
            rules.append(self.nonProfessional.rule)
        }
        let posts = Headcount(cadres: min(cadres, combinedPosts), civilServants: max(0, combinedPosts - cadres),
                              nonProfessional: nonProfessionalPosts)
        let party = interimNorm == nil ? 0 : combinedPosts - (interimNorm?.posts(for: unit) ?? 0)
        if pooled.value { rules.append("\(pooled.rule) pooled") }
        return Quota(posts: posts, extras: combined == nil ? 0 : extraPosts, rules: rules, partyMassOrgPosts: party, pooled: pooled.value)
    }
}

extension QuotaRules.Extras {
    /// ⌊(P − Ps) / (k·Ps)⌋⁺ + ⌊(A − As) / (s·As)⌋⁺, in whole numbers:
    /// k is 1/3 for a ward of an urban district, 1/2 otherwise; s is the area step.
    public func extra(for unit: AdministrativeUnit, standard: Standard) -> Int {
        let k = populationSteps.first(where: { $0.applies.matches(unit) })?.fraction ?? populationStep
        // (P − Ps) / (Ps·n/d) = (P − Ps)·d / (Ps·n)
        let populationAbove = Int64(unit.population - standard.population)
        let populationExtra = populationAbove > 0
            ? populationAbove * Int64(k.denominator) / (Int64(standard.population) * Int64(k.numerator)) : 0
        let areaAbove = unit.area.millionths - standard.area.millionths
        let areaExtra = areaAbove > 0
            ? areaAbove * Int64(areaStep.denominator) / (standard.area.millionths * Int64(areaStep.numerator)) : 0
        return Int(populationExtra + areaExtra)
    }
}

extension QuotaRules.InterimNorm {
    /// The government bloc's posts: `posts` + ⌊(P − above) / per⌋⁺, at most the cap of the unit's kind.
    public func posts(for unit: AdministrativeUnit) -> Int {
        let per = unit.features.mountainous ? residentsPerPostMountainous : residentsPerPost
        let extra = max(0, unit.population - abovePopulation) / per
        return min(cap[unit.kind] ?? Int.max, posts + extra)
    }
}

extension Quota {
    /// The quota held to a new unit's predecessors' cadres and civil servants together (R-4.7,
    /// Res. 76/2025 Art. 11): civil servants give way first, then cadres. Unchanged when it does not bind.
    ///
    /// - Returns: the quota, and whether the cap bound.
    public func capped(atPredecessors staff: Int, rule: String) -> (quota: Quota, bound: Bool) {
        let total = posts.cadres + posts.civilServants
        guard staff < total else { return (self, false) }
        var quota = self
        let civilServants = max(0, staff - posts.cadres)
        quota.posts.cadres = min(posts.cadres, staff)
        quota.posts.civilServants = civilServants
        quota.rules.append("\(rule) predecessors' cap \(staff)")
        quota.cappedByPredecessors = true
        return (quota, true)
    }
}
