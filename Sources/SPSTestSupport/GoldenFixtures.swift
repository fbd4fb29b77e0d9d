import SPSBindings
import SPSLanguage
import SPSShell

/// A small native object for registry tests: a counter with a settable and a read-only member, indexing and
/// application.
public final class TestCounter: NativeObject {
    var value: Double
    init(_ value: Double) { self.value = value }
    public var typeName: String { "Counter" }
    /// A counter changes: each run counts with its own copy.
    public var isolation: IsolationPolicy { .copied { _ in TestCounter(self.value) } }
    public var description: String { "Counter(\(Value.format(value)))" }
    public var memberNames: [String] { ["value", "name"] }
    public func member(_ name: String, in interpreter: Interpreter) throws(RuntimeError) -> Value? {
        switch name {
        case "value": return .number(value)
        case "name": return .string("counter")
        default: return nil
        }
    }
    public func setMember(_ name: String, to v: Value, in interpreter: Interpreter) throws(RuntimeError) -> Bool {
        guard name == "value" else { return false }
        guard let n = v.number else { throw RuntimeError("Counter.value must be a number, got \(v.typeName)") }
        value = n
        return true
    }
    public func index(_ indices: [Value], in interpreter: Interpreter) throws(RuntimeError) -> Value {
        guard indices.count == 1, let i = indices[0].number else { throw RuntimeError("a Counter takes one number index") }
        return .number(value * i)
    }
    public func call(_ arguments: [Value], keywords: [(String, Value)], in interpreter: Interpreter) throws(RuntimeError) -> Value? {
        .number(value + (arguments.first?.number ?? 0))
    }
}

/// Commands the golden scripts in `registry/` use to exercise native commands, column names and objects.
public struct GoldenFixtures: CommandLibrary {
    /// Creates the library.
    public init() {}

    public func register(in session: Session) {
        session.register([
            Command("pick", topic: "test", summary: "Echo column-name arguments.",
                    parameters: [.positional("col", .columnName), .keyword("target", .columnName, default: .string("y")),
                                 .keyword("features", .columnNames, default: .list([]))]) { args throws(RuntimeError) in
                .string("col=\(try args.string("col")) target=\(try args.string("target")) features=\(try args.value("features").repr)")
            },
            Command("counter", topic: "test", summary: "Make a counter.",
                    parameters: [.keyword("start", .number, default: .number(0))]) { args throws(RuntimeError) in
                .native(TestCounter(try args.number("start")))
            },
            Command("bump", topic: "test", summary: "Add one to a counter.",
                    parameters: [.positional("c", .object("Counter"))]) { args throws(RuntimeError) in
                if let c = try args.value("c").object as? TestCounter { c.value += 1 }
                return .nil
            },
            Command("tick", topic: "test", summary: "Print tick.") { args throws(RuntimeError) in
                args.interpreter.output.write("tick\n")
                return .nil
            },
            Command("runblock", topic: "test", summary: "Run a block once.",
                    parameters: [.positional("body", .block)]) { args throws(RuntimeError) in
                try args.interpreter.call(try args.value("body"))
            },
            Command("collect", topic: "test", summary: "Run a block and return its variables as a record.",
                    parameters: [.positional("body", .block)]) { args throws(RuntimeError) in
                guard case .closure(let c) = try args.value("body") else { return .nil }
                return .record(Record(try args.interpreter.runCapturingLocals(c)))
            },
            Command("helpdoc", topic: "test", summary: "The doc comment of a user def.",
                    parameters: [.positional("name", .string)]) { args throws(RuntimeError) in
                .string(args.interpreter.registry.userDefs[try args.string("name")]?.doc ?? "")
            },
        ])
    }
}
