import SPSBindings
import SPSLanguage
import SPSNumeric

/// A set of native commands to bind into a session (the training core provides one).
///
/// Conform a type in its own file and pass it to `Session.registerCommands(_:)`; commands are `SPSLanguage.Command`
/// values, objects are `NativeObject`s returned as `Value.native`.
public protocol CommandLibrary {
    /// Registers the library's commands (and any globals) with the session's interpreter.
    func register(in session: Session)
}

/// How a run shows statements and values (`ScriptDisplay` has the whole rule).
public enum EchoMode: Sendable {
    /// A script: what `print` prints, and the results of lines that only call a command whose job is to show
    /// something (`plot`, `describe`, `summary`, …).
    case none
    /// The prompt: the value of each top-level expression statement is shown (unless a `;` follows it).
    case values
    /// A transcript (`--echo`): each top-level statement is shown after a prompt, then its output and value;
    /// `say` shows only what it says, and `pause` is left out.
    case transcript
}

/// The result of running some source.
public enum RunOutcome: Sendable, Equatable {
    case success
    case syntaxError
    case runtimeError
    /// The file could not be read.
    case unreadable

    /// The process exit code: 0, 65 (syntax), 70 (runtime), 64 (usage, e.g. no such file).
    public var exitCode: Int32 {
        switch self {
        case .success: return 0
        case .syntaxError: return 65
        case .runtimeError: return 70
        case .unreadable: return 64
        }
    }
}

/// An sps session: an interpreter with the built-ins, plus running, echoing and error rendering.
public final class Session {
    /// The interpreter holding the session's variables.
    public let interpreter: Interpreter
    /// Where diagnostics go.
    public var errorOutput: any OutputSink
    /// The prompt shown before statements in transcript mode.
    public var prompt = "sps> "
    /// The error that ended the last run, if it failed at run time (`isInterrupt` tells a Ctrl-C).
    public private(set) var lastError: RuntimeError?
    /// Colours for diagnostics (standard error).
    public var errorStyle = TerminalStyle.plain
    /// Colours for output (echoed numbers, help headers); commands read it from the interpreter.
    public var outputStyle: TerminalStyle {
        get { interpreter.outputStyle }
        set { interpreter.context.style = newValue }
    }

    /// True once `quit` has run: the prompt or the script stops.
    public var quitRequested: Bool { interpreter.context.quitRequested }

    /// Called before each top-level statement of a run (after its transcript line), except `say` and `pause`:
    /// `sps --step` stops here (see `Stepper`). To stop the run, request the interrupt and set `quit`.
    public var stepper: ((Stmt) -> Void)?

    /// Creates a session printing to `output` and reporting errors to `errors`.
    public init(output: any OutputSink, errors: any OutputSink, interrupt: InterruptFlag = InterruptFlag()) {
        self.interpreter = Interpreter(output: output, interrupt: interrupt)
        DisplayWidth.setProvider { TerminalSize.columns }
        self.errorOutput = errors
    }

    /// Where `print` output goes.
    public var output: any OutputSink {
        get { interpreter.output }
        set { interpreter.output = newValue }
    }

    /// Binds a library of native commands into this session.
    public func registerCommands(_ library: any CommandLibrary) {
        library.register(in: self)
    }

    /// Registers native commands directly.
    public func register(_ commands: [Command]) { interpreter.register(commands) }

    /// Reads and runs a script file.
    public func runFile(_ path: String, echo: EchoMode = .none) -> RunOutcome {
        let text: String
        do {
            text = try SourceReader.text(of: path)
        } catch {
            errorOutput.write(errorStyle.diagnostics("error: " + DiagnosticRenderer.visible(error.message)) + "\n")
            return .unreadable
        }
        return run(text, name: path, echo: echo)
    }

    /// True when `text` is an unfinished statement (open bracket, brace or string, or a trailing `\`): the prompt
    /// should read another line.
    public static func isIncomplete(_ text: String) -> Bool {
        // On the large stack, as every parse: deeply nested input must not overflow the prompt's own thread.
        if case .failure(let e) = BigStack.run({ Parser.parse(SourceFile(name: "<input>", text: text)) }) { return e.isIncomplete }
        return false
    }

    /// Parses, compiles and runs source text on a large-stack thread, reporting errors to `errorOutput`.
    ///
    /// A stop request (Ctrl-C) made before the call is forgotten; one made from the moment it starts, even while
    /// the text is still being parsed, stops the run.
    public func run(_ text: String, name: String, echo: EchoMode = .none) -> RunOutcome {
        interpreter.interrupt.clear()
        let file = SourceFile(name: name, text: text)
        return BigStack.run { runHere(file, echo: echo) }
    }

    func runHere(_ file: SourceFile, echo: EchoMode) -> RunOutcome {
        let program: Program
        switch interpreter.compile(file) {
        case .failure(let errors):
            lastError = nil
            errorOutput.write(errorStyle.diagnostics(DiagnosticRenderer.render(errors)) + "\n")
            return .syntaxError
        case .success(let p):
            program = p
        }
        let out = interpreter.output
        let savedEcho = interpreter.echo
        defer { interpreter.echo = savedEcho }
        let interpreter = self.interpreter
        // The statement running now, and whether its value is shown (see `ScriptDisplay` for the rule).
        var showsValue = false
        interpreter.echo = { [unowned self] value in
            interpreter.setGlobal(ScriptDisplay.lastValueName, value)
            if showsValue { self.show(value, on: out) }
        }
        let prompt = self.prompt
        let stepper = self.stepper
        let before = { (stmt: Stmt) in
            let silenced = ScriptDisplay.isSilenced(stmt, in: file)
            showsValue = !silenced && (echo != .none || ScriptDisplay.shows(stmt, in: interpreter))
            // `say` shows what it says, `pause` nothing: neither is shown as a statement nor stepped.
            guard !ScriptDisplay.isPacing(stmt, in: interpreter) else { return }
            if echo == .transcript {
                let text = file.text(from: stmt.location.offset, to: stmt.end) + (silenced ? ";" : "")
                if let structured = out as? StructuredOutput {
                    structured.statement(text, prompt: prompt)
                } else {
                    out.write(Session.transcriptLines(text, prompt: prompt))
                }
            }
            stepper?(stmt)
        }
        lastError = nil
        do throws(RuntimeError) {
            try interpreter.run(program, before: before)
            return .success
        } catch {
            if quitRequested { return .success }
            lastError = error
            errorOutput.write(errorStyle.diagnostics(DiagnosticRenderer.render(error)) + "\n")
            return .runtimeError
        }
    }
}

extension Session {
    /// Runs a command typed at a `--step` stop as the prompt would (values echoed, `_` set), in the middle of the
    /// script: its output goes to the terminal only (not to a handout), a Ctrl-C stops only it, and the script's
    /// own outcome is left as it was.
    func runAtStop(_ text: String, name: String) {
        let savedOutput = output, savedErrors = errorOutput, savedError = lastError
        if let handout = savedOutput as? HandoutSink { output = handout.terminal }
        if let handout = savedErrors as? HandoutSink { errorOutput = handout.terminal }
        defer {
            output = savedOutput
            errorOutput = savedErrors
            lastError = savedError
        }
        _ = run(text, name: name, echo: .values)
        if lastError?.isInterrupt == true {
            errorOutput.write(errorStyle.note("note: stopped by Ctrl-C; the script goes on from where it was") + "\n")
        }
        if interpreter.interrupt === InterruptHandler.flag { InterruptHandler.reset() } else { interpreter.interrupt.clear() }
    }

    /// A statement as a transcript shows it: after the prompt, its further lines after `...  `.
    static func transcriptLines(_ text: String, prompt: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.enumerated().map { ($0.offset == 0 ? prompt : "...  ") + $0.element }.joined(separator: "\n") + "\n"
    }

    /// Shows a value as the prompt does (see `ScriptDisplay.show`).
    func show(_ value: Value, on out: any OutputSink) {
        ScriptDisplay.show(value, on: out, style: outputStyle)
    }
}

/// Reads whole scripts (without Foundation), through `FileBytes`: a regular file or a pipe (`sps <(generate)`), up
/// to `FileBytes.maxBytes`; a device, a folder or a larger file is refused before anything is read.
public enum SourceReader {
    /// A script's text (bytes that are not UTF-8 become U+FFFD), or why it cannot be read.
    public static func text(of path: String) throws(FileReadError) -> String {
        String(decoding: try FileBytes.contents(of: path), as: UTF8.self)
    }

    /// A script's text, or nil when it cannot be read (`text(of:)` says why).
    static func read(_ path: String) -> String? {
        try? text(of: path)
    }

    /// All of standard input, up to `FileBytes.maxBytes`, or why it cannot be read.
    public static func standardInput() throws(FileReadError) -> String {
        String(decoding: try FileBytes.contents(descriptor: 0, name: "<stdin>"), as: UTF8.self)
    }

    /// Reads all of standard input (nothing when it cannot be read; `standardInput()` says why).
    public static func readStandardInput() -> String {
        (try? standardInput()) ?? ""
    }
}
