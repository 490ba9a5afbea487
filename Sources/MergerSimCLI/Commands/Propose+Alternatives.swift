import ArgumentParser
import Foundation
import MergerSim
import MergerSimInputs
import MergerSimReports

/// `propose --alternatives K`: K distinct plans, ranked (``ProposalAlternatives``). The best is written where a
/// single proposal is (plan.csv, proposal.csv, scenario.yaml), so scripts keep working; plan k (2…K) to
/// `alternatives/k/` with the same three files; `alternatives.csv` ranks them all. With K = 1 nothing changes.
extension Propose {
    /// `--alternatives`: a whole number from 1 to 20.
    static func alternativeCount(_ text: String) throws -> Int {
        guard let count = Int(text), ProposalRun.alternativesRange.contains(count) else {
            throw ValidationError("--alternatives must be a whole number from \(ProposalRun.alternativesRange.lowerBound) to \(ProposalRun.alternativesRange.upperBound)")
        }
        return count
    }

    /// The plans of this proposal: `first` alone when one is asked for; else the alternatives, found again from the
    /// same inputs (`first` is the first of them, not searched again), ranked, with the files and console lines they make.
    func alternatives(run: ProposalRun, first: ProposalResult, unitsFile: UnitsFile) throws -> AlternativePlans {
        let all = unitsFile.units
        guard alternatives > 1 else { return AlternativePlans(best: first, ranked: nil, mandatory: targets == nil) }
        let found: ProposalAlternatives
        if let targets {
            let counts = try ProposalInputs.targets(targets, provinces: Set(all.map(\.province)), units: all)
            let centres = try neighbours(all, required: [])
            let graph = adjacency == nil ? centres.keepingApart(run.keptAloneByKind) : centres
            do throws(ProposalError) {
                found = try run.alternatives(alternatives, first: first, counts: counts, neighbours: graph, weights: weights, seed: seed, movesPerUnit: moves)
            } catch {
                throw failure(error, unitsFile)
            }
        } else {
            let (selection, graph) = try mandatoryInputs(run, all, unitsFile: unitsFile)
            do throws(ProposalError) {
                found = try run.alternatives(alternatives, first: first, selection: selection, neighbours: graph, weights: weights)
            } catch {
                throw failure(error, unitsFile)
            }
        }
        return AlternativePlans(best: found.best.result, ranked: found, mandatory: targets == nil)
    }

    /// The plans ``alternatives(run:first:unitsFile:)`` found, and what they add to the output folder.
    struct AlternativePlans {
        /// The best plan (rank 1), written where a single proposal is.
        let best: ProposalResult
        /// All the plans, ranked; nil when one was asked for (nothing is added).
        let ranked: ProposalAlternatives?
        /// Whether the proposal is of the mandatory mode.
        let mandatory: Bool

        /// The names the plans add to the output folder (for the manifest and the marker).
        var outputs: [String] {
            guard let ranked else { return [] }
            return ["alternatives.csv"] + (2...max(2, ranked.ranked.count)).prefix(ranked.ranked.count - 1).flatMap { k in
                ["plan.csv", "proposal.csv", "scenario.yaml"].map { "alternatives/\(k)/\($0)" }
            }
        }

        /// The files: alternatives.csv, then each alternative's plan.csv, proposal.csv and scenario.yaml, its
        /// scenario's paths relative to its own folder.
        func files(units: [AdministrativeUnit], unitsPath: String, rules: LoadedRuleSet, rulesPath: String, classes: ProvinceClasses,
                   folder: URL) throws -> [(name: String, content: Data)] {
            guard let ranked else { return [] }
            var files: [(name: String, content: Data)] = [("alternatives.csv", try AlternativesReport.csv(ranked, units: units))]
            for (i, plan) in ranked.ranked.enumerated().dropFirst() {
                let name = AlternativesReport.folder(rank: i + 1), here = folder.appendingPathComponent(name)
                let report = ProposalReport(units: units, result: plan.result)
                let rulesEntry = rules.source == "bundled" ? rules.rules.id : Scenario.relative(URL(fileURLWithPath: rulesPath).standardizedFileURL.path, from: here)
                files += [("\(name)/plan.csv", report.planCSV), ("\(name)/proposal.csv", try report.csv()),
                          ("\(name)/scenario.yaml", ProposalReport.scenario(name: "proposal-\(i + 1)", rules: rulesEntry, unitsPath: unitsPath,
                                                                            folder: here, provinceClasses: classes))]
            }
            return files
        }

        /// The console table (``AlternativesReport/lines(_:units:mandatory:labels:)``), nothing for one plan.
        func print(units: [AdministrativeUnit], labels: Labels, console: Console) {
            guard let ranked else { return }
            console.out("")
            for line in AlternativesReport.lines(ranked, units: units, mandatory: mandatory, labels: labels) { console.out(line) }
        }
    }
}
