import Foundation
import GSL
import MergerSim

/// Seeded, plausible existing units for benchmarks and large tests.
///
/// Kinds in national proportions (77 % communes, 17 % wards, 6 % towns);
/// areas and populations log-normal around typical values of each kind;
/// a third of communes mountainous, some with an ethnic-minority share;
/// headcounts near a Type II quota; 63 provinces, each unit placed around its
/// province's centre. The same seed gives the same units.
public enum SyntheticUnits {
    public static func generate(count: Int, seed: UInt64) throws(GSLError) -> [AdministrativeUnit] {
        let random = try RandomSource(seed: seed)
        let kinds = try WeightedDistribution(weights: [77, 17, 6])
        let districts = try WeightedDistribution(weights: [40, 45, 15])
        return (0..<count).map { i in
            let kind: UnitKind = [.commune, .ward, .town][random.draw(from: kinds)]
            let (areaMedian, populationMedian): (Double, Double) = switch kind {
            case .commune: (25, 9_000)
            case .ward: (3, 14_000)
            default: (10, 11_000)
            }
            let area = (areaMedian * exp(random.gaussian(standardDeviation: 0.9)) * 100).rounded() / 100
            let population = Int((populationMedian * exp(random.gaussian(standardDeviation: 0.6))).rounded())
            let mountainous = kind == .commune && random.uniform() < 0.33
            let share = mountainous && random.uniform() < 0.5 ? FixedDecimal((random.uniform() * 100).rounded() / 100) : nil
            let districtKind: DistrictKind? = kind == .ward ? [.urbanDistrict, .provincialCity, .districtTown][random.draw(from: districts)] : nil
            // 63 provinces on a 7 × 9 grid over Vietnam's latitudes, units scattered around each centre.
            let province = i % 63
            let location = Coordinate(latitude: 9 + Double(province / 7) * 1.6 + random.gaussian(standardDeviation: 0.25),
                                      longitude: 104 + Double(province % 7) * 0.7 + random.gaussian(standardDeviation: 0.25))
            let staff = Headcount(cadres: 9 + random.uniformInteger(below: 4), civilServants: 9 + random.uniformInteger(below: 6),
                                  nonProfessional: 10 + random.uniformInteger(below: 7))
            return AdministrativeUnit(
                code: String(100_000 + i), name: "Đơn vị \(i)", kind: kind, province: "Tỉnh \(province)",
                districtKind: districtKind, area: FixedDecimal(parsing: String(format2(max(area, 0.01))))!,
                population: max(population, 100), features: .init(mountainous: mountainous, ethnicMinorityShare: share),
                staff: staff, location: location)
        }
    }

    /// A value with two decimals as text ("3.07").
    private static func format2(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
