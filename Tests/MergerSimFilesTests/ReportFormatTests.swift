import Testing
@testable import MergerSimInputs
@testable import MergerSimReports

/// Issue 20, item 9: a share of a standard never rounds up to a whole percent it does not reach.
struct ReportFormatTests {
    @Test func aShareNeverRoundsUpToTheStandard() {
        #expect(ReportFormat.percent(20_999.0 / 21_000 * 100) == "99.99")
        #expect(ReportFormat.percent(100) == "100.00")
        #expect(ReportFormat.percent(19.996) == "19.99")
        #expect(ReportFormat.percent(1.1 / 5.5 * 100) == "20.00")   // 20.000000000000004: float noise, not a share below 20
        #expect(ReportFormat.percent(152.2857) == "152.29")
        #expect(ReportFormat.percent(-0.004) == "0.00" || ReportFormat.percent(-0.004) == "-0.00")
    }
}
