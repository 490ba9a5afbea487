/// A merger plan: the new units and the existing units (members) each is made of.
///
/// A member may be split between several new units; its shares (fractions
/// going to each) then sum to 1. Units the plan does not name stay as they are.
public struct MergerPlan: Hashable, Sendable {
    public var newUnits: [PlannedUnit]

    public init(newUnits: [PlannedUnit]) { self.newUnits = newUnits }

    /// The codes of every existing unit the plan names.
    public var memberCodes: Set<String> { Set(newUnits.flatMap { $0.members.map(\.code) }) }
}

/// One new unit of a plan.
public struct PlannedUnit: Hashable, Sendable {
    public var code: String
    public var name: String
    /// When absent: the kind of the largest member by population (see the README).
    public var kind: UnitKind?
    /// Overrides the type computed from the score.
    public var type: UnitType?
    /// When absent: the province of the largest member by population.
    public var province: String?
    public var members: [Member]

    public init(code: String, name: String, kind: UnitKind? = nil, type: UnitType? = nil, province: String? = nil, members: [Member]) {
        self.code = code
        self.name = name
        self.kind = kind
        self.type = type
        self.province = province
        self.members = members
    }

    /// An existing unit, or the share of one, that goes into a new unit.
    public struct Member: Hashable, Sendable {
        public var code: String
        /// The fraction of the member going to this new unit; nil means all of it.
        public var share: FixedDecimal?

        public init(code: String, share: FixedDecimal? = nil) {
            self.code = code
            self.share = share
        }
    }
}

/// Why a plan cannot be applied to a set of units; IO locates it in the plan file
/// by `newCode` and `memberCode`, at the column `field`.
public struct PlanError: Error, Hashable, Sendable, CustomStringConvertible {
    public var newCode: String
    public var memberCode: String?
    public var field: String
    public var message: String

    public init(newCode: String, memberCode: String? = nil, field: String, message: String) {
        self.newCode = newCode
        self.memberCode = memberCode
        self.field = field
        self.message = message
    }

    public var description: String { "new unit \(newCode): \(message)" }
}
