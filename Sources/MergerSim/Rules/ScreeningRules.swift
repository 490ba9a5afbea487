/// The mandatory-merger tests of the rounds a rule set knows.
public struct Screening: Sendable, Codable, Hashable {
    /// The round used when none is asked for.
    public var defaultRound: Int
    public var rounds: [ScreeningRound]

    enum CodingKeys: String, CodingKey {
        case rounds
        case defaultRound = "default_round"
    }

    /// The round that starts in `year`, if this rule set has it.
    public func round(_ year: Int) -> ScreeningRound? { rounds.first { $0.round == year } }
}

/// One round of arrangement and its tests: a unit must merge when any test holds.
public struct ScreeningRound: Sendable, Codable, Hashable {
    /// The year the round starts: 2019, 2023, 2026.
    public var round: Int
    public var instrument: String
    public var tests: [ScreeningTest]
}

/// A unit falls under the test when its area is below `areaBelowPercent` of
/// its area standard AND its population below `populationBelowPercent` of
/// its population standard (both strictly).
public struct ScreeningTest: Sendable, Codable, Hashable {
    public var rule: String
    public var status: Status?
    public var areaBelowPercent: Int
    public var populationBelowPercent: Int

    enum CodingKeys: String, CodingKey {
        case rule, status
        case areaBelowPercent = "area_below_pct"
        case populationBelowPercent = "population_below_pct"
    }

    public init(rule: String, status: Status? = nil, areaBelowPercent: Int, populationBelowPercent: Int) {
        self.rule = rule
        self.status = status
        self.areaBelowPercent = areaBelowPercent
        self.populationBelowPercent = populationBelowPercent
    }
}
