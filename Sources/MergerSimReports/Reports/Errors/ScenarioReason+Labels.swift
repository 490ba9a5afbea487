import MergerSimInputs

extension ScenarioReason {
    /// The placeholders' values as `labels`' language writes them: numbers grouped and decimals with the language's
    /// mark, dates as the language writes them (dd/mm/yyyy in Vietnamese), staff categories by their names, a
    /// complaint held inside another in the same language; by default the values as they are.
    func values(in labels: Labels) -> [String: String] {
        var values = parts.values
        // English keeps the values as the English sentence writes them (some numbers ungrouped).
        guard labels.language != .en else { return values }
        func number(_ value: Int) -> String { labels.number(Double(value)) }
        switch self {
        case let .envelopeRange(_, max), let .partyPostsRange(max), let .unitsTooManyPeople(max), let .rosterTooLarge(max):
            values["max"] = number(max)
        case let .deadlineNotAfterEffective(category, date, effective):
            values["category"] = labels.value(category, column: "category")
            values["date"] = labels.date(date)
            values["effective"] = labels.date(effective)
        case let .effectiveBeforeBaseSalary(effective, _, _, first):
            values["effective"] = labels.date(effective)
            values["first"] = first.map(labels.date) ?? "?"
        case let .noExitDecree(effective, _, _): values["effective"] = labels.date(effective)
        case let .decisionAfterEffective(decision, effective):
            values["decision"] = labels.date(decision)
            values["effective"] = labels.date(effective)
        case let .maxKmNotPositive(value): values["value"] = labels.decimalMark(value)
        case let .envelopeBelowFloors(_, envelope, floors):
            values["envelope"] = number(envelope)
            values["floors"] = number(floors)
        case let .envelopeAboveCaps(_, envelope, caps):
            values["envelope"] = number(envelope)
            values["caps"] = number(caps)
        case let .undrawable(category, quantity, mean, standardDeviation, lower, upper, draws):
            values["category"] = labels("value." + category)
            values["quantity"] = labels("scenario_quantity." + quantity)
            for (name, value) in [("mean", mean), ("sd", standardDeviation), ("lower", lower), ("upper", upper)] { values[name] = labels.decimalMark("\(value)") }
            values["draws"] = number(draws)
        case let .memory(people, _, runs, needed, available, physical):
            values["people"] = number(people)
            values["runs"] = number(runs)
            for (name, bytes) in [("needed", needed), ("available", available), ("physical", physical)] {
                values[name] = labels.number(bytes / Double(1 << 30), decimals: 1) + " GiB"
            }
        case let .textTooLong(_, length, max):
            values["length"] = number(length)
            values["max"] = number(max)
        case let .populationBeyond(population): values["population"] = number(population)
        case let .headcountAbove(_, value, max):
            values["value"] = number(value)
            values["max"] = number(max)
        case let .withoutColumn(reason, _): values["message"] = reason.text(labels)
        case let .bornAfterEffective(_, effective): values["effective"] = labels.date(effective)
        case let .tooYoungOnEffective(_, _, effective, _): values["effective"] = labels.date(effective)
        case let .tooMuchInsurance(years, date, _, atMost, _):
            values["years"] = labels.decimalMark(years)
            values["date"] = labels.date(date)
            values["at_most"] = labels.decimalMark(atMost)
        case let .rosterHeadcountAbove(_, max, category):
            values["max"] = number(max)
            values["category"] = labels("value." + category.rawValue)
        case let .headcountMismatch(unitsSays, category, _, rostered):
            values["units"] = number(unitsSays)
            values["rostered"] = number(rostered)
            values["category"] = labels("value." + category.rawValue)
        case let .planShareMissing(_, newCodes): values["codes"] = newCodes.joined(separator: labels("error_value.scenario.and"))
        case let .planSharesSum(_, sum, _): values["sum"] = labels.decimalMark(sum)
        case let .noPosition(count, _): values["count"] = number(count)
        case let .targetRange(have): values["have"] = number(have)
        case let .pieces(_, count, members, pieceCount, shown, sizes, _):
            values["count"] = number(count)
            values["members"] = number(members)
            values["pieces"] = number(pieceCount)
            values["more"] = number(pieceCount - shown.count)
            values["shown"] = zip(shown, sizes).map { codes, size in
                "{" + codes.joined(separator: ", ") + (size > codes.count ? labels("error_value.scenario.more", ["n": number(size - codes.count)]) : "") + "}"
            }.joined(separator: "; ")
        default: break
        }
        return values
    }
}
