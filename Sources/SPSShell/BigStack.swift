#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs work on a fresh thread with a large stack, so deep-but-legal recursion in user code cannot overflow the
/// (small) stack of the calling thread. The caller blocks until the work is done.
public enum BigStack {
    /// The stack size for interpreter threads.
    public static let size = 256 << 20

    final class Box {
        var work: () -> Void
        init(_ work: @escaping () -> Void) { self.work = work }
    }

    /// Runs `work` on a 256 MiB-stack thread and returns its result.
    public static func run<T>(_ work: () -> T) -> T {
        withoutActuallyEscaping(work) { work in
            var result: T?
            let box = Box { result = work() }
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
                let box = Unmanaged<Box>.fromOpaque(raw).takeRetainedValue()
                box.work()
                return nil
            }, context)
            if started != 0 {
                // No thread: run here instead (the interpreter's own depth limits still apply).
                Unmanaged<Box>.fromOpaque(context).release()
                box.work()
            } else {
                #if canImport(Glibc)
                pthread_join(thread, nil)
                #else
                if let thread { pthread_join(thread, nil) }
                #endif
            }
            // The work always sets the result before returning.
            guard let result else { preconditionFailure("interpreter thread did not finish") }
            return result
        }
    }
}
