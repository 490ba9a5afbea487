import Foundation
import MergerSim
import MergerSimInputs

/// `transfers.csv`: one row per move (see the README).
public enum TransfersReport {
    public static let header = ["category", "from_code", "to_code", "count", "distance_km", "to_category", "from_name", "to_name"]

    public static func csv(_ plan: TransferPlan, names: [String: String]) -> Data {
        var writer = CSVWriter(header: header, spreadsheet: true)
        for t in plan.transfers {
            writer.append([t.category.rawValue, t.fromCode, t.toCode, String(t.count),
                           t.distanceKm.map { ReportFormat.fixed($0, decimals: 2) } ?? "", t.toCategory.rawValue,
                           names[t.fromCode] ?? "", names[t.toCode] ?? ""])
        }
        return writer.data
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
