extension MergerPlan {
    /// How far a split member's shares may sum from 1 (shares such as 1/3 are written with finitely many decimals).
    public static let shareTolerance = FixedDecimal(millionths: 100)

    /// Applies the plan to `units`: every new unit gets the sums of its
    /// members; untouched units carry over.
    ///
    /// A split member contributes by its shares. Whole quantities (people,
    /// staff in each category, area in 10⁻⁶ km²) are apportioned among its
    /// successors by largest remainder, so totals are conserved exactly.
    /// Combining members (see `combine(_:planned:)`): kind, province and
    /// district from the largest member by population unless the plan gives
    /// them; each yes/no feature by area majority; ethnic-minority share
    /// (a member without one counts as 0) and position population-weighted;
    /// other points population-weighted when every member has them (else the
    /// rule set's default applies); the type only from the plan's `new_type`.
    ///
    /// - Throws: ``PlanError`` for an unknown member, a member split without
    ///   shares, shares not summing to 1, or a new code that an untouched unit already has.
    public func apply(to units: [AdministrativeUnit]) throws(PlanError) -> MergerOutcome {
        let unitsByCode = Dictionary(units.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let shares = try validatedShares(unitsByCode: unitsByCode)
        let portions = apportionMembers(unitsByCode: unitsByCode, shares: shares)
        var after: [MergedUnit] = []
        after.reserveCapacity(newUnits.count + units.count - shares.count)
        for planned in newUnits {
            let contributions = planned.members.map { portions[PortionKey(newCode: planned.code, memberCode: $0.code)]! }
            after.append(MergedUnit(unit: Self.combine(contributions.map { ($0, unitsByCode[$0.code]!) }, planned: planned),
                                    contributions: contributions, untouched: false))
        }
        for unit in units where shares[unit.code] == nil {
            let whole = MergedUnit.Contribution(code: unit.code, share: FixedDecimal(millionths: FixedDecimal.scale),
                                                population: unit.population, area: unit.area, staff: unit.staff)
            after.append(MergedUnit(unit: unit, contributions: [whole], untouched: true))
        }
        let outcome = MergerOutcome(units: after)
        assert(outcome.invariantViolations(before: units).isEmpty, "\(outcome.invariantViolations(before: units))")
        return outcome
    }

    /// Each member's successors and shares (in millionths), after the checks.
    private func validatedShares(unitsByCode: [String: AdministrativeUnit]) throws(PlanError) -> [String: [(newCode: String, share: Int64)]] {
        var appearances: [String: [(newCode: String, share: FixedDecimal?)]] = [:]
        var newCodes = Set<String>()
        for planned in newUnits {
            guard !planned.members.isEmpty else {
                throw PlanError(newCode: planned.code, field: "member_code", problem: .noMembers(newCode: planned.code))
            }
            newCodes.insert(planned.code)
            for member in planned.members {
                guard unitsByCode[member.code] != nil else {
                    throw PlanError(newCode: planned.code, memberCode: member.code, field: "member_code",
                                    problem: .memberUnknown(member: member.code))
                }
                if let share = member.share, share.millionths <= 0 || share.millionths > FixedDecimal.scale {
                    throw PlanError(newCode: planned.code, memberCode: member.code, field: "share",
                                    problem: .shareRange(member: member.code))
                }
                appearances[member.code, default: []].append((planned.code, member.share))
            }
        }
        var shares: [String: [(newCode: String, share: Int64)]] = [:]
        for planned in newUnits {
            for member in planned.members where shares[member.code] == nil {
                let list = appearances[member.code]!
                if list.count > 1, let missing = list.first(where: { $0.share == nil }) {
                    throw PlanError(newCode: missing.newCode, memberCode: member.code, field: "share",
                                    problem: .shareMissing(member: member.code, newCodes: list.map(\.newCode)))
                }
                let values = list.map { $0.share?.millionths ?? FixedDecimal.scale }
                let sum = values.reduce(0, +)
                guard abs(sum - FixedDecimal.scale) <= Self.shareTolerance.millionths else {
                    throw PlanError(newCode: list.last!.newCode, memberCode: member.code, field: "share",
                                    problem: .sharesSum(member: member.code, sum: Double(sum) / Double(FixedDecimal.scale),
                                                        newCodes: list.map(\.newCode)))
                }
                shares[member.code] = zip(list, values).map { ($0.0.newCode, $0.1) }
            }
        }
        for code in newCodes where unitsByCode[code] != nil && shares[code] == nil {
            throw PlanError(newCode: code, field: "new_code",
                            problem: .codeTaken(newCode: code))
        }
        return shares
    }

    private struct PortionKey: Hashable {
        var newCode: String
        var memberCode: String
    }

    /// Splits every member's whole quantities among its successors by largest remainder.
    private func apportionMembers(unitsByCode: [String: AdministrativeUnit],
                                  shares: [String: [(newCode: String, share: Int64)]]) -> [PortionKey: MergedUnit.Contribution] {
        var portions: [PortionKey: MergedUnit.Contribution] = [:]
        for (code, successors) in shares {
            let unit = unitsByCode[code]!
            let weights = successors.map(\.share)
            func split(_ total: Int) -> [Int] { LargestRemainder.apportion(Int64(total), weights: weights).map { Int($0) } }
            let population = split(unit.population)
            let area = LargestRemainder.apportion(unit.area.millionths, weights: weights)
            let staff = unit.staff.map { staff in
                StaffCategory.allCases.map { split(staff[$0]) }
            }
            for (i, successor) in successors.enumerated() {
                let portionStaff = staff.map { Headcount(cadres: $0[0][i], civilServants: $0[1][i], nonProfessional: $0[2][i]) }
                portions[PortionKey(newCode: successor.newCode, memberCode: code)] = MergedUnit.Contribution(
                    code: code, share: FixedDecimal(millionths: successor.share), population: population[i],
                    area: FixedDecimal(millionths: area[i], decimals: unit.area.decimals), staff: portionStaff)
            }
        }
        return portions
    }

    /// The new unit made of `parts` (each member's contribution and the member itself).
    static func combine(_ parts: [(portion: MergedUnit.Contribution, member: AdministrativeUnit)], planned: PlannedUnit) -> AdministrativeUnit {
        let largest = parts.max { a, b in a.portion.population < b.portion.population }!.member  // ties: the first listed
        let population = parts.reduce(0) { $0 + $1.portion.population }
        let areaMillionths = parts.reduce(Int64(0)) { $0 + $1.portion.area.millionths }
        func byAreaMajority(_ flag: (AdministrativeUnit.Features) -> Bool) -> Bool {
            2 * parts.filter { flag($0.member.features) }.reduce(Int64(0)) { $0 + $1.portion.area.millionths } > areaMillionths
        }
        /// The population-weighted mean; a member without a value counts as 0 when
        /// `missingAsZero`, else the mean exists only when every member has one.
        func populationWeighted(missingAsZero: Bool, _ value: (AdministrativeUnit) -> Double?) -> Double? {
            guard missingAsZero ? parts.contains(where: { value($0.member) != nil }) : parts.allSatisfy({ value($0.member) != nil })
            else { return nil }
            guard population > 0 else { return parts.compactMap { value($0.member) }.first }
            return parts.reduce(0.0) { $0 + (value($1.member) ?? 0) * Double($1.portion.population) } / Double(population)
        }
        let features = AdministrativeUnit.Features(
            mountainous: byAreaMajority(\.mountainous), border: byAreaMajority(\.border), island: byAreaMajority(\.island),
            coastalDifficult: byAreaMajority(\.coastalDifficult), redRiverDelta: byAreaMajority(\.redRiverDelta),
            ethnicMinorityShare: populationWeighted(missingAsZero: true) { $0.features.ethnicMinorityShare?.doubleValue }.map(FixedDecimal.init))
        var location: Coordinate?
        if parts.allSatisfy({ $0.member.location != nil }) {
            let weight = { (part: (portion: MergedUnit.Contribution, member: AdministrativeUnit)) in
                population > 0 ? Double(part.portion.population) : 1 }
            let total = parts.reduce(0.0) { $0 + weight($1) }
            location = Coordinate(
                latitude: parts.reduce(0.0) { $0 + $1.member.location!.latitude * weight($1) } / total,
                longitude: parts.reduce(0.0) { $0 + $1.member.location!.longitude * weight($1) } / total)
        }
        let staff: Headcount? = parts.allSatisfy({ $0.portion.staff != nil })
            ? parts.reduce(Headcount.zero) { $0 + $1.portion.staff! } : nil
        return AdministrativeUnit(
            code: planned.code, name: planned.name, kind: planned.kind ?? largest.kind, province: planned.province ?? largest.province,
            district: largest.district, districtKind: largest.districtKind,
            area: FixedDecimal(millionths: areaMillionths, decimals: parts.map(\.portion.area.decimals).min()!),
            population: population, features: features, type: planned.type,
            otherPoints: populationWeighted(missingAsZero: false) { $0.otherPoints?.doubleValue }.map(FixedDecimal.init),
            exemption: nil, staff: staff, location: location)
    }
}
