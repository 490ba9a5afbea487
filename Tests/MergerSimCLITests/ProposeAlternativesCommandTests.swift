import Foundation
import Testing
import MergerSimCLI
import MergerSimInputs

/// Issue 23, item 5: `propose --alternatives K`: the folder layout, the ranking table, K = 1 as before, and the
/// output-folder policy with the alternatives' subfolders.
struct ProposeAlternativesCommandTests {
    let national = repositoryRoot.appendingPathComponent("scenarios/vn-2025/units.csv").path

    func province(_ name: String, _ scratch: Scratch) throws -> String {
        let lines = try String(contentsOfFile: national, encoding: .utf8).split(separator: "\n")
        return try scratch.write("units.csv", Array(([String(lines[0])] + lines.dropFirst().filter { $0.contains(",\(name),") }.map(String.init))
            .joined(separator: "\n").appending("\n").utf8))
    }

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test func targetModeWritesRankedDistinctPlansInTheirFolders() throws {
        let scratch = try Scratch()
        let units = try province("Tỉnh Cao Bằng", scratch)
        let targets = try scratch.write("targets.csv", Array("province,units\nTỉnh Cao Bằng,56\n".utf8))
        let base = ["propose", units, "--rules", "vn-2025", "--targets", targets, "--moves", "60"]
        let run = mergersim(base + ["--alternatives", "3", "--out", scratch.path("out")])
        #expect(run.code == 0, "\(run.error)")
        #expect(run.out.contains("3 distinct plans, ranked by score"), "\(run.out)")
        let rows = try csv(scratch.path("out/alternatives.csv"))
        #expect(rows.map { $0["rank"] } == ["1", "2", "3"] && rows.map { $0["folder"] } == [".", "alternatives/2", "alternatives/3"])
        let scores = rows.compactMap { $0["score"].flatMap(Double.init) }
        #expect(scores.count == 3 && scores == scores.sorted(), "\(rows)")
        #expect(rows[0]["adjusted_rand_index"] == "1.0000" && rows.dropFirst().allSatisfy { ($0["adjusted_rand_index"].flatMap(Double.init) ?? 1) < 1 })
        // Three distinct plans, each with its three files; all listed in the manifest.
        let plans = try [scratch.path("out/plan.csv"), scratch.path("out/alternatives/2/plan.csv"), scratch.path("out/alternatives/3/plan.csv")].map(bytes)
        #expect(Set(plans).count == 3)
        let manifest = try String(contentsOfFile: scratch.path("out/manifest.json"), encoding: .utf8)
        for name in ["alternatives.csv", "alternatives/2/plan.csv", "alternatives/2/proposal.csv", "alternatives/3/scenario.yaml"] {
            #expect(manifest.contains("\"\(name.replacingOccurrences(of: "/", with: "\\/"))\"") || manifest.contains("\"\(name)\""), "\(name)")
        }
        // An alternative's scenario runs as it is (its paths relative to its own folder).
        let simulate = mergersim(["simulate", scratch.path("out/alternatives/2/scenario.yaml"), "--runs", "1", "--quiet", "--out", scratch.path("run2")])
        #expect(simulate.code == 0, "\(simulate.error)")
        // The same seed, the same plans; the folder (with its subfolders) is replaced as mergersim's own.
        #expect(mergersim(base + ["--alternatives", "3", "--out", scratch.path("out")]).code == 0)
        #expect(try bytes(scratch.path("out/alternatives/3/plan.csv")) == plans[2] && bytes(scratch.path("out/plan.csv")) == plans[0])
        // One plan: as without the option, and the alternatives' folder goes with the old run.
        #expect(mergersim(base + ["--out", scratch.path("single")]).code == 0)
        #expect(mergersim(base + ["--alternatives", "1", "--out", scratch.path("out")]).code == 0)
        for name in ["plan.csv", "proposal.csv"] { #expect(try bytes(scratch.path("out/\(name)")) == bytes(scratch.path("single/\(name)"))) }
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out/alternatives")) && !FileManager.default.fileExists(atPath: scratch.path("out/alternatives.csv")))
    }

    /// Mandatory mode on the 2026 round's Bắc Ninh (four distinct plans): the table is in the order it says (units
    /// taken, then targets missed, then score), the mandatory mode's own plan included, so rank 1 is never beaten
    /// by a later row (it was: the own plan stayed first with a higher score than the next).
    @Test func mandatoryModeRanksEveryPlanByTheOrderItStates() throws {
        let scratch = try Scratch()
        let round = repositoryRoot.appendingPathComponent("scenarios/vn-2026-round/units.csv").path
        let lines = try String(contentsOfFile: round, encoding: .utf8).split(separator: "\n").map(String.init)
        let units = try scratch.write("units.csv", Array(([lines[0]] + lines.dropFirst().filter { $0.contains(",Tỉnh Bắc Ninh,") })
            .joined(separator: "\n").appending("\n").utf8))
        let run = mergersim(["propose", units, "--alternatives", "4", "--out", scratch.path("out")])
        #expect(run.code == 0, "\(run.error)")
        let rows = try csv(scratch.path("out/alternatives.csv"))
        let keys = rows.compactMap { row -> [Double]? in
            guard let taken = row["neighbours_taken"].flatMap(Double.init), let missed = row["targets_missed"].flatMap(Double.init),
                  let score = row["score"].flatMap(Double.init) else { return nil }
            return [taken, missed, score]
        }
        #expect(keys.count == rows.count && keys.count == 4, "\(rows)")
        #expect(keys == keys.sorted { $0.lexicographicallyPrecedes($1) }, "\(keys)")
    }

    @Test func aFileOfTheUsersInAnAlternativesFolderKeepsTheFolder() throws {
        let scratch = try Scratch()
        let units = try province("Tỉnh Cao Bằng", scratch)
        let targets = try scratch.write("targets.csv", Array("province,units\nTỉnh Cao Bằng,56\n".utf8))
        let base = ["propose", units, "--rules", "vn-2025", "--targets", targets, "--moves", "30", "--alternatives", "2", "--out", scratch.path("out")]
        #expect(mergersim(base).code == 0)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: scratch.path("out/alternatives/2/notes.txt")))
        let refused = mergersim(base)
        #expect(refused.code == 73 && refused.error.contains("alternatives/2/notes.txt"), "\(refused.error)")
        #expect(try String(contentsOfFile: scratch.path("out/alternatives/2/notes.txt"), encoding: .utf8) == "mine")
    }

    @Test func theCountIsRefusedOutsideOneToTwenty() throws {
        let scratch = try Scratch()
        let units = try province("Tỉnh Cao Bằng", scratch)
        for count in ["0", "21", "two"] {
            let run = mergersim(["propose", units, "--alternatives", count, "--out", scratch.path("out")])
            #expect(run.code == 64 && run.error.contains("--alternatives must be a whole number from 1 to 20"), "\(run.error)")
        }
    }
}
