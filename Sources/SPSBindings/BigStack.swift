#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import SPSNumeric

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

    /// Idle workers kept for the next `run` or `parallel`: starting a thread with a 256 MiB stack for every script
    /// a session runs (each test, each `load`) made thread start and exit most of the cost of a short run, and
    /// under ThreadSanitizer that churn never finished. A worker gives its stack's pages back when it goes idle.
    private static let idle = Locked<[Worker]>([])

    /// How many idle workers are kept; more are stopped when their work is done.
    static let maximumIdle = 4

    /// An idle worker, or a new one.
    private static func takeWorker() -> Worker {
        idle.withLock { $0.popLast() } ?? Worker()
    }

    /// Keeps `worker` for later use, or stops it when enough are idle.
    private static func giveBack(_ worker: Worker) {
        guard worker.isRunning else { return }
        let kept = idle.withLock { workers in
            guard workers.count < maximumIdle else { return false }
            workers.append(worker)
            return true
        }
        if !kept { worker.stop() }
    }

    /// How many workers are idle (for tests).
    static var idleCount: Int { idle.withLock { $0.count } }

    /// Runs `work` on a 256 MiB-stack thread (or in place when already on one) and returns its result.
    public static func run<T>(_ work: () -> T) -> T {
        if isOnBigStack { return work() }
        let worker = takeWorker()
        defer { giveBack(worker) }
        return worker.run(work)
    }

    /// Runs `work(0)`, …, `work(count - 1)` at once, each on a big-stack thread of its own, and returns when all
    /// are done. Meant for workers that take their jobs from a shared counter: a worker whose thread could not be
    /// started is left out (the others take its jobs), and when no thread starts, worker 0 runs here. With a count
    /// of 1, `work(0)` runs as `run` would (in place on a big-stack thread).
    public static func parallel(_ count: Int, _ work: @Sendable (Int) -> Void) {
        guard count > 1 else { return run { work(0) } }
        withoutActuallyEscaping(work) { work in
            let workers = (0..<count).map { _ in takeWorker() }
            var started = 0
            for (i, worker) in workers.enumerated() where worker.isRunning {
                worker.submit { work(i) }
                started += 1
            }
            if started == 0 { run { work(0) } }
            for worker in workers where worker.isRunning { worker.wait() }
            for worker in workers { giveBack(worker) }
        }
    }

    /// One long-lived big-stack thread that runs submitted work in turn: `run` and `parallel` keep a few idle,
    /// and callers that run very many short scripts (the fuzzer) may hold one of their own.
    public final class Worker: @unchecked Sendable {
        private let ready = DispatchSemaphore(value: 0)
        private let finished = DispatchSemaphore(value: 0)
        private var pending: (() -> Void)?
        private var stopping = false
        private var thread: pthread_t?

        /// Starts the thread.
        public init() {
            thread = BigStack.startThread(Box { [unowned self] in self.loop() })
            if let thread { pthread_detach(thread) }
        }

        /// False when the thread could not be started (then `run` runs work in place).
        var isRunning: Bool { thread != nil }

        private func loop() {
            let stack = StackPages.current()
            while true {
                ready.wait()
                guard runPending() else { return }
                stack?.releaseUnused()
                finished.signal()
            }
        }

        /// Runs the handed-over work and drops every reference to it before returning: the caller's
        /// `withoutActuallyEscaping` checks that the closure did not outlive the call.
        private func runPending() -> Bool {
            // The semaphores order the hand-over: `pending` is written before `ready` is signalled.
            guard !stopping, let work = pending else { return false }
            pending = nil
            work()
            return true
        }

        /// Hands `work` to the thread; `wait()` returns once it is done. The worker must be running and idle.
        func submit(_ work: @escaping () -> Void) {
            pending = work
            ready.signal()
        }

        /// Waits for the work handed over by `submit`.
        func wait() { finished.wait() }

        /// Ends the thread once it is idle; the worker can run nothing more on it.
        func stop() {
            guard thread != nil else { return }
            stopping = true
            thread = nil
            ready.signal()
        }

        /// Runs `work` on the worker's thread and returns its result (in place when the thread could not start).
        public func run<T>(_ work: () -> T) -> T {
            guard thread != nil else { return work() }
            return withoutActuallyEscaping(work) { work in
                var result: T?
                submit { result = work() }
                wait()
                guard let result else { preconditionFailure("worker thread did not finish") }
                return result
            }
        }
    }

    /// The pages of the calling thread's stack below where it stands now, given back to the system between jobs,
    /// so that an idle worker that once ran a deep recursion does not keep that memory.
    struct StackPages {
        /// The lowest address of the stack (past its guard) and the highest address to give back.
        let low: UInt, high: UInt

        /// The calling thread's stack below the current frame (less a margin the frame's callees may use), for a
        /// thread started with a stack of `BigStack.size` bytes.
        static func current() -> StackPages? {
            let page = UInt(sysconf(Int32(_SC_PAGESIZE)))
            var here = 0
            let top = withUnsafeMutablePointer(to: &here) { UInt(bitPattern: $0) }
            // The stack lies within `size` bytes below this frame (glibc puts the thread's own data at its top);
            // a margin of 1 MiB at each end keeps clear of the guard page and of this frame's callees.
            let margin: UInt = 1 << 20
            let low = (top - UInt(BigStack.size) + margin + page - 1) / page * page
            let high = (top - margin) / page * page
            return high > low ? StackPages(low: low, high: high) : nil
        }

        /// Tells the system the pages hold nothing worth keeping (they read as zeros when touched again).
        func releaseUnused() {
            #if canImport(Glibc)
            _ = madvise(UnsafeMutableRawPointer(bitPattern: low), Int(high - low), MADV_DONTNEED)
            #endif
        }
    }
}
