import SPSBindings
import SPSLanguage
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Ctrl-C

/// Ctrl-C while a command runs: the SIGINT handler only sets the session's interrupt flag, which loops, calls and
/// the training loop check at their next safe point. Three presses without the command stopping end the process.
public enum InterruptHandler {
    /// The flag the handler sets; pass it to the session.
    public static let flag = InterruptFlag()
    static let presses = Atomic<Int>(0)

    /// Installs the handler (restarting interrupted reads, so a plain `readLine` is not cut short).
    public static func install() {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in InterruptHandler.signalled() }
        #else
        action.__sigaction_u.__sa_handler = { _ in InterruptHandler.signalled() }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGINT, &action, nil)
        // A parent may start sps with SIGINT blocked (a test runner's threads do): threads made from here on
        // inherit this thread's mask, so unblock it, or Ctrl-C would never reach a running command.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
    }

    /// Runs in the signal handler: atomics and write(2) only.
    static func signalled() {
        let count = presses.add(1, ordering: .relaxed).newValue
        flag.request()
        if count >= 3 {
            let message = Array("\nsps: stopping at once (Ctrl-C three times)\n".utf8)
            _ = message.withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
            _exit(130)
        }
    }

    /// Forgets earlier presses and clears the flag (before running the next entry).
    public static func reset() {
        presses.store(0, ordering: .relaxed)
        flag.clear()
    }
}

// MARK: - Progress

/// A one-line progress display on a terminal (standard error) for long-running training.
///
/// The training loop calls `update` between batches; the line appears once the work has run for half a second,
/// is redrawn at most every 100 ms, and is erased when the work ends or before other output is written.
public final class ProgressLine: ProgressReporter, @unchecked Sendable {
    let style: TerminalStyle
    var started: Double = 0
    var lastDraw: Double = 0
    var shown = false
    /// The Ctrl-C presses already answered with a line break (see `clear`).
    var answeredPresses = 0
    let descriptor: Int32

    /// A progress line written to `descriptor` (a terminal).
    public init(descriptor: Int32 = 2, style: TerminalStyle) {
        self.descriptor = descriptor
        self.style = style
    }

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    /// Starts timing a piece of work.
    public func begin() {
        started = ProgressLine.now()
        lastDraw = started
    }

    /// Called between batches; cheap unless it is time to redraw.
    public func update(_ progress: @autoclosure () -> TrainingProgress) {
        let t = ProgressLine.now()
        guard t - started >= 0.5, t - lastDraw >= 0.1 else { return }
        lastDraw = t
        let p = progress()
        let text = p.line(elapsed: t - started, width: TerminalSize.columns ?? 80)
        write("\r\u{1B}[2K" + style.dim(text))
        shown = true
    }

    /// Erases the line if it is showing.
    ///
    /// After a Ctrl-C it also ends the line the terminal echoed `^C` on (or erases the progress line, `^C` and
    /// all), once per press, so the next message starts on a line of its own instead of after the `^C`.
    public func clear() {
        let presses = InterruptHandler.presses.load(ordering: .relaxed)
        if presses < answeredPresses { answeredPresses = presses }
        if presses > answeredPresses {
            answeredPresses = presses
            write(shown ? "\r\u{1B}[2K" : "\n")
            shown = false
            return
        }
        guard shown else { return }
        shown = false
        write("\r\u{1B}[2K")
    }

    func write(_ text: String) { StandardStream(descriptor: descriptor).write(text) }
}

/// An output sink that erases the progress line before writing, so output never lands on top of it.
public final class ProgressAwareSink: OutputSink {
    let inner: any OutputSink
    let progress: ProgressLine
    /// Wraps `inner`.
    public init(_ inner: any OutputSink, progress: ProgressLine) {
        self.inner = inner
        self.progress = progress
    }
    public func write(_ text: String) {
        progress.clear()
        inner.write(text)
    }
}

// MARK: - Keys

/// Single key presses from the controlling terminal (`/dev/tty`), for `sps --step` when standard input is the
/// script.
/// Raw terminal input (keys one by one, no echo, Ctrl-C as a byte) for the key readers of the prompt and `--step`.
enum RawMode {
    /// Puts `descriptor` in raw mode when it is a terminal; returns what restores its settings (nothing to do
    /// when it is not a terminal).
    static func enter(_ descriptor: Int32) -> () -> Void {
        var saved = termios()
        guard tcgetattr(descriptor, &saved) == 0 else { return {} }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        tcsetattr(descriptor, TCSANOW, &raw)
        return { _ = tcsetattr(descriptor, TCSANOW, &saved) }
    }
}

public final class KeyReader {
    let descriptor: Int32

    /// Opens `/dev/tty`; nil when there is no terminal.
    public init?() {
        let fd = open("/dev/tty", O_RDONLY)
        guard fd >= 0 else { return nil }
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// Waits for one key without echo (Ctrl-C arrives as byte 3); nil at end of input.
    public func readKey() -> UInt8? {
        let restore = RawMode.enter(descriptor)
        defer { restore() }
        var byte: UInt8 = 0
        while true {
            let n = Glibc.read(descriptor, &byte, 1)
            if n == 1 { return byte }
            if n < 0 && errno == EINTR { continue }
            return nil
        }
    }
}

// MARK: - Size

/// Terminal size for printing tables and plots: COLUMNS/LINES when set, else 80×24 (never truncate in pipes).
enum TerminalSize {
    static var columns: Int? {
        if let text = getenvString("COLUMNS"), let n = Int(text), n >= 20 { return n }
        return isatty(1) != 0 ? queryColumns() : nil
    }

    static func queryColumns() -> Int {
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col >= 20 { return Int(size.ws_col) }
        return 80
    }

    static func getenvString(_ name: String) -> String? {
        guard let raw = getenv(name) else { return nil }
        return String(cString: raw)
    }
}
