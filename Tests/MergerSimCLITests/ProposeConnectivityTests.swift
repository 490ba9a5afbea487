import Foundation
import Testing
import MergerSimCLI
import MergerSimInputs
import MergerSimReports

/// Issue 19 (6): `propose --targets` with an adjacency file that leaves units apart proposes only
/// connected groups, and refuses a province that falls in more pieces than its count.
struct ProposeConnectivityTests {
    let phanRang = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/units.csv").path

    func propose(adjacency: String, count: Int, _ scratch: Scratch) throws -> (code: Int32, out: String, error: String) {
        let adjacency = try scratch.write("adjacency.csv", Array(("code_a,code_b\n" + adjacency).utf8))
        let targets = try scratch.write("targets.csv", Array("province,units\nNinh Thuận,\(count)\n".utf8))
        return mergersim(["propose", phanRang, "--rules", "vn-2023", "--adjacency", adjacency, "--targets", targets,
                          "--out", scratch.path("out"), "--moves", "50"])
    }

    @Test func aProvinceInMorePiecesThanItsCountIsRefused() throws {
        let scratch = try Scratch()
        let run = try propose(adjacency: "22753,22756\n", count: 2, scratch)
        #expect(run.code == 65, "\(run.out) \(run.error)")
        #expect(run.error.contains("targets.csv:2:12: "), "\(run.error)")
        #expect(run.error.contains("Ninh Thuận") && run.error.contains("2 units") && run.error.contains("4 pieces"), "\(run.error)")
        #expect(run.error.contains("22753, 22756") && run.error.contains("22747") && run.error.contains("22750") && run.error.contains("22759"),
                "\(run.error)")
        #expect(!scratch.exists("out"))
    }

    @Test(arguments: [2, 3])
    func groupsStayWithinTheirPiece(count: Int) throws {
        let scratch = try Scratch()
        let pieces: [Set<String>] = [["22747", "22750"], ["22753", "22756", "22759"]]
        let run = try propose(adjacency: "22747,22750\n22753,22756\n22756,22759\n", count: count, scratch)
        #expect(run.code == 0, "\(run.error)")
        let rows = try csv(scratch.path("out/proposal.csv"))
        #expect(!rows.isEmpty)
        for row in rows {
            let members = Set(try #require(row["members"]).split(separator: ";").map(String.init))
            #expect(pieces.contains { $0.isSuperset(of: members) }, "\(members) joins units with no path between them")
            if members.count == 2, members.isSubset(of: pieces[1]) { #expect(members != ["22753", "22759"], "not neighbours") }
        }
        if count == 2 {
            let groups: [Set<String>] = rows.map { row in Set((row["members"] ?? "").split(separator: ";").map(String.init)) }
            #expect(groups.sorted { $0.count < $1.count } == pieces)
        }
    }
}
