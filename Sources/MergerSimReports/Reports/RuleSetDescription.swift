import MergerSim
import MergerSimInputs

/// A rule set in plain text, for `mergersim rules ID`: every value with its
/// rule, assumptions marked [NC].
public enum RuleSetDescription {
    public static func text(_ loaded: LoadedRuleSet) -> String {
        let rules = loaded.rules
        var out: [String] = []
        func mark(_ status: Status?) -> String { status == .notConfirmed ? " [NC]" : status == .derived ? " [D]" : "" }
        func num(_ value: FixedDecimal) -> String { ReportFormat.decimal(value) }

        out.append("\(rules.id): \(rules.title)")
        out.append("source: \(loaded.source) (sha256 \(loaded.sha256.prefix(16))…)")
        out += ["", "Instruments"] + rules.instruments.map { "  - \($0)" }

        out += ["", "Standards (the first that matches a unit applies)"]
        for s in rules.standards {
            out.append("  \(pad(s.rule, 8)) \(pad(s.applies.summary, 40)) population ≥ \(pad(ReportFormat.grouped(s.population), 7)) area ≥ \(num(s.area)) km²\(mark(s.status))")
        }

        let r = rules.reductions
        out += ["", "Reductions (\(r.rule)) of \(r.appliesTo.map(\.rawValue).joined(separator: ", ")); the most favourable per standard\(mark(r.status))"]
        if let e = r.ethnicMinority {
            out.append("  ethnic minority ≥ \(num(e.minimumShare)) share (mountainous or border): population \(e.populationPercent)%, −\(e.stepPercent) per further \(num(e.stepShare)), floor \(e.floorPercent)%")
        }
        if let p = r.coastalDifficultPopulationPercent { out.append("  especially difficult coastal commune: population \(p)%") }
        if let p = r.redRiverDeltaAreaPercent { out.append("  Red River Delta: area \(p)%") }

        out += ["", "Screening rounds (default \(rules.screening.defaultRound)): must merge when any test holds"]
        for round in rules.screening.rounds {
            out.append("  \(round.round)  \(round.instrument)")
            for t in round.tests {
                out.append("        \(pad(t.rule, 8)) area < \(t.areaBelowPercent)% and population < \(t.populationBelowPercent)% of the standard\(mark(t.status))")
            }
        }

        let m = rules.mergedUnits
        out += ["", "Merged units (\(m.rule))\(mark(m.status))"]
        if m.targets.isEmpty { out.append("  must meet both standards") }
        for t in m.targets {
            var parts: [String] = []
            if let p = t.areaPercent { parts.append("area ≥ \(p)% of the standard") }
            if let a = t.area { parts.append("area ≥ \(num(a)) km²") }
            if let p = t.populationPercent { parts.append("population ≥ \(p)% of the standard") }
            if let p = t.population { parts.append("population ≥ \(ReportFormat.grouped(p))") }
            let province = t.provinceClass.map { " (province: \($0.rawValue))" } ?? ""
            out.append("  \(t.applies.summary)\(province): " + parts.joined(separator: ", "))
        }
        if let n = m.waivedFromMembers { out.append("  waived when \(n) or more units merge") }
        if m.twoMemberException { out.append("  two units may merge without them when no further neighbour can be added (reported)") }
        if let kept = m.keptAlone, !kept.kinds.isEmpty {
            out.append("  propose keeps \(kept.kinds.map(\.rawValue).joined(separator: ", ")) units on their own (neighbours from centres)"
                       + (kept.status == .notConfirmed ? " [NC]" : ""))
        }

        let c = rules.classification
        out += ["", "Classification"]
        out.append("  \(c.thresholds.rule)  Type I: score ≥ \(num(c.thresholds.typeI)); Type II: ≥ \(num(c.thresholds.typeII)); else Type III"
                   + (c.thresholds.instrument.map { " (\($0))" } ?? ""))
        out.append("  \(c.otherPoints.rule)  other points when the input gives none: \(num(c.otherPoints.default))\(mark(c.otherPoints.status))")
        out.append("  \(c.populationScale.rule)  population thresholds of mountainous communes \(c.populationScale.mountainousPercent)%, of border communes \(c.populationScale.borderPercent)%\(mark(c.populationScale.status))")
        for p in c.points {
            out.append("  \(pad(p.rule, 6)) \(p.kinds.map(\.rawValue).joined(separator: ", ")): \(num(p.basePoints)) points, +\(num(p.pointsPerStep)) per step")
            out.append("         population up to \(num(p.population.upTo)), step \(num(p.population.per)), max \(num(p.population.maxPoints)); area up to \(num(p.area.upTo)) km², step \(num(p.area.per)) km², max \(num(p.area.maxPoints))")
        }

        let q = rules.quotas
        out += ["", "Quotas"]
        if let combined = q.combined {
            for (kind, t) in combined.byKind.sortedByName {
                out.append("  \(combined.rule)  cadres + civil servants, \(pad(kind.rawValue, 8)) I \(t.typeI) / II \(t.typeII) / III \(t.typeIII)")
            }
        }
        if let e = q.extras {
            let special = e.populationSteps.map { "\($0.fraction) for \($0.applies.summary)" }.joined(separator: "; ")
            out.append("  \(e.rule)  extra civil servants: +1 per full \(e.populationStep) of the population standard above it (\(special)), +1 per full \(e.areaStep) of the area standard above it\(mark(e.status))")
        }
        if let n = q.interimNorm {
            out.append("  \(n.rule)  \(n.posts) posts, +1 per \(ReportFormat.grouped(n.residentsPerPost)) residents (\(ReportFormat.grouped(n.residentsPerPostMountainous)) mountainous) above \(ReportFormat.grouped(n.abovePopulation)); cap " + n.cap.sortedByName.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ") + mark(n.status))
        }
        let np = q.nonProfessional
        if let ended = np.endedOn {
            out.append("  \(np.rule)  non-professional workers: none from \(ended)")
        } else if let t = np.byType {
            out.append("  \(np.rule)  non-professional workers: I \(t.typeI) / II \(t.typeII) / III \(t.typeIII)\(np.withExtras ? " plus the extras" : "")")
        }
        out.append("  \(q.cadreTitles.rule)  cadres = the cadre titles\(mark(q.cadreTitles.status)); civil servants = the rest:")
        for title in q.cadreTitles.titles {
            let count = title.count.typeI == title.count.typeIII ? "\(title.count.typeI)" : "I \(title.count.typeI) / II \(title.count.typeII) / III \(title.count.typeIII)"
            let kinds = title.kinds.map { " (\($0.map(\.rawValue).joined(separator: ", ")) only)" } ?? ""
            out.append("         \(count) × \(title.title)\(kinds)\(mark(title.status))")
        }

        let d = rules.deadline
        out += ["", "Deadline (\(d.rule))\(mark(d.status))"]
        if let years = d.yearsAfterEffective { out.append("  within quota \(years) years after the merger takes effect") }
        if let date = d.date { out.append("  within quota by \(date)") }

        let e = rules.reallocation.envelope, x = rules.reallocation.crossCategory
        out += ["", "Reallocation (mergersim's parameters)"]
        out.append("  envelopes: workload weights population \(e.populationWeight), area \(e.areaWeight); penalty \(e.penalty) per position²; caps = formula + \(e.headroom)\(mark(e.status))")
        out.append("  cross-category transfers: " + x.pairs.map { "\($0.from.rawValue) → \($0.to.rawValue)" }.joined(separator: ", ") + mark(x.status))

        let t = rules.transition
        out += ["", "Transition"]
        func age(_ months: Int) -> String { "\(months / 12)y\(months % 12 == 0 ? "" : " \(months % 12)m")" }
        out.append("  \(t.retirement.rule)  retirement age: men \(age(t.retirement.men.before)), +\(t.retirement.men.step)m a year from \(t.retirement.men.from) to \(age(t.retirement.men.cap)); "
                   + "women \(age(t.retirement.women.before)), +\(t.retirement.women.step)m a year from \(t.retirement.women.from) to \(age(t.retirement.women.cap))")
        let law = t.exitLaw
        let window = law.window
        out.append("  \(law.rule)  exit decrees (a merger's surplus staff take the one in force on the day they leave; "
                   + "\"within\" = within \(window.months) months of the decision on the arrangement, "
                   + "\(window.includesAnniversary ? "its anniversary included" : "to the day before its anniversary") (\(window.rule), \(window.instrument))\(mark(window.status))):")
        for decree in law.decrees {
            let period = "from \(decree.from)" + (decree.to.map { " to \($0)" } ?? "")
            out.append("    \(decree.rule)  \(decree.id): \(decree.instrument), \(period), \(decree.forMergers ? "for mergers" : "not for mergers")\(mark(decree.status))")
            func n(_ value: Double) -> String { value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String(value) }
            let p = decree.partialYear
            out.append("        odd months (\(p.rule)): " + (p.halfFromMonths > 1 ? "under \(p.halfFromMonths) none, " : "")
                       + "\(max(1, p.halfFromMonths))–\(p.wholeFromMonths - 1) half a year, \(p.wholeFromMonths)–11 a whole year\(mark(p.status))")
            for terms in decree.earlyRetirement.pension {
                out.append("        pension from \(terms.from): ≥ \(n(terms.minInsuranceYears)) insurance years; service allowance \(n(terms.serviceFirstMonths)) "
                           + "for \(n(terms.serviceFromYears)) years + \(n(terms.servicePerFurtherYear)) a further year (\(terms.instrument))\(mark(terms.status))")
            }
            func formula(_ f: ExitLaw.Formula) -> String {
                var parts: [String] = []
                if f.base != 0 { parts.append(n(f.base)) }
                if f.withinFactor != 0 || f.laterFactor != 0 { parts.append("\(n(f.withinFactor)) (later \(n(f.laterFactor))) × min(months early, \(f.salaryMonthsCap))") }
                if f.perEarlyYear != 0 { parts.append("\(n(f.perEarlyYear)) × early years") }
                if f.perInsuranceYear != 0 { parts.append("\(n(f.perInsuranceYear)) × insurance years") }
                if f.serviceAllowance { parts.append("the service allowance") }
                let window = "\(f.minMonthsEarly)–\(f.maxMonthsEarly.map(String.init) ?? "…") months early"
                return "\(window): " + parts.joined(separator: " + ") + " months" + (f.instrument.map { " (\($0))" } ?? "") + mark(f.status)
            }
            for band in decree.earlyRetirement.bands {
                out.append("        early retirement, \(formula(band))")
            }
            out.append("        resignation, \(formula(decree.resignation))")
        }
        let allowance = law.nonProfessional
        out.append("    \(allowance.rule)  non-professional workers leaving within the window: \(allowance.share) × \(allowance.monthlyAllowance) base salaries "
                   + "per month left of the term ending \(allowance.termEnds), its last month included (\(allowance.instrument))\(mark(allowance.status))")
        out.append("  \(t.baseSalary.rule)  base salary: " + t.baseSalary.schedule.map { "\(ReportFormat.grouped($0.vnd)) VND from \($0.from)\($0.instrument.map { " (\($0))" } ?? "")\(mark($0.status))" }.joined(separator: "; "))
        let exits = t.exits
        out.append("  \(exits.rule)  exits a year: voluntary " + StaffCategory.allCases.map { "\($0.rawValue) \(exits.voluntaryRate[$0])" }.joined(separator: ", ")
                   + "; offers in units over quota taken by \(exits.earlyRetirementUptake) (early retirement) and \(exits.resignationUptake) (resignation) of those offered\(mark(exits.status))")
        let roster = t.syntheticRoster
        out.append("  \(roster.rule)  synthetic roster (units without a staff file)\(mark(roster.status)):")
        for c in StaffCategory.allCases {
            let p = roster[c]
            out.append("    \(c.rawValue): \(p.femaleShare) women; age \(p.ageMean) ± \(p.ageSD) (from \(p.minimumAge)); insured from age \(p.insuredFromAge); "
                       + "salary coefficient \(p.salaryCoefficientMean) ± \(p.salaryCoefficientSD)")
        }

        out += ["", "[NC] not confirmed: an assumption; [D] derived. To change a value, copy the file, edit it and pass --rules PATH."]
        return out.joined(separator: "\n")
    }

    private static func pad(_ text: String, _ width: Int) -> String { ReportFormat.pad(text, width) }
}
