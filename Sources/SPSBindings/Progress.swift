#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a long command reports to the progress line: training (epochs, steps, the loss) or a study (runs).
public struct TrainingProgress: Sendable {
    /// What `done` and `total` count.
    public enum Unit: Sendable { case steps, runs }

    /// The epoch being run (1-based while mid-epoch).
    public var epoch: Int
    /// Optimizer steps so far.
    public var step: Int
    /// The last batch loss.
    public var loss: Double?
    /// Steps (or runs) this command has finished so far.
    public var done: Int = 0
    /// Steps (or runs) this command will take, when known (a bar and an estimate of the time left are shown then).
    public var total: Int?
    /// Whether this is training (steps) or a study (runs of `repeat`).
    public var unit: Unit = .steps
    /// More about a study's runs, shown after their count (a Slurm study's tasks: pending, running, done, failed).
    public var detail: String?

    /// Training progress.
    public init(epoch: Int, step: Int, loss: Double?, done: Int = 0, total: Int? = nil) {
        self.epoch = epoch
        self.step = step
        self.loss = loss
        self.done = done
        self.total = total
    }

    /// A study's progress: `done` of `total` runs finished.
    public static func runs(done: Int, total: Int) -> TrainingProgress {
        var progress = TrainingProgress(epoch: 0, step: 0, loss: nil, done: done, total: total)
        progress.unit = .runs
        return progress
    }

    /// The progress line's text after `elapsed` seconds, cut to `width` characters.
    ///
    /// Every field that changes while the work runs keeps its width (the percentage, the time left, the loss), so the
    /// line does not jump as it is redrawn:
    /// `███████░░░░░░░░░░░░░  35%  eta   12s  epoch 3  step 1124  loss    0.5123  25s  (Ctrl-C stops)`.
    public func line(elapsed: Double, width: Int = 80) -> String {
        var text = ""
        if let total, total > 0 {
            let fraction = min(1, Double(max(0, done)) / Double(total))
            let cells = 20, filled = Int(fraction * Double(cells))
            text += String(repeating: "█", count: filled) + String(repeating: "░", count: cells - filled)
            text += " " + Self.padLeft("\(Int(fraction * 100))%", 4) + "  "
            let left = fraction > 0 ? Self.clock(elapsed / fraction - elapsed) : "?"
            text += "eta " + Self.padLeft(left, 5) + "  "
        }
        switch unit {
        case .steps:
            text += "epoch \(epoch)  step \(step)"
            if let loss { text += "  loss " + Self.fixedWidth(loss) }
        case .runs:
            text += "\(done) of \(total.map(String.init) ?? "?") runs"
            if let detail { text += "  " + detail }
        }
        text += "  " + Self.clock(elapsed) + "  (Ctrl-C stops)"
        if text.count > width - 1 { text = String(text.prefix(max(0, width - 1))) }
        return text
    }

    /// A loss in exactly 9 characters: 4 decimals for ordinary values (`   0.5123`, `1234.5678`), 4 significant
    /// digits in scientific notation for very small or large ones (`1.234e-05`); `nan`, `inf` padded the same way.
    public static func fixedWidth(_ x: Double) -> String {
        let text: String
        if !x.isFinite {
            text = x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf")
        } else if x == 0 || (abs(x) >= 0.01 && abs(x) < 10_000) {
            text = format(x, "%.4f")
        } else {
            text = format(x, "%.3e")
        }
        return padLeft(text, 9)
    }

    /// A time span as a clock reading: `7s`, `4m05s`, `2h03m`.
    public static func clock(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "?" }
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m" + twoDigits(s % 60) + "s" }
        return "\(s / 3600)h" + twoDigits(s % 3600 / 60) + "m"
    }

    static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    static func padLeft(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    /// `x` formatted by a printf format with one double.
    static func format(_ x: Double, _ format: String) -> String {
        var buffer = [CChar](repeating: 0, count: 48)
        _ = buffer.withUnsafeMutableBufferPointer { b in
            withVaList([x]) { vsnprintf(b.baseAddress, 48, format, $0) }
        }
        let length = buffer.firstIndex(of: 0) ?? buffer.count
        return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// Shows progress while a command runs (the shell's progress line on a terminal).
public protocol ProgressReporter: AnyObject {
    /// The work starts.
    func begin()
    /// Between batches (or runs): where the work is.
    func update(_ progress: @autoclosure () -> TrainingProgress)
    /// The work ended (or was stopped): remove the display.
    func clear()
}
