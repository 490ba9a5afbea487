/// How many items fall under each key; a key no item has counts 0.
public struct Tally<Key: Hashable & Sendable>: Sendable, Equatable {
    private var counts: [Key: Int]

    /// Counts `items` by `key`.
    public init<Item>(_ items: [Item], by key: (Item) -> Key) {
        counts = [:]
        for item in items { counts[key(item), default: 0] += 1 }
    }

    /// The items under `key` (0 when none).
    public subscript(key: Key) -> Int {
        get { counts[key, default: 0] }
        set { counts[key] = newValue }
    }
}
