/// A screening verdict in the planner's words.
public enum Verdict: String, Hashable, Sendable, CaseIterable {
    /// Falls under a mandatory-merger test.
    case merge
    /// Falls under a test within the rounding of its published area.
    case borderline
    /// Falls under a test (or is borderline) but has an exemption.
    case exempt
    /// Falls under no test.
    case keep
}
