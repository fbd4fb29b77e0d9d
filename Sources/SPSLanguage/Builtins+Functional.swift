// Applying a def to every element of a list: `map`, so that per-environment losses are one line.
extension Builtins {
    static let functionalCommands: [Command] = [
        Command("map", topic: "values", summary: "a list of f applied to each element of a list (or range)",
                help: """
                `map xs f` calls f (a def or command of one argument) on each element in order and returns the list of
                results; `map bs env_loss` gives one loss per environment batch, which `mean` or `var` then combine.
                """,
                example: "def sq x { x * x }\nmap [1, 2, 3] sq",
                parameters: [.positional("xs", .sequence, "the elements: a list or range"),
                             .positional("f", .callable, "a def or command of one argument")]) { args throws(RuntimeError) in
            let f = try args.value("f")
            let items: [Value]
            switch try args.value("xs") {
            case .list(let xs): items = xs.values
            case .range(let r):
                try Limits.checkList(r.count, "map over \(Value.range(r).repr)")
                items = r.map { .number(Double($0)) }
            case let other: throw RuntimeError("map needs a list or a range, got \(other.typeName)", at: args.location(of: "xs"))
            }
            var out: [Value] = []
            out.reserveCapacity(items.count)
            for item in items { out.append(try args.interpreter.call(f, [item], at: args.location)) }
            return .list(out)
        },
    ]
}
