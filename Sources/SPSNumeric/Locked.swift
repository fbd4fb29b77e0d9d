#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A value that threads share, read and changed only while holding its lock: the one lock type of the code base.
///
/// The lock is a POSIX mutex rather than the standard library's `Synchronization.Mutex`: on Linux that one is built
/// on a bare futex, which ThreadSanitizer does not see as a lock, so every access made under it is reported as a
/// race (and real races hide among them); ThreadSanitizer intercepts `pthread_mutex_lock` and checks the accesses
/// against it. Uncontended, both cost one atomic exchange each way.
public final class Locked<State: ~Copyable>: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var state: State

    /// Guards `state`.
    public init(_ state: consuming State) {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        let status = pthread_mutex_init(mutex, nil)
        precondition(status == 0, "pthread_mutex_init failed (\(status))")
        self.state = state
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with the state, holding the lock.
    @inline(__always)
    public func withLock<R, E: Error>(_ body: (inout State) throws(E) -> R) throws(E) -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&state)
    }
}
