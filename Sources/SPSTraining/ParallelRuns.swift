import Dispatch
import Synchronization
import SPSNumeric

/// Runs independent jobs on several threads and returns their results in job order.
///
/// Each job must derive everything random from its own index, so the results do not depend on how many
/// threads ran them or in which order they finished.
public enum ParallelRuns {
    /// Calls `body` for every index in `0..<count` on up to `threads` threads.
    public static func map<T: Sendable>(count: Int, threads: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let results = Locked<[T?]>(Array(repeating: nil, count: count))
        let next = Atomic<Int>(0)
        let workers = max(1, min(threads, count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                if index >= count { break }
                let value = body(index)
                results.withLock { $0[index] = value }
            }
        }
        return results.withLock { $0.compactMap { $0 } }
    }
}
