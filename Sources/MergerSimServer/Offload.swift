import Dispatch

/// Runs `body` on a thread of Dispatch's global pool and waits for it without holding a thread of Swift's
/// concurrency pool: reading and screening the national units or checking a national scenario takes
/// seconds in a debug build, and the pool has one thread a core, the threads that answer every request.
/// At most two such tasks run at once (the others wait their turn on Dispatch's threads), so a burst of
/// requests cannot start a national screening for each.
func offloaded<T: Sendable, E: Error>(_ body: @escaping @Sendable () throws(E) -> T) async throws(E) -> T {
    let result: Result<T, E> = await withCheckedContinuation { continuation in
        DispatchQueue.global(qos: .userInitiated).async {
            offloadSlots.wait()
            let result = Result { () throws(E) -> T in try body() }
            offloadSlots.signal()
            continuation.resume(returning: result)
        }
    }
    return try result.get()
}

private let offloadSlots = DispatchSemaphore(value: 2)
