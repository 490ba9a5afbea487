import Foundation
import MergerSim
import MergerSimInputs

/// `transfers.csv`: one row per move (see the README).
public enum TransfersReport {
    public static let header = ["category", "from_code", "to_code", "count", "distance_km", "to_category", "from_name", "to_name"]

    static let kinds: [ReportTable.Kind] = [.value, .identifier, .identifier, .count, .decimal(places: 2), .value, .name, .name]

    /// The transfers as a typed table, one row per move; `names` gives the units' names by code.
    public static func table(_ plan: TransferPlan, names: [String: String]) -> ReportTable {
        var table = ReportTable(names: header, kinds: kinds)
        for t in plan.transfers {
            table.append([.value(t.category.rawValue), .text(t.fromCode), .text(t.toCode), .count(t.count),
                          t.distanceKm.map { .fixed($0, decimals: 2) } ?? .empty, .value(t.toCategory.rawValue),
                          names[t.fromCode].map { .text($0) } ?? .empty, names[t.toCode].map { .text($0) } ?? .empty])
        }
        return table
    }

    /// transfers.csv.
    public static func csv(_ plan: TransferPlan, names: [String: String]) throws(InternalError) -> Data {
        table(plan, names: names).csv(english: try Labels(.en))
    }
}

extension ReportFormat {
    /// A number with exactly `decimals` decimals, rounded half away from zero.
    static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int64((abs(value) * scale).rounded())
        var digits = String(scaled)
        if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
        let cut = digits.index(digits.endIndex, offsetBy: -decimals)
        return (value < 0 && scaled != 0 ? "-" : "") + digits[..<cut] + (decimals > 0 ? "." + digits[cut...] : "")
    }
}
