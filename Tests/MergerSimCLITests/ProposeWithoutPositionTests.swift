import Foundation
import Testing
import MergerSimCLI

/// Issue 23, "units without a position": `propose --targets` keeps a unit without lat/lon (an island
/// district) as a unit of its own, counted in its province's target and said so in its note, unless an
/// adjacency file places it; a province whose target it makes impossible is refused, naming it.
struct ProposeWithoutPositionTests {
    /// Four mainland communes 5 km apart in a row, and an island district with no lat/lon.
    static let units = """
        code,name,kind,province,district,district_kind,area_km2,population,mountainous,cadres,civil_servants,non_professional,lat,lon
        00001,Xã Một,commune,Tỉnh P,Huyện A,rural_district,20,4000,false,11,9,12,11.000000,108.000000
        00002,Xã Hai,commune,Tỉnh P,Huyện A,rural_district,20,5000,false,11,9,12,11.000000,108.045000
        00003,Xã Ba,commune,Tỉnh P,Huyện A,rural_district,20,6000,false,11,9,12,11.000000,108.090000
        00004,Xã Bốn,commune,Tỉnh P,Huyện A,rural_district,20,7000,false,11,9,12,11.000000,108.135000
        D0001,Huyện Đảo,island_district,Tỉnh P,Huyện Đảo,rural_district,3,7000,false,12,9,11,,

        """

    func propose(count: Int, adjacency: String? = nil, _ scratch: Scratch) throws -> (code: Int32, out: String, error: String) {
        let units = try scratch.write("units.csv", Array(Self.units.utf8))
        let targets = try scratch.write("targets.csv", Array("province,units\nTỉnh P,\(count)\n".utf8))
        let adjacencyArguments = try adjacency.map { ["--adjacency", try scratch.write("adjacency.csv", Array(("code_a,code_b\n" + $0).utf8))] } ?? []
        return mergersim(["propose", units, "--rules", "vn-2025", "--targets", targets, "--out", scratch.path("out"), "--moves", "50", "--quiet"]
                         + adjacencyArguments)
    }

    @Test func theIslandStaysOnItsOwnCountedInItsProvince() throws {
        let scratch = try Scratch()
        let run = try propose(count: 3, scratch)
        #expect(run.code == 0, "\(run.error)")
        // 3 units after: the island and the four communes in 2 (connected) groups.
        #expect(run.out.contains("5 units;") && run.out.contains("3 units after"), "\(run.out)")
        #expect(run.out.contains("kept on its own") && run.out.contains("D0001"), "\(run.out)")
        let rows = try csv(scratch.path("out/proposal.csv"))
        let island = try #require(rows.first { $0["members"] == "D0001" })
        #expect(island["member_count"] == "1" && island["new_code"] == "D0001" && island["population"] == "7000")
        #expect(island["note"]?.contains("kept on its own: no position to find neighbours (island or special zone)") == true, "\(island)")
        #expect(island["note"]?.contains("one of Tỉnh P's 3 units") == true, "\(island)")
        let plan = try csv(scratch.path("out/plan.csv"))
        #expect(!plan.isEmpty && plan.allSatisfy { $0["member_code"] != "D0001" }, "\(plan)")
        // simulate agrees: the plan leaves 3 units.
        let simulate = mergersim(["simulate", scratch.path("out/scenario.yaml"), "--runs", "2", "--quiet", "--out", scratch.path("run")])
        #expect(simulate.code == 0, "\(simulate.error)")
        #expect(try csv(scratch.path("run/summary.csv")).first { $0["metric"] == "units_after" }?["value"] == "3")
    }

    @Test func anAdjacencyFilePlacesTheIsland() throws {
        let scratch = try Scratch()
        // One unit for the province: impossible without the adjacency (next test), all five together with it.
        let run = try propose(count: 1, adjacency: "00001,00002\n00002,00003\n00003,00004\n00004,D0001\n", scratch)
        #expect(run.code == 0, "\(run.error)")
        #expect(!run.out.contains("kept on its own"), "\(run.out)")
        let rows = try csv(scratch.path("out/proposal.csv"))
        #expect(!rows.contains { $0["note"]?.contains("kept on its own") == true })
        #expect(rows.count == 1 && rows.first?["members"] == "00001;00002;00003;00004;D0001", "\(rows)")
        #expect(run.out.contains("1 units after"), "\(run.out)")
    }

    @Test func aTargetTheIslandMakesImpossibleIsRefusedNamingIt() throws {
        let scratch = try Scratch()
        let run = try propose(count: 1, scratch)
        #expect(run.code == 65, "\(run.out) \(run.error)")
        #expect(run.error.contains("targets.csv:2:") && run.error.contains("2 pieces"), "\(run.error)")
        #expect(run.error.contains("D0001 has no lat/lon and no neighbour, so it stays a unit of its own"), "\(run.error)")
        #expect(!scratch.exists("out"))
    }
}
