// Rebuilds scenarios/vn-2025/units.csv and plan.csv from scenarios/vn-2025/source/
// by the seeded estimation of NationalEstimate2025 (see the scenario's README):
//   swift run prepare-vn-2025 [SCENARIO_FOLDER] [--seed N]
import Foundation
import MergerSimIO
import ScenarioData

var arguments = Array(CommandLine.arguments.dropFirst())
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
