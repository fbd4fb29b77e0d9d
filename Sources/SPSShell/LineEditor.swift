import SPSBindings
import CEditline
import SPSLanguage
import SPSNumeric

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Line editing through libedit's native API, for a terminal: emacs keys, arrows, Home/End, word moves, Ctrl-R,
/// UTF-8; persistent history; Tab completion; Ctrl-C cancels the line, Ctrl-D on an empty line ends input.
///
/// Ctrl-C: while editing, the terminal's `isig` is off, so Ctrl-C arrives as a key bound to `sps-cancel`; while a
/// command runs the terminal is back to normal and Ctrl-C is a SIGINT for `InterruptHandler`.
public final class LibeditLineReader: LineReader {
    let editor: OpaquePointer
    let historyHandle: OpaquePointer?
    let historyPath: String?
    let style: TerminalStyle
    /// Offers completions; set by the REPL's owner once the session exists.
    public var completer: Completer?
    var promptBuffer: UnsafeMutablePointer<CChar>?
    var cancelled = false
    let input: UnsafeMutablePointer<FILE>
    let output: UnsafeMutablePointer<FILE>

    /// Why the last history write failed; nil after a write that worked.
    public private(set) var historyWriteFailure: FileWriteError?
    /// Why the history file is neither read nor written (it is a device, or far too large); nil when it is usable.
    var historyRefusal: FileWriteError?

    /// The history file: `SPS_HISTORY` if set (empty or `/dev/null`: no file), else `~/.sps_history`.
    public static var defaultHistoryPath: String? {
        if let raw = getenv("SPS_HISTORY") {
            let path = String(cString: raw)
            return path.isEmpty || path == "/dev/null" ? nil : path
        }
        guard let home = getenv("HOME") else { return nil }
        return String(cString: home) + "/.sps_history"
    }

    /// Makes a UTF-8 character type current (libedit drops non-ASCII input otherwise).
    public static func setUTF8Locale() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset != "UTF-8" && codeset != "utf8" { setlocale(LC_CTYPE, "C.UTF-8") }
    }

    /// Sets up the editor on standard input and output; nil if libedit cannot start.
    public init?(historyPath: String? = LibeditLineReader.defaultHistoryPath, historySize: Int = 2000,
                 style: TerminalStyle = .plain) {
        LibeditLineReader.setUTF8Locale()
        guard let input = fdopen(0, "r"), let output = fdopen(1, "w") else { return nil }
        guard let editor = el_init("sps", input, output, output) else { return nil }
        self.input = input
        self.output = output
        self.editor = editor
        self.style = style
        self.historyPath = historyPath
        self.historyHandle = sps_history_init(Int32(historySize))
        if let h = historyHandle, let path = historyPath {
            historyRefusal = Self.historyFileRefusal(path)
            if historyRefusal == nil { _ = sps_history_load(h, path) }
            historyWriteFailure = historyRefusal
        }

        sps_el_set_clientdata(editor, Unmanaged.passUnretained(self).toOpaque())
        sps_el_set_editor(editor, "emacs")
        sps_el_set_signal(editor, 1)
        sps_el_set_prompt(editor, { el in
            guard let el, let reader = LibeditLineReader.reader(el) else { return nil }
            return reader.promptBuffer
        }, 1)
        if let h = historyHandle { sps_el_set_history(editor, h) }
        sps_el_setty_edit(editor, "-isig")
        sps_el_addfn(editor, "sps-cancel", "cancel the line (Ctrl-C)") { el, _ in
            guard let el, let reader = LibeditLineReader.reader(el) else { return UInt8(CC_EOF) }
            reader.cancelled = true
            // Show `^C` at the end of the line, then finish it with a pushed newline; `read` discards it.
            el_cursor(el, 1 << 20)
            el_insertstr(el, "^C")
            el_push(el, "\n")
            return UInt8(CC_REFRESH)
        }
        sps_el_addfn(editor, "sps-complete", "complete the name, member, keyword or path") { el, _ in
            guard let el, let reader = LibeditLineReader.reader(el) else { return UInt8(CC_ERROR) }
            return reader.complete(el)
        }
        sps_el_addfn(editor, "sps-suspend", "suspend sps (Ctrl-Z)") { _, _ in
            raise(SIGTSTP)
            return UInt8(CC_REDISPLAY)
        }
        sps_el_bind(editor, "^C", "sps-cancel")
        sps_el_bind(editor, "^I", "sps-complete")
        sps_el_bind(editor, "^Z", "sps-suspend")
        sps_el_bind(editor, "^R", "em-inc-search-prev")
        // Word moves on Alt/Ctrl-arrows as most terminals send them.
        sps_el_bind(editor, "\\e[1;5C", "em-next-word")
        sps_el_bind(editor, "\\e[1;5D", "ed-prev-word")
        sps_el_bind(editor, "\\e[1;3C", "em-next-word")
        sps_el_bind(editor, "\\e[1;3D", "ed-prev-word")
        sps_el_bind(editor, "\\e[3~", "ed-delete-next-char")
        el_source(editor, nil)  // the user's ~/.editrc, if any
    }

    deinit {
        el_end(editor)
        if let h = historyHandle { history_end(h) }
        promptBuffer.map { free($0) }
    }

    static func reader(_ el: OpaquePointer) -> LibeditLineReader? {
        guard let raw = sps_el_get_clientdata(el) else { return nil }
        return Unmanaged<LibeditLineReader>.fromOpaque(raw).takeUnretainedValue()
    }

    /// Restores the terminal (also done by `deinit`); call before exiting the process.
    public func close() {
        el_reset(editor)
    }

    // MARK: - LineReader

    public func readLine(prompt: String) -> String? {
        if case .line(let s) = read(prompt: prompt) { return s }
        return nil
    }

    public func read(prompt: String) -> LineInput {
        setPrompt(prompt)
        cancelled = false
        var count: Int32 = 0
        guard let raw = el_gets(editor, &count) else {
            if cancelled { return .cancelled }
            writeOut("\n")
            return .end
        }
        var line = String(cString: raw)
        if cancelled { return .cancelled }
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    public func addHistory(_ entry: String) {
        guard let h = historyHandle else { return }
        // Duplicates collapse: an entry typed again moves to the end instead of appearing twice.
        let existing = historyEntries
        if existing.contains(entry) {
            sps_history_clear(h)
            for old in existing where old != entry { _ = sps_history_enter(h, old) }
        }
        _ = sps_history_enter(h, entry)
        if let path = historyPath, historyRefusal == nil { historyWriteFailure = Self.saveHistory(historyEntries, to: path) }
    }

    // MARK: - The history file

    /// Saves the history after every entry (a killed session loses nothing already entered) with `AtomicFile`: a
    /// temporary file, flushed, then renamed over the old one, which survives any failed write (a full disk, a file
    /// size limit). libedit's own `H_SAVE` is not used: it ignores write errors, so on a full disk it reported
    /// success for a truncated file. A new history file is readable by its owner only, as libedit makes it.
    ///
    /// Returns why the write failed, or nil.
    static func saveHistory(_ entries: [String], to path: String) -> FileWriteError? {
        do {
            try AtomicFile.write(bytes: historyFileBytes(entries), to: path, newFileMode: 0o600)
            return nil
        } catch {
            return error
        }
    }

    /// Why an existing history file must be left alone: libedit would read a device (`/dev/zero`) without end,
    /// and a file larger than any reader in sps takes is not a history to replace. Nil when it is a regular file
    /// of a reasonable size or does not exist yet (a file that cannot be written is reported when it is written).
    static func historyFileRefusal(_ path: String) -> FileWriteError? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let kept = "; history is kept for this session only"
        if info.st_mode & S_IFMT != S_IFREG {
            return FileWriteError(path: path, reason: "it is \(FileBytes.kindName(info.st_mode)), not a regular file\(kept)")
        }
        if Int(info.st_size) > FileBytes.maxBytes {
            return FileWriteError(path: path, reason: "the file is too large (\(FileBytes.describe(bytes: Int(info.st_size)))) to be a history; it is left as it is\(kept)")
        }
        return nil
    }

    /// The first line of a libedit history file.
    static let historyCookie = "_HiStOrY_V2_\n"

    /// History in libedit's file format, which `sps_history_load` reads back: the `_HiStOrY_V2_` line, then one
    /// entry per line, encoded so `strunvis` restores it: a backslash doubled; spaces, control characters
    /// (newlines of multi-line entries, tabs) and DEL as three-digit octal escapes (`\040`); everything else,
    /// UTF-8 included, as it is.
    static func historyFileBytes(_ entries: [String]) -> [UInt8] {
        var out = Array(historyCookie.utf8)
        let backslash = UInt8(ascii: "\\"), zero = UInt8(ascii: "0")
        for entry in entries {
            for byte in entry.utf8 {
                if byte == backslash {
                    out += [backslash, backslash]
                } else if byte <= 0x20 || byte == 0x7F {
                    out += [backslash, zero + (byte >> 6), zero + ((byte >> 3) & 7), zero + (byte & 7)]
                } else {
                    out.append(byte)
                }
            }
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }

    public var historyEntries: [String] {
        guard let h = historyHandle else { return [] }
        var out: [String] = []
        var next = sps_history_oldest(h)
        while let entry = next {
            out.append(String(cString: entry))
            next = sps_history_newer(h)
        }
        return out
    }

    func setPrompt(_ prompt: String) {
        // Escape codes sit between \u{1} markers so libedit does not count them as columns.
        let styled = style.enabled ? "\u{1}\u{1B}[1;32m\u{1}" + prompt.trimmingTrailingSpaces + "\u{1}\u{1B}[0m\u{1}"
            + String(repeating: " ", count: prompt.count - prompt.trimmingTrailingSpaces.count) : prompt
        promptBuffer.map { free($0) }
        promptBuffer = strdup(styled)
    }

    func writeOut(_ text: String) {
        fflush(output)
        StandardStream.output().write(text)
    }

    // MARK: - Completion

    func complete(_ el: OpaquePointer) -> UInt8 {
        guard let completer else { return UInt8(CC_REFRESH_BEEP) }
        let cursor = Int(sps_el_cursor_offset(el))
        guard let buffer = sps_el_line_buffer(el) else { return UInt8(CC_REFRESH_BEEP) }
        let before = String(decoding: UnsafeRawBufferPointer(start: buffer, count: cursor), as: UTF8.self)
        let result = completer.complete(before)
        if result.candidates.isEmpty { return UInt8(CC_REFRESH_BEEP) }
        let common = result.commonPrefix
        if common.count > result.word.count {
            el_insertstr(el, String(common.dropFirst(result.word.count)))
            return UInt8(CC_REFRESH)
        }
        if result.candidates.count == 1 { return UInt8(CC_REFRESH) }
        writeOut("\n" + Completer.columns(result.candidates, width: TerminalSize.columns ?? 80))
        return UInt8(CC_REDISPLAY)
    }
}

extension Completer {
    /// Candidates in columns across the terminal width, at most 200 shown.
    static func columns(_ items: [String], width: Int) -> String {
        let shown = Array(items.prefix(200))
        let cell = (shown.map(\.count).max() ?? 0) + 2
        let perLine = max(1, width / max(1, cell))
        var out = ""
        for (i, item) in shown.enumerated() {
            out += item
            if i % perLine == perLine - 1 || i == shown.count - 1 { out += "\n" }
            else { out += String(repeating: " ", count: cell - item.count) }
        }
        if items.count > shown.count { out += "… and \(items.count - shown.count) more\n" }
        return out
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
