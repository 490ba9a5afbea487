/// The uptake of each offered exit route by the terms of the year it is offered (R-5.3; mergersim's
/// assumption, NC): whether the year's offers are made within the 12-month window of the decision on
/// the arrangement, and how many months before their retirement the person is (the decree's bands).
///
/// A route's rows are tried in order; the first that covers the offer gives the uptake, and an offer no
/// row covers takes the route's default row (``TransitionRules/Exits/earlyRetirementUptake`` and
/// ``TransitionRules/Exits/resignationUptake``). The resignation rows also price the non-professional
/// workers' end-of-post offer, which is made within the window only.
public struct UptakeTable: Sendable, Codable, Hashable {
    public var rule: String
    public var status: Status?
    public var earlyRetirement: [Row]
    public var resignation: [Row]

    enum CodingKeys: String, CodingKey {
        case rule, status, resignation
        case earlyRetirement = "early_retirement"
    }

    /// The keys a table may have (the rule file's loader refuses any other, naming these).
    public static let keys: Set<String> = Set([CodingKeys.rule, .status, .earlyRetirement, .resignation].map(\.stringValue))

    public init(rule: String, status: Status?, earlyRetirement: [Row], resignation: [Row]) {
        self.rule = rule
        self.status = status
        self.earlyRetirement = earlyRetirement
        self.resignation = resignation
    }

    /// Either route's rows may be left out: none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        rule = try c.decode(String.self, forKey: .rule)
        status = try c.decodeIfPresent(Status.self, forKey: .status)
        earlyRetirement = try c.decodeIfPresent([Row].self, forKey: .earlyRetirement) ?? []
        resignation = try c.decodeIfPresent([Row].self, forKey: .resignation) ?? []
    }

    /// Where an offer stands against the window of the higher factors.
    public enum Window: String, Sendable, Hashable, CaseIterable, Codable {
        case within, after

        /// Reads a window's name, refusing any other text with a sentence naming them (located by the reader).
        public init(from decoder: any Decoder) throws {
            try self.init(named: decoder, subject: .window)
        }
    }

    /// One row: the uptake of offers within or after the window (either, when `window` is absent) to
    /// people `minMonthsEarly`…`maxMonthsEarly` months before their retirement (any, when absent).
    public struct Row: Sendable, Codable, Hashable {
        public var window: Window?
        public var minMonthsEarly: Int?
        public var maxMonthsEarly: Int?
        public var uptake: Double

        enum CodingKeys: String, CodingKey {
            case window, uptake
            case minMonthsEarly = "min_months_early"
            case maxMonthsEarly = "max_months_early"
        }

        /// The keys a row may have (the rule file's loader refuses any other, naming these).
        public static let keys: Set<String> = Set([CodingKeys.window, .uptake, .minMonthsEarly, .maxMonthsEarly].map(\.stringValue))

        public init(window: Window? = nil, minMonthsEarly: Int? = nil, maxMonthsEarly: Int? = nil, uptake: Double) {
            self.window = window
            self.minMonthsEarly = minMonthsEarly
            self.maxMonthsEarly = maxMonthsEarly
            self.uptake = uptake
        }

        /// Whether the row covers an offer made within the window or not, `monthsEarly` months before retirement.
        public func covers(withinWindow: Bool, monthsEarly: Int) -> Bool {
            (window.map { ($0 == .within) == withinWindow } ?? true) && covers(monthsEarly: monthsEarly)
        }

        /// Whether the row's band of months early holds `monthsEarly` (whatever its window).
        public func covers(monthsEarly: Int) -> Bool {
            (minMonthsEarly.map { monthsEarly >= $0 } ?? true) && (maxMonthsEarly.map { monthsEarly <= $0 } ?? true)
        }
    }
}
