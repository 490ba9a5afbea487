import Foundation
import Testing
import MergerSimCLI

struct ScreenCommandTests {
    static let header = "code,name,kind,province,district_kind,area_km2,population,cadres,civil_servants,non_professional\n"
    static let good = "22753,Mỹ Hương,ward,Ninh Thuận,provincial_city,0.45,5200,10,11,12\n"

    /// Each bad file, where its message must point, and what it must say.
    static let badFiles: [(name: String, bytes: [UInt8], place: String, says: String)] = [
        ("missing column", Array("code,name,kind,province,area_km2\n1,A,xã,P,30\n".utf8), ":1: ", "missing required columns population"),
        ("duplicate code", Array((header + good + good).utf8), ":3:1: ", "already used on line 2"),
        ("negative population", Array((header + "1,A,xã,P,,30,-5,1,1,1\n").utf8), ":2:14: ", "cannot be negative"),
        ("non-numeric population", Array((header + "1,A,xã,P,,30,many,1,1,1\n").utf8), ":2:14: ", "is not a whole number"),
        ("comma decimal area", Array((header + "1,A,xã,P,,\"12,5\",5,1,1,1\n").utf8), ":2:11: ", "write 12.5"),
        ("unknown kind", Array((header + "1,A,village,P,,30,5,1,1,1\n").utf8), ":2:5: ", "kind \"village\" is not one of"),
        ("ward without district kind", Array((header + "1,A,phường,P,,5,9000,1,1,1\n").utf8), ":2:14: ", "needs district_kind"),
        ("ragged row", Array((header + "1,A,xã,P,,30,5,1,1\n").utf8), ":2: ", "has 9 fields but the header has 10"),
        ("empty file", [], ":1:1: ", "the file is empty"),
        ("invalid UTF-8", Array((header + "1,Ph").utf8) + [0xFF] + Array(",xã,P,,30,5,1,1,1\n".utf8), ":2:5: ", "not valid UTF-8"),
        ("header only", Array(header.utf8), ":2: ", "no units"),
    ]

    @Test(arguments: badFiles.indices)
    func badInputExits65WithThePlaceAndWritesNothing(index: Int) throws {
        let bad = Self.badFiles[index]
        let scratch = try Scratch()
        let units = try scratch.write("units.csv", bad.bytes)
        let run = mergersim(["screen", units, "--rules", "vn-2023", "--out", scratch.path("out")])
        #expect(run.code == 65, "\(bad.name): \(run.error)")
        #expect(run.error.contains(units + bad.place), "\(bad.name): \(run.error)")
        #expect(run.error.contains(bad.says), "\(bad.name): \(run.error)")
        #expect(!scratch.exists("out"), "\(bad.name)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["units.csv"])
    }

    @Test func badInputLeavesAnEarlierRunAsItWas() throws {
        let scratch = try Scratch()
        let good = try scratch.write("good.csv", Array((Self.header + Self.good).utf8))
        #expect(mergersim(["screen", good, "--rules", "vn-2023", "--out", scratch.path("out")]).code == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: scratch.path("out/screening.csv")))
        let bad = try scratch.write("bad.csv", Array((Self.header + "1,A,xã,P,,30,-5,1,1,1\n").utf8))
        #expect(mergersim(["screen", bad, "--rules", "vn-2023", "--out", scratch.path("out")]).code == 65)
        #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.path("out/screening.csv"))) == before)
    }

    @Test func missingFileExits66() throws {
        let scratch = try Scratch()
        let run = mergersim(["screen", scratch.path("nowhere.csv"), "--out", scratch.path("out")])
        #expect(run.code == 66)
        #expect(run.error.contains("nowhere.csv: no such file"))
        #expect(!scratch.exists("out"))
    }

    @Test func unwritableOutputExits73() throws {
        let scratch = try Scratch()
        let units = try scratch.write("units.csv", Array((Self.header + Self.good).utf8))
        try scratch.write("a-file", [])
        // A folder cannot be made inside a regular file (root can write anywhere else).
        let run = mergersim(["screen", units, "--rules", "vn-2023", "--out", scratch.path("a-file/out")])
        #expect(run.code == 73, "\(run.error)")
        #expect(run.error.contains("a-file/out"))
        let onAFile = mergersim(["screen", units, "--rules", "vn-2023", "--out", scratch.path("a-file")])
        #expect(onAFile.code == 73)
    }

    @Test func unknownFlagExits64() {
        let run = mergersim(["screen", "units.csv", "--colour"])
        #expect(run.code == 64)
        #expect(run.error.contains("--colour"))
    }

    @Test func unknownRoundOrRuleSetExits64() throws {
        let scratch = try Scratch()
        let units = try scratch.write("units.csv", Array((Self.header + Self.good).utf8))
        #expect(mergersim(["screen", units, "--rules", "vn-2019", "--round", "2026", "--out", scratch.path("o")]).code == 64)
        #expect(mergersim(["screen", units, "--rules", "vn-1999", "--out", scratch.path("o")]).code == 64)
        #expect(!scratch.exists("o"))
    }

    @Test func phanRangWritesTheScreeningTableAndManifest() throws {
        let scratch = try Scratch()
        let units = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/units.csv").path
        let run = mergersim(["screen", units, "--rules", "vn-2023", "--out", scratch.path("out")])
        #expect(run.code == 0, "\(run.error)")
        #expect(run.out.contains("borderline"))
        let csv = try String(contentsOfFile: scratch.path("out/screening.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = lines[0]
        for column in ["code", "name", "kind", "area_km2", "population", "area_standard_km2", "population_standard", "area_pct",
                       "population_pct", "must_merge", "rule", "exempt", "score", "type", "quota_cadres", "quota_civil_servants",
                       "quota_non_professional", "cadres", "civil_servants", "non_professional"] {
            #expect(header.contains(column), "\(column)")
        }
        let thanhSon = try #require(lines.first { $0.first == "22750" })
        func value(_ column: String) -> String { thanhSon[header.firstIndex(of: column)!] }
        #expect(value("name") == "Thanh Sơn")
        #expect(value("must_merge") == "borderline" && value("rule") == "R-2.2b")
        #expect(value("area_pct") == "20.00" && value("population_pct") == "152.29")
        #expect(value("area_km2") == "1.1" && value("area_standard_km2") == "5.5" && value("population_standard") == "7000")
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: scratch.path("out/manifest.json")))) as! [String: Any]
        #expect((manifest["rules"] as? [String: Any])?["id"] as? String == "vn-2023")
        #expect((manifest["inputs"] as? [[String: Any]])?.first?["rows"] as? Int == 5)
        #expect(manifest["round"] as? Int == 2023)
    }

    @Test func sameInputSameBytes() throws {
        let scratch = try Scratch()
        let units = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/units.csv").path
        _ = mergersim(["screen", units, "--rules", "vn-2023", "--out", scratch.path("a")])
        _ = mergersim(["screen", units, "--rules", "vn-2023", "--out", scratch.path("b")])
        for file in ["screening.csv", "manifest.json"] {
            let a = try Data(contentsOf: URL(fileURLWithPath: scratch.path("a/\(file)")))
            let b = try Data(contentsOf: URL(fileURLWithPath: scratch.path("b/\(file)")))
            // The manifest records the --out given, which differs; compare without it.
            if file == "manifest.json" {
                #expect(String(decoding: a, as: UTF8.self).replacingOccurrences(of: scratch.path("a"), with: "")
                        == String(decoding: b, as: UTF8.self).replacingOccurrences(of: scratch.path("b"), with: ""))
            } else {
                #expect(a == b)
            }
        }
    }
}
