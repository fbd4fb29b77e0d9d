import SPSLanguage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines for the prompt. Plain reads now; libedit plugs in behind the same protocol.
public protocol LineReader: AnyObject {
    /// Shows the prompt and returns one line without its newline, or nil at end of input.
    func readLine(prompt: String) -> String?
    /// Records a complete (possibly multi-line) entry in history.
    func addHistory(_ entry: String)
}

extension LineReader {
    public func addHistory(_ entry: String) {}
}

/// Reads lines from standard input with a prompt written to standard output.
public final class PlainLineReader: LineReader {
    let showPrompt: Bool
    /// Creates a reader; prompts are shown only when asked (on a terminal).
    public init(showPrompt: Bool) { self.showPrompt = showPrompt }
    public func readLine(prompt: String) -> String? {
        if showPrompt { StandardStream.output().write(prompt) }
        return Swift.readLine(strippingNewline: true)
    }
}

/// Feeds prepared lines, for tests.
public final class ScriptedLineReader: LineReader {
    var lines: [String]
    /// The prompts shown so far.
    public private(set) var prompts: [String] = []
    /// Entries added to history.
    public private(set) var history: [String] = []
    /// Creates a reader that returns these lines, then end of input.
    public init(_ lines: [String]) { self.lines = lines }
    public func readLine(prompt: String) -> String? {
        prompts.append(prompt)
        return lines.isEmpty ? nil : lines.removeFirst()
    }
    public func addHistory(_ entry: String) { history.append(entry) }
}

/// The read-eval-print loop: reads entries (continuing while a bracket, brace or string is open), runs them in
/// the session, echoes values, reports errors and carries on.
public final class REPL {
    /// The session entries run in.
    public let session: Session
    let reader: any LineReader
    /// The main prompt.
    public var prompt = "sps> "
    /// The continuation prompt.
    public var continuationPrompt = "...  "
    var entryNumber = 0

    /// Creates a loop over a session and a line reader.
    public init(session: Session, reader: any LineReader) {
        self.session = session
        self.reader = reader
    }

    /// Runs until end of input or `quit`.
    public func run() {
        while let entry = readEntry() {
            let trimmed = entry.trimmingSpaces
            if trimmed.isEmpty { continue }
            if trimmed == "quit" || trimmed == "exit" { return }
            reader.addHistory(entry)
            entryNumber += 1
            _ = session.run(entry, name: "<stdin:\(entryNumber)>", echo: .values)
        }
    }

    /// Reads one complete entry, asking for more lines while it is unfinished.
    func readEntry() -> String? {
        guard var text = reader.readLine(prompt: prompt) else { return nil }
        while Session.isIncomplete(text) {
            guard let more = reader.readLine(prompt: continuationPrompt) else { return text }
            text += "\n" + more
        }
        return text
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" { s.removeLast() }
        return String(s)
    }
}
