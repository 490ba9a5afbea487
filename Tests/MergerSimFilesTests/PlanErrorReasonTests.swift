import Foundation
import Testing
import MergerSim
import MergerSimInputs

/// The plan's problems are said twice by design: by the domain (`PlanError.message`, for library users) and
/// as typed reasons (for the chosen language). The English of the two must not drift apart.
struct PlanErrorReasonTests {
    @Test func aPlanErrorLocatedSaysTheDomainsSentence() throws {
        let plan = try PlanFile(bytes: Array("new_code,new_name,new_kind,member_code,member_share\nN1,A,ward,M1,0.5\nN2,B,ward,M1,0.25\n".utf8),
                                file: "plan.csv")
        let problems: [PlanError.Problem] = [
            .noMembers(newCode: "N1"), .memberUnknown(member: "M1"), .shareRange(member: "M1"),
            .shareMissing(member: "M1", newCodes: ["N1", "N2"]), .sharesSum(member: "M1", sum: 0.75, newCodes: ["N1", "N2"]),
            .codeTaken(newCode: "N1"),
        ]
        for problem in problems {
            let error = PlanError(newCode: "N1", memberCode: "M1", field: "member_code", problem: problem)
            let located = plan.located(error)
            #expect(located.message == error.message, "\(problem)")
            #expect(located.reason != nil)
        }
    }
}
