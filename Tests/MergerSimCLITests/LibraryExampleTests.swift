import Foundation
import Testing

/// The example that runs a scenario through the library without the command line is built with the
/// tests and runs to the figures the command line gives for the same merger.
struct LibraryExampleTests {
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
    }
}
