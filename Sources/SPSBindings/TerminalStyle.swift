#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    package func paint(_ text: String, _ code: String) -> String {
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
}
