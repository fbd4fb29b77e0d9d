import SPSLanguage
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Colour

/// ANSI colour for a terminal: the prompt, errors, numbers and headers. Plain text when disabled.
public struct TerminalStyle: Sendable, Equatable {
    /// True when escape codes are written.
    public var enabled: Bool

    /// Creates a style; `enabled: false` writes plain text.
    public init(enabled: Bool) { self.enabled = enabled }

    /// No colour.
    public static let plain = TerminalStyle(enabled: false)

    /// Colour when `descriptor` is a terminal, `NO_COLOR` is unset (or empty) and `TERM` is not `dumb`.
    public static func detect(descriptor: Int32) -> TerminalStyle {
        guard isatty(descriptor) == 1 else { return .plain }
        if let raw = getenv("NO_COLOR"), raw.pointee != 0 { return .plain }
        if let raw = getenv("TERM"), String(cString: raw) == "dumb" { return .plain }
        return TerminalStyle(enabled: true)
    }

    func paint(_ text: String, _ code: String) -> String {
        enabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// The prompt: bold green.
    public func prompt(_ text: String) -> String { paint(text, "1;32") }
    /// The word `error` and other failures: bold red.
    public func error(_ text: String) -> String { paint(text, "1;31") }
    /// Notes (interrupted, recording): yellow.
    public func note(_ text: String) -> String { paint(text, "33") }
    /// Numbers the prompt echoes: cyan.
    public func number(_ text: String) -> String { paint(text, "36") }
    /// Headers in help and tables: bold.
    public func header(_ text: String) -> String { paint(text, "1") }
    /// Secondary text (hints, units): dim.
    public func dim(_ text: String) -> String { paint(text, "2") }

    /// Colours the `error:` of each diagnostic line (`file:line:col: error: message`).
    public func diagnostics(_ text: String) -> String {
        guard enabled else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard !line.hasPrefix(" "), let r = line.firstRange(of: "error:") else { return String(line) }
            return String(line[..<r.lowerBound]) + error("error:") + String(line[r.upperBound...])
        }.joined(separator: "\n")
    }

    /// The `hostState` key under which a session keeps its output style (for commands like `help`).
    static let hostKey = "shell.style"
}

extension Interpreter {
    /// The colours for this session's output (plain unless the shell set them).
    var outputStyle: TerminalStyle { (hostState[TerminalStyle.hostKey] as? TerminalStyle) ?? .plain }
}

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

/// What a long command reports to the progress line.
public struct TrainingProgress: Sendable {
    /// The epoch being run (1-based while mid-epoch).
    public var epoch: Int
    /// Optimizer steps so far.
    public var step: Int
    /// The last batch loss.
    public var loss: Double?
    /// Steps this command has taken so far.
    public var done: Int = 0
    /// Steps this command will take, when known (a bar and an estimate of the time left are shown then).
    public var total: Int?
}

/// A one-line progress display on a terminal (standard error) for long-running training.
///
/// The training loop calls `update` between batches; the line appears once the work has run for half a second,
/// is redrawn at most every 100 ms, and is erased when the work ends or before other output is written.
public final class ProgressLine: @unchecked Sendable {
    /// The `hostState` key the training loop looks the progress line up by.
    public static let hostKey = "shell.progress"
    let style: TerminalStyle
    var started: Double = 0
    var lastDraw: Double = 0
    var shown = false
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
        var text = ""
        let elapsed = t - started
        if let total = p.total, total > 0 {
            let fraction = min(1, Double(p.done) / Double(total))
            let cells = 20, filled = Int(fraction * Double(cells))
            text += String(repeating: "█", count: filled) + String(repeating: "░", count: cells - filled)
            text += " \(Int(fraction * 100))%  "
            if fraction > 0 { text += "eta \(Int((elapsed / fraction - elapsed).rounded()))s  " }
        }
        text += "epoch \(p.epoch)  step \(p.step)"
        if let loss = p.loss { text += "  loss \(formatLoss(loss))" }
        text += "  \(Int(elapsed))s  (Ctrl-C stops)"
        let width = TerminalSize.columns ?? 80
        if text.count > width - 1 { text = String(text.prefix(width - 1)) }
        write("\r\u{1B}[2K" + style.dim(text))
        shown = true
    }

    /// Erases the line if it is showing.
    public func clear() {
        guard shown else { return }
        shown = false
        write("\r\u{1B}[2K")
    }

    func formatLoss(_ x: Double) -> String {
        guard x.isFinite else { return Value.format(x) }
        var buffer = [CChar](repeating: 0, count: 32)
        _ = buffer.withUnsafeMutableBufferPointer { b in
            withVaList([x]) { vsnprintf(b.baseAddress, 32, "%.4g", $0) }
        }
        let length = buffer.firstIndex(of: 0) ?? buffer.count
        return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
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
        var saved = termios()
        let isTerminal = tcgetattr(descriptor, &saved) == 0
        if isTerminal {
            var raw = saved
            raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG)
            withUnsafeMutableBytes(of: &raw.c_cc) { cc in
                cc[Int(VMIN)] = 1
                cc[Int(VTIME)] = 0
            }
            tcsetattr(descriptor, TCSANOW, &raw)
        }
        defer { if isTerminal { tcsetattr(descriptor, TCSANOW, &saved) } }
        var byte: UInt8 = 0
        while true {
            let n = Glibc.read(descriptor, &byte, 1)
            if n == 1 { return byte }
            if n < 0 && errno == EINTR { continue }
            return nil
        }
    }
}
