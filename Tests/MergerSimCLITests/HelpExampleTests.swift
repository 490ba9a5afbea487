import ArgumentParser
import Foundation
import Testing
import MergerSimCLI

/// Issue 24: every example of every command's --help runs as written (the sweep help's own
/// `--set transition.runs=…` was refused on both bundled sweep files).
struct HelpExampleTests {
    /// Every command a planner runs, with its words on the command line.
    static let commands: [(path: [String], type: any ParsableCommand.Type)] = {
        func leaves(_ command: any ParsableCommand.Type, path: [String]) -> [(path: [String], type: any ParsableCommand.Type)] {
            let subcommands = command.configuration.subcommands
            return subcommands.isEmpty ? [(path, command)] : subcommands.flatMap { leaves($0, path: path + [$0._commandName]) }
        }
        return leaves(MergerSimCommand.self, path: [])
    }()

    /// The order the examples run in, so each finds what an earlier one wrote (compare reads simulate's
    /// and sweep's folders, store merge the sweep's shards, store export the merged store).
    static let order = [["rules"], ["package"], ["validate"], ["screen"], ["simulate"], ["sweep"], ["sensitivity"], ["propose"],
                        ["compare"], ["store", "merge"], ["store", "export"]]

    /// The example lines of a help text: lines starting `mergersim ` (after `Example: `), up to two spaces
    /// that start a comment (`mergersim rules vn-2025   every value…`), as words.
    static func examples(_ discussion: String) -> [[String]] {
        discussion.split(separator: "\n").compactMap { line -> [String]? in
            var text = line.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("Example: ") { text.removeFirst("Example: ".count) }
            guard text.hasPrefix("mergersim ") else { return nil }
            if let comment = text.range(of: "  ") { text = String(text[..<comment.lowerBound]) }
            return text.split(separator: " ").dropFirst().map(String.init)
        }
    }

    /// A word with `*` in its last-but-one path component expanded as a shell would (sorted), in `folder`.
    static func expanded(_ word: String, in folder: URL) -> [String] {
        guard word.contains("*") else { return [word] }
        let parts = word.split(separator: "/").map(String.init)
        guard let star = parts.firstIndex(where: { $0.contains("*") }) else { return [word] }
        let parent = parts[..<star].joined(separator: "/"), pattern = parts[star].split(separator: "*", omittingEmptySubsequences: false)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(parent).path)) ?? []
        let matching = names.filter { $0.hasPrefix(pattern.first ?? "") && $0.hasSuffix(pattern.last ?? "") }.sorted()
        return matching.map { ([parent, $0] + parts[(star + 1)...]).joined(separator: "/") }
    }

    /// Commands that run until stopped (the workbench's server): their examples are parsed, not run.
    static let parsedOnly = [["serve"]]

    @Test func everyCommandHasItsPlaceInTheOrder() {
        #expect(Self.commands.allSatisfy { Self.order.contains($0.path) || Self.parsedOnly.contains($0.path) }, "\(Self.commands.map(\.path))")
    }

    @Test func theServersExamplesParseAsWritten() throws {
        for path in Self.parsedOnly {
            let command = try #require(Self.commands.first { $0.path == path })
            let examples = Self.examples(command.type.configuration.discussion)
            #expect(!examples.isEmpty, "\(path) has no example")
            for example in examples {
                let parsed = try MergerSimCommand.parseAsRoot(example)
                #expect(type(of: parsed)._commandName == path.last, "mergersim \(example.joined(separator: " "))")
            }
        }
    }

    /// Runs every example in a scratch copy of the repository's scenarios, their runs cut to 2 (the fewest a
    /// paired comparison allows); an example with its own --runs keeps it.
    @Test func everyHelpExampleRunsAsWritten() throws {
        let scratch = try Scratch()
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("scenarios"), to: scratch.url.appendingPathComponent("scenarios"))
        for file in ["phan-rang-2024/scenario.yaml", "phan-rang-2024/sweep.yaml", "vn-2025/scenario.yaml", "vn-2025/sweep.yaml"] {
            let url = scratch.url.appendingPathComponent("scenarios/" + file)
            let text = try String(contentsOf: url, encoding: .utf8)
            let fewer = text.replacingOccurrences(of: #"runs: \d+"#, with: "runs: 2", options: .regularExpression)
            #expect(fewer != text, "\(file) names its runs")
            try fewer.write(to: url, atomically: true, encoding: .utf8)
        }
        var ran = 0
        for path in Self.order {
            guard let command = Self.commands.first(where: { $0.path == path }) else { continue }
            let examples = Self.examples(command.type.configuration.discussion)
            #expect(!examples.isEmpty, "\(path) has no example")
            for example in examples {
                let words = example.flatMap { Self.expanded($0, in: scratch.url) }
                let result = try runMergersim(words, in: scratch.url)
                #expect(result.code == 0, "mergersim \(example.joined(separator: " ")): \(result.error)")
                ran += 1
            }
        }
        #expect(ran >= 15)
    }
}
