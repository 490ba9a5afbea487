import MergerSim
import MergerSimInputs

/// A rule set in plain text, for `mergersim rules ID`: every value with its
/// rule, assumptions marked [NC], in the chosen language (labels `rules.*`, `Labels/rules_command.*.json`).
///
/// English keeps the rule file's machine names (`special_zone`, `civil_servants`) and ISO dates; Vietnamese
/// names kinds, categories, titles and instruments as an official writes them, with its own numbers and dates.
/// The file's `instruments:` list is free English text with no Vietnamese counterpart, so in Vietnamese the
/// instruments are the rule set's citations (each R-id's instrument and article in Vietnamese, checked when
/// the file is read), with the R-ids they ground.
public enum RuleSetDescription {
    /// The description of `loaded` in `labels`' language.
    /// - Throws: ``InternalError`` when an `instrument:` value has no Vietnamese name (the loader checks every one).
    public static func text(_ loaded: LoadedRuleSet, labels: Labels) throws(InternalError) -> String {
        let rules = loaded.rules
        let say = Wording(labels: labels, rules: rules)
        var out: [String] = []
        func mark(_ status: Status?) -> String { status == .notConfirmed ? " [NC]" : status == .derived ? " [D]" : "" }
        func num(_ value: FixedDecimal) -> String { say.decimal(value) }
        func v(_ value: Any) -> String { say.plain(value) }
        func int(_ value: Int) -> String { labels.number(Double(value)) }
        func instrument(_ name: String) throws(InternalError) -> String { try say.instrument(name) }
        func kinds(_ list: [UnitKind]) -> String { list.map(say.kind).joined(separator: ", ") }
        func counts(_ first: Int, _ second: Int, _ third: Int) -> String {
            say("by_type", ["first": "\(first)", "second": "\(second)", "third": "\(third)"])
        }

        // A Vietnamese reader never gets the English title: without the file's `title_vi:` the id stands alone.
        let title = say.vietnamese ? rules.vietnameseTitle : rules.title
        out.append(rules.id + (title.map { ": " + $0 } ?? ""))
        out.append(say("source", ["source": loaded.source == "bundled" ? say("source_bundled") : loaded.source,
                                  "hash": String(loaded.sha256.prefix(16))]))
        out += ["", say("instruments")]
        if say.vietnamese {
            var ids: [String: [String]] = [:], order: [String] = []
            for id in rules.citations.keys.sorted(by: { $0.localizedStandardCompare($1) == .orderedAscending }) {
                guard let citation = rules.citations[id] else { continue }
                if ids[citation.vi] == nil { order.append(citation.vi) }
                ids[citation.vi, default: []].append(id)
            }
            out += order.map { "  - \($0) (\(ids[$0, default: []].joined(separator: ", ")))" }
        } else {
            out += rules.instruments.map { "  - \($0)" }
        }

        out += ["", say("standards")]
        for s in rules.standards {
            out.append("  \(pad(s.rule, 8)) \(pad(say.selector(s.applies), 40)) "
                       + say("standard", ["population": say.vietnamese ? int(s.population) : pad(int(s.population), 7), "area": num(s.area)]) + mark(s.status))
        }

        let r = rules.reductions
        out += ["", say("reductions", ["rule": r.rule, "kinds": kinds(r.appliesTo)]) + mark(r.status)]
        if let e = r.ethnicMinority {
            out.append("  " + say("reduction_ethnic", ["share": num(e.minimumShare), "percent": "\(e.populationPercent)", "step": "\(e.stepPercent)",
                                                       "step_share": num(e.stepShare), "floor": "\(e.floorPercent)"]))
        }
        if let p = r.coastalDifficultPopulationPercent { out.append("  " + say("reduction_coastal", ["percent": "\(p)"])) }
        if let p = r.redRiverDeltaAreaPercent { out.append("  " + say("reduction_delta", ["percent": "\(p)"])) }

        out += ["", say("screening", ["round": "\(rules.screening.defaultRound)"])]
        for round in rules.screening.rounds {
            out.append("  \(round.round)  \(try instrument(round.instrument))")
            for t in round.tests {
                out.append("        \(pad(t.rule, 8)) " + say("screening_test", ["area": "\(t.areaBelowPercent)", "population": "\(t.populationBelowPercent)"]) + mark(t.status))
            }
        }

        let m = rules.mergedUnits
        out += ["", say("merged", ["rule": m.rule]) + mark(m.status)]
        if m.targets.isEmpty { out.append("  " + say("merged_both")) }
        for t in m.targets {
            var parts: [String] = []
            if let p = t.areaPercent { parts.append(say("target_area_percent", ["percent": "\(p)"])) }
            if let a = t.area { parts.append(say("target_area", ["area": num(a)])) }
            if let p = t.populationPercent { parts.append(say("target_population_percent", ["percent": "\(p)"])) }
            if let p = t.population { parts.append(say("target_population", ["population": int(p)])) }
            let province = t.provinceClass.map { say("target_province", ["class": say.term($0.rawValue, column: "province_class")]) } ?? ""
            out.append("  \(say.selector(t.applies))\(province): " + parts.joined(separator: ", "))
        }
        if let n = m.waivedFromMembers { out.append("  " + say("merged_waived", ["count": "\(n)"])) }
        if m.twoMemberException { out.append("  " + say("merged_two")) }
        if let kept = m.keptAlone, !kept.kinds.isEmpty {
            out.append("  " + say("merged_kept", ["kinds": kinds(kept.kinds)]) + (kept.status == .notConfirmed ? " [NC]" : ""))
        }

        let c = rules.classification
        out += ["", say("classification")]
        out.append("  \(c.thresholds.rule)  " + say("types", ["first": num(c.thresholds.typeI), "second": num(c.thresholds.typeII)])
                   + (try c.thresholds.instrument.map { (name) throws(InternalError) in " (\(try instrument(name)))" } ?? ""))
        out.append("  \(c.otherPoints.rule)  " + say("other_points", ["points": num(c.otherPoints.default)]) + mark(c.otherPoints.status))
        out.append("  \(c.populationScale.rule)  " + say("population_scale", ["mountainous": "\(c.populationScale.mountainousPercent)",
                                                                                "border": "\(c.populationScale.borderPercent)"]) + mark(c.populationScale.status))
        for p in c.points {
            out.append("  \(pad(p.rule, 6)) " + say("points", ["kinds": kinds(p.kinds), "base": num(p.basePoints), "step": num(p.pointsPerStep)]))
            out.append("         " + say("points_detail", ["population": num(p.population.upTo), "population_step": num(p.population.per),
                                                           "population_max": num(p.population.maxPoints), "area": num(p.area.upTo),
                                                           "area_step": num(p.area.per), "area_max": num(p.area.maxPoints)]))
        }

        let q = rules.quotas
        out += ["", say("quotas")]
        if let combined = q.combined {
            for (kind, t) in combined.byKind.sortedByName {
                out.append("  \(combined.rule)  " + say("combined", ["kind": pad(say.kind(kind), 8), "counts": counts(t.typeI, t.typeII, t.typeIII)]))
            }
        }
        if let e = q.extras {
            let special = e.populationSteps.map { say("extras_special", ["fraction": "\($0.fraction)", "applies": say.selector($0.applies)]) }
                .joined(separator: "; ")
            out.append("  \(e.rule)  " + say("extras", ["population_step": "\(e.populationStep)", "special": special, "area_step": "\(e.areaStep)"]) + mark(e.status))
        }
        if let n = q.interimNorm {
            let caps = n.cap.sortedByName.map { "\(say.kind($0.key)) \($0.value)" }.joined(separator: ", ")
            out.append("  \(n.rule)  " + say("interim_norm", ["posts": "\(n.posts)", "residents": int(n.residentsPerPost),
                                                             "mountainous": int(n.residentsPerPostMountainous), "above": int(n.abovePopulation),
                                                             "caps": caps]) + mark(n.status))
        }
        let np = q.nonProfessional
        if let ended = np.endedOn {
            out.append("  \(np.rule)  " + say("non_professional_ended", ["date": labels.date(ended)]))
        } else if let t = np.byType {
            out.append("  \(np.rule)  " + say("non_professional", ["counts": counts(t.typeI, t.typeII, t.typeIII)])
                       + (np.withExtras ? say("non_professional_extras") : ""))
        }
        out.append("  \(q.cadreTitles.rule)  " + say("cadre_titles", ["mark": mark(q.cadreTitles.status)]))
        for title in q.cadreTitles.titles {
            let count = title.count.typeI == title.count.typeIII ? "\(title.count.typeI)" : counts(title.count.typeI, title.count.typeII, title.count.typeIII)
            let only = title.kinds.map { say("title_kinds", ["kinds": kinds($0)]) } ?? ""
            out.append("         \(count) × \(say.term(title.title, column: "title"))\(only)\(mark(title.status))")
        }

        let d = rules.deadline
        out += ["", say("deadline", ["rule": d.rule]) + mark(d.status)]
        if let years = d.yearsAfterEffective { out.append("  " + say("deadline_years", ["years": "\(years)"])) }
        if let date = d.date { out.append("  " + say("deadline_date", ["date": labels.date(date)])) }

        let e = rules.reallocation.envelope, x = rules.reallocation.crossCategory
        out += ["", say("reallocation")]
        out.append("  " + say("envelope", ["population": v(e.populationWeight), "area": v(e.areaWeight), "penalty": v(e.penalty),
                                           "headroom": "\(e.headroom)"]) + mark(e.status))
        out.append("  " + say("cross_category") + x.pairs.map { "\(say.category($0.from)) → \(say.category($0.to))" }.joined(separator: ", ") + mark(x.status))

        let t = rules.transition
        out += ["", say("transition")]
        func age(_ months: Int) -> String {
            say("age_years", ["years": "\(months / 12)"]) + (months % 12 == 0 ? "" : say("age_months", ["months": "\(months % 12)"]))
        }
        let men = t.retirement.men, women = t.retirement.women
        out.append("  \(t.retirement.rule)  " + say("retirement", [
            "men": age(men.before), "men_step": "\(men.step)", "men_from": "\(men.from)", "men_cap": age(men.cap),
            "women": age(women.before), "women_step": "\(women.step)", "women_from": "\(women.from)", "women_cap": age(women.cap),
        ]))
        let law = t.exitLaw
        let window = law.window
        out.append("  \(law.rule)  " + say("exit_decrees", [
            "months": "\(window.months)", "anniversary": say(window.includesAnniversary ? "anniversary_included" : "anniversary_excluded"),
            "rule": window.rule, "instrument": try instrument(window.instrument), "mark": mark(window.status),
        ]))
        for decree in law.decrees {
            let period = say("period_from", ["date": labels.date(decree.from)]) + (decree.to.map { say("period_to", ["date": labels.date($0)]) } ?? "")
            // The decree's id is the rule file's code; in another language its name alone says which it is.
            let named = labels.language == .en ? "\(decree.id): " : ""
            out.append("    \(decree.rule)  \(named)\(try instrument(decree.instrument)), \(period), "
                       + say(decree.forMergers ? "for_mergers" : "not_for_mergers") + mark(decree.status))
            func n(_ value: Double) -> String { value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : v(value) }
            let p = decree.partialYear
            out.append("        " + say("odd_months", ["rule": p.rule]) + (p.halfFromMonths > 1 ? say("odd_none", ["months": "\(p.halfFromMonths)"]) : "")
                       + say("odd_half", ["from": "\(max(1, p.halfFromMonths))", "to": "\(p.wholeFromMonths - 1)", "whole": "\(p.wholeFromMonths)"]) + mark(p.status))
            for terms in decree.earlyRetirement.pension {
                out.append("        " + say("pension", ["date": labels.date(terms.from), "years": n(terms.minInsuranceYears), "first": n(terms.serviceFirstMonths),
                                                         "first_years": n(terms.serviceFromYears), "further": n(terms.servicePerFurtherYear),
                                                         "instrument": try instrument(terms.instrument)]) + mark(terms.status))
            }
            func formula(_ f: ExitLaw.Formula) throws(InternalError) -> String {
                var parts: [String] = []
                if f.base != 0 { parts.append(n(f.base)) }
                if f.withinFactor != 0 || f.laterFactor != 0 {
                    parts.append(say("formula_salary_months", ["within": n(f.withinFactor), "later": n(f.laterFactor), "cap": "\(f.salaryMonthsCap)"]))
                }
                if f.perEarlyYear != 0 { parts.append(say("formula_early_years", ["factor": n(f.perEarlyYear)])) }
                if f.perInsuranceYear != 0 { parts.append(say("formula_insurance_years", ["factor": n(f.perInsuranceYear)])) }
                if f.serviceAllowance { parts.append(say("formula_service")) }
                let window = say("formula_window", ["from": "\(f.minMonthsEarly)", "to": f.maxMonthsEarly.map(String.init) ?? "…"])
                return say("formula", ["window": window, "parts": parts.joined(separator: " + ")])
                    + (try f.instrument.map { (name) throws(InternalError) in " (\(try instrument(name)))" } ?? "") + mark(f.status)
            }
            for band in decree.earlyRetirement.bands {
                out.append("        " + say("early_retirement") + (try formula(band)))
            }
            out.append("        " + say("resignation") + (try formula(decree.resignation)))
        }
        let allowance = law.nonProfessional
        out.append("    \(allowance.rule)  " + say("allowance", ["share": v(allowance.share), "monthly": v(allowance.monthlyAllowance),
                                                                 "date": labels.date(allowance.termEnds),
                                                                 "instrument": try instrument(allowance.instrument)]) + mark(allowance.status))
        var salaries: [String] = []
        for step in t.baseSalary.schedule {
            salaries.append(say("base_salary_entry", ["amount": int(step.vnd), "date": labels.date(step.from)])
                            + (try step.instrument.map { (name) throws(InternalError) in " (\(try instrument(name)))" } ?? "") + mark(step.status))
        }
        out.append("  \(t.baseSalary.rule)  " + say("base_salary") + salaries.joined(separator: "; "))
        let exits = t.exits
        out.append("  \(exits.rule)  " + say("exits", [
            "rates": StaffCategory.allCases.map { "\(say.category($0)) \(v(exits.voluntaryRate[$0]))" }.joined(separator: ", "),
            "early": v(exits.earlyRetirementUptake), "resignation": v(exits.resignationUptake),
        ]) + mark(exits.status))
        let roster = t.syntheticRoster
        out.append("  \(roster.rule)  " + say("roster") + mark(roster.status) + ":")
        for c in StaffCategory.allCases {
            let p = roster[c]
            out.append("    " + say("roster_category", [
                "category": say.category(c), "women": v(p.femaleShare), "age": v(p.ageMean), "age_sd": v(p.ageSD), "min_age": "\(p.minimumAge)",
                "insured": v(p.insuredFromAge), "coefficient": v(p.salaryCoefficientMean), "coefficient_sd": v(p.salaryCoefficientSD),
            ]))
        }

        out += ["", say("legend")]
        return out.joined(separator: "\n")
    }

    private static func pad(_ text: String, _ width: Int) -> String { ReportFormat.pad(text, width) }

    /// The words of one description: its labels (`rules.<key>`) and how its values are written in the language.
    private struct Wording {
        let labels: Labels
        let rules: RuleSet
        var vietnamese: Bool { labels.language == .vi }

        func callAsFunction(_ key: String, _ values: [String: String] = [:]) -> String { labels("rules." + key, values) }

        /// A machine value: itself in English (the rule file's word), its label in Vietnamese.
        func term(_ raw: String, column: String) -> String { vietnamese ? labels.value(raw, column: column) : raw }
        func kind(_ kind: UnitKind) -> String { vietnamese ? labels("kind.\(kind.rawValue)") : kind.rawValue }
        func category(_ category: StaffCategory) -> String { vietnamese ? labels("category.\(category.rawValue)") : category.rawValue }

        /// A value as Swift writes it (0.7, 45.0), with a decimal comma in Vietnamese.
        func plain(_ value: Any) -> String {
            let text = "\(value)"
            return vietnamese && text.hasSuffix(".0") ? String(text.dropLast(2)) : decimalMark(text)
        }

        /// A rule value: every decimal the file gives in English (15.000000), in Vietnamese grouped, without trailing zeros (15; 0,3; 3.500).
        func decimal(_ value: FixedDecimal) -> String {
            let text = ReportFormat.decimal(value)
            guard vietnamese else { return text }
            var fraction = Substring(text.split(separator: ".", maxSplits: 1).dropFirst().first ?? "")
            while fraction.hasSuffix("0") { fraction = fraction.dropLast() }
            return labels.number(value.doubleValue, decimals: fraction.count)
        }

        private func decimalMark(_ text: String) -> String { labels.decimalMark(text) }

        /// An `instrument:` value as the file writes it in English, its `instrument_names:` entry in Vietnamese.
        func instrument(_ name: String) throws(InternalError) -> String {
            guard vietnamese else { return name }
            guard let vietnameseName = rules.instrumentNames?[name] else {
                throw InternalError("the rule set \(rules.id) has no Vietnamese name for the instrument \"\(name)\" (the loader checks every one)")
            }
            return vietnameseName
        }

        /// The units a selector matches ("commune, mountainous"; "xã, miền núi").
        func selector(_ selector: UnitSelector) -> String {
            var words = [selector.kind.map(kind) ?? self("selector_any")]
            if let district = selector.districtKind { words.append(self("selector_district", ["district": term(district.rawValue, column: "district_kind")])) }
            if let mountainous = selector.mountainous { words.append(self(mountainous ? "selector_mountainous" : "selector_not_mountainous")) }
            if let island = selector.island { words.append(self(island ? "selector_island" : "selector_not_island")) }
            return words.joined(separator: ", ")
        }
    }
}
