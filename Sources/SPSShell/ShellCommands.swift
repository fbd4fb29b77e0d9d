import SPSBindings
import SPSLanguage
import SPSNumeric
import SPSTraining

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The commands for living at the prompt: `help`, `vars`, `load`, `time`, `history`, `clear`, `quit`.
/// (`record "session.sps"` shares the study command `record`; see `SessionRecording`.)
public struct ShellLibrary: CommandLibrary {
    public init() {}

    public func register(in session: Session) {
        session.register(ShellCommands.all())
    }
}

enum ShellCommands {
    static func all() -> [Command] { [help, vars, load, time, history, clear, quit] }

    static let help = Command(
        "help", topic: "shell", summary: "the commands by topic; or one command, def, variable, topic or keyword explained",
        help: "`help` fits on one screen: each topic with the names of its commands. `help fit` shows a command's arguments, defaults, units and an example; `help data` lists a topic with a line per command; `help m` describes a variable (type, shape, members, the commands that take it); `help for` (if, while, def, …) explains a keyword of the language; `help commands` lists every command with its summary. `?fit` and `fit?` at the prompt are `help fit`. A comment directly above a `def` becomes that def's help.",
        example: "help\nhelp fit\nhelp data\nhelp for",
        parameters: [.positional("name", .optional(.columnName), optional: true, "a command, def, variable, topic or keyword to explain").completing(.names)]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let interpreter = args.interpreter
        do throws(RuntimeError) {
            interpreter.output.write(try HelpText.respond(to: args["name"]?.string, in: interpreter, style: interpreter.outputStyle))
        } catch {
            throw args.location(of: "name").map { error.located($0) } ?? error
        }
        return .nil
    }

    static let vars = Command(
        "vars", topic: "shell", summary: "list the variables with their type, shape and memory",
        example: "vars"
    ) { (args: inout Arguments) throws(RuntimeError) in
        let interpreter = args.interpreter
        interpreter.output.write(VariableSummary.table(interpreter.variables, style: interpreter.outputStyle))
        return .nil
    }

    static let load = Command(
        "load", topic: "shell", summary: "run a script file in this session; its variables and defs stay",
        example: "load \"stdlib/seed.sps\"",
        parameters: [.positional("file", .string, "the script to run")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let path = try args.string("file")
        let text: String
        do throws(FileReadError) {
            text = try SourceReader.text(of: path)
        } catch {
            throw RuntimeError("load: cannot read file '\(path)': \(error.reason)")
        }
        let interpreter = args.interpreter
        switch interpreter.compile(SourceFile(name: path, text: text)) {
        case .failure(let errors):
            // Shown at the loaded file's line (its name, line and column, the line and a caret), not at `load`.
            guard let first = errors.errors.first else { throw RuntimeError("load: \(path) has syntax errors") }
            let more = errors.errors.count - 1
            var note = "load ran nothing of \(path)"
            if more > 0 { note += "; \(more) more syntax error\(more == 1 ? "" : "s") in it (sps \(path) lists them all without running it)" }
            throw RuntimeError("\(first.message); \(note)", at: first.location)
        case .success(let program):
            let depth = interpreter.context.loadDepth
            guard depth < 50 else { throw RuntimeError("load: scripts loading scripts nest more than 50 deep (does \(path) load itself?)") }
            let echo = interpreter.echo
            interpreter.echo = nil
            interpreter.context.loadDepth = depth + 1
            defer {
                interpreter.echo = echo
                interpreter.context.loadDepth = depth
            }
            // A loaded file shows what a script shows: display commands on their own line (ScriptDisplay's rule).
            try ScriptDisplay.runLoaded(program, in: interpreter)
        }
        return .nil
    }

    static let time = Command(
        "time", topic: "shell", summary: "run a command and show how long it took",
        help: "Everything after `time` is the command with its arguments; its value is passed on. `time { … }` times a block.",
        example: "time fit m train epochs=10",
        parameters: [.variadic("command", .any, "the command and its arguments")],
        acceptsExtraKeywords: true
    ) { (args: inout Arguments) throws(RuntimeError) in
        let parts = args.rest("command")
        guard let first = parts.first else { throw RuntimeError("time needs a command to run, e.g. time fit m train epochs=1") }
        switch first {
        case .closure, .command, .native: break
        default:
            throw RuntimeError("time runs a command: write `time fit m train epochs=1` or `time { … }`, not a \(first.typeName)")
        }
        let interpreter = args.interpreter
        let start = ProgressLine.now()
        let result = try interpreter.call(first, Array(parts.dropFirst()), keywords: args.extraKeywords)
        interpreter.output.write(interpreter.outputStyle.dim("time: " + formatDuration(ProgressLine.now() - start)) + "\n")
        return result
    }

    static let history = Command(
        "history", topic: "shell", summary: "show the entries typed at the prompt (kept in ~/.sps_history)",
        help: "Entries persist across sessions in ~/.sps_history (or the file SPS_HISTORY names); a multi-line entry is one entry.",
        example: "history 10",
        parameters: [.positional("count", .integer, default: .number(20), "how many of the latest entries")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        guard let entries = args.interpreter.context.history?() else {
            throw RuntimeError("history is kept at the prompt only")
        }
        let count = max(0, try args.integer("count"))
        let first = max(0, entries.count - count)
        var out = ""
        for i in first..<entries.count {
            let number = String(i + 1)
            let lines = entries[i].split(separator: "\n", omittingEmptySubsequences: false)
            out += String(repeating: " ", count: max(0, 5 - number.count)) + number + "  " + lines[0] + "\n"
            for line in lines.dropFirst() { out += "       " + line + "\n" }
        }
        args.interpreter.output.write(out)
        return .nil
    }

    static let clear = Command(
        "clear", topic: "shell", summary: "clear the terminal screen (Ctrl-L also works while typing)",
        example: "clear"
    ) { (args: inout Arguments) throws(RuntimeError) in
        if isatty(1) == 1 { args.interpreter.output.write("\u{1B}[H\u{1B}[2J\u{1B}[3J") }
        return .nil
    }

    static let quit = Command(
        "quit", topic: "shell", summary: "leave sps (also `exit`, or Ctrl-D on an empty line); in a script, stop it",
        example: "quit"
    ) { (args: inout Arguments) throws(RuntimeError) in
        args.interpreter.context.quitRequested = true
        args.interpreter.interrupt.request()
        throw RuntimeError("quit")
    }

    /// `350 ns`, `4.2 µs`, `180 µs`, `12.3 ms`, `1.234 s`, `2 min 5.1 s`: the unit that fits, never `0 ms`.
    static func formatDuration(_ seconds: Double) -> String {
        let t = max(0, seconds)
        let nanoseconds = (t * 1e9).rounded()
        if nanoseconds < 1000 { return Value.format(nanoseconds) + " ns" }
        let tenthsOfMicroseconds = (t * 1e7).rounded()
        if tenthsOfMicroseconds < 100 { return Value.format(tenthsOfMicroseconds / 10) + " µs" }
        let microseconds = (t * 1e6).rounded()
        if microseconds < 1000 { return Value.format(microseconds) + " µs" }
        let tenthsOfMilliseconds = (t * 1e4).rounded()
        if tenthsOfMilliseconds < 10_000 { return Value.format(tenthsOfMilliseconds / 10) + " ms" }
        let milliseconds = (t * 1e3).rounded()
        if milliseconds < 60_000 { return Value.format(milliseconds / 1e3) + " s" }
        let minutes = Int(t / 60)
        return "\(minutes) min " + Value.format(((t - Double(minutes) * 60) * 10).rounded() / 10) + " s"
    }
}

// MARK: - vars

/// What `vars` shows for each variable: type, shape and memory.
enum VariableSummary {
    /// One variable's type, shape and approximate memory in bytes (nil when not meaningful).
    static func describe(_ value: Value) -> (type: String, shape: String, bytes: Int?) {
        switch value {
        case .number: return ("number", "", 8)
        case .bool: return ("bool", "", 1)
        case .nil: return ("nil", "", nil)
        case .string(let s): return ("string", "\(s.count) chars", s.utf8.count)
        case .range(let r): return ("range", "\(r.count) items", 24)
        case .list(let xs): return ("list", "\(xs.count) items", estimate(value, depth: 0))
        case .record(let r): return ("record", "\(r.keys.count) fields", estimate(value, depth: 0))
        case .closure(let c): return (c.proto.kind == .block ? "block" : "def", c.proto.signature, nil)
        case .command(let c): return ("command", c.usage, nil)
        case .tensor(let t): return ("tensor", Tensor.format(shape: t.shape), t.count * 4)
        case .native(let o):
            return (o.typeName, o.shape, o.byteSize)
        }
    }

    /// A rough size of nested lists and records (bounded so a huge list does not stall the prompt).
    static func estimate(_ value: Value, depth: Int) -> Int {
        switch value {
        case .list(let xs):
            guard depth < 8 else { return xs.count * 16 }
            let sample = xs.prefix(1000).reduce(0) { $0 + estimate($1, depth: depth + 1) }
            return xs.count <= 1000 ? sample + 16 * xs.count : sample * xs.count / 1000 + 16 * xs.count
        case .record(let r):
            guard depth < 8 else { return r.keys.count * 32 }
            return r.values.reduce(0) { $0 + estimate($1, depth: depth + 1) } + r.keys.reduce(0) { $0 + 16 + $1.utf8.count }
        default:
            return describe(value).bytes ?? 16
        }
    }

    /// `1.2 KB`, `3.4 MB`.
    static func formatBytes(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        let units = ["KB", "MB", "GB", "TB"]
        var size = Double(bytes) / 1024
        var unit = 0
        while size >= 1024 && unit < units.count - 1 {
            size /= 1024
            unit += 1
        }
        return Value.format((size * 10).rounded() / 10) + " " + units[unit]
    }

    /// The `vars` table.
    static func table(_ variables: [(String, Value)], style: TerminalStyle) -> String {
        let shown = variables.filter { !$0.0.hasPrefix("_") }
        guard !shown.isEmpty else { return "no variables yet\n" }
        var rows = [["name", "type", "shape", "memory"]]
        var total = 0
        for (name, value) in shown {
            let d = describe(value)
            total += d.bytes ?? 0
            rows.append([name, d.type, d.shape, d.bytes.map(formatBytes) ?? ""])
        }
        let text = HelpText.aligned(rows, indent: "")
        var lines = text.split(separator: "\n").map(String.init)
        lines[0] = style.header(lines[0])
        return lines.joined(separator: "\n") + "\n" + style.dim("\(shown.count) variable\(shown.count == 1 ? "" : "s"), about \(formatBytes(total))") + "\n"
    }
}
