import Foundation
import PropertyBased
import Testing
import MergerSim
@testable import MergerSimInputs
@testable import MergerSimReports

/// Properties on random inputs (issue 8): what mergersim writes, it reads back the same.
struct RoundTripPropertyTests {
    /// Characters that make CSV hard: separators, quotes, line ends, tabs, spaces, Vietnamese, an emoji.
    static let awkward: [Character] = [",", "\"", "\n", "\r", "\r\n", "\t", " ", "a", "Z", "0", "9", ".", "-", "ỹ", "Đ", "ư", "😀", "'"]

    static let field = Gen.int(in: 0...(awkward.count - 1)).map { awkward[$0] }.string(of: 0...12)
    static let table = zip(Gen.int(in: 1...6), Gen.int(in: 0...8), field.array(of: 0...60))

    @Test func csvWrittenIsReadBackTheSame() async {
        await propertyCheck(count: 300, input: Self.table) { columns, rows, pool in
            let header = (0..<columns).map { "c\($0)" }
            // Each record starts with a non-empty field: a record of empty fields is skipped on reading, by design.
            func text(_ i: Int) -> String { pool.isEmpty ? "" : pool[i % pool.count] }
            var records: [[String]] = []
            for r in 0..<rows {
                var record = ["r\(r)" + text(r * columns)]
                for c in 1..<max(1, columns) where columns > 1 { record.append(text(r * columns + c)) }
                records.append(record)
            }
            var writer = CSVWriter(header: header)
            for record in records { writer.append(record) }
            let table = try CSVTable(bytes: Array(writer.data), file: "t.csv")
            #expect(table.header == header)
            #expect(table.records.map(\.fields) == records)
        }
    }

    static let decimal = zip(Gen.int64(in: -999_999_999_999...999_999_999_999), Gen.int(in: 0...6))

    @Test func fixedDecimalPrintedIsParsedBackTheSame() async {
        await propertyCheck(count: 1_000, input: Self.decimal) { whole, decimals in
            // A value with exactly `decimals` decimals: millionths a multiple of 10^(6 − decimals).
            var unit: Int64 = 1
            for _ in decimals..<FixedDecimal.maxDecimals { unit *= 10 }
            let value = FixedDecimal(millionths: (whole / unit) * unit, decimals: decimals)
            let parsed = FixedDecimal(parsing: value.text)
            #expect(parsed == value && parsed?.decimals == decimals, "\(value.text)")
        }
    }

    @Test func anyTextParsesOrIsRefusedNeverTraps() async {
        let characters: [Character] = ["0", "1", "5", "9", ".", "-", "+", "e", ",", " "]
        let digits = Gen.int(in: 0...(characters.count - 1)).map { characters[$0] }.string(of: 0...40)
        await propertyCheck(count: 2_000, input: digits) { text in
            switch FixedDecimal.parse(text) {
            case .success(let value): #expect(FixedDecimal(parsing: value.text) == value)
            case .failure: break
            }
        }
    }
}
