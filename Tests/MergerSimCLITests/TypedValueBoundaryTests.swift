import Foundation
import Testing
import MergerSim
import MergerSimInputs

/// Issue 21, items 1 and 9: domain values are decoded once where they are read, each refusal at its line
/// and column; defaults the help texts state are the ones the run takes.
struct TypedValueBoundaryTests {
    /// `file:line:column` of the first `needle` in `text` (1-based, columns in Unicode scalars), worked out
    /// from the text itself.
    func place(of needle: String, in text: String, file: String) throws -> String {
        let lines = text.components(separatedBy: "\n")
        let line = try #require(lines.firstIndex { $0.contains(needle) })
        let prefix = try #require(lines[line].range(of: needle)).lowerBound
        return "\(file):\(line + 1):\(lines[line][..<prefix].unicodeScalars.count + 1):"
    }

    /// A copy of a bundled rule file with one edit, written to a scratch folder.
    func ruleFile(_ id: String, replacing old: String, with new: String) throws -> (path: String, text: String) {
        let bundled = try String(contentsOf: repositoryRoot.appendingPathComponent("rules/sets/\(id).yaml"), encoding: .utf8)
        #expect(bundled.contains(old), "the bundled \(id) no longer has \(old)")
        let text = bundled.replacingOccurrences(of: old, with: new)
        return (try Scratch().write("\(id)-edited.yaml", Array(text.utf8)), text)
    }

    @Test func aScenarioProvinceClassOutsideTheClassesIsRefusedWhereItIs() throws {
        let yaml = "name: t\nrules: vn-2025\nprovince_classes:\n  \"Tỉnh Ninh Thuận\": hilly\n"
        let (scratch, path) = try phanRangScenario(yaml)
        let run = mergersim(["validate", path])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(run.code == 65)
        #expect(run.error.contains(try place(of: "hilly", in: text, file: path)), "\(run.error)")
        #expect(run.error.contains("province class \"hilly\" is not one of centrally_run, mountainous_border, other"), "\(run.error)")
        _ = scratch
    }

    @Test func aScenarioTransferScopeOutsideTheScopesIsRefusedWhereItIs() throws {
        let (scratch, path) = try phanRangScenario("name: t\nrules: vn-2023\ntransfers: {scope: county}\n")
        let run = mergersim(["validate", path])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(run.code == 65)
        #expect(run.error.contains(try place(of: "county", in: text, file: path)), "\(run.error)")
        #expect(run.error.contains("transfers scope \"county\" is not none, district, province or radius"), "\(run.error)")
        _ = scratch
    }

    @Test func aRadiusWithoutItsDistanceIsRefusedRatherThanTakenAsZero() throws {
        let (scratch, path) = try phanRangScenario("name: t\nrules: vn-2023\ntransfers: {scope: radius}\n")
        let run = mergersim(["validate", path])
        #expect(run.code == 65 && run.error.contains("transfers with scope radius need max_km above 0"), "\(run.error)")
        _ = scratch
    }

    @Test func aRuleFileProvinceClassOutsideTheClassesIsRefusedWhereItIs() throws {
        let (path, text) = try ruleFile("vn-2025", replacing: "province_class: mountainous_border", with: "province_class: highland")
        let run = mergersim(["rules", path])
        #expect(run.code == 65)
        #expect(run.error.contains(try place(of: "highland", in: text, file: path)), "\(run.error)")
        #expect(run.error.contains("province class \"highland\" is not one of centrally_run, mountainous_border, other"), "\(run.error)")
    }

    @Test func aRuleFileCapForNoUnitKindIsRefusedWhereItIs() throws {
        let (path, text) = try ruleFile("vn-2025", replacing: "cap: {commune: 50,", with: "cap: {village: 50,")
        let run = mergersim(["rules", path])
        #expect(run.code == 65)
        // Placed at the value the misnamed key holds.
        let line = try #require(text.components(separatedBy: "\n").firstIndex { $0.contains("village: 50") })
        #expect(run.error.contains("\(path):\(line + 1):"), "\(run.error)")
        #expect(run.error.contains("quotas.interim_norm.cap.village: \"village\" is not one of commune, ward, town, special_zone, island_district"),
                "\(run.error)")
    }

    @Test func aRuleFileCombinedQuotaForNoUnitKindIsRefused() throws {
        let (path, _) = try ruleFile("vn-2023", replacing: "      town: {I: 22", with: "      township: {I: 22")
        let run = mergersim(["rules", path])
        #expect(run.code == 65 && run.error.contains("by_kind.township: \"township\" is not one of commune"), "\(run.error)")
    }

    @Test func aRuleFileDeadlineForNoCategoryIsRefused() throws {
        let (path, _) = try ruleFile("vn-2023", replacing: "deadline: {rule: R-4.6, years_after_effective: 5}",
                                     with: "deadline: {rule: R-4.6, years_after_effective: 5, by_category: {cadre: 2027-01-01}}")
        let run = mergersim(["rules", path])
        #expect(run.code == 65 && run.error.contains("deadline.by_category.cadre: \"cadre\" is not one of cadres, civil_servants, non_professional"),
                "\(run.error)")
    }

    @Test func aRuleFileDeadlineByCategoryReachesTheRun() throws {
        // Non-professional workers by 31 Dec 2025 (as Nghệ An set), the others 5 years after 1 Nov 2024.
        let (path, _) = try ruleFile("vn-2023", replacing: "deadline: {rule: R-4.6, years_after_effective: 5}",
                                     with: "deadline: {rule: R-4.6, years_after_effective: 5, by_category: {non_professional: 2025-12-31}}")
        let loaded = try RuleSetLoader.load(path)
        let dates = try #require(loaded.rules.deadline.dates(effective: CalendarDate(year: 2024, month: 11, day: 1)))
        #expect(dates.nonProfessional.description == "2025-12-31")
        #expect(dates.cadres.description == "2029-11-01" && dates.civilServants.description == "2029-11-01")
    }

    @Test func theScenarioReadsItsProvinceSettingsOnce() throws {
        let yaml = """
            name: t
            rules: vn-2025
            units: units.csv
            plan: plan.csv
            province_classes: {"Tỉnh Lào Cai": mountainous_border, "Hà Nội": centrally_run}
            party_mass_org_posts: {default: 5, "Hà Nội": 9}
            deadlines: {non_professional: 2026-06-30}
            """
        let scenario = try Scenario(bytes: Array(yaml.utf8), file: "s.yaml")
        #expect(scenario.provinceClasses["Tỉnh Lào Cai"] == .mountainousBorder)
        #expect(scenario.provinceClasses["Hà Nội"] == .centrallyRun)
        // A province not listed is of the class calls other.
        #expect(scenario.provinceClasses["Tỉnh Ninh Thuận"] == .other)
        // `default` is the posts of every province not named, not a province.
        #expect(scenario.partyMassOrgPosts["Hà Nội"] == 9)
        #expect(scenario.partyMassOrgPosts["Tỉnh Ninh Thuận"] == 5)
        #expect(scenario.partyMassOrgPosts.listed["default"] == nil)
        #expect(scenario.deadlines == [.nonProfessional: CalendarDate(year: 2026, month: 6, day: 30)])
        #expect(scenario.transferSettings.scope == .none)
    }

    @Test func simulatesHelpStatesTheSeedAndRunsTheRunTakes() throws {
        let help = mergersim(["simulate", "--help"]).out.replacingOccurrences(of: "\n", with: " ")
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        func stated(after words: String) throws -> String {
            let range = try #require(help.range(of: words), "help: \(help)")
            return String(help[range.upperBound...].prefix { $0.isNumber })
        }
        let seed = try stated(after: "transition seed, else "), runs = try stated(after: "the scenario's, else ")
        #expect(seed == "42" && runs == "1000", "help: \(help)")
        // A scenario that sets neither gets what the help says.
        let (scratch, path) = try phanRangScenario("name: t\nrules: vn-2023\n")
        let inputs = try ScenarioInputs(path: path)
        #expect(String(inputs.run.settings.seed) == seed && String(inputs.run.settings.runs) == runs)
        #expect(inputs.scenarioDefaults.contains { $0.name == "seed" && $0.value == seed })
        #expect(inputs.scenarioDefaults.contains { $0.name == "runs" && $0.value == runs })
        _ = scratch
    }

    @Test func proposesNoteStatesTheDistanceTheCentresAreLinkedWithin() throws {
        let scratch = try Scratch()
        let national = repositoryRoot.appendingPathComponent("scenarios/vn-2025/units.csv").path
        let lines = try String(contentsOfFile: national, encoding: .utf8).split(separator: "\n")
        let units = try scratch.write("units.csv", Array(([String(lines[0])] + lines.dropFirst().filter { $0.contains(",Tỉnh Cao Bằng,") }.map(String.init))
            .joined(separator: "\n").appending("\n").utf8))
        let targets = try scratch.write("targets.csv", Array("province,units\nTỉnh Cao Bằng,56\n".utf8))
        let run = mergersim(["propose", units, "--rules", "vn-2025", "--targets", targets, "--out", scratch.path("out"), "--moves", "10"])
        #expect(run.code == 0, "\(run.error)")
        let manifest = try String(contentsOfFile: scratch.path("out/manifest.json"), encoding: .utf8)
        #expect(manifest.contains("Delaunay edges of the centres within 25 km"), "\(manifest)")
        #expect(Neighbours.defaultMaximumDistanceKm == 25)
    }
}
