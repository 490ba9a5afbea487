import Foundation
import MergerSim
import MergerSimInputs

/// What one Excel sheet holds, checked by mergersim before libxlsxwriter is asked: rows (refused, 64, naming
/// the sheet, before the Monte Carlo where the inputs tell) and characters in a cell (cut, visibly).
extension WorkbookReport {
    /// The most rows below the header one sheet holds: Excel's 1,048,576, less the header.
    public static let maxRows = 1_048_575
    /// The most characters (UTF-16 code units, as Excel counts them) one cell holds.
    public static let maxCellCharacters = Limits.maxTextCharacters

    /// Refuses `--xlsx` (64) when a sheet (label key, rows below the header) would pass ``maxRows``.
    public static func checkRows(_ sheets: [(key: String, rows: Int)], labels l: Labels) throws(InputError) {
        for (key, rows) in sheets where rows > maxRows {
            throw InputError(.usage, file: "--xlsx", reason: .output(.sheetTooLong(sheetKey: key, sheet: l("sheet.\(key)"), rows: rows, maxRows: maxRows)))
        }
    }

    /// The rows a run's sheets will have, known from its inputs before anything is computed: the units before
    /// and after and the plan's rows (one per member) exactly (`exact`), the transfers bounded by the people (each transfer moves one at least).
    /// The summary and the timeline are a few hundred rows at most.
    public static func rowBounds(of inputs: ScenarioInputs) -> [(key: String, rows: Int, exact: Bool)] {
        let plan = inputs.planFile.plan
        let members = plan.memberCodes
        let untouched = inputs.units.reduce(0) { $0 + (members.contains($1.code) ? 0 : 1) }
        let people = inputs.units.reduce(0) { $0 + ($1.staff?.total ?? 0) }
        let memberRows = plan.newUnits.reduce(untouched) { $0 + $1.members.count }
        return [("units_before", inputs.units.count, true), ("units_after", plan.newUnits.count + untouched, true), ("plan", memberRows, true),
                ("transfers", people, false)]
    }

    /// Refuses `--xlsx` (64) for a run whose units sheets would pass ``maxRows``: call it before computing.
    /// A transfers sheet whose bound passes it is checked when the workbook is written, before any cell.
    public static func checkRows(of inputs: ScenarioInputs, labels l: Labels) throws(InputError) {
        try checkRows(rowBounds(of: inputs).filter(\.exact).map { ($0.key, $0.rows) }, labels: l)
    }

    /// `text` as one cell holds it: whole when it fits, else cut to fit with a note saying so and how long it
    /// was (the CSV file holds the whole text). Only generated lists (a merged unit's members) come near the
    /// limit: a units file's names, codes, provinces and districts are refused beyond it where they are read.
    static func cellText(_ text: String) -> String {
        let length = text.utf16.count
        guard length > maxCellCharacters else { return text }
        let note = "… (cut: \(ReportFormat.grouped(length)) characters in all; the CSV file holds the whole text)"
        var kept = ""
        var room = maxCellCharacters - note.utf16.count
        for scalar in text.unicodeScalars {
            let size = scalar.utf16.count
            guard size <= room else { break }
            kept.unicodeScalars.append(scalar)
            room -= size
        }
        return kept + note
    }
}
