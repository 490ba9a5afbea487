import MergerSim

extension StaffCategory {
    /// "cadres", "civil servants", "non-professional": the category in the English of error messages and console lines.
    public var plainName: String {
        switch self {
        case .cadres: "cadres"
        case .civilServants: "civil servants"
        case .nonProfessional: "non-professional"
        }
    }
}
