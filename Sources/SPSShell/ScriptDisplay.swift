import SPSBindings
import SPSLanguage

/// What a line shows, decided in one place for the prompt, scripts, transcripts, `--step` and handouts.
///
/// The rule, as the README and `sps --help` state it:
///
/// - A line that calls a command whose job is to show something (`showingCommands`: `plot`, `describe`,
///   `summary`, …) shows its result wherever it runs: at the prompt, in a script, in a transcript. Assigned
///   (`p = plot …`) it shows nothing; `print (plot …)` prints it as always.
/// - Any other line that is just an expression (`x + 1`, `m.weight`) shows its value at the prompt and in
///   transcripts (`--echo`, `--step`, `--html`), which reproduce the prompt, but not in a plain script.
/// - A `;` right after a statement hides its value everywhere (`describe d;`), as in Julia and MATLAB.
/// - `_` is the value of the last line that was just an expression with a value (shown or hidden), at the prompt
///   and in scripts, so a recorded session that uses `_` replays.
///
/// So a session recorded with `record "s.sps"` and replayed with `sps s.sps` shows the same plots and tables.
public enum ScriptDisplay {
    /// The commands whose job is to show something, in the order help lists them: a line that only calls one
    /// shows its result in a script too.
    public static let showingCommandNames = ["plot", "grid", "draw", "describe", "summary", "head", "corr", "compare", "eval", "citest", "runs", "env_metrics", "selection", "report"]

    /// `showingCommandNames` as a set.
    public static let showingCommands = Set(showingCommandNames)

    /// The rule in one sentence, for help texts (`sps --help`).
    public static var rule: String {
        let names = showingCommandNames.dropLast().joined(separator: ", ") + " or " + (showingCommandNames.last ?? "")
        return "in a script, a line that only calls \(names) shows its result as the prompt would (`p = plot …` "
            + "shows nothing); other values are shown at the prompt and in transcripts (--echo, --step, --html) only; "
            + "a `;` after a statement hides its value; `_` is the last value."
    }

    /// The name of the last-value variable.
    public static let lastValueName = "_"

    /// True when the statement is a call of one of `showingCommands` (resolved in the interpreter, so a `def`
    /// of the same name is not one), directly or through `time` (`time describe d`).
    public static func shows(_ statement: Stmt, in interpreter: Interpreter) -> Bool {
        guard case .expression(let expr) = statement.kind else { return false }
        guard let (command, arguments) = calledCommand(expr, in: interpreter) else { return false }
        if showingCommands.contains(command.name) { return true }
        if command.name == "time", let first = arguments.first(where: { $0.label == nil }),
           let (inner, _) = calledCommand(first.value, in: interpreter) {
            return showingCommands.contains(inner.name)
        }
        return false
    }

    /// True when a `;` follows the statement on its line (`x;`, `describe d ;`): its value is not shown.
    public static func isSilenced(_ statement: Stmt, in file: SourceFile) -> Bool {
        let after = file.text(from: statement.end, to: statement.end + 64)
        for character in after {
            if character == " " || character == "\t" { continue }
            return character == ";"
        }
        return false
    }

    /// True for `say …` and `pause`: narration and pacing. Transcripts show what `say` says (once) instead of the
    /// statement, leave `pause` out, and `--step` does not stop before them (`pause` stops by itself).
    public static func isPacing(_ statement: Stmt, in interpreter: Interpreter) -> Bool {
        guard case .expression(let expr) = statement.kind,
              let (command, _) = calledCommand(expr, in: interpreter) else { return false }
        return command === ClassroomCommands.say || command === ClassroomCommands.pause
    }

    /// Shows a value as the prompt does: numbers in the number colour, a plot as a figure in a handout.
    static func show(_ value: Value, on out: any OutputSink, style: TerminalStyle) {
        if let structured = out as? StructuredOutput, let plot = value.object as? PlotObject {
            structured.plot(plot)
        } else if case .number = value {
            out.write(style.number(value.repr) + "\n")
        } else {
            out.write(value.repr + "\n")
        }
    }

    /// Runs a loaded file's statements as a script's (for `load`): a line that only calls a showing command
    /// shows its result, and `_` is set; other values are not shown.
    public static func runLoaded(_ program: Program, in interpreter: Interpreter) throws(RuntimeError) {
        let out = interpreter.output, file = program.file, style = interpreter.outputStyle
        var showsValue = false
        let saved = interpreter.echo
        defer { interpreter.echo = saved }
        interpreter.echo = { value in
            interpreter.setGlobal(lastValueName, value)
            if showsValue { show(value, on: out, style: style) }
        }
        try interpreter.run(program) { statement in
            showsValue = !isSilenced(statement, in: file) && shows(statement, in: interpreter)
        }
    }

    /// The native command an expression calls (`describe d`, a bare `describe`), with its arguments as written.
    static func calledCommand(_ expr: Expr, in interpreter: Interpreter) -> (Command, [Argument])? {
        let name: String, arguments: [Argument]
        switch expr.kind {
        case .apply(let callee, let args, _):
            guard case .name(let n) = callee.kind else { return nil }
            name = n
            arguments = args
        case .name(let n):
            name = n
            arguments = []
        default:
            return nil
        }
        guard case .command(let command)? = interpreter.global(name) else { return nil }
        return (command, arguments)
    }
}
