import Foundation
import Testing

/// The Phan Rang case saved as Excel saves "CSV" in a Vietnamese locale gives the same run as the files it came from.
struct ExcelCSVCommandTests {
    /// `text` (a `,` file without quotes) as Vietnamese Excel writes it: a BOM, `;` between fields, decimal
    /// commas in numbers, CRLF line ends.
    static func vietnameseExcel(_ text: String) -> [UInt8] {
        let lines = text.split(separator: "\n").map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).map { field in
                field.allSatisfy { $0.isNumber || $0 == "." } ? field.replacingOccurrences(of: ".", with: ",") : String(field)
            }.joined(separator: ";")
        }
        return [0xEF, 0xBB, 0xBF] + Array(lines.map { $0 + "\r\n" }.joined().utf8)
    }

    @Test func simulateOnExcelFilesEqualsTheCommaRun() throws {
        let (scratch, scenario) = try phanRangScenario("name: t\nrules: vn-2023\neffective_date: 2024-11-01\ntransition: {runs: 20, seed: 7}\n")
        #expect(mergersim(["simulate", scenario, "--out", scratch.path("comma"), "--quiet"]).code == 0)
        for name in ["units.csv", "plan.csv"] {
            let text = try String(contentsOfFile: scratch.path(name), encoding: .utf8)
            let excel = Self.vietnameseExcel(text)
            try scratch.write(name, excel)
            #expect(excel.contains(UInt8(ascii: ";")) && excel.contains(0x0D))
        }
        // The units' areas are decimals (0.45 km²): the Excel file holds them with commas.
        #expect(try String(contentsOfFile: scratch.path("units.csv"), encoding: .utf8).contains(";0,45;"))
        let run = mergersim(["simulate", scenario, "--out", scratch.path("excel"), "--quiet"])
        #expect(run.code == 0, "\(run.error)")
        for file in ["screening.csv", "units_after.csv", "summary.csv", "timeline.csv", "transfers.csv", "replications.csv"] {
            let comma = try Data(contentsOf: URL(fileURLWithPath: scratch.path("comma/" + file)))
            let excel = try Data(contentsOf: URL(fileURLWithPath: scratch.path("excel/" + file)))
            #expect(comma == excel, "\(file)")
        }
    }

    @Test func aMixedHeaderExits65NamingTheSeparatorAndTheFix() throws {
        let scratch = try Scratch()
        let units = try scratch.write("units.csv", [0xEF, 0xBB, 0xBF] + Array(
            "code;name;kind;province,area_km2;population;cadres;civil_servants;non_professional\r\n1;A;xã;P;30;8000;1;1;1\r\n".utf8))
        let run = mergersim(["screen", units, "--rules", "vn-2023", "--out", scratch.path("out")])
        #expect(run.code == 65)
        #expect(run.error.contains(units + ":1:5: the header is separated by both \";\" and \",\""), "\(run.error)")
        #expect(run.error.contains("CSV UTF-8 (Comma delimited)") && run.error.contains("CSV UTF-8 (Phân cách bằng dấu phẩy)"))
        #expect(!scratch.exists("out"))
    }
}
