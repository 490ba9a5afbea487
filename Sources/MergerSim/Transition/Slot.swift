/// A (unit, category) slot: where a unit's people of one category stand in the transition's flat
/// arrays. The index `unit · categories + category` is worked out here only.
struct Slot: Hashable, Sendable {
    /// The position in a flat array of ``count(units:)`` slots.
    let index: Int

    @inline(__always)
    init(unit: Int, category: StaffCategory) { index = unit * StaffCategory.count + category.index }

    init(index: Int) { self.index = index }

    /// The unit's index.
    var unit: Int { index / StaffCategory.count }
    /// The category.
    var category: StaffCategory { StaffCategory.allCases[index % StaffCategory.count] }

    /// How many slots `units` units have.
    static func count(units: Int) -> Int { units * StaffCategory.count }
}

extension ReplicationState {
    /// Stops on a broken promise of the slots: each slot in order (retirement month, then person), its
    /// people still there all of its unit and category with their own retirement month, and its count
    /// exactly those people; everyone still there in a slot. O(people + slots): debug builds check it
    /// after every year, tests after a step.
    func _checkInvariants() {
        precondition(members.count == Slot.count(units: model.workforce.units.count) && count.count == members.count, "slots for the wrong units")
        var counted = 0
        for s in members.indices {
            let slot = Slot(index: s), entries = members[s]
            precondition(zip(entries, entries.dropFirst()).allSatisfy { $0 < $1 }, "slot \(s) out of order")
            var here = 0
            for member in entries where active[Int(member.person)] {
                let p = Int(member.person)
                precondition(Int(unit[p]) == slot.unit && category[p] == slot.category, "person \(p) stands in slot \(s), not their own")
                precondition(member.retirementMonth == Int32(clamping: model.workforce.retirementMonth[p]), "person \(p)'s retirement month changed")
                here += 1
            }
            precondition(here == count[s], "slot \(s) counts \(count[s]) people but holds \(here)")
            counted += here
        }
        let stillThere = active.reduce(0) { $0 + ($1 ? 1 : 0) }
        precondition(counted == stillThere, "\(stillThere) people are still there but the slots hold \(counted)")
    }
}
