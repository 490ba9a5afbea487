import Testing
import MergerSim

struct FixedDecimalTests {
    @Test func parsesPlainDecimalsExactly() {
        #expect(FixedDecimal(parsing: "1.1")?.millionths == 1_100_000)
        #expect(FixedDecimal(parsing: "1.1")?.decimals == 1)
        #expect(FixedDecimal(parsing: "0.45")?.millionths == 450_000)
        #expect(FixedDecimal(parsing: "12")?.decimals == 0)
        #expect(FixedDecimal(parsing: "-3.5")?.millionths == -3_500_000)
        #expect(FixedDecimal(parsing: ".5")?.millionths == 500_000)
    }

    @Test func rejectsWhatIsNotAPlainDecimal() {
        for text in ["", ".", "12,5", "1e3", "1.2.3", "abc", "1.1234567", " 1", "--1"] {
            #expect(FixedDecimal(parsing: text) == nil, "\(text)")
        }
    }

    @Test func roundingIsHalfTheLastDecimal() {
        #expect(FixedDecimal(parsing: "1.1")!.roundingMillionths == 50_000)
        #expect(FixedDecimal(parsing: "2")!.roundingMillionths == 500_000)
        #expect(FixedDecimal(parsing: "0.123456")!.roundingMillionths == 0)
    }

    @Test func equalityIsByValue() {
        #expect(FixedDecimal(parsing: "1.10")! == FixedDecimal(parsing: "1.1")!)
        #expect(FixedDecimal(parsing: "1.1")! < FixedDecimal(parsing: "1.11")!)
    }
}
