import Testing
import MergerSim
@testable import MergerSimInputs
@testable import MergerSimReports

/// Issue 23: a note is typed parts written in a language; the English is the text units_after.csv and
/// screening.csv always held (scripts read it), the Vietnamese cites the instrument beside the R-id.
struct NotesTests {
    func reason(_ standing: StandardsReason.Standing, measure: StandardsReason.Measure = .standards, rule: String = "R-2.5",
                area: Bool = true, population: Bool = false, cap: StandardsReason.PredecessorsCap? = nil) -> StandardsReason {
        StandardsReason(measure: measure, rule: rule, shortInArea: area, shortInPopulation: population, standing: standing, predecessorsCap: cap)
    }

    /// The sentences the domain built before the notes were typed, written out by hand.
    @Test func theEnglishNoteIsTheCSVText() throws {
        let en = try Labels(.en)
        func csv(_ r: StandardsReason) -> String { StandardsNote(r, citations: nil).text(en) }
        #expect(csv(reason(.meets, area: false)) == "meets the standards (R-2.5)")
        #expect(csv(reason(.waived(members: 3, waivedFrom: 3))) == "below the standards in area (R-2.5); waived: merges 3 units (3 or more)")
        #expect(csv(reason(.needsTwoMemberException))
                == "below the standards in area (R-2.5); merges 2 units: needs the exception that no further neighbour can be added")
        #expect(csv(reason(.noWaiver(members: 2), measure: .mergedUnitTargets, rule: "R-2.6", population: true))
                == "below the merged-unit targets in area and population (R-2.6); no waiver applies to 2 units")
        #expect(csv(reason(.belowUntouched, rule: "R-2.7", area: false, population: true)) == "untouched; below the standards in population (R-2.7)")
        #expect(csv(reason(.belowSingleMember)) == "not a merger (1 member); below the standards in area (R-2.5)")
        #expect(csv(reason(.meets, measure: .mergedUnitTargets, rule: "R-2.6", area: false,
                           cap: .init(predecessors: 50, rule: "R-4.7", instrument: "Res. 76/2025 Art. 11")))
                == "meets the merged-unit targets (R-2.6); cadre and civil-servant quota capped at the predecessors' 50 (R-4.7, Res. 76/2025 Art. 11)")
        let reduction = StandardReduction(rule: "R-1.7", factor: .ethnicMinority(share: try #require(FixedDecimal(parsing: "0.45")), percent: 45))
        #expect(ReductionPhrase(reduction, citations: nil).text(en) == "R-1.7 ethnic-minority share 0.45: population 45%")
        #expect(ReductionPhrase(.init(rule: "R-1.7", factor: .redRiverDelta(percent: 70)), citations: nil).text(en) == "R-1.7 Red River Delta: area 70%")
    }

    @Test func theVietnameseNoteCitesTheInstrument() throws {
        let vi = try Labels(.vi), citations = try RuleSetLoader.load("vn-2025").rules.citations
        let note = StandardsNote(reason(.waived(members: 4, waivedFrom: 3), measure: .mergedUnitTargets, rule: "R-2.6", population: true,
                                        cap: .init(predecessors: 1_234, rule: "R-4.7", instrument: "Res. 76/2025 Art. 11")), citations: citations).text(vi)
        #expect(note.contains("(theo Nghị quyết số 76/2025/UBTVQH15; Quyết định số 759/QĐ-TTg; R-2.6)"), "\(note)")
        #expect(note.contains("diện tích và quy mô dân số") && note.contains("không bắt buộc đạt tiêu chuẩn do sắp xếp 4 đơn vị (từ 3 đơn vị trở lên)"))
        #expect(note.contains("1.234 người") && note.contains("Điều 11 Nghị quyết số 76/2025/UBTVQH15"))
        for english in ["below", "waived", "merges", "units", "Res.", "Art.", "quota"] { #expect(!note.contains(english), "\(english)") }
    }
}
