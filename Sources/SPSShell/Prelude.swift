import SPSBindings
import SPSLanguage

/// The prelude: commands written in sps, `stdlib/prelude.sps`, built into the binary and loaded into every
/// standard session after the native commands.
///
/// Each top-level `def` of the prelude becomes a built-in command, as if it were native: the comment above it
/// gives its summary, topic, typed parameters and example (`PreludeSignature`), so `help`, `docs/commands.md`,
/// completion and argument checking treat it like any command; it is a built-in global, so `vars` does not list
/// it and assigning to its name behaves as for a native command; and an error raised inside it is reported at the
/// line that called it, not at a line of the prelude.
///
/// The defs run in a scope of their own: the native commands they use are bound once, when the prelude loads (the
/// prelude runs as the body of an enclosing def whose parameters are those commands), so a user's `run = 3` does
/// not change what `epoch` does. Repeat runs share the loaded commands, as they share native ones.
public struct Prelude: CommandLibrary, Sendable {
    /// The name locations in the prelude carry.
    public static let fileName = "stdlib/prelude.sps"

    /// The built-in libraries written in sps, in the order they load (a later one may use an earlier one's defs):
    /// the prelude, then the invariance kit — algorithms (`stdlib/algorithms.sps`, `stdlib/robust.sps`) and the
    /// published benchmarks' generators (`stdlib/iut.sps`, `stdlib/chain.sps`). Each follows the prelude's rules.
    public static let builtIn: [Prelude] = [
        Prelude(),
        Prelude(text: String(decoding: PackageResources.algorithms_sps, as: UTF8.self), fileName: "stdlib/algorithms.sps"),
        Prelude(text: String(decoding: PackageResources.robust_sps, as: UTF8.self), fileName: "stdlib/robust.sps"),
        Prelude(text: String(decoding: PackageResources.iut_sps, as: UTF8.self), fileName: "stdlib/iut.sps"),
        Prelude(text: String(decoding: PackageResources.chain_sps, as: UTF8.self), fileName: "stdlib/chain.sps"),
    ]

    /// The prelude built into the binary: `stdlib/prelude.sps` at build time (an `embedInCode` resource of this
    /// module; see Package.swift).
    public static let builtInText = String(decoding: PackageResources.prelude_sps, as: UTF8.self)

    /// The prelude's text.
    public let text: String
    /// The file it was built from, as locations and help name it.
    public let fileName: String

    /// A prelude (by default the built-in one).
    public init(text: String = Prelude.builtInText, fileName: String = Prelude.fileName) {
        self.text = text
        self.fileName = fileName
    }

    /// Loads the prelude into the session; problems (a broken prelude is a bug in sps, which the tests catch) go to
    /// its error output, and the defs that did load are still registered.
    public func register(in session: Session) {
        let problems = load(into: session.interpreter).problems
        guard !problems.isEmpty else { return }
        session.errorOutput.write("sps: the built-in library \(fileName) did not load cleanly:\n" + problems.joined(separator: "\n") + "\n")
    }

    /// What loading produced: the commands registered, in the prelude's order, and every problem found.
    public struct Loaded {
        /// The prelude's commands, registered with the interpreter.
        public var commands: [Command] = []
        /// Syntax errors, errors raised while loading, and comments above defs that do not declare a signature.
        public var problems: [String] = []
    }

    /// Compiles and runs the prelude in `interpreter` and registers a command for each of its defs.
    @discardableResult
    public func load(into interpreter: Interpreter) -> Loaded {
        var loaded = Loaded()
        let file = SourceFile(name: fileName, text: text)
        let statements: [Stmt]
        switch Parser.parse(file) {
        case .failure(let errors):
            loaded.problems.append(DiagnosticRenderer.render(errors))
            return loaded
        case .success(let parsed):
            statements = parsed
        }
        func problem(_ at: SourceLocation, _ message: String) {
            loaded.problems.append("\(at): error: \(message)")
        }
        if file.line(1).first.map({ $0 != "#" }) ?? false {
            // The enclosing def is written on line 1, in front of a comment, so that lines and columns stay put.
            problem(SourceLocation(file: file, line: 1, column: 1, offset: 0), "the prelude must start with a comment line")
            return loaded
        }

        // The defs, and the native commands they use.
        let natives = interpreter.registry.commands
        var defs: [(decl: FunctionDecl, location: SourceLocation, uses: NameUse)] = []
        for statement in statements {
            guard case .def(let decl) = statement.kind else {
                problem(statement.location, "the prelude holds only defs (and comments)")
                continue
            }
            if natives[decl.name] != nil {
                problem(statement.location, "def \(decl.name): a native command has this name")
            } else if defs.contains(where: { $0.decl.name == decl.name }) {
                problem(statement.location, "def \(decl.name) is defined twice")
            }
            var uses = NameUse()
            uses.visit(def: decl)
            defs.append((decl, statement.location, uses))
        }
        let defNames = defs.map(\.decl.name)
        // A def that assigns a name holds it as its own local (`scale = …`), so only names some def reads without
        // assigning are the native commands the library uses.
        let bound = Set(defs.flatMap { $0.uses.read.subtracting($0.uses.assigned) })
            .filter { natives[$0] != nil && !defNames.contains($0) }.sorted()
        for (i, def) in defs.enumerated() {
            for name in def.uses.assigned.intersection(bound).sorted() {
                problem(def.location, "def \(def.decl.name) assigns to '\(name)', the name of a native command the prelude uses")
            }
            if def.uses.read.contains(def.decl.name) {
                // Its own name would be a captured variable holding the def: a cycle that outlives the session.
                problem(def.location, "def \(def.decl.name) calls itself; prelude defs cannot recurse (use for or while)")
            }
            for later in defNames[(i + 1)...] where def.uses.read.contains(later) {
                problem(def.location, "def \(def.decl.name) uses '\(later)', which is defined below it; move it above")
            }
        }
        guard loaded.problems.isEmpty else { return loaded }

        // Run the prelude as the body of a def whose parameters are the native commands it uses, and get its defs.
        let wrapped = SourceFile(name: fileName, text: "({ def __prelude \(bound.joined(separator: " ")) { " + text
                                    + "\nreturn [\(defNames.joined(separator: ", "))]\n}; return __prelude })")
        let closures: [Value]
        // As a library: loaded after the user has made globals (on first use), its defs still keep their own locals.
        switch interpreter.compile(wrapped, asLibrary: true) {
        case .failure(let errors):
            loaded.problems.append(DiagnosticRenderer.render(errors))
            return loaded
        case .success(let program):
            var block: Value?
            let echo = interpreter.echo
            interpreter.echo = { block = $0 }
            defer { interpreter.echo = echo }
            do throws(RuntimeError) {
                try interpreter.run(program)
                let enclosing = try interpreter.call(block ?? .nil)
                let values = try interpreter.call(enclosing, bound.map { name in natives[name].map(Value.command) ?? .nil })
                guard case .list(let list) = values, list.count == defs.count else {
                    loaded.problems.append("\(fileName): error: loading gave \(values.repr), not the \(defs.count) defs")
                    return loaded
                }
                closures = list.values
            } catch {
                loaded.problems.append(DiagnosticRenderer.render(error))
                return loaded
            }
        }

        for (def, closure) in zip(defs, closures) {
            switch PreludeSignature.read(def.decl) {
            case .failure(let failure):
                problem(def.location, failure.message)
            case .success(let signature):
                loaded.commands.append(Prelude.command(def.decl.name, signature, calling: closure, in: wrapped, written: fileName))
            }
        }
        interpreter.register(loaded.commands)
        return loaded
    }

    // MARK: - Commands

    /// The command for a prelude def: checks its arguments as declared, calls the def with them by name, and
    /// reports errors raised in the prelude at the caller's line.
    static func command(_ name: String, _ signature: PreludeSignature, calling closure: Value, in file: SourceFile,
                        written fileName: String = Prelude.fileName) -> Command {
        let place = fileName == Prelude.fileName ? "the prelude (`\(fileName)`)" : "`\(fileName)`"
        let help = (signature.help.isEmpty ? "" : signature.help + "\n\n") + "Written in sps, in \(place)."
        return Command(name, topic: signature.topic, summary: signature.summary, help: help, example: signature.example,
                       parameters: signature.parameters) { (args: inout Arguments) throws(RuntimeError) in
            var keywords: [(String, Value)] = []
            for (parameter, value) in zip(args.command.parameters, args.values) {
                if let value { keywords.append((parameter.name, value)) }
            }
            do throws(RuntimeError) {
                return try args.interpreter.call(closure, [], keywords: keywords, at: args.location)
            } catch {
                throw relocate(error, from: file, to: args.location)
            }
        }
    }

    /// An error as a native command would report it: one raised by prelude code points at `site` (the caller's
    /// line) with no prelude frames; one raised in the user's code that the prelude called (the block of `until`)
    /// keeps its place and its frames, plus the prelude def's own frame, whose call site is the caller's line.
    static func relocate(_ error: RuntimeError, from file: SourceFile, to site: SourceLocation?) -> RuntimeError {
        func inPrelude(_ location: SourceLocation?) -> Bool { location.map { $0.file === file } ?? false }
        var relocated = error
        if error.location == nil || inPrelude(error.location) {
            relocated.location = site
            relocated.trace = []
            return relocated
        }
        // The trace lists frames innermost first; a frame runs prelude code when the place inside it (the error's
        // location for the innermost, the call site the frame inside it names for the others) is in the prelude.
        var kept: [TraceEntry] = []
        var inner = error.location
        for (i, entry) in error.trace.enumerated() {
            if !inPrelude(inner) || i == error.trace.count - 1 { kept.append(entry) }
            inner = entry.callSite
        }
        relocated.trace = kept
        return relocated
    }
}

/// A problem in a prelude def's signature.
struct PreludeProblem: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// The names a prelude def reads and the names it assigns (anywhere inside it, nested defs and blocks included).
struct NameUse {
    var read: Set<String> = []
    var assigned: Set<String> = []

    /// A top-level def: its defaults and body (its own name is not an assignment inside it).
    mutating func visit(def decl: FunctionDecl) {
        for parameter in decl.parameters { if let value = parameter.defaultValue { visit(value) } }
        visit(decl.body)
    }

    mutating func visit(_ block: Block) {
        for statement in block.statements { visit(statement) }
    }

    mutating func visit(_ statement: Stmt) {
        switch statement.kind {
        case .expression(let e): visit(e)
        case .assign(let target, let op, let value):
            if case .name(let name) = target.kind {
                assigned.insert(name)
                if op != nil { read.insert(name) }
            } else {
                visit(target)
            }
            visit(value)
        case .def(let decl):
            assigned.insert(decl.name)
            visit(def: decl)
        case .if(let condition, let body, let otherwise):
            visit(condition)
            visit(body)
            if let otherwise { visit(otherwise) }
        case .for(_, let sequence, let body):
            visit(sequence)
            visit(body)
        case .while(let condition, let body):
            visit(condition)
            visit(body)
        case .return(let value):
            if let value { visit(value) }
        case .block(let body): visit(body)
        case .break, .continue: break
        }
    }

    mutating func visit(_ expr: Expr) {
        switch expr.kind {
        case .number, .string, .bool, .nil: break
        case .name(let name): read.insert(name)
        case .interpolation(let pieces):
            for case .expr(let e) in pieces { visit(e) }
        case .list(let items): for item in items { visit(item) }
        case .record(let fields): for (_, value) in fields { visit(value) }
        case .block(let body): visit(body)
        case .range(let low, let high, _):
            visit(low)
            visit(high)
        case .unary(_, let operand): visit(operand)
        case .binary(_, let left, let right):
            visit(left)
            visit(right)
        case .member(let base, _): visit(base)
        case .index(let base, let indices):
            visit(base)
            for index in indices { visit(index) }
        case .apply(let callee, let arguments, _):
            visit(callee)
            for argument in arguments { visit(argument.value) }
        }
    }
}
