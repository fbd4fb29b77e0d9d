import SPSBindings
import SPSLanguage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `sps --step`: a script paced for a class. Each statement is shown (as in `--echo`) and waits at a stop before
/// it runs; `pause` in the script is a stop too. At a stop:
///
/// - Enter on an empty line goes on (runs the statement, or ends the pause): one Enter per stop;
/// - `c` runs the rest without stopping;
/// - `q` (also `quit`, `exit`, or Ctrl-D) ends the script: sps exits with status 1, "stopped by the teacher", so a
///   lesson cut short is told from one that ran to its end (0), failed (65, 70) or was interrupted (130);
/// - anything else is a command, run as at the prompt (its value is echoed, `_` is set, Ctrl-C stops only it),
///   and the stop asks again; so the teacher can inspect a variable or try something and then go on. Commands
///   typed at a stop are not part of a handout (`--html`): they go to the terminal only.
///
/// `say` and `pause` are not stepped: `say` shows its narration at once, and `pause` is the stop.
public final class Stepper {
    let session: Session
    let reader: any LineReader
    /// Erases a stop's prompt (given) once it has been answered; nil when prompts are not shown on a screen.
    let erase: ((String) -> Void)?
    /// Set by `c`: the rest runs without stopping.
    var continuing = false
    /// True once the teacher ended the script at a stop (`q`, `quit`, Ctrl-D): sps exits with `stoppedExitCode`.
    public private(set) var stoppedByTeacher = false
    /// How many commands have been typed at stops (names them `<step:N>` in diagnostics).
    var commandNumber = 0

    /// The exit status when the teacher ends the script at a stop.
    public static let stoppedExitCode: Int32 = 1

    /// The prompt at a stop before a statement.
    static let statementPrompt = "  ⏎ run · c run to the end · q quit · or type a command › "
    /// The prompt at a `pause`.
    static let pausePrompt = "  (paused) ⏎ go on · c run to the end · q quit · or type a command › "

    /// A stepper reading the teacher's answers from `reader`; `erase` removes an answered prompt from the screen.
    public init(session: Session, reader: any LineReader, erase: ((String) -> Void)? = nil) {
        self.session = session
        self.reader = reader
        self.erase = erase
    }

    /// The escape codes that move up over an answered prompt (and the lines it wrapped onto) and clear it.
    public static func eraseLines(for prompt: String) -> String {
        eraseLines(for: prompt, columns: TerminalSize.columns)
    }

    /// The same for a terminal `columns` wide (80 when unknown).
    static func eraseLines(for prompt: String, columns: Int?) -> String {
        let width = max(20, columns ?? 80)
        let rows = max(1, (prompt.count + width - 1) / width)
        return String(repeating: "\u{1B}[1A\r\u{1B}[2K", count: rows)
    }

    /// Makes the session stop before each statement and at each `pause`.
    public func install() {
        session.stepper = { [unowned self] _ in self.stop(pausing: false) }
        session.interpreter.context.pause = { [unowned self] () -> Void in self.stop(pausing: true) }
    }

    /// Removes the stops (before the prompt of `sps -i`).
    public func uninstall() {
        session.stepper = nil
        session.interpreter.context.pause = nil
    }

    /// Waits at a stop until the teacher goes on, runs to the end, or quits; runs the commands typed meanwhile.
    func stop(pausing: Bool) {
        guard !continuing, !session.quitRequested else { return }
        while true {
            let prompt = pausing ? Self.pausePrompt : Self.statementPrompt
            let input = readCommand(prompt: prompt)
            switch input {
            case .end:
                quit()
                return
            case .cancelled:
                continue
            case .line(let text):
                switch text.trimmingSpaces {
                case "":
                    erase?(prompt)
                    return
                case "c", "C":
                    erase?(prompt)
                    continuing = true
                    return
                case "q", "Q", "quit", "exit":
                    quit()
                    return
                default:
                    reader.addHistory(text)
                    run(text)
                    if session.quitRequested {
                        stoppedByTeacher = true
                        session.interpreter.interrupt.request()
                        return
                    }
                }
            }
        }
    }

    /// Reads one command at a stop, asking for more lines while a bracket, brace or string is open.
    func readCommand(prompt: String) -> LineInput {
        let first = reader.read(prompt: prompt)
        guard case .line(var text) = first else { return first }
        while Session.isIncomplete(text) {
            switch reader.read(prompt: "...  ") {
            case .line(let more): text += "\n" + more
            case .cancelled: return .cancelled
            case .end: return .line(text)
            }
        }
        return .line(text)
    }

    /// Ends the script: the run stops before its next statement and sps exits with `stoppedExitCode`.
    func quit() {
        stoppedByTeacher = true
        session.interpreter.context.quitRequested = true
        session.interpreter.interrupt.request()
    }

    /// Runs a command typed at a stop, as the prompt would, without stopping inside it.
    func run(_ text: String) {
        commandNumber += 1
        let stepper = session.stepper, pause = session.interpreter.context.pause
        session.stepper = nil
        session.interpreter.context.pause = nil
        defer {
            session.stepper = stepper
            session.interpreter.context.pause = pause
        }
        session.runAtStop(text, name: "<step:\(commandNumber)>")
    }
}

/// Reads lines from the terminal (`/dev/tty`) with simple editing (Backspace, Ctrl-U), for `--step` when
/// standard input is not the terminal (`sps --step < lesson.sps`). Ctrl-C cancels the line, Ctrl-D on an empty
/// line ends input; escape sequences (arrows) are ignored.
public final class TerminalLineReader: LineReader {
    let descriptor: Int32

    /// Opens the terminal; nil when there is none.
    public init?() {
        let descriptor = open("/dev/tty", O_RDWR)
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Writes text to the terminal.
    public func write(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            offset += n
        }
    }

    public func readLine(prompt: String) -> String? {
        if case .line(let s) = read(prompt: prompt) { return s }
        return nil
    }

    public func read(prompt: String) -> LineInput {
        write(prompt)
        // Raw mode for the whole line (keys arrive one by one, not echoed by the terminal), restored after.
        let restore = RawMode.enter(descriptor)
        defer { restore() }
        var line: [UInt8] = []
        while true {
            guard let key = readByte() else { return .end }
            switch key {
            case 13, 10:
                write("\r\n")
                return .line(String(decoding: line, as: UTF8.self))
            case 3:
                write("^C\r\n")
                return .cancelled
            case 4 where line.isEmpty:
                write("\r\n")
                return .end
            case 127, 8:
                guard !line.isEmpty else { continue }
                while let last = line.popLast(), last & 0xC0 == 0x80 {}
                write("\u{8} \u{8}")
            case 21:
                write(String(repeating: "\u{8} \u{8}", count: String(decoding: line, as: UTF8.self).count))
                line.removeAll()
            case 27:
                // An escape sequence (an arrow key): read it to its final byte and ignore it.
                if readByte() == UInt8(ascii: "[") {
                    while let next = readByte(), !(0x40...0x7E).contains(next) {}
                }
            case 0..<32:
                continue
            default:
                line.append(key)
                if key < 0x80 { write(String(UnicodeScalar(key))) } else { flushMultibyteEcho(line) }
            }
        }
    }

    /// One byte from the terminal; nil at end of input or on an error.
    func readByte() -> UInt8? {
        var byte: UInt8 = 0
        while true {
            let n = Glibc.read(descriptor, &byte, 1)
            if n == 1 { return byte }
            if n < 0 && errno == EINTR { continue }
            return nil
        }
    }

    /// Echoes a character made of several UTF-8 bytes once its last byte has arrived.
    func flushMultibyteEcho(_ line: [UInt8]) {
        var start = line.count - 1
        while start > 0 && line[start] & 0xC0 == 0x80 { start -= 1 }
        let scalar = Array(line[start...])
        let lead = scalar[0]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        if scalar.count == length { write(String(decoding: scalar, as: UTF8.self)) }
    }
}
