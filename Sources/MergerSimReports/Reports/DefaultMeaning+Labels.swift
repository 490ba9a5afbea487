import MergerSim
import MergerSimInputs

extension DefaultRecord {
    /// The value as a person reads it in `l`'s language: ``DefaultMeaning`` put into the label
    /// `default.value.<case>`, numbers and dates as the language writes them; a value that reads the same in
    /// every language as written (a machine value by its label, `value.<raw>`).
    public func shownValue(_ l: Labels) -> String {
        func n(_ x: Double) -> String { l.number(x, decimals: AssumptionTable.decimals(x)) }
        func count(_ x: Int) -> String { l.number(Double(x)) }
        switch meaning {
        case .asWritten: return l.value(value, column: name)
        case let .decisionOnEffectiveDate(date): return l("default.value.decision_on_effective_date", ["date": l.date(date)])
        case let .yearsToLatestDeadline(years): return l("default.value.years_to_latest_deadline", ["years": count(years)])
        case let .precisionRuns(minimum, maximum, step, floor):
            return l("default.value.precision_runs", ["minimum": count(minimum), "maximum": count(maximum), "step": count(step), "floor": n(floor)])
        case let .inForceFrom(date, ruleSet): return l("default.value.in_force_from", ["date": l.date(date), "rules": ruleSet])
        case let .ruleSetInForce(id, dayBefore): return l("default.value.rule_set_in_force", ["rules": id, "date": l.date(dayBefore)])
        case let .noRuleSetInForce(id, dayBefore): return l("default.value.no_rule_set_in_force", ["rules": id, "date": l.date(dayBefore)])
        case let .zeroForPeopleWithout(people): return l("default.value.zero_for_people_without", ["people": count(people)])
        case let .meanForPeopleWithout(mean, people):
            return l("default.value.mean_for_people_without", ["mean": n(mean), "people": count(people)])
        case let .syntheticRoster(seed): return l("default.value.synthetic_roster", ["seed": String(seed)])
        case .typeFromScore: return l("default.value.type_from_score")
        case let .otherPoints(points):
            let text = ReportFormat.decimal(points)
            return l.decimalMark(text)
        case .unlistedClass: return l.value(ProvinceClass.unlisted.rawValue, column: "province_class")
        case .noTransfers: return l("default.value.no_transfers")
        case .unlistedForEveryProvince:
            return l("default.value.unlisted_for_every_province", ["class": l.value(ProvinceClass.unlisted.rawValue, column: "province_class")])
        case let .unlistedForProvinces(provinces, file):
            return l("default.value.unlisted_for_provinces", ["class": l.value(ProvinceClass.unlisted.rawValue, column: "province_class"),
                                                             "provinces": count(provinces), "file": file])
        case let .proposalWeights(failing, compactness, balance, district, surplus):
            return l("default.value.proposal_weights", ["failing": n(failing), "compactness": n(compactness), "balance": n(balance),
                                                       "district": n(district), "surplus": n(surplus)])
        case let .neighboursFromFile(file): return l("default.value.neighbours_from_file", ["file": file])
        case let .neighboursDelaunay(distance, within):
            return l("default.value.neighbours_delaunay", ["distance": distance, "within": l("default.value.within.\(within)")])
        }
    }
}
