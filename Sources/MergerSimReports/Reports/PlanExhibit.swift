import MergerSim
import MergerSimInputs

/// The plan as a director reads it ("Phương án"): each unit after the plan with the units before that
/// form it (their names, kinds, areas, populations and screening verdicts), the total against what the
/// unit must reach, the outcome and why, its type, quota and what is left over after transfers.
///
/// It holds the run's own results, indexed, and adds no figure of its own except the shares of what is
/// required (``NewUnit/areaShare`` and ``NewUnit/populationShare``), so that every renderer (the report,
/// the workbook, a web page) shows the same plan.
public struct PlanExhibit: Sendable {
    /// One unit before as a member of a unit after.
    public struct Member: Sendable, Hashable {
        /// The unit before and its screening (the round's verdict, its area and population as percentages
        /// of its standard).
        public var screening: ScreeningResult
        /// What the member brings: its whole area and population, or the part a split gives.
        public var contribution: MergedUnit.Contribution
        /// Whether the member is split between units after (it brings a share below one).
        public var isSplit: Bool { contribution.share.millionths < FixedDecimal.scale }
    }

    /// One unit after the plan with its members.
    public struct NewUnit: Sendable {
        /// The unit as judged: area and population against what is required, outcome and reason, type and quota.
        public var result: UnitAfterResult
        /// The units before that form it, in the plan's order.
        public var members: [Member]
        /// Staff above quota in each category after the transfers of stage 2 (nil when the run stopped
        /// before them or the units carry no staff).
        public var surplusAfterTransfers: Headcount?

        /// The unit's area as a share of the area it must reach (1 = exactly reached).
        public var areaShare: Double { share(Double(result.unit.area.millionths) / Double(FixedDecimal.scale), of: result.requiredAreaKm2) }
        /// The unit's population as a share of the population it must reach.
        public var populationShare: Double { share(Double(result.unit.population), of: result.requiredPopulation) }

        private func share(_ value: Double, of required: Double) -> Double { required > 0 ? value / required : .infinity }
    }

    /// The units before with their screening, in the units file's order.
    public var before: [ScreeningResult]
    /// The units after, in the run's order.
    public var after: [NewUnit]
    /// The rule set's citations, so that each reason names its instrument beside the R-id.
    public var citations: Citations?

    /// Units after formed from two or more units before, or from part of one (the plan changes them).
    public var changed: [NewUnit] { after.filter { !$0.result.merged.untouched } }
    /// Units after that the plan leaves as they were.
    public var untouched: [NewUnit] { after.filter(\.result.merged.untouched) }

    /// How many units before have each verdict.
    public var verdictCounts: [Verdict: Int] {
        before.reduce(into: [:]) { counts, result in counts[result.verdict, default: 0] += 1 }
    }

    /// The exhibit of `before` and `after` (the run's screening and judging, in their own orders), with the
    /// after-transfer staff of stage 2 where there is one (`staffAfterTransfers`, in `after`'s order); `citations`
    /// (the rule set's) put the instrument beside each reason's R-id.
    ///
    /// - Throws: ``InternalError`` when a member of a unit after is not among the units before, or the
    ///   after-transfer staff does not line up with the units after: the run's own results disagree.
    public init(before: [ScreeningResult], after: [UnitAfterResult], staffAfterTransfers: [Headcount]? = nil,
                citations: Citations? = nil) throws(InternalError) {
        if let staff = staffAfterTransfers, staff.count != after.count {
            throw InternalError("the plan exhibit has \(staff.count) after-transfer staff counts for \(after.count) units after")
        }
        var screeningByCode: [String: ScreeningResult] = [:]
        screeningByCode.reserveCapacity(before.count)
        for result in before { screeningByCode[result.unit.code] = result }
        var units: [NewUnit] = []
        units.reserveCapacity(after.count)
        for (i, result) in after.enumerated() {
            var members: [Member] = []
            members.reserveCapacity(result.merged.contributions.count)
            for contribution in result.merged.contributions {
                guard let screening = screeningByCode[contribution.code] else {
                    throw InternalError("unit \(result.unit.code) after the plan has member \(contribution.code), which is not among the units before")
                }
                members.append(Member(screening: screening, contribution: contribution))
            }
            let surplus = staffAfterTransfers.map { $0[i].excess(over: result.quota.posts) }
            units.append(NewUnit(result: result, members: members, surplusAfterTransfers: surplus))
        }
        self.before = before
        self.after = units
        self.citations = citations
    }
}

extension PlanExhibit {
    /// Why a unit after stands as it does, citing the rule set's instruments.
    public func reason(_ r: UnitAfterResult) -> StandardsNote {
        StandardsNote(r.standardsReason, citations: citations)
    }

    /// The exhibit as a sheet of the workbook ("Phương án"): one row per member of each unit after, the unit
    /// after's figures repeated on each of its rows so that a filter or pivot keeps them (no merged cells).
    /// Workbook only: the CSV files hold the same facts (units_after.csv's members, screening.csv's verdicts).
    public var table: ReportTable {
        typealias C = ReportTable.Column
        var columns: [C] = [C("new_code", .identifier), C("new_name", .name), C("new_kind", .value), C("province", .name),
                            C("new_area_km2", .area), C("new_population", .count),
                            C("area_required_km2", .area), C("population_required", .count),
                            C("area_share", .share), C("population_share", .share),
                            C("standards_outcome", .value), C("standards_note", .phrase), C("type", .value)]
        columns += StaffCategory.allCases.map { C("quota_\($0.rawValue)", .count) }
        columns += StaffCategory.allCases.map { C("surplus_after_transfers_\($0.rawValue)", .count) }
        columns += [C("member_code", .identifier), C("member_name", .name), C("member_kind", .value),
                    C("member_area_km2", .area), C("member_population", .count), C("member_share", .share),
                    C("area_pct", .percent(places: 2)), C("population_pct", .percent(places: 2)),
                    C("verdict", .value), C("rule", .identifier)]
        var table = ReportTable(columns.map { C($0.name, $0.kind, audience: .workbook) })
        for unit in after {
            let r = unit.result
            func share(_ s: Double) -> ReportTable.Cell { s.isFinite ? .fixed(s, decimals: 6) : .empty }
            var head: [ReportTable.Cell] = [.text(r.unit.code), .text(r.unit.name), .value(r.unit.kind.rawValue), .text(r.unit.province),
                                             .exact(r.unit.area), .count(r.unit.population),
                                             .trimmed(r.requiredAreaKm2), .trimmed(r.requiredPopulation),
                                             share(unit.areaShare), share(unit.populationShare),
                                             .value(r.outcome.rawValue), .phrase(reason(r)), .value(r.classification.type.rawValue)]
            head += StaffCategory.allCases.map { .count(r.quota.posts[$0]) }
            head += StaffCategory.allCases.map { c in unit.surplusAfterTransfers.map { .count($0[c]) } ?? .empty }
            for member in unit.members {
                let s = member.screening, c = member.contribution
                table.append(head + [.text(s.unit.code), .text(s.unit.name), .value(s.unit.kind.rawValue),
                                     .exact(c.area), .count(c.population), .fixed(Double(c.share.millionths) / Double(FixedDecimal.scale), decimals: 6),
                                     .percent(s.areaPercent), .percent(s.populationPercent),
                                     .value(s.verdict.rawValue), s.test.map { .text($0.rule) } ?? .empty])
            }
        }
        return table
    }
}
