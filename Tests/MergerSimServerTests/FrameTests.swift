import Foundation
import Testing
@testable import MergerSimServer

/// The frame every page stands in: the start page, a workspace from a bundled scenario, the guard.
@Suite struct FrameTests {
    @Test func startPageMakesAWorkspaceFromABundledScenarioWithItsNameShownAsText() async throws {
        let server = try await TestWorkbench.start()
        let browser = server.browser()
        let home = try await browser.get("/")
        #expect(home.status == 200)
        #expect(home.header("Content-Security-Policy")?.contains("script-src 'self'") == true)
        let made = try await browser.postMultipart("/workspaces", fields: [("name", "<script>alert(1)</script>"), ("bundled", "phan-rang-2024")], files: [])
        #expect(made.status == 303)
        let location = try #require(made.header("Location"))
        #expect(location.hasPrefix("/w/") && location.hasSuffix("/units"))
        let list = try await browser.get("/")
        #expect(list.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!list.text.contains("<script>alert(1)"))
        let folder = server.data.appendingPathComponent(String(location.dropFirst(3).prefix(12)))
        for file in ["workspace.json", "scenario.yaml", "units.csv", "plan.csv"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path))
        }
        await server.stop()
    }

    @Test func aPostWithoutTheSessionsTokenIsRefusedAndWritesNothing() async throws {
        let server = try await TestWorkbench.start()
        let browser = server.browser()
        _ = try await browser.get("/")
        let refused = try await browser.postMultipart("/workspaces", fields: [("name", "x"), ("bundled", "phan-rang-2024")], files: [], csrf: "0123")
        #expect(refused.status == 403)
        let stranger = server.browser()
        let noSession = try await stranger.postMultipart("/workspaces", fields: [("name", "x"), ("bundled", "phan-rang-2024")], files: [], csrf: browser.csrf)
        #expect(noSession.status == 403)
        let names = try FileManager.default.contentsOfDirectory(atPath: server.data.path)
        #expect(names == [Workspaces.markerName])
        await server.stop()
    }
}
