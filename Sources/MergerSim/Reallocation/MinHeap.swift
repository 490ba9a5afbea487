/// A binary min-heap of (key, node), ties to the smaller node.
struct MinHeap<Key: Comparable> {
    private var items: [(key: Key, node: Int)] = []

    var isEmpty: Bool { items.isEmpty }

    /// The smallest entry, without removing it.
    var top: (key: Key, node: Int)? { items.first }

    private static func less(_ a: (key: Key, node: Int), _ b: (key: Key, node: Int)) -> Bool {
        a.key != b.key ? a.key < b.key : a.node < b.node
    }

    mutating func push(_ key: Key, _ node: Int) {
        items.append((key, node))
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard Self.less(items[i], items[parent]) else { break }
            items.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> (Key, Int)? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var smallest = i
                if l < items.count, Self.less(items[l], items[smallest]) { smallest = l }
                if r < items.count, Self.less(items[r], items[smallest]) { smallest = r }
                if smallest == i { break }
                items.swapAt(i, smallest)
                i = smallest
            }
        }
        return (top.key, top.node)
    }
}
