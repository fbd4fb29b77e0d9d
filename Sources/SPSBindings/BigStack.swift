#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// Runs work on a thread with a large stack, so deep-but-legal recursion in user code cannot overflow the (small)
/// stack of the calling thread. The caller blocks until the work is done.
///
/// Work already running on a big-stack thread runs in place (a `load` inside a script, a session driven by a
/// `Worker`), so nesting costs nothing.
public enum BigStack {
    /// The stack size for interpreter threads.
    public static let size = 256 << 20

    /// Marks the threads this type created: set to a non-nil pointer on each of them.
    nonisolated(unsafe) static let marker: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// True on a thread started by `run` or a `Worker`.
    public static var isOnBigStack: Bool { pthread_getspecific(marker) != nil }

    final class Box {
        var work: () -> Void
        init(_ work: @escaping () -> Void) { self.work = work }
    }

    /// Starts a thread with a big stack running `box.work`; nil when no thread could be made.
    static func startThread(_ box: Box) -> pthread_t? {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, size)
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        let context = Unmanaged.passRetained(box).toOpaque()
        let started = pthread_create(&thread, &attributes, { raw in
            #if canImport(Glibc)
            guard let raw else { return nil }
            #endif
            pthread_setspecific(BigStack.marker, raw)
            let box = Unmanaged<Box>.fromOpaque(raw).takeRetainedValue()
            box.work()
            return nil
        }, context)
        guard started == 0 else {
            Unmanaged<Box>.fromOpaque(context).release()
            return nil
        }
        return thread
    }

    /// Runs `work` on a 256 MiB-stack thread (or in place when already on one) and returns its result.
    public static func run<T>(_ work: () -> T) -> T {
        if isOnBigStack { return work() }
        return withoutActuallyEscaping(work) { work in
            var result: T?
            let box = Box { result = work() }
            if let thread = startThread(box) {
                pthread_join(thread, nil)
            } else {
                // No thread: run here instead (the interpreter's own depth limits still apply).
                box.work()
            }
            // The work always sets the result before returning.
            guard let result else { preconditionFailure("interpreter thread did not finish") }
            return result
        }
    }

    /// Runs `work(0)`, …, `work(count - 1)` at once, each on a big-stack thread of its own, and returns when all
    /// are done. Meant for workers that take their jobs from a shared counter: a worker whose thread could not be
    /// started is left out (the others take its jobs), and when no thread starts, worker 0 runs here. With a count
    /// of 1, `work(0)` runs as `run` would (in place on a big-stack thread).
    public static func parallel(_ count: Int, _ work: @Sendable (Int) -> Void) {
        guard count > 1 else { return run { work(0) } }
        withoutActuallyEscaping(work) { work in
            var threads: [pthread_t] = []
            for worker in 0..<count {
                if let thread = startThread(Box { work(worker) }) { threads.append(thread) }
            }
            if threads.isEmpty { run { work(0) } }
            for thread in threads { pthread_join(thread, nil) }
        }
    }

    /// One long-lived big-stack thread that runs submitted work in turn: for callers that run very many short
    /// scripts (the fuzzer), where starting a 256 MiB thread per script would dominate.
    public final class Worker: @unchecked Sendable {
        private let ready = DispatchSemaphore(value: 0)
        private let finished = DispatchSemaphore(value: 0)
        private var pending: (() -> Void)?
        private var thread: pthread_t?

        /// Starts the thread.
        public init() {
            thread = BigStack.startThread(Box { [unowned self] in self.loop() })
            if let thread { pthread_detach(thread) }
        }

        private func loop() {
            while true {
                ready.wait()
                guard runPending() else { return }
                finished.signal()
            }
        }

        /// Runs the handed-over work and drops every reference to it before returning: the caller's
        /// `withoutActuallyEscaping` checks that the closure did not outlive the call.
        private func runPending() -> Bool {
            // The semaphores order the hand-over: `pending` is written before `ready` is signalled.
            guard let work = pending else { return false }
            pending = nil
            work()
            return true
        }

        /// Runs `work` on the worker's thread and returns its result (in place when the thread could not start).
        public func run<T>(_ work: () -> T) -> T {
            guard thread != nil else { return work() }
            return withoutActuallyEscaping(work) { work in
                var result: T?
                pending = { result = work() }
                ready.signal()
                finished.wait()
                guard let result else { preconditionFailure("worker thread did not finish") }
                return result
            }
        }
    }
}
