/// How a person answers the exit offers of a run (R-5.3; mergersim's assumption, NC).
///
/// - ``lasting``: each person draws one propensity u per route per replication (``CommonRandom``'s
///   draw for the route in year 0) and, offered in a year, accepts when u is below the route's uptake
///   for that year's terms (``TransitionRules/Exits/uptake(_:withinWindow:monthsEarly:)``). Offered
///   again on terms of the same or a lower uptake, they decline again; over the run the share who take
///   a route is its stated uptake, not 1 − (1 − q)^years.
/// - ``yearly``: a fresh draw every year the person is offered (mergersim before issue 22), so a
///   person offered each of n years takes it with 1 − (1 − q)^n.
public enum OfferModel: String, Sendable, Hashable, CaseIterable, Codable {
    case lasting, yearly

    /// The model of a rule file that does not name one.
    public static let standard = OfferModel.lasting

    /// Reads a model's name, refusing any other text with a sentence naming the models (located by the reader).
    public init(from decoder: any Decoder) throws {
        try self.init(named: decoder, subject: .offerModel)
    }
}
