import SPSBindings
import SPSLanguage
import SPSNumeric

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one read at the prompt produced.
public enum LineInput: Equatable, Sendable {
    /// A line, without its newline.
    case line(String)
    /// Ctrl-C: the line (and any unfinished entry) is dropped.
    case cancelled
    /// End of input (Ctrl-D on an empty line, or the end of a pipe).
    case end
}

/// What one read of a line of an entry produced: what any read produces, or ↑ back to the line above.
public enum EntryLineInput: Equatable, Sendable {
    /// A line, Ctrl-C or the end of input.
    case input(LineInput)
    /// ↑ on a line below the first of an entry: go back to the line above; carries this line's text, kept.
    case previousLine(String)
}

/// Where a line being read sits in the entry being typed, so the editor can move between the entry's lines.
public struct LineContext: Equatable, Sendable {
    /// The text the line starts with (a line of the entry edited again).
    public var text: String
    /// The line above in the same entry as it shows, prompt and text; nil on the first line.
    public var above: String?
    /// True when the entry has lines below this one (↓ moves to the next one, as Enter does).
    public var hasLinesBelow: Bool

    /// A line of an entry.
    public init(text: String = "", above: String? = nil, hasLinesBelow: Bool = false) {
        self.text = text
        self.above = above
        self.hasLinesBelow = hasLinesBelow
    }
}

/// Reads lines for the prompt: libedit on a terminal (`LibeditLineReader`), plain reads otherwise, prepared lines
/// in tests.
public protocol LineReader: AnyObject {
    /// Shows the prompt and returns one line without its newline, or nil at end of input.
    func readLine(prompt: String) -> String?
    /// Shows the prompt and reads a line, telling a cancelled line (Ctrl-C) from the end of input.
    func read(prompt: String) -> LineInput
    /// Reads a line of an entry: it starts as `context.text`, and ↑ may go back to the line above.
    func read(prompt: String, context: LineContext) -> EntryLineInput
    /// Drops input read ahead but not yet returned (the rest of a paste), after Ctrl-C stopped a command.
    func discardPendingInput()
    /// Records a complete (possibly multi-line) entry in history.
    func addHistory(_ entry: String)
    /// The history, oldest first (what `history` shows).
    var historyEntries: [String] { get }
    /// Why the last write of the history file failed; nil when it worked or there is no file.
    var historyWriteFailure: FileWriteError? { get }
}

extension LineReader {
    public func read(prompt: String) -> LineInput { readLine(prompt: prompt).map { .line($0) } ?? .end }
    public func read(prompt: String, context: LineContext) -> EntryLineInput { .input(read(prompt: prompt)) }
    public func discardPendingInput() {}
    public func addHistory(_ entry: String) {}
    public var historyEntries: [String] { [] }
    public var historyWriteFailure: FileWriteError? { nil }
}

/// Reads lines from standard input with a prompt written to standard output; history lives in memory only.
public final class PlainLineReader: LineReader {
    let showPrompt: Bool
    var entries: [String] = []
    /// Creates a reader; prompts are shown only when asked (on a terminal).
    public init(showPrompt: Bool) { self.showPrompt = showPrompt }
    public func readLine(prompt: String) -> String? {
        if showPrompt { StandardStream.output().write(prompt) }
        return Swift.readLine(strippingNewline: true)
    }
    public func addHistory(_ entry: String) {
        entries.removeAll { $0 == entry }
        entries.append(entry)
    }
    public var historyEntries: [String] { entries }
}

/// Feeds prepared lines, for tests. A line that is exactly `ScriptedLineReader.controlC` reads as Ctrl-C; a line
/// that starts with `ScriptedLineReader.up` reads as ↑ pressed on a line holding the rest of it.
public final class ScriptedLineReader: LineReader {
    /// The line that stands for pressing Ctrl-C.
    public static let controlC = "\u{3}"
    /// The start of a line that stands for pressing ↑ (on a line below the first of an entry).
    public static let up = "\u{1B}[A"
    var lines: [String]
    /// The prompts shown so far.
    public private(set) var prompts: [String] = []
    /// The context of each read, in order.
    public private(set) var contexts: [LineContext] = []
    /// Entries added to history.
    public private(set) var history: [String] = []
    /// Creates a reader that returns these lines, then end of input.
    public init(_ lines: [String]) { self.lines = lines }
    public func readLine(prompt: String) -> String? {
        if case .line(let s) = read(prompt: prompt) { return s }
        return nil
    }
    public func read(prompt: String) -> LineInput {
        if case .input(let input) = read(prompt: prompt, context: LineContext()) { return input }
        return .cancelled
    }
    public func read(prompt: String, context: LineContext) -> EntryLineInput {
        prompts.append(prompt)
        contexts.append(context)
        guard !lines.isEmpty else { return .input(.end) }
        let line = lines.removeFirst()
        if line.hasPrefix(ScriptedLineReader.up), context.above != nil { return .previousLine(String(line.dropFirst(ScriptedLineReader.up.count))) }
        return .input(line == ScriptedLineReader.controlC ? .cancelled : .line(line))
    }
    public func addHistory(_ entry: String) {
        if history.last != entry { history.append(entry) }
    }
    public var historyEntries: [String] { history }
}

/// The read-eval-print loop: reads entries (continuing while a bracket, brace or string is open), runs them in
/// the session, echoes values, reports errors and carries on. Ctrl-C drops the entry being typed; a command it
/// stops leaves the session intact, with a note.
public final class REPL {
    /// The session entries run in.
    public let session: Session
    let reader: any LineReader
    /// The main prompt.
    public var prompt = "sps> "
    /// The continuation prompt.
    public var continuationPrompt = "...  "
    var entryNumber = 0
    /// The open `record "file.sps"` transcript.
    var recording: Recording?
    /// Set while the entry that started a recording runs, so it is not written to its own transcript.
    var skipRecordingEntry = false
    /// Set once a failed history write has been reported: it is reported once per session.
    var reportedHistoryFailure = false
    /// Every entry run, in order, under its name: what a Slurm study replays to rebuild the session.
    var ranEntries: [(name: String, text: String)] = []

    /// Creates a loop over a session and a line reader.
    public init(session: Session, reader: any LineReader) {
        self.session = session
        self.reader = reader
    }

    deinit {
        if let error = stopRecording() {
            reportRecordingFailure("the last entries are not in the file: \(error.message)")
        }
    }

    /// Runs until end of input or `quit`.
    public func run() {
        installHooks()
        while true {
            let entry: String
            switch readEntry() {
            case .end: return
            case .cancelled: continue
            case .line(let text): entry = text
            }
            let trimmed = entry.trimmingSpaces
            if trimmed.isEmpty { continue }
            if trimmed == "quit" || trimmed == "exit" { return }
            reader.addHistory(entry)
            reportHistoryFailure()
            entryNumber += 1
            if session.interpreter.interrupt === InterruptHandler.flag { InterruptHandler.reset() }
            skipRecordingEntry = false
            let source = REPL.helpShortcut(trimmed) ?? entry
            ranEntries.append((name: "<stdin:\(entryNumber)>", text: source))
            let outcome = session.run(source, name: "<stdin:\(entryNumber)>", echo: .values)
            if session.quitRequested { return }
            if outcome == .success && !skipRecordingEntry { record(source) }
            if let error = session.lastError, error.isInterrupt {
                reader.discardPendingInput()
                session.errorOutput.write(session.errorStyle.note("note: stopped by Ctrl-C; the session and its variables are intact") + "\n")
            }
        }
    }

    /// `help name` for `?name`, `name?` (and `??name`, `name??`), `help` for `?` or `??` alone, as IPython reads
    /// them; nil for any other entry (a `?` is not otherwise valid sps, so nothing else changes meaning).
    static func helpShortcut(_ entry: String) -> String? {
        var name = Substring(entry)
        guard name.hasPrefix("?") || name.hasSuffix("?") else { return nil }
        while name.first == "?" { name.removeFirst() }
        while name.last == "?" { name.removeLast() }
        if name.isEmpty { return "help" }
        guard let first = name.first, first.isLetter || first == "_",
              name.allSatisfy({ $0 == "_" || $0.isLetter || $0.isNumber }) else { return nil }
        return "help \(name)"
    }

    /// Reads one complete entry, asking for more lines while it is unfinished.
    ///
    /// ↑ on a line below the first goes back to the line above to edit it (the lines below are kept, and Enter
    /// walks down through them again); the entry runs when Enter on its last line completes it.
    func readEntry() -> LineInput {
        var lines: [String] = []
        var index = 0
        while true {
            let context = LineContext(text: index < lines.count ? lines[index] : "",
                                      above: index > 0 ? promptFor(index - 1) + lines[index - 1] : nil,
                                      hasLinesBelow: index < lines.count - 1)
            switch reader.read(prompt: promptFor(index), context: context) {
            case .input(.cancelled):
                return .cancelled
            case .input(.end):
                return lines.isEmpty ? .end : .line(lines.joined(separator: "\n"))
            case .input(.line(let text)):
                if index < lines.count { lines[index] = text } else { lines.append(text) }
                index += 1
                if index < lines.count { continue }
                let entry = lines.joined(separator: "\n")
                if !Session.isIncomplete(entry) { return .line(entry) }
            case .previousLine(let text):
                guard index > 0 else { continue }
                if index < lines.count { lines[index] = text }
                else if !text.isEmpty { lines.append(text) }
                index -= 1
            }
        }
    }

    /// The prompt of an entry's line: the main prompt first, then the continuation prompt.
    func promptFor(_ line: Int) -> String { line == 0 ? prompt : continuationPrompt }

    // MARK: - Hooks for shell commands

    func installHooks() {
        let reader = self.reader
        session.interpreter.context.history = { [weak reader] () -> [String] in reader?.historyEntries ?? [] }
        // After `sps -i script.sps`, the script's entry comes first.
        let earlier = session.interpreter.context.sessionEntries?() ?? []
        session.interpreter.context.sessionEntries = { [weak self] in earlier + (self?.ranEntries ?? []) }
        session.interpreter.context.recordSession = { [weak self] (path: String?) -> Result<String, RuntimeError> in
            guard let self else { return .failure(RuntimeError("record works only at the prompt")) }
            return self.setRecording(path)
        }
    }

    /// A `record "file.sps"` transcript. The whole text is kept in memory and every recorded entry rewrites the
    /// file atomically (a temporary file, then a rename): an existing file is untouched until the first entry is
    /// recorded, and the file is never half-written, even if the process is killed.
    struct Recording {
        /// The file the transcript goes to.
        let path: String
        /// The transcript: the header line, then each recorded entry.
        var text: String
        /// How many entries have been recorded.
        var entries = 0
        /// True when `text` has entries the file lacks because a write failed.
        var unsaved = false

        init(path: String) {
            self.path = path
            text = "# sps session recorded at the prompt; replay it with: sps \(path)\n"
        }

        /// Writes the whole transcript; nil on success, else what went wrong.
        mutating func save() -> FileWriteError? {
            do {
                try AtomicFile.write(text, to: path)
                unsaved = false
                return nil
            } catch {
                unsaved = true
                return error
            }
        }
    }

    func setRecording(_ path: String?) -> Result<String, RuntimeError> {
        guard let path else {
            guard let old = recording else { return .failure(RuntimeError("record off: not recording")) }
            if let error = stopRecording() {
                return .failure(RuntimeError("record off: recording stopped, but the last entries are not in the file: \(error.message)"))
            }
            return .success("stopped recording to \(old.path)" + (old.entries == 0 ? "; nothing was recorded, so the file was not written" : ""))
        }
        if let problem = Self.unwritable(path) {
            return .failure(RuntimeError("record: \(problem.message)"))
        }
        if let error = stopRecording() {
            reportRecordingFailure("the previous recording stopped, but the last entries are not in the file: \(error.message)")
        }
        recording = Recording(path: path)
        skipRecordingEntry = true
        let replaces = access(path, F_OK) == 0 ? "; the existing file is replaced when the first entry is recorded" : ""
        return .success("recording to \(path): each entry that runs without error is added\(replaces); record off stops")
    }

    /// Why `path` cannot take a transcript (checked before recording starts, without touching the file), or nil:
    /// the same rules as every atomic write (a regular file or a new one, in a folder that exists; links followed).
    static func unwritable(_ path: String) -> FileWriteError? {
        do throws(FileWriteError) {
            _ = try AtomicFile.destination(for: path)
            return nil
        } catch {
            return error
        }
    }

    /// Adds an entry to the transcript and rewrites the file; a failed write is reported and retried after the
    /// next entry (and at `record off`), so nothing recorded is dropped.
    func record(_ entry: String) {
        guard recording != nil else { return }
        recording!.text += entry + "\n"
        recording!.entries += 1
        if let error = recording!.save() {
            reportRecordingFailure("\(error.message); the transcript is kept and written again after the next entry (record off stops)")
        }
    }

    /// Ends the recording, first writing entries an earlier write failed to save; returns that write's error.
    func stopRecording() -> FileWriteError? {
        defer { recording = nil }
        guard recording?.unsaved == true else { return nil }
        return recording!.save()
    }

    /// Warns, once per session, that the history file could not be written; the file keeps its earlier entries
    /// (the write is atomic) and later entries are still tried.
    func reportHistoryFailure() {
        guard !reportedHistoryFailure, let failure = reader.historyWriteFailure else { return }
        reportedHistoryFailure = true
        session.errorOutput.write(session.errorStyle.note("warning: history: \(DiagnosticRenderer.visible(failure.message)); the file keeps its earlier entries, and this session's are kept until it ends (this warning is not repeated)") + "\n")
    }

    /// Tells the user a transcript write failed (`error: record: cannot write 'file': reason; …`).
    func reportRecordingFailure(_ message: String) {
        session.errorOutput.write(session.errorStyle.diagnostics(DiagnosticRenderer.render(RuntimeError("record: \(message)"))) + "\n")
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
