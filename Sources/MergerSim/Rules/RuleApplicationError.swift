/// A unit the rule set cannot judge, e.g. a ward without the district kind
/// its standard depends on. `field` names the input column at fault.
public struct RuleApplicationError: Error, Hashable, Sendable, CustomStringConvertible {
    public var unitCode: String
    public var field: String
    public var message: String

    public init(unitCode: String, field: String, message: String) {
        self.unitCode = unitCode
        self.field = field
        self.message = message
    }

    public var description: String { "unit \(unitCode): \(message)" }
}
