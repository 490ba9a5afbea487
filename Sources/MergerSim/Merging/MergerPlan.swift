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
    /// What is wrong, typed, so a reader can say it in its own language.
    public var problem: Problem

    /// What is wrong with a plan.
    public enum Problem: Hashable, Sendable {
        /// A new unit without members.
        case noMembers(newCode: String)
        /// A member that is not a unit.
        case memberUnknown(member: String)
        /// A share not above 0 and at most 1.
        case shareRange(member: String)
        /// A member going into several new units (`newCodes`) without a share in one of them.
        case shareMissing(member: String, newCodes: [String])
        /// A member's shares summing to `sum`, not 1.
        case sharesSum(member: String, sum: Double, newCodes: [String])
        /// A new code that is the code of a unit the plan leaves untouched.
        case codeTaken(newCode: String)
    }

    public init(newCode: String, memberCode: String? = nil, field: String, problem: Problem) {
        self.newCode = newCode
        self.memberCode = memberCode
        self.field = field
        self.problem = problem
    }

    /// The problem in English.
    public var message: String {
        switch problem {
        case .noMembers(let code): "new unit \(code) has no members"
        case .memberUnknown(let member): "member \(member) is not a code of the units file"
        case .shareRange(let member): "the share of \(member) must be above 0 and at most 1"
        case let .shareMissing(member, newCodes):
            "member \(member) goes into \(newCodes.joined(separator: " and ")) but has no share here; give each part's share (summing to 1)"
        case let .sharesSum(member, sum, newCodes):
            "the shares of member \(member) sum to \(sum), not 1 (in \(newCodes.joined(separator: ", ")))"
        case .codeTaken(let code): "new code \(code) is already the code of a unit the plan leaves untouched"
        }
    }

    public var description: String { "new unit \(newCode): \(message)" }
}
