import Foundation
import Testing

/// The example that runs a scenario through the library without the command line is built with the
/// tests and runs to the figures the command line gives for the same merger; the DocC article that
/// shows it shows its very code and what it prints.
struct LibraryExampleTests {
    static let example = repositoryRoot.appendingPathComponent("Examples/run-scenario/main.swift")
    static let article = repositoryRoot.appendingPathComponent("Sources/MergerSim/MergerSim.docc/RunningAScenarioFromSwift.md")

    /// The article's one Swift code block is the example's source, but for leading and trailing white space.
    @Test func theArticlesCodeIsTheExamplesSource() throws {
        let article = try String(contentsOf: Self.article, encoding: .utf8), source = try String(contentsOf: Self.example, encoding: .utf8)
        let blocks = article.components(separatedBy: "```swift\n").dropFirst()
        #expect(blocks.count == 1)
        let code = try #require(blocks.first?.components(separatedBy: "\n```").first)
        #expect(code.trimmingCharacters(in: .whitespacesAndNewlines) == source.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func runScenarioExampleRuns() throws {
        let process = Process()
        process.executableURL = builtExecutable("run-scenario")
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        // Kinh Dinh of the Phan Rang case: 3 wards, 24,656 people, waived by.
        #expect(text.contains("Kinh Dinh: 3 wards, 24656 people, waived"), "\(text)")
        #expect(text.contains("of 200 runs"))
        // What the article says it prints is its first line, word for word.
        let article = try String(contentsOf: Self.article, encoding: .utf8)
        let said = try #require(article.components(separatedBy: "It prints `").dropFirst().first?.components(separatedBy: "`").first)
        #expect(text.split(separator: "\n").first.map(String.init) == said, "\(text)")
    }
}
