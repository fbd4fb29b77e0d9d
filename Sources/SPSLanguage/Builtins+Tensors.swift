import SPSAutodiff
import SPSNumeric

extension Builtins {
    /// A shape from `zeros 3 2` or `zeros [3, 2]`.
    static func shape(_ args: Arguments) throws(RuntimeError) -> [Int] {
        var values = args.rest("shape")
        // Where each size is written (one list: the list), for errors about one of them.
        var locations = args.variadicLocations
        if values.count == 1, let inner = values[0].elements {
            values = inner
            locations = Array(repeating: locations.first ?? nil, count: inner.count)
        }
        guard !values.isEmpty else { throw RuntimeError("\(args.command.name) needs a shape, e.g. \(args.command.name) 3 2") }
        var dims: [Int] = []
        for (k, v) in values.enumerated() {
            guard let n = v.integer, n >= 0 else {
                throw RuntimeError("shape sizes must be non-negative integers, got \(v.quotedInMessage)", at: k < locations.count ? locations[k] : nil)
            }
            dims.append(n)
        }
        // The product may overflow Int (e.g. four sizes of 1e8): that is too large too, not a wrapped-around count.
        guard let count = Limits.product(dims), count <= Limits.maxTensorElements else {
            throw RuntimeError("tensor of shape \(Tensor.format(shape: dims)) is too large (at most \(Limits.maxTensorElements) elements)")
        }
        try Limits.checkMemory(count &* 4, "a tensor of shape \(Tensor.format(shape: dims))")
        return dims
    }

    static let shapeParameter = Parameter.variadic("shape", .oneOf([.integer, .list]), "sizes, e.g. 3 2 or [3, 2]")

    static let tensorCommands: [Command] = [
        Command("tensor", topic: "tensors", summary: "a tensor from a number, a list of numbers, or a list of rows",
                help: """
                Float32, any rank. Indexing takes one index per axis: `t[1, 2]`, `t[-1]` (negative from the end),
                `t[1..<3, ..]`, `t[.., 0]` (a column), `t[2..]` (open ranges), `t[[2, 0]]` (rows by position, a gather),
                `t[t > 0]` (a mask from a comparison); any of them can be assigned to (`t[t < 0] = 0`). Lists, datasets
                and tables follow the same rule (docs/indexing.md).
                """,
                example: "tensor [[1, 2], [3, 4]]", parameters: [.positional("values", .any)]) { args throws(RuntimeError) in
            .tensor(try Interpreter.toTensor(try args.value("values"), what: "tensor's argument"))
        },
        Command("zeros", topic: "tensors", summary: "a tensor of zeros", example: "zeros 3 2",
                parameters: [shapeParameter]) { args throws(RuntimeError) in .tensor(Tensor.zeros(try shape(args))) },
        Command("ones", topic: "tensors", summary: "a tensor of ones", example: "ones 3 2",
                parameters: [shapeParameter]) { args throws(RuntimeError) in .tensor(Tensor.ones(try shape(args))) },
        Command("full", topic: "tensors", summary: "a tensor with every element equal to a value", example: "full [2, 3] 7",
                parameters: [.positional("shape", .list), .positional("value", .number)]) { args throws(RuntimeError) in
            let dims = try shape(Arguments(command: shapeCommand, values: [.list([try args.value("shape")])],
                                           interpreter: args.interpreter, location: args.location))
            return .tensor(Tensor.full(dims, Float(try args.number("value"))))
        },
        Command("eye", topic: "tensors", summary: "the n×n identity matrix", example: "eye 3",
                parameters: [.positional("n", .integer)]) { args throws(RuntimeError) in
            let n = try args.integer("n")
            guard (0...10_000).contains(n) else { throw RuntimeError("eye needs a size between 0 and 10000, got \(n)") }
            return .tensor(Tensor.eye(n))
        },
        Command("randn", topic: "tensors", summary: "a tensor of standard normal samples from the seeded user stream",
                example: "randn 3 2", parameters: [shapeParameter]) { args throws(RuntimeError) in
            let dims = try shape(args)
            return .tensor(Tensor.randn(dims, using: &args.interpreter.random))
        },
        Command("rand", topic: "tensors", summary: "a tensor of uniform samples in [0, 1) from the seeded user stream",
                example: "rand 3 2", parameters: [shapeParameter]) { args throws(RuntimeError) in
            let dims = try shape(args)
            return .tensor(Tensor.rand(dims, using: &args.interpreter.random))
        },
        Command("reshape", topic: "tensors", summary: "the same elements with a new shape", example: "reshape (tensor [1, 2, 3, 4]) [2, 2]",
                parameters: [.positional("tensor", .tensor), .positional("shape", .list)]) { args throws(RuntimeError) in
            let tracked = args.isTracked("tensor") ? try args.variable("tensor") : nil
            let t = tracked == nil ? try args.tensor("tensor") : Tensor.zeros([0])
            let dims = try shape(Arguments(command: shapeCommand, values: [.list([try args.value("shape")])],
                                           interpreter: args.interpreter, location: args.location))
            if let x = tracked { return Value(try tensorOp { () throws(TensorError) in try x.reshaped(dims) }) }
            return .tensor(try tensorOp { () throws(TensorError) in try t.reshaped(dims) })
        },
    ]

    /// A parameterless stand-in used to reuse `shape(_:)` for list-valued shapes.
    static let shapeCommand = Command("shape", summary: "", parameters: [shapeParameter]) { _ throws(RuntimeError) in .nil }
}
