import Foundation
import Testing
import MergerSimCLI

/// Issue 23: what `simulate` says when interrupted is in the chosen language too.
struct InterruptLanguageTests {
    @Test func anInterruptedRunSaysSoInVietnamese() throws {
        let scratch = try Scratch()
        let scenario = repositoryRoot.appendingPathComponent("scenarios/vn-2025/scenario.yaml").path
        let process = Process()
        process.executableURL = mergersimExecutable
        process.arguments = ["simulate", scenario, "--lang", "vi", "--quiet", "--out", scratch.path("run")]
        let errorPipe = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errorPipe
        try process.run()
        usleep(4_000_000)   // the national run takes far longer (a minute in a debug build): it is interrupted while it computes
        process.interrupt()
        let error = String(decoding: errorPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(error.contains("đã dừng giữa chừng: chưa ghi gì; kết quả cũ (nếu có) vẫn giữ nguyên"), "\(error)")
        #expect(!FileManager.default.fileExists(atPath: scratch.path("run")))
    }
}
