// Rebuilds scenarios/vn-2025/units.csv and plan.csv from scenarios/vn-2025/source/
// by the seeded estimation of NationalEstimate2025 (see the scenario's README):
//   swift run prepare-vn-2025 [SCENARIO_FOLDER] [--seed N]
// or writes the units after the 2025 arrangement, for the 2026–2030 round:
//   swift run prepare-vn-2025 --round-2026 [OUT_FOLDER]   (default scenarios/vn-2026-round)
import Foundation
import MergerSim
import MergerSimInputs
import MergerSimReports
import ScenarioData

var arguments = Array(CommandLine.arguments.dropFirst())
if let i = arguments.firstIndex(of: "--round-2026") {
    let folder = i + 1 < arguments.count ? arguments[i + 1] : "scenarios/vn-2026-round"
    do {
        // The 3,321 units as the 2025 plan made them (figures summed from their estimated members).
        let inputs = try ScenarioInputs(path: "scenarios/vn-2025/scenario.yaml")
        let outcome = try inputs.applyPlan()
        var writer = CSVWriter(header: ["code", "name", "kind", "province", "area_km2", "population", "mountainous",
                                        "cadres", "civil_servants", "non_professional", "lat", "lon", "exempt"])
        for merged in outcome.units {
            let u = merged.unit
            guard let staff = u.staff else { continue }
            writer.append([u.code, u.name, u.kind.rawValue, u.province, ReportFormat.decimal(u.area), String(u.population),
                           u.features.mountainous ? "true" : "false", String(staff.cadres), String(staff.civilServants), String(staff.nonProfessional),
                           u.location.map { String(format: "%.6f", $0.latitude) } ?? "", u.location.map { String(format: "%.6f", $0.longitude) } ?? "",
                           // An assumption of this scenario (see its README): the island special zones keep their
                           // boundaries as key defence and security positions (R-2.4 c).
                           u.kind == .specialZone ? "c" : ""])
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try writer.data.write(to: URL(fileURLWithPath: folder + "/units.csv"))
        print("Wrote \(folder)/units.csv: \(outcome.units.count) units after the 2025 arrangement")
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("prepare-vn-2025: \(error)\n".utf8))
        exit(1)
    }
}
var seed = NationalEstimate2025.defaultSeed
if let i = arguments.firstIndex(of: "--seed"), i + 1 < arguments.count, let value = UInt64(arguments[i + 1]) {
    seed = value
    arguments.removeSubrange(i...(i + 1))
}
let folder = arguments.first ?? "scenarios/vn-2025"
do {
    let made = try NationalEstimate2025.make(sourceFolder: folder + "/source", seed: seed)
    try Data(made.units.utf8).write(to: URL(fileURLWithPath: folder + "/units.csv"))
    try Data(made.plan.utf8).write(to: URL(fileURLWithPath: folder + "/plan.csv"))
    print("Wrote \(folder)/units.csv and \(folder)/plan.csv (seed \(seed))")
} catch {
    FileHandle.standardError.write(Data("prepare-vn-2025: \(error)\n".utf8))
    exit(1)
}
