import Foundation
import Testing
import MergerSimCLI
import MergerSimInputs
import MergerSimReports

struct SimulateCommandTests {
    static let scenarioPath = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/scenario.yaml").path

    @Test func phanRangEndToEnd() throws {
        let scratch = try Scratch()
        let run = mergersim(["simulate", Self.scenarioPath, "--out", scratch.path("run")])
        #expect(run.code == 0, "\(run.error)")
        for file in ["screening.csv", "units_after.csv", "summary.csv", "manifest.json"] { #expect(scratch.exists("run/\(file)")) }
        let after = Dictionary(uniqueKeysWithValues: try csv(scratch.path("run/units_after.csv")).map { ($0["code"]!, $0) })
        let kinhDinh = try #require(after["22759"]), phuHa = try #require(after["22750"])
        #expect(kinhDinh["name"] == "Kinh Dinh" && kinhDinh["members"] == "22753;22756;22759")
        #expect(kinhDinh["area_km2"] == "3.50" && kinhDinh["population"] == "24656")
        #expect(phuHa["area_km2"] == "2.4" && phuHa["population"] == "23957")
        #expect(kinhDinh["extra_civil_servants"] == "5" && phuHa["extra_civil_servants"] == "4")
        #expect(kinhDinh["standards_outcome"] == "waived" && kinhDinh["standards_note"]!.contains("waived: merges 3 units"))
        #expect(phuHa["standards_outcome"] == "needs_exception" && phuHa["standards_note"]!.contains("no further neighbour can be added"))
        #expect(kinhDinh["meets_area"] == "no" && phuHa["meets_area"] == "no")
        let summary = Dictionary(uniqueKeysWithValues: try csv(scratch.path("run/summary.csv")).map { ($0["metric"]!, $0["value"]!) })
        #expect(summary["units_before"] == "5" && summary["units_after"] == "2" && summary["units_fewer"] == "3")
        #expect(summary["population_before"] == summary["population_after"])
        #expect(summary["area_km2_before"] == summary["area_km2_after"])
        for category in ["cadres", "civil_servants", "non_professional"] {
            #expect(summary["headcount_before_\(category)"] == summary["headcount_after_\(category)"])
            let headcount = Int(summary["headcount_after_\(category)"]!)!, quota = Int(summary["quota_after_\(category)"]!)!
            #expect(Int(summary["surplus_after_\(category)"]!)! == headcount - quota)  // every new unit is over quota
        }
        #expect(summary["deadline"] == "2029-11-01")
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: scratch.path("run/manifest.json")))) as! [String: Any]
        #expect(manifest["scenario"] as? String == "phan-rang-2024")
        #expect((manifest["inputs"] as? [[String: Any]])?.map { $0["role"] as! String } == ["scenario", "units", "plan"])
        #expect(manifest["seed"] as? Int == 42)
    }

    @Test func validateSaysWhatItFoundAndWritesNothing() throws {
        let run = mergersim(["validate", Self.scenarioPath])
        #expect(run.code == 0, "\(run.error)")
        #expect(run.out.contains("2 new units from 5 members (0 split)"))
        #expect(run.out.contains("back within quota by 2029-11-01"))
        #expect(run.out.contains("The scenario is valid."))
    }

    /// A scenario folder with the Phan Rang units and the given plan (and roster).
    func scenario(plan: String, staff: String? = nil, extra: String = "", units: String? = nil) throws -> (Scratch, String) {
        let scratch = try Scratch()
        let unitsText = try units ?? String(contentsOf: repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/units.csv"), encoding: .utf8)
        try scratch.write("units.csv", Array(unitsText.utf8))
        try scratch.write("plan.csv", Array(plan.utf8))
        var yaml = "name: t\nrules: vn-2023\neffective_date: 2024-11-01\nunits: units.csv\nplan: plan.csv\n" + extra
        if let staff {
            try scratch.write("staff.csv", Array(staff.utf8))
            yaml += "staff: staff.csv\n"
        }
        return (scratch, try scratch.write("scenario.yaml", Array(yaml.utf8)))
    }

    static let planHeader = "new_code,new_name,member_code,share\n"

    static let badPlans: [(name: String, plan: String, place: String, says: String)] = [
        ("unknown member", planHeader + "1,A,22753,\n1,A,99999,\n", "plan.csv:3:5: ", "member 99999 is not a code of the units file"),
        ("split without shares", planHeader + "1,A,22753,\n2,B,22753,\n2,B,22756,\n", "plan.csv:2:", "has no share here"),
        ("shares not summing to 1", planHeader + "1,A,22753,0.5\n2,B,22753,0.4\n", "plan.csv:3:11: ", "sum to 0.9, not 1"),
        ("new code of an untouched unit", planHeader + "22747,A,22753,\n", "plan.csv:2:1: ", "already the code of a unit the plan leaves untouched"),
        ("new unit with no members", planHeader + "1,A,,\n", "plan.csv:2:5: ", "new unit 1 has no members"),
        ("member twice in a unit", planHeader + "1,A,22753,\n1,A,22753,\n", "plan.csv:3:5: ", "already in new unit 1 on line 2"),
        ("missing column", "new_code,member_code\n1,22753\n", "plan.csv:1: ", "missing required column new_name"),
    ]

    @Test(arguments: badPlans.indices)
    func badPlanExits65WithThePlaceAndWritesNothing(index: Int) throws {
        let bad = Self.badPlans[index]
        let (scratch, path) = try scenario(plan: bad.plan)
        let run = mergersim(["simulate", path, "--out", scratch.path("out")])
        #expect(run.code == 65, "\(bad.name): \(run.error)")
        #expect(run.error.contains(bad.place) && run.error.contains(bad.says), "\(bad.name): \(run.error)")
        #expect(!scratch.exists("out"))
        #expect(mergersim(["validate", path]).code == 65)
    }

    static let rosterHeader = "id,unit_code,category,sex,birth_date\n"

    @Test func rosterInAnUnknownUnitIsAnError() throws {
        let units = "code,name,kind,province,district_kind,area_km2,population\n1,A,ward,P,provincial_city,1,5000\n"
        let (scratch, path) = try scenario(plan: Self.planHeader + "N,N,1,\n", staff: Self.rosterHeader + "p1,1,cadre,M,1970\np2,9,cadre,F,1980-02-29\n", units: units)
        let run = mergersim(["simulate", path, "--out", scratch.path("out")])
        #expect(run.code == 65)
        #expect(run.error.contains("staff.csv:3:4: unit_code 9 is not a unit"), "\(run.error)")
    }

    @Test func rosterDisagreeingWithTheUnitsFileIsAnError() throws {
        let units = "code,name,kind,province,district_kind,area_km2,population,cadres,civil_servants,non_professional\n1,A,ward,P,provincial_city,1,5000,2,0,0\n"
        let (scratch, path) = try scenario(plan: Self.planHeader + "N,N,1,\n", staff: Self.rosterHeader + "p1,1,cadre,M,1970\n", units: units)
        let run = mergersim(["simulate", path, "--out", scratch.path("out")])
        #expect(run.code == 65)
        #expect(run.error.contains("units.csv:2:35: the units file says 2 cadres but the roster"), "\(run.error)")
    }

    @Test func rosterGivesTheHeadcounts() throws {
        let units = "code,name,kind,province,district_kind,area_km2,population\n1,A,ward,P,provincial_city,1,5000\n2,B,ward,P,provincial_city,1,5000\n"
        let roster = Self.rosterHeader + "p1,1,cadre,M,1970\np2,1,civil_servant,F,1980-02\np3,2,non_professional,F,1990-12-31\n"
        let (scratch, path) = try scenario(plan: Self.planHeader + "N,N,1,\nN,N,2,\n", staff: roster, units: units)
        let run = mergersim(["simulate", path, "--out", scratch.path("out")])
        #expect(run.code == 0, "\(run.error)")
        let after = try csv(scratch.path("out/units_after.csv"))
        #expect(after[0]["cadres"] == "1" && after[0]["civil_servants"] == "1" && after[0]["non_professional"] == "1")
        // Issue 9: every roster default applied is counted in the manifest.
        let manifest = try String(contentsOfFile: scratch.path("out/manifest.json"), encoding: .utf8)
        #expect(manifest.contains("0 for 3 people without it"))
        #expect(manifest.contains("roster.salary_coefficient.cadres") && manifest.contains("3.0 for 1 people without it"))
    }

    @Test func badRosterValuesAreLocated() throws {
        let units = "code,name,kind,province,district_kind,area_km2,population\n1,A,ward,P,provincial_city,1,5000\n"
        for (row, says) in [("p1,1,chief,M,1970", "category \"chief\""), ("p1,1,cadre,X,1970", "sex \"X\""),
                            ("p1,1,cadre,M,1981-02-29", "birth_date \"1981-02-29\""), ("p1,1,cadre,M,70", "birth_date")] {
            let (scratch, path) = try scenario(plan: Self.planHeader + "N,N,1,\n", staff: Self.rosterHeader + row + "\n", units: units)
            let run = withExtendedLifetime(scratch) { mergersim(["validate", path]) }
            #expect(run.code == 65 && run.error.contains("staff.csv:2:") && run.error.contains(says), "\(row): \(run.error)")
        }
    }

    @Test func badScenarioFilesAreLocated() throws {
        let (scratch1, typo) = try scenario(plan: Self.planHeader + "1,A,22753,\n", extra: "trasfers: {scope: province}\n")
        let run = withExtendedLifetime(scratch1) { mergersim(["validate", typo]) }
        #expect(run.code == 65 && run.error.contains("scenario.yaml:6:1: unknown key \"trasfers\""), "\(run.error)")
        let (scratch2, scope) = try scenario(plan: Self.planHeader + "1,A,22753,\n", extra: "transfers: {scope: country}\n")
        #expect(withExtendedLifetime(scratch2) { mergersim(["validate", scope]) }.error.contains("scope \"country\""))
        let missing = mergersim(["validate", "/nonexistent/scenario.yaml"])
        #expect(missing.code == 66)
        let (scratch, _) = try scenario(plan: Self.planHeader + "1,A,22753,\n")
        try scratch.write("no-plan.yaml", Array("name: t\nrules: vn-2023\neffective_date: 2024-11-01\nunits: units.csv\nplan: nowhere.csv\n".utf8))
        #expect(mergersim(["validate", scratch.path("no-plan.yaml")]).code == 66)
        try scratch.write("bad-date.yaml", Array("name: t\nrules: vn-2023\neffective_date: 2024-13-01\nunits: units.csv\nplan: plan.csv\n".utf8))
        #expect(mergersim(["validate", scratch.path("bad-date.yaml")]).error.contains("bad-date.yaml:3:17: effective_date"))
    }

    @Test func envelopeSetsTheQuotasAndItsShadowPrice() throws {
        let (scratch, path) = try scenario(plan: "new_code,new_name,member_code\n22759,Kinh Dinh,22753\n22759,Kinh Dinh,22756\n22759,Kinh Dinh,22759\n22750,Phủ Hà,22750\n22750,Phủ Hà,22747\n",
                                           extra: "envelope: {cadres_civil_servants: 55}\ntransfers: {scope: district}\n")
        let run = mergersim(["simulate", path, "--out", scratch.path("out")])
        #expect(run.code == 0, "\(run.error)")
        let after = try csv(scratch.path("out/units_after.csv"))
        #expect(after.allSatisfy { $0["quota_source"] == "envelope" })
        let combined = after.reduce(0) { $0 + Int($1["quota_cadres"]!)! + Int($1["quota_civil_servants"]!)! }
        #expect(combined == 55)
        let summary = Dictionary(uniqueKeysWithValues: try csv(scratch.path("out/summary.csv")).map { ($0["metric"]!, $0["value"]!) })
        #expect(summary["envelope_cadres_civil_servants"] == "55")
        #expect(summary["envelope_surplus_cadres_civil_servants"] == String(108 - 55))  // 108 cadres and civil servants, all over
        #expect(summary["envelope_shadow_price_cadres_civil_servants"] == "1")
        #expect(run.out.contains("Envelope cadres_civil_servants: 55 positions"))
    }

    @Test func infeasibleEnvelopeIsAClearError() throws {
        let (scratch, path) = try scenario(plan: Self.planHeader + "1,A,22753,\n1,A,22756,\n", extra: "envelope: {cadres_civil_servants: 5}\n")
        let run = mergersim(["simulate", path, "--out", scratch.path("out")])
        #expect(run.code == 65)
        #expect(run.error.contains("envelope cadres_civil_servants: the envelope of 5 is below"), "\(run.error)")
        #expect(!scratch.exists("out"))
        let (scratch2, unknown) = try scenario(plan: Self.planHeader + "1,A,22753,\n", extra: "envelope: {everyone: 5}\n")
        let refused = withExtendedLifetime(scratch2) { mergersim(["validate", unknown]) }
        #expect(refused.code == 65 && refused.error.contains("scenario.yaml:6:12: unknown key \"everyone\" in envelope"), "\(refused.error)")
    }

    /// Units without lat/lon under a distance limit are reported as unreachable, not refused and not treated as near.
    @Test func radiusScopeReportsUnitsWithoutPositions() throws {
        let (scratch, path) = try scenario(plan: Self.planHeader + "1,A,22753,\n", extra: "transfers: {scope: radius, max_km: 10}\ntransition: {runs: 2}\n")
        let run = mergersim(["simulate", path, "--out", scratch.path("out"), "--quiet"])
        #expect(run.code == 0, "\(run.error)")
        let summary = Dictionary(uniqueKeysWithValues: try csv(scratch.path("out/summary.csv")).map { ($0["metric"]!, $0["value"]!) })
        #expect(summary["people_moved"] == "0")
        #expect(Int(summary["transfer_unreachable_units"]!)! > 0)
        let after = try csv(scratch.path("out/units_after.csv"))
        #expect(after.contains { $0["transfer_note"]!.hasPrefix("unreachable: no lat/lon") })
        #expect(run.out.contains("have no lat/lon, so none moves to or from them"))
    }

    @Test func transfersAreWrittenAndConserveStaff() throws {
        let scratch = try Scratch()
        let units = """
            code,name,kind,province,district,district_kind,area_km2,population,type,cadres,civil_servants,non_professional,lat,lon
            1,A,ward,P,D,provincial_city,1,9000,II,10,15,12,11.56,108.99
            2,B,ward,P,D,provincial_city,1,9000,II,10,16,12,11.57,108.98
            3,C,ward,P,D,provincial_city,6,9000,II,10,8,12,11.60,108.95
            4,E,ward,P,D,provincial_city,6,9000,II,10,9,10,11.50,109.00

            """
        try scratch.write("units.csv", Array(units.utf8))
        try scratch.write("plan.csv", Array("new_code,new_name,member_code\nN,N,1\nN,N,2\n".utf8))
        let path = try scratch.write("s.yaml", Array("name: t\nrules: vn-2023\neffective_date: 2024-11-01\nunits: units.csv\nplan: plan.csv\ntransfers: {scope: district}\n".utf8))
        let run = mergersim(["simulate", path, "--out", scratch.path("out")])
        #expect(run.code == 0, "\(run.error)")
        let transfers = try csv(scratch.path("out/transfers.csv"))
        // N (18,000 people: 3 extras) has 31 civil servants for 14 and 24 non-professional workers for 15;
        // C lacks 3 civil servants, E 2 civil servants and 2 non-professional workers.
        func moved(_ category: String) -> Int { transfers.filter { $0["category"] == category }.reduce(0) { $0 + Int($1["count"]!)! } }
        #expect(moved("civil_servants") == 5 && moved("non_professional") == 2 && moved("cadres") == 0)
        #expect(transfers.allSatisfy { $0["from_code"] == "N" && !$0["distance_km"]!.isEmpty })
        let after = Dictionary(uniqueKeysWithValues: try csv(scratch.path("out/units_after.csv")).map { ($0["code"]!, $0) })
        #expect(after["3"]!["vacancies_after_transfers_civil_servants"] == "0" && after["4"]!["transfers_in_civil_servants"] == "2")
        #expect(after["N"]!["transfers_out_civil_servants"] == "5")
        let summary = Dictionary(uniqueKeysWithValues: try csv(scratch.path("out/summary.csv")).map { ($0["metric"]!, $0["value"]!) })
        #expect(summary["people_moved"] == "7")
        #expect(Int(summary["surplus_before_transfers_civil_servants"]!)! - Int(summary["surplus_after_transfers_civil_servants"]!)! == 5)
    }

    @Test func transitionIsReproducibleBySeed() throws {
        let scratch = try Scratch()
        for (folder, seed) in [("a", "7"), ("b", "7"), ("c", "8")] {
            let run = mergersim(["simulate", Self.scenarioPath, "--runs", "60", "--seed", seed, "--quiet", "--out", scratch.path(folder)])
            #expect(run.code == 0, "\(run.error)")
        }
        func bytes(_ folder: String, _ file: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: scratch.path("\(folder)/\(file)"))) }
        for file in ["timeline.csv", "units_after.csv", "summary.csv"] {
            #expect(try bytes("a", file) == bytes("b", file), "\(file)")
        }
        #expect(try bytes("a", "timeline.csv") != bytes("c", "timeline.csv"))
        let timeline = try csv(scratch.path("a/timeline.csv"))
        #expect(Set(timeline.map { $0["year"]! }) == ["0", "1", "2", "3", "4", "5"])
        #expect(timeline.contains { $0["metric"] == "exits_early_retirement" && $0["category"] == "cadres" })
        // Quartiles sit between the 5th and 95th percentiles; money is in whole đồng.
        for row in timeline {
            let q = try ["p05", "p25", "p50", "p75", "p95"].map { try #require(Double(row[$0]!)) }
            #expect(q == q.sorted(), "\(row)")
            if row["metric"] == "cost_vnd" { #expect(!row["mean"]!.contains(".")) }
        }
        let after = try csv(scratch.path("a/units_after.csv"))
        // Year 0 is the state on the effective date: the surplus after the plan's transfers, with no exits yet.
        let startSurplus = try #require(timeline.first { $0["year"] == "0" && $0["category"] == "cadres" && $0["metric"] == "surplus" })
        #expect(Double(startSurplus["mean"]!) == Double(after.map { Int($0["surplus_after_transfers_cadres"]!)! }.reduce(0, +)))
        #expect(timeline.filter { $0["year"] == "0" && $0["metric"].map { $0.hasPrefix("exits_") } == true }.allSatisfy { $0["p95"] == "0.000" })
        // The median year is a number or blank, with its flag.
        for unit in after {
            #expect(unit["median_within_quota_by_deadline"] == (unit["median_year_within_quota"]!.isEmpty ? "no" : "yes"))
            #expect(unit["median_year_within_quota"]!.isEmpty || Int(unit["median_year_within_quota"]!) != nil)
        }
        let summary = Dictionary(uniqueKeysWithValues: try csv(scratch.path("a/summary.csv")).map { ($0["metric"]!, $0["value"]!) })
        // The verdict follows its definition from the probability, which no unit's own probability can be below.
        let p = try #require(Double(summary["probability_all_within_quota_at_deadline"]!))
        #expect(summary["deadline_verdict"] == (p >= 0.95 ? "met" : p >= 0.5 ? "at risk" : "not met"))
        let perUnit = try after.map { try #require(Double($0["p_within_quota_by_deadline"]!)) }
        #expect(perUnit.count == 2 && perUnit.allSatisfy { p <= $0 + 1e-9 })
        let manifest = try JSONSerialization.jsonObject(with: bytes("a", "manifest.json")) as! [String: Any]
        #expect(manifest["seed"] as? Int == 7 && manifest["runs"] as? Int == 60)
        #expect((manifest["defaults"] as! [[String: Any]]).contains { ($0["name"] as? String) == "roster" })
    }

    @Test func nationalScenarioRunsEndToEndWithTransition() throws {
        let scratch = try Scratch()
        let path = repositoryRoot.appendingPathComponent("scenarios/vn-2025/scenario.yaml").path
        let run = mergersim(["simulate", path, "--runs", "2", "--quiet", "--out", scratch.path("out")])
        #expect(run.code == 0, "\(run.error)")
        let summary = Dictionary(uniqueKeysWithValues: try csv(scratch.path("out/summary.csv")).map { ($0["metric"]!, $0["value"]!) })
        #expect(summary["units_after"] == "3321" && summary["transition_runs"] == "2")
        // The console names the units below the standards with no waiver (the first ten, then how many more).
        let below = try csv(scratch.path("out/units_after.csv")).filter { $0["standards_outcome"] == "below" }
        #expect(summary["units_after_below"] == String(below.count) && below.count > 10)
        #expect(run.out.contains("Below with no waiver: \(below[0]["name"]!) (\(below[0]["code"]!))"))
        #expect(run.out.contains("and \(ReportFormat.grouped(below.count - 10)) more (units_after.csv)."))
        let timeline = try csv(scratch.path("out/timeline.csv"))
        // Non-professional posts ended on 1 Aug 2025, in the first year.
        let ended = try #require(timeline.first { $0["year"] == "1" && $0["category"] == "non_professional" && $0["metric"] == "exits_category_ended" })
        #expect(Double(ended["mean"]!)! > 100_000)
    }
}

struct CompareCommandTests {
    @Test func comparesRunsMetricByMetric() throws {
        let scratch = try Scratch()
        let scenario = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/scenario.yaml").path
        #expect(mergersim(["simulate", scenario, "--runs", "20", "--quiet", "--out", scratch.path("seed1")]).code == 0)
        #expect(mergersim(["simulate", scenario, "--runs", "20", "--seed", "2", "--quiet", "--out", scratch.path("seed2")]).code == 0)
        let run = mergersim(["compare", scratch.path("seed1"), scratch.path("seed2"), "--out", scratch.path("compare.csv")])
        #expect(run.code == 0, "\(run.error)")
        let rows = try csv(scratch.path("compare.csv"))
        let header = try String(contentsOfFile: scratch.path("compare.csv"), encoding: .utf8).prefix { $0 != "\n" }
        #expect(header == "metric,seed1,seed2,diff seed2,pct_change seed2,diff_se seed2,diff_ci95_low seed2,diff_ci95_high seed2,paired seed2,variance_reduction seed2")
        let units = try #require(rows.first { $0["metric"] == "units_after" })
        #expect(units["seed1"] == "2" && units["seed2"] == "2" && units["diff seed2"] == "0" && units["pct_change seed2"] == "0.00")
        #expect(rows.contains { $0["metric"] == "deadline_verdict" && $0["diff seed2"] == "" })
        // The seeds differ: named, and the replications are compared unpaired.
        let seed = try #require(rows.first { $0["metric"] == "setting: seed" })
        #expect(seed["seed1"] == "42" && seed["seed2"] == "2")
        let cadres = try #require(rows.first { $0["metric"] == "replications: mean surplus_at_deadline_cadres" })
        #expect(cadres["paired seed2"] == "no" && !(cadres["diff_se seed2"] ?? "").isEmpty)
        let printed = mergersim(["compare", scratch.path("seed1"), scratch.path("seed2")])
        #expect(printed.out.hasPrefix("metric") && printed.out.contains("vs seed1: seed2") && printed.out.contains("unpaired"))
    }

    /// Two runs that differ only in transfer scope share a seed: their replications pair, and the paired
    /// interval is the one worked out here from replications.csv by hand (mean ± t·s/√n of the differences).
    @Test func runsThatShareASeedArePairedReplicationByReplication() throws {
        let scratch = try Scratch()
        let scenario = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/scenario.yaml").path
        #expect(mergersim(["simulate", scenario, "--runs", "60", "--quiet", "--out", scratch.path("district")]).code == 0)
        #expect(mergersim(["simulate", scenario, "--runs", "60", "--quiet", "--out", scratch.path("none"), "--set", "transfers.scope=none"]).code == 0)
        let run = mergersim(["compare", scratch.path("district"), scratch.path("none"), "--out", scratch.path("c.csv"), "--units", "--timeline"])
        #expect(run.code == 0, "\(run.error)")
        let rows = try csv(scratch.path("c.csv"))
        #expect(rows.first { $0["metric"] == "setting: transfers" }?["none"] == "scope=none cross_category=false")
        #expect(rows.first { $0["metric"] == "setting: overrides" }?["none"] == "transfers.scope=none")
        #expect(!rows.contains { $0["metric"] == "setting: seed" || $0["metric"] == "setting: rules" })
        #expect(rows.contains { $0["metric"]!.hasPrefix("timeline: 5 cadres surplus") })
        let a = try csv(scratch.path("district/replications.csv")), b = try csv(scratch.path("none/replications.csv"))
        let d = zip(a, b).map { Double($1["surplus_at_deadline_cadres"]!)! - Double($0["surplus_at_deadline_cadres"]!)! }
        let mean = d.reduce(0, +) / 60, s = (d.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 59).squareRoot()
        let half = 2.000995 * s / 60.0.squareRoot()  // t(0.975; 59)
        let row = try #require(rows.first { $0["metric"] == "replications: mean surplus_at_deadline_cadres" })
        #expect(row["paired none"] == "yes")
        #expect(abs(Double(row["diff none"]!)! - mean) < 1e-4)
        #expect(abs(Double(row["diff_ci95_high none"]!)! - (mean + half)) < 1e-4)
        #expect(abs(Double(row["diff_ci95_low none"]!)! - (mean - half)) < 1e-4)
    }

    @Test func runsOfAStoreAreComparedByID() throws {
        let scratch = try Scratch()
        let scenario = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/scenario.yaml").path
        let store = scratch.path("runs.sqlite")
        for uptake in ["0.1", "0.3"] {
            #expect(mergersim(["simulate", scenario, "--runs", "30", "--quiet", "--out", scratch.path(uptake), "--store", store,
                               "--set", "rules.transition.exits.resignation_uptake=\(uptake)"]).code == 0)
        }
        let fromStore = mergersim(["compare", "--store", store, "1", "2", "--out", scratch.path("s.csv")])
        #expect(fromStore.code == 0, "\(fromStore.error)")
        let fromFolders = mergersim(["compare", scratch.path("0.1"), scratch.path("0.3"), "--out", scratch.path("f.csv")])
        #expect(fromFolders.code == 0)
        // The same differences whichever way the runs are read.
        func differences(_ file: String, _ column: String) throws -> [String: String] {
            Dictionary(try csv(scratch.path(file)).filter { $0["metric"]!.hasPrefix("replications:") }.map { ($0["metric"]!, $0[column]!) },
                       uniquingKeysWith: { a, _ in a })
        }
        #expect(try differences("s.csv", "diff_ci95_low run 2") == differences("f.csv", "diff_ci95_low 0.3"))
        #expect(try csv(scratch.path("s.csv")).first { $0["metric"] == "setting: overrides" }?["run 2"] == "rules.transition.exits.resignation_uptake=0.3")
        #expect(mergersim(["compare", "--store", store, "1", "9"]).code == 66)
    }

    @Test func compareErrors() throws {
        let scratch = try Scratch()
        #expect(mergersim(["compare", scratch.path("one")]).code == 64)
        #expect(mergersim(["compare", scratch.path("a"), scratch.path("b")]).code == 66)
        try FileManager.default.createDirectory(atPath: scratch.path("bad"), withIntermediateDirectories: true)
        try scratch.write("bad/summary.csv", Array("name,number\nx,1\n".utf8))
        let bad = mergersim(["compare", scratch.path("bad"), scratch.path("bad")])
        #expect(bad.code == 65 && bad.error.contains("missing required columns metric, value"))
    }
}
