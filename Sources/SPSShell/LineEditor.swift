import SPSBindings
import CEditline
import SPSLanguage
import SPSNumeric

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Line editing through libedit's native API, for a terminal: emacs keys, arrows, Home/End (in every form
/// terminals send them), word moves, UTF-8; persistent history and its reverse search (Ctrl-R); Tab completion;
/// bracketed paste; moving between the lines of an entry being typed; Ctrl-C cancels the line, Ctrl-D on an empty
/// line ends input.
///
/// Ctrl-C: while editing, the terminal's `isig` is off, so Ctrl-C arrives as a key bound to `sps-cancel`; while a
/// command runs the terminal is back to normal and Ctrl-C is a SIGINT for `InterruptHandler`.
///
/// Screen positions: where a key function needs to move the cursor past what libedit drew (to redraw the line with
/// another prompt, or to go back to the line above), it works out the row the cursor is on the way libedit lays the
/// prompt and line out (`DisplayLayout`), so libedit's idea of the screen and the screen never part.
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

    /// The prompt of the line being read, as it shows (without colour).
    var prompt = ""
    /// Where the line being read sits in its entry.
    var context = LineContext()
    /// Set by ↑ on a line below the first of an entry: `read` returns `.previousLine`.
    var movedUp = false
    /// The row (counted from the prompt's first) the cursor was on when ↑ ended the line.
    var rowWhenMovedUp = 0
    /// Text the next line starts with: put in place by the `sps-prefill` key pushed before reading.
    var prefill: String?
    /// Pasted lines not yet returned: each is shown after its prompt and returned as if typed.
    var pastedLines: [String] = []
    /// What the last line of a paste left to edit (it had no newline after it): the next line typed starts with it.
    var pastedRemainder: String?
    /// The line and cursor when Tab last listed candidates: a second Tab there does not list them again.
    var lastListing: (line: String, cursor: Int)?
    /// The last reverse search's text: Ctrl-R Ctrl-R searches for it again.
    var lastSearch = ""
    /// True on a terminal that takes bracketed-paste mode (not `TERM=dumb`).
    let bracketedPaste: Bool

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
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        self.bracketedPaste = isatty(1) == 1 && !term.isEmpty && term != "dumb"
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
        sps_el_addfn(editor, "sps-suspend", "suspend sps (Ctrl-Z)") { el, _ in
            let reader = el.flatMap { LibeditLineReader.reader($0) }
            reader?.setBracketedPaste(false)  // the shell that takes over would otherwise get pastes bracketed
            raise(SIGTSTP)
            reader?.setBracketedPaste(true)
            return UInt8(CC_REDISPLAY)
        }
        sps_el_addfn(editor, "sps-search", "search history backwards (Ctrl-R)") { el, _ in
            guard let el, let reader = LibeditLineReader.reader(el) else { return UInt8(CC_ERROR) }
            return reader.search(el)
        }
        sps_el_addfn(editor, "sps-paste", "take a bracketed paste as text") { el, _ in
            guard let el, let reader = LibeditLineReader.reader(el) else { return UInt8(CC_ERROR) }
            return reader.paste(el)
        }
        sps_el_addfn(editor, "sps-prefill", "put the line's starting text in place") { el, _ in
            guard let el, let reader = LibeditLineReader.reader(el) else { return UInt8(CC_ERROR) }
            if let text = reader.prefill, !text.isEmpty { el_insertstr(el, text) }
            reader.prefill = nil
            return UInt8(CC_REFRESH)
        }
        sps_el_addfn(editor, "sps-line-up", "the line above in this entry") { el, _ in
            guard let el, let reader = LibeditLineReader.reader(el) else { return UInt8(CC_ERROR) }
            return reader.lineUp(el)
        }
        sps_el_addfn(editor, "sps-line-down", "the line below in this entry") { el, _ in
            guard let el, let reader = LibeditLineReader.reader(el) else { return UInt8(CC_ERROR) }
            guard reader.context.hasLinesBelow else { return UInt8(CC_ERROR) }
            el_push(el, "\n")
            return UInt8(CC_NORM)
        }
        sps_el_bind(editor, "^C", "sps-cancel")
        sps_el_bind(editor, "^I", "sps-complete")
        sps_el_bind(editor, "^Z", "sps-suspend")
        sps_el_bind(editor, "^R", "sps-search")
        sps_el_bind(editor, "\\e[200~", "sps-paste")
        sps_el_bind(editor, LibeditLineReader.prefillKeyBinding, "sps-prefill")
        // Word moves on Alt/Ctrl-arrows as most terminals send them.
        sps_el_bind(editor, "\\e[1;5C", "em-next-word")
        sps_el_bind(editor, "\\e[1;5D", "ed-prev-word")
        sps_el_bind(editor, "\\e[1;3C", "em-next-word")
        sps_el_bind(editor, "\\e[1;3D", "ed-prev-word")
        // Home, End and Delete in every form terminals send (xterm, tmux and screen, rxvt, the keypad's).
        for home in ["\\e[1~", "\\e[7~", "\\e[H", "\\eOH"] { sps_el_bind(editor, home, "ed-move-to-beg") }
        for end in ["\\e[4~", "\\e[8~", "\\e[F", "\\eOF"] { sps_el_bind(editor, end, "ed-move-to-end") }
        sps_el_bind(editor, "\\e[3~", "ed-delete-next-char")
        el_source(editor, nil)  // the user's ~/.editrc, if any
    }

    /// The key sequence `read` pushes to put a line's starting text in place (no terminal sends it).
    static let prefillKey = "\u{1B}[9901~"
    /// `prefillKey` as `el_set(EL_BIND)` spells it.
    static let prefillKeyBinding = "\\e[9901~"

    /// The up and down keys (arrows in both cursor modes, and Ctrl-P/Ctrl-N): in an entry of several lines they move
    /// between its lines; on the only line of an entry they walk the history.
    func bindLineKeys() {
        let multiLine = context.above != nil || context.hasLinesBelow
        for key in ["\\e[A", "\\eOA", "^P"] { sps_el_bind(editor, key, multiLine ? "sps-line-up" : "ed-prev-history") }
        for key in ["\\e[B", "\\eOB", "^N"] { sps_el_bind(editor, key, multiLine ? "sps-line-down" : "ed-next-history") }
    }

    /// Turns the terminal's bracketed-paste mode on (while a line is edited) or off (before anything else runs).
    func setBracketedPaste(_ on: Bool) {
        guard bracketedPaste else { return }
        writeOut(on ? "\u{1B}[?2004h" : "\u{1B}[?2004l")
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
        setBracketedPaste(false)
        el_reset(editor)
    }

    // MARK: - LineReader

    public func readLine(prompt: String) -> String? {
        if case .line(let s) = read(prompt: prompt) { return s }
        return nil
    }

    public func read(prompt: String) -> LineInput {
        if case .input(let input) = read(prompt: prompt, context: LineContext()) { return input }
        return .cancelled
    }

    public func read(prompt: String, context: LineContext) -> EntryLineInput {
        if !pastedLines.isEmpty {
            // The next line of a paste: shown after its prompt as if typed, and returned without editing.
            let line = pastedLines.removeFirst()
            let trimmed = prompt.trimmingTrailingSpaces
            writeOut(style.prompt(trimmed) + String(repeating: " ", count: prompt.count - trimmed.count) + line + "\n")
            return .input(.line(line))
        }
        self.prompt = prompt
        self.context = context
        setPrompt(prompt)
        bindLineKeys()
        cancelled = false
        movedUp = false
        lastListing = nil
        let start = pastedRemainder.map { context.text + $0 } ?? context.text
        pastedRemainder = nil
        if !start.isEmpty {
            prefill = start
            el_push(editor, LibeditLineReader.prefillKey)
        }
        setBracketedPaste(true)
        var count: Int32 = 0
        let raw = el_gets(editor, &count)
        setBracketedPaste(false)
        prefill = nil
        if movedUp {
            // The line ended without libedit's newline, so its buffer is not cut after it: take `count` bytes.
            moveToLineAbove()
            let line = raw.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: Int(max(0, count))), as: UTF8.self) } ?? ""
            return .previousLine(line)
        }
        guard let raw else {
            if cancelled { return .input(.cancelled) }
            writeOut("\n")
            return .input(.end)
        }
        var line = String(cString: raw)
        if cancelled { return .input(.cancelled) }
        if line.hasSuffix("\n") { line.removeLast() }
        return .input(.line(line))
    }

    public func discardPendingInput() {
        pastedLines = []
        pastedRemainder = nil
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

    /// Shows `text` as the prompt as it is (no colour).
    func setPlainPrompt(_ text: String) {
        promptBuffer.map { free($0) }
        promptBuffer = strdup(text)
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

    /// Tab: inserts what every candidate shares (and a space after a unique one, unless more is typed next); when
    /// nothing can be added, lists the candidates below the line, once (a second Tab does not list them again).
    func complete(_ el: OpaquePointer) -> UInt8 {
        guard let completer else { return UInt8(CC_REFRESH_BEEP) }
        let (before, after) = lineAroundCursor(el)
        let result = completer.complete(before)
        if result.candidates.isEmpty { return UInt8(CC_REFRESH_BEEP) }
        let common = result.commonPrefix
        var insertion = String(common.dropFirst(result.word.count))
        if result.uniqueCompletionTakesSpace && after.first != " " { insertion += " " }
        if !insertion.isEmpty {
            lastListing = nil
            el_insertstr(el, insertion)
            return UInt8(CC_REFRESH)
        }
        if result.candidates.count == 1 { return UInt8(CC_NORM) }
        if let last = lastListing, last.line == before + after, last.cursor == before.count { return UInt8(CC_REFRESH_BEEP) }
        lastListing = (before + after, before.count)
        // Below the whole line (it may take several rows), then the prompt and line drawn again on a fresh row.
        let layout = DisplayLayout(columns: TerminalSize.columns ?? 80)
        let rowsDown = layout.position(after: prompt + before + after).row - layout.position(after: prompt + before).row
        writeOut((rowsDown > 0 ? "\u{1B}[\(rowsDown)B" : "") + "\r\n" + Completer.columns(result.listing, width: layout.columns))
        sps_el_refresh(el)
        return UInt8(CC_NORM)
    }

    /// The line's text before and after the cursor.
    func lineAroundCursor(_ el: OpaquePointer) -> (String, String) {
        let cursor = Int(sps_el_cursor_offset(el)), length = Int(sps_el_line_length(el))
        guard let buffer = sps_el_line_buffer(el) else { return ("", "") }
        let before = String(decoding: UnsafeRawBufferPointer(start: buffer, count: cursor), as: UTF8.self)
        let after = String(decoding: UnsafeRawBufferPointer(start: buffer + cursor, count: max(0, length - cursor)), as: UTF8.self)
        return (before, after)
    }

    /// Replaces the whole line with `text`, the cursor after `cursor` characters (Unicode scalars) of it.
    func replaceLine(_ el: OpaquePointer, with text: String, cursor: Int) {
        el_cursor(el, sps_el_length_chars(el) - sps_el_cursor_chars(el))
        el_deletestr(el, sps_el_length_chars(el))
        if !text.isEmpty { el_insertstr(el, text) }
        el_cursor(el, Int32(cursor - text.unicodeScalars.count))
    }

    /// Redraws the prompt and line from the first row of the old ones, clearing what was below them; `row` is the
    /// row the cursor is on now and becomes the row it is on after.
    func redraw(_ el: OpaquePointer, prompt shown: String, text: String, cursor: Int, row: inout Int) {
        writeOut("\r" + (row > 0 ? "\u{1B}[\(row)A" : "") + "\u{1B}[J")
        if shown == prompt { setPrompt(prompt) } else { setPlainPrompt(shown) }
        replaceLine(el, with: text, cursor: cursor)
        sps_el_refresh(el)
        let layout = DisplayLayout(columns: TerminalSize.columns ?? 80)
        row = layout.position(after: shown + String(String.UnicodeScalarView(text.unicodeScalars.prefix(cursor)))).row
    }

    /// The row of the cursor now, counted from the prompt's first.
    func cursorRow(_ el: OpaquePointer) -> Int {
        let (before, _) = lineAroundCursor(el)
        return DisplayLayout(columns: TerminalSize.columns ?? 80).position(after: prompt + before).row
    }

    // MARK: - Moving between an entry's lines

    /// ↑ on a line below the first: ends this line for `read` to return as `.previousLine`; on the first line of an
    /// entry being edited again, does nothing.
    func lineUp(_ el: OpaquePointer) -> UInt8 {
        guard context.above != nil else { return UInt8(CC_ERROR) }
        rowWhenMovedUp = cursorRow(el)
        movedUp = true
        return UInt8(CC_NEWLINE)
    }

    /// After ↑: clears this line and the one above from the screen and leaves the cursor where the line above
    /// started, so it is drawn again there for editing.
    func moveToLineAbove() {
        let layout = DisplayLayout(columns: TerminalSize.columns ?? 80)
        let rowsAbove = context.above.map { layout.position(after: $0).row + 1 } ?? 0
        let up = rowWhenMovedUp + rowsAbove
        writeOut("\r" + (up > 0 ? "\u{1B}[\(up)A" : "") + "\u{1B}[J")
    }

    // MARK: - Bracketed paste

    /// The terminal sent `ESC[200~`: reads the pasted text up to `ESC[201~` and takes it as text, not keys (a Tab in
    /// it is a Tab, not completion). Its first line joins the line being edited; when the paste holds newlines, that
    /// line is entered and each later line is returned by the next reads as if typed; text after the last newline
    /// is left on the next line to edit.
    func paste(_ el: OpaquePointer) -> UInt8 {
        let end: [UInt32] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]
        var scalars: [UInt32] = []
        var c: wchar_t = 0
        while el_wgetc(el, &c) == 1 {
            scalars.append(UInt32(bitPattern: c))
            if scalars.count >= end.count && Array(scalars.suffix(end.count)) == end {
                scalars.removeLast(end.count)
                break
            }
        }
        var text = ""
        var previousWasReturn = false
        for value in scalars {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if scalar == "\r" { text.unicodeScalars.append("\n"); previousWasReturn = true; continue }
            defer { previousWasReturn = false }
            if scalar == "\n" { if !previousWasReturn { text.unicodeScalars.append("\n") }; continue }
            if (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F { continue }  // other control characters
            text.unicodeScalars.append(scalar)
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let first = lines.first, !first.isEmpty { el_insertstr(el, first) }
        guard lines.count > 1 else { return UInt8(CC_REFRESH) }
        pastedLines = Array(lines[1..<(lines.count - 1)])
        pastedRemainder = lines.last.flatMap { $0.isEmpty ? nil : $0 }
        el_push(el, "\n")
        return UInt8(CC_REFRESH)
    }

    // MARK: - Reverse search

    /// Ctrl-R: searches history backwards as readline does. Typing narrows the search, Ctrl-R finds an older match,
    /// Ctrl-S a newer one, Backspace shortens it; Ctrl-G or Esc alone goes back to the line as it was. Any other key
    /// (Enter, an arrow, Home, End, Ctrl-A …) keeps the match on the line and then does what it always does: Enter
    /// runs it, an arrow moves in it to edit it.
    func search(_ el: OpaquePointer) -> UInt8 {
        var entries: [String] = []
        for entry in historyEntries.reversed() where entries.last != entry { entries.append(entry) }
        let (before, after) = lineAroundCursor(el)
        let original = before + after, originalCursor = before.unicodeScalars.count
        var pattern = ""
        var match: (entry: Int, offset: Int)?
        var failed = false
        var row = cursorRow(el)

        /// The newest match at or after entry `from` (older entries have larger indices), or before it going newer.
        func find(from: Int, newer: Bool = false) -> (entry: Int, offset: Int)? {
            guard !pattern.isEmpty else { return nil }
            let order = newer ? Array(stride(from: from, through: 0, by: -1)) : Array(from..<max(from, entries.count))
            for i in order where entries.indices.contains(i) {
                if let range = entries[i].range(of: pattern) {
                    return (i, entries[i].unicodeScalars[..<range.lowerBound].count)
                }
            }
            return nil
        }
        func show() {
            let label = (failed ? "(failed reverse-i-search)`" : "(reverse-i-search)`") + pattern + "': "
            if let match {
                redraw(el, prompt: label, text: entries[match.entry], cursor: match.offset, row: &row)
            } else {
                redraw(el, prompt: label, text: original, cursor: originalCursor, row: &row)
            }
        }
        /// Leaves the search with the match (or the original line) on the line under the usual prompt.
        func finish(keep: Bool) -> UInt8 {
            if !pattern.isEmpty { lastSearch = pattern }
            if keep, let match {
                redraw(el, prompt: prompt, text: entries[match.entry], cursor: match.offset, row: &row)
            } else {
                redraw(el, prompt: prompt, text: original, cursor: originalCursor, row: &row)
            }
            return UInt8(CC_NORM)
        }

        show()
        var c: wchar_t = 0
        while el_wgetc(el, &c) == 1 {
            let key = UInt32(bitPattern: c)
            switch key {
            case 0x12:  // Ctrl-R: an older match (at once the last search's, when nothing is typed yet)
                if pattern.isEmpty { pattern = lastSearch }
                if let found = find(from: (match?.entry ?? -1) + 1) { match = found; failed = false } else { failed = !pattern.isEmpty; beep() }
            case 0x13:  // Ctrl-S: a newer match
                if let current = match?.entry, let found = find(from: current - 1, newer: true) { match = found; failed = false } else { beep() }
            case 0x7F, 0x08:  // Backspace: a shorter pattern, searched again from the newest entry
                if !pattern.isEmpty { pattern.removeLast() }
                match = find(from: 0)
                failed = !pattern.isEmpty && match == nil
            case 0x07:  // Ctrl-G: back to the line as it was
                return finish(keep: false)
            case 0x1B:
                guard let sequence = escapeSequence(el) else { return finish(keep: false) }  // Esc alone
                let result = finish(keep: true)
                el_wpush(el, [wchar_t(0x1B)] + sequence.map { wchar_t(bitPattern: $0) } + [0])
                return result
            case 0x0D, 0x0A:
                let result = finish(keep: true)
                el_push(el, "\n")
                return result
            case ..<0x20:  // any other control key: keep the match, then the key does what it does
                let result = finish(keep: true)
                el_wpush(el, [c, 0])
                return result
            default:
                guard let scalar = Unicode.Scalar(key) else { continue }
                pattern.unicodeScalars.append(scalar)
                // The current match stays while it still matches; else the next older one.
                if let found = find(from: match?.entry ?? 0) { match = found; failed = false } else { failed = true; beep() }
            }
            show()
        }
        return finish(keep: true)
    }

    /// After an Esc: the rest of an escape sequence the terminal sent with it (`[D`, `OH`, `[1~` …), or nil when
    /// the Esc came alone (nothing follows within 50 ms).
    func escapeSequence(_ el: OpaquePointer) -> [UInt32]? {
        var ready = pollfd(fd: fileno(input), events: Int16(POLLIN), revents: 0)
        guard poll(&ready, 1, 50) > 0 else { return nil }
        var c: wchar_t = 0
        guard el_wgetc(el, &c) == 1 else { return nil }
        var sequence = [UInt32(bitPattern: c)]
        if sequence[0] == 0x5B {  // CSI: parameters, then a final byte in @…~
            while sequence.count < 16, el_wgetc(el, &c) == 1 {
                sequence.append(UInt32(bitPattern: c))
                if (0x40...0x7E).contains(sequence.last!) { break }
            }
        } else if sequence[0] == 0x4F, el_wgetc(el, &c) == 1 {  // SS3: one more
            sequence.append(UInt32(bitPattern: c))
        }
        return sequence
    }

    func beep() { writeOut("\u{7}") }
}

/// Where text lands on the screen as libedit lays out a prompt and line: a row wraps after `columns` cells, a
/// newline starts a row, a tab runs to the next multiple of 8, a control character shows as `^X`, a wide character
/// takes two cells and does not split across rows.
struct DisplayLayout {
    /// The terminal's width.
    let columns: Int

    /// The row and column after `text`, from the top-left cell.
    func position(after text: String) -> (row: Int, column: Int) {
        var row = 0, column = 0
        func advance(_ width: Int) {
            if width > 1 && column + width > columns { row += 1; column = 0 }
            column += width
            if column >= columns { row += 1; column = 0 }
        }
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A: row += 1; column = 0
            case 0x09:
                repeat { advance(1) } while column % 8 != 0
            case ..<0x20, 0x7F: advance(1); advance(1)
            default: advance(max(0, Int(sps_wcwidth(wchar_t(bitPattern: scalar.value)))))
            }
        }
        return (row, column)
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
