import Dispatch

/// Runs `body` on a thread of Dispatch's global pool and waits for it without holding a thread of Swift's
/// concurrency pool: reading and screening the national units or checking a national scenario takes
/// seconds in a debug build, and the pool has one thread a core, the threads that answer every request.
func offloaded<T: Sendable, E: Error>(_ body: @escaping @Sendable () throws(E) -> T) async throws(E) -> T {
    let result: Result<T, E> = await withCheckedContinuation { continuation in
        DispatchQueue.global(qos: .userInitiated).async {
            continuation.resume(returning: Result { () throws(E) -> T in try body() })
        }
    }
    return try result.get()
}
