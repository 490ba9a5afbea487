import Foundation
import Testing
import MergerSim
import MergerSimCLI
import MergerSimReports

/// Issue 24: the research report (`report.html` of `sweep`, `sensitivity` and `compare`): every setting's
/// estimate drawn with its interval and listed with the figures sweep.csv holds, the tornado of every varied
/// value, the paired differences, the convergence of each run; in the chosen language; self-contained.
struct ResearchReportTests {
    let phanRang = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/scenario.yaml").path

    /// Reads a page mergersim wrote.
    func page(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    /// The number of times `needle` occurs in `text`.
    func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    /// Nothing from elsewhere: no script, no link, no address but the SVG namespace.
    func expectSelfContained(_ html: String) {
        #expect(!html.contains("<script"))
        #expect(html.range(of: #"(src|href)=""#, options: .regularExpression) == nil)
        let addresses = html.matches(of: /https?:\/\/[^" ]*/).map { String($0.output) }
        #expect(addresses.allSatisfy { $0 == "http://www.w3.org/2000/svg" })
    }

    /// A sweep file over Phan Rang's transfer scope and resignation uptake in `scratch`, with `rest` (seeds, runs).
    func scopeAndUptakeSweep(_ scratch: Scratch, _ rest: String) throws -> String {
        try scratch.write("sweep.yaml", Array("""
            scenario: \(phanRang)
            vary:
              transfers.scope: [none, district]
              rules.transition.exits.resignation_uptake: [0.1, 0.3]
            \(rest)
            """.utf8))
    }

    @Test func aSweepReportDrawsAndListsEverySettingAsSweepCSVHoldsIt() throws {
        let scratch = try Scratch()
        let file = try scopeAndUptakeSweep(scratch, "seeds: [1]\nruns: 20")
        let run = mergersim(["sweep", file, "--out", scratch.path("out"), "--quiet"])
        #expect(run.code == 0, "\(run.error)")
        #expect(run.out.contains("report.html"))
        let html = try page(scratch.path("out/report.html"))
        expectSelfContained(html)
        // Five outcome charts (one per headline figure) and five convergence charts.
        #expect(count("<svg", in: html) == 10)
        // Each outcome chart has a dot per setting, titled by sweep.csv's setting number.
        let rows = try csv(scratch.path("out/sweep.csv"))
        for setting in 1...4 {
            #expect(count("<title>setting \(setting): ", in: html) >= HeadlineMetric.allCases.count)
        }
        // The table lists each setting's exit cost as sweep.csv's mean in billions, with its interval under it.
        let l = try Labels(.en)
        for row in rows where row["metric"] == "exit_cost_vnd" {
            let mean = try #require(Double(row["mean"] ?? "")), low = try #require(Double(row["ci95_low"] ?? "")),
                high = try #require(Double(row["ci95_high"] ?? ""))
            let cell = "<td>\(l.number(mean / 1e9, decimals: 1))<br><span class=\"ci\">\(l.number(low / 1e9, decimals: 1))–\(l.number(high / 1e9, decimals: 1))</span></td>"
            #expect(html.contains(cell), "setting \(row["setting"] ?? "?"): \(cell)")
        }
        // A share of runs is drawn in % and its interval (Wilson's) never goes below 0.
        for row in rows where row["metric"] == "all_within_quota" {
            #expect(try #require(Double(row["ci95_low"] ?? "")) >= 0)
        }
        #expect(html.contains("Wilson"))
    }

    /// A Latin hypercube: one scatter per varied key and figure, each setting at its drawn value.
    @Test func aLatinHypercubeIsDrawnAgainstEachVariedKey() throws {
        let scratch = try Scratch()
        let file = try scratch.write("sweep.yaml", Array("""
            scenario: \(phanRang)
            vary:
              rules.transition.exits.resignation_uptake: {min: 0.05, max: 0.3}
              rules.transition.exits.early_retirement_uptake: {min: 0.2, max: 0.6}
            sample: {n: 5, method: latin_hypercube, seed: 3}
            runs: 10
            """.utf8))
        let run = mergersim(["sweep", file, "--out", scratch.path("out"), "--quiet"])
        #expect(run.code == 0, "\(run.error)")
        let html = try page(scratch.path("out/report.html"))
        // Two keys × five figures of scatter, five convergence charts.
        #expect(count("<svg", in: html) == 15)
        #expect(count(">rules.transition.exits.early_retirement_uptake</text>", in: html) == 5)
        for setting in 1...5 { #expect(count("<title>setting \(setting): ", in: html) == 10) }
        // Scatter: no line joins the settings of a sample.
        let outcomes = try #require(html.components(separatedBy: "<section class=\"convergence\">").first)
        #expect(!outcomes.contains("<polyline"))
    }

    @Test func aVietnameseSweepReportReadsInVietnamese() throws {
        let scratch = try Scratch()
        let file = try scopeAndUptakeSweep(scratch, "runs: 10")
        let run = mergersim(["sweep", file, "--out", scratch.path("out"), "--quiet", "--lang", "vi"])
        #expect(run.code == 0, "\(run.error)")
        let html = try page(scratch.path("out/report.html"))
        #expect(html.contains("<html lang=\"vi\">"))
        #expect(html.contains("trong cùng huyện") && html.contains("không điều động"))
        #expect(html.contains("tỷ đồng") && html.contains("bộ tham số 1"))
        // The varied keys are identifiers the user wrote; everything else is Vietnamese.
        let text = VietnameseWordsTests.readableText(ofReport: html)
            .replacingOccurrences(of: "transfers.scope", with: " ").replacingOccurrences(of: "rules.transition.exits.resignation_uptake", with: " ")
        #expect(VietnameseWordsTests.englishWords(text).isEmpty, "\(VietnameseWordsTests.englishWords(text))")
    }

    @Test func aSensitivityReportDrawsATornadoOfEveryValue() throws {
        let scratch = try Scratch()
        let run = mergersim(["sensitivity", phanRang, "--runs", "10", "--only", "rules.transition.exits.resignation_uptake", "--only",
                             "rules.transition.exits.offer_model", "--out", scratch.path("sens"), "--quiet", "--lang", "vi"])
        #expect(run.code == 0, "\(run.error)")
        let html = try page(scratch.path("sens/report.html"))
        expectSelfContained(html)
        // A tornado per headline figure, a convergence chart per figure of the base run.
        #expect(count("<svg", in: html) == 10)
        // Both values are named in every tornado, the choice by its Vietnamese name.
        // A name, with "!" where the value flips the deadline verdict.
        #expect(html.matches(of: />exits\.resignation_uptake( !)?</).count == 5)
        #expect(html.matches(of: />exits\.offer_model( !)?</).count == 5)
        let rows = try csv(scratch.path("sens/sensitivity.csv"))
        let uptake = try #require(rows.first { $0["parameter"] == "rules.transition.exits.resignation_uptake" })
        let low = try #require(uptake["low"]).replacingOccurrences(of: ".", with: ","), high = try #require(uptake["high"]).replacingOccurrences(of: ".", with: ",")
        #expect(html.contains("(\(low) → \(high))"))
        let text = VietnameseWordsTests.readableText(ofReport: html)
        #expect(VietnameseWordsTests.englishWords(text).isEmpty, "\(VietnameseWordsTests.englishWords(text))")
    }

    @Test func aComparisonReportDrawsEachDifferenceWithItsInterval() throws {
        let scratch = try Scratch()
        for (name, extra) in [("base", [String]()), ("high", ["--set", "rules.transition.exits.resignation_uptake=0.3"])] {
            let run = mergersim(["simulate", phanRang, "--out", scratch.path(name), "--runs", "30", "--quiet"] + extra)
            #expect(run.code == 0, "\(run.error)")
        }
        let run = mergersim(["compare", scratch.path("base"), scratch.path("high"), "--report", scratch.path("compare.html")])
        #expect(run.code == 0, "\(run.error)")
        let html = try page(scratch.path("compare.html"))
        expectSelfContained(html)
        // A forest per headline figure, a convergence chart per figure.
        #expect(count("<svg", in: html) == 10)
        #expect(html.contains("rules.transition.exits.resignation_uptake=0.3"))
        // The exit cost's paired difference, as the CSV gives it, in billions with its interval.
        let out = mergersim(["compare", scratch.path("base"), scratch.path("high"), "--out", scratch.path("compare.csv")])
        #expect(out.code == 0, "\(out.error)")
        let rows = try csv(scratch.path("compare.csv"))
        let cost = try #require(rows.first { $0["metric"] == "replications: mean exit_cost_vnd" })
        let diff = try #require(Double(cost["diff high"] ?? ""))
        let l = try Labels(.en)
        #expect(html.contains(">\(diff > 0 ? "+" : "")\(l.billions(diff))<"))
        #expect(html.contains(">paired<"))
        // The variance reduction of pairing, as the CSV's variance_reduction gives it.
        let factor = try #require(Double(cost["variance_reduction high"] ?? ""))
        #expect(html.contains("<td>÷\(l.number(factor, decimals: factor < 10 ? 1 : 0))</td>"))
        // Writing it again replaces mergersim's own file; a file it did not write is refused.
        try Data("mine".utf8).write(to: URL(fileURLWithPath: scratch.path("mine.html")))
        let refused = mergersim(["compare", scratch.path("base"), scratch.path("high"), "--report", scratch.path("mine.html")])
        #expect(refused.code == 73)
        #expect(try page(scratch.path("mine.html")) == "mine")
        // The report and the CSV cannot be one file (the CSV would overwrite the report): refused before anything is read.
        let same = mergersim(["compare", scratch.path("base"), scratch.path("high"), "--report", scratch.path("both"), "--out", scratch.path("./both")])
        #expect(same.code == 64)
        #expect(same.error == "error: --report: --report and --out name the same file; give each its own")
        #expect(!scratch.exists("both"))
    }

    /// Morris: a chart per headline figure that moves, each value's μ* as morris.csv holds it; Sobol: S1 and ST per value.
    @Test func aMorrisAndASobolReportDrawTheirMeasures() throws {
        let scratch = try Scratch()
        let morris = mergersim(["sensitivity", phanRang, "--runs", "5", "--only", "rules.transition.exits", "--method", "morris",
                                "--trajectories", "3", "--out", scratch.path("morris"), "--quiet"])
        #expect(morris.code == 0, "\(morris.error)")
        let html = try page(scratch.path("morris/report.html"))
        expectSelfContained(html)
        let rows = try csv(scratch.path("morris/morris.csv"))
        let metrics = Set(rows.compactMap { $0["metric"] })
        // One chart per figure that moves, a note for one that does not; then the first point's five convergence charts.
        #expect(count("<svg", in: html) == metrics.count + 5)
        let l = try Labels(.en)
        for row in rows where row["metric"] == "exit_cost_vnd" {
            let key = try #require(row["key"]).split(separator: ".").suffix(2).joined(separator: ".")
            let muStar = try #require(Double(row["mu_star"] ?? ""))
            #expect(html.contains("<title>\(row["key"] ?? ""): μ* = \(l.billions(muStar))</title>"), "\(key)")
            #expect(html.contains(">\(key)</text>"))
        }
        let sobol = mergersim(["sensitivity", phanRang, "--runs", "5", "--only", "rules.transition.exits.resignation_uptake", "--only",
                               "rules.transition.exits.early_retirement_uptake", "--method", "sobol", "--samples", "4",
                               "--out", scratch.path("sobol"), "--quiet", "--lang", "vi"])
        #expect(sobol.code == 0, "\(sobol.error)")
        let sobolPage = try page(scratch.path("sobol/report.html"))
        expectSelfContained(sobolPage)
        #expect(sobolPage.contains("S1: chỉ số bậc nhất") && sobolPage.contains("ST: chỉ số toàn phần"))
        for row in try csv(scratch.path("sobol/sobol.csv")) where row["metric"] == "exit_cost_vnd" {
            let s1 = try #require(Double(row["s1"] ?? ""))
            let vi = try Labels(.vi)
            #expect(sobolPage.contains("<title>\(row["key"] ?? ""): S1 = \(vi.number(s1, decimals: 3))</title>"))
        }
    }
}

