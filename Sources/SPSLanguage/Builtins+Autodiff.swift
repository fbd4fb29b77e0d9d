import SPSAutodiff
import SPSNumeric

/// An object that owns params (a model): `grad y m`, `backward` and `zero_grad` reach them through this.
public protocol ParameterOwner: NativeObject {
    /// The params, in a stable order (`m.parameters`).
    var parameterVariables: [Variable] { get }
}

// Gradients as values (`grad`), into params (`backward`), and leaving the graph (`detach`, `zero_grad`).
extension Builtins {
    static let autodiffCommands: [Command] = [
        Command("grad", topic: "gradients", summary: "the gradient of a number computed from params, with respect to params or other tensors",
                help: """
                `grad y w` is dy/dw, shaped like w; `grad y [w, b]` gives a list, `grad y {w: w, b: b}` a record, and
                `grad y m` the gradients of a model's parameters in the order of m.parameters. y must be one number
                (a loss); `seed=` gives the gradient with respect to a larger y. With create=true the gradients carry
                gradients themselves, so a penalty built from them can be differentiated again (gradients of
                gradients). A target y does not depend on is an error, unless unused=true, which gives zeros.
                Nothing is stored: params' .grad stays as it was (that is what `backward` is for).
                """,
                example: "w = param (tensor [1, 2])\ngrad (sum (w ** 2)) w",
                parameters: [.positional("y", .any, "the value to differentiate (one number, unless seed= is given)"),
                             .positional("wrt", .any, "a tensor, a list or record of tensors, or a model"),
                             .keyword("create", .bool, default: .bool(false), "record the gradients, for gradients of gradients"),
                             .keyword("unused", .bool, default: .bool(false), "give zeros for targets y does not depend on"),
                             .keyword("seed", .numeric, optional: true, "the gradient with respect to y, shaped like y")]) { args throws(RuntimeError) in
            let y = try differentiated(args)
            let wrt = try args.value("wrt")
            let (targets, shape) = try gradientTargets(wrt, args)
            var seed: Variable?
            if args["seed"] != nil { seed = try args.variable("seed") }
            let grads: [Variable]
            let create = try args.bool("create"), unused = try args.bool("unused")
            do throws(AutodiffError) {
                grads = try Autodiff.gradients(of: y, wrt: targets, seed: seed, create: create, allowUnused: unused)
            } catch {
                var message = error.message
                if error.unusedTarget != nil {
                    message += "; if it does through a gradient, compute that gradient with create=true; or pass unused=true for zeros"
                }
                throw RuntimeError(message, at: error.unusedTarget == nil ? args.location(of: "y") : args.location(of: "wrt"))
            }
            return shape(grads.map { Value($0) })
        },
        Command("backward", topic: "gradients", summary: "add the gradient of a number computed from params into each param's .grad",
                help: """
                PyTorch's loss.backward(): every param y depends on gets dy/dparam added to its .grad (they add up until
                zero_grad). Training loops do this themselves; use it to look at gradients between commands.
                """,
                example: "w = param (tensor [1, 2])\nbackward (sum (w ** 2))\nw.grad",
                parameters: [.positional("y", .any, "the value to differentiate (one number, unless seed= is given)"),
                             .keyword("seed", .numeric, optional: true, "the gradient with respect to y, shaped like y")]) { args throws(RuntimeError) in
            let y = try differentiated(args)
            var seed: Variable?
            if args["seed"] != nil { seed = try args.variable("seed") }
            do throws(AutodiffError) { try Autodiff.backward(y, seed: seed) } catch {
                throw RuntimeError(error.message, at: args.location(of: "y"))
            }
            return .nil
        },
        Command("detach", topic: "gradients", summary: "a tensor's value without gradients (for operations that cannot be differentiated)",
                example: "w = param (tensor [3, 1, 2])\nsort (detach w)",
                parameters: [.positional("x", .any, "a tensor (plain tensors and other values are returned as they are)")]) { args throws(RuntimeError) in
            let x = try args.value("x")
            if let v = x.variable { return .tensor(v.value) }
            return x
        },
        Command("zero_grad", topic: "gradients", summary: "set the .grad of params (a param, a list of them, or a model's) to zeros",
                example: "zero_grad m", parameters: [.positional("params", .any)]) { args throws(RuntimeError) in
            let (targets, _) = try gradientTargets(try args.value("params"), args, argument: "params")
            for t in targets where t.isLeaf { t.zeroGradient() }
            return .nil
        },
    ]

    /// The `y` argument as a variable that carries gradients, or an error saying why it does not.
    static func differentiated(_ args: Arguments) throws(RuntimeError) -> Variable {
        let value = try args.value("y")
        guard let y = value.variable, y.requiresGrad else {
            let what = value.tensor != nil || value.number != nil ? "a \(value.typeName) that does not carry gradients" : "a \(value.typeName)"
            throw RuntimeError("\(args.command.name) needs a value computed from params, got \(what); make trainable tensors with param (or use a model's parameters)", at: args.location(of: "y"))
        }
        return y
    }

    /// The tensors a gradient is taken with respect to, and how to shape the gradients like the argument.
    static func gradientTargets(_ value: Value, _ args: Arguments, argument: String = "wrt") throws(RuntimeError) -> ([Variable], ([Value]) -> Value) {
        func one(_ v: Value, _ position: String) throws(RuntimeError) -> Variable {
            if let x = v.variable, x.requiresGrad { return x }
            let kind = v.tensor != nil || v.number != nil ? "a \(v.typeName) that does not carry gradients" : "a \(v.typeName)"
            throw RuntimeError("\(args.command.name) needs params (or tensors computed from them)\(position), got \(kind); make one with param", at: args.location(of: argument))
        }
        switch value {
        case .list(let xs):
            var out: [Variable] = []
            for (i, x) in xs.enumerated() { out.append(try one(x, " at position \(i)")) }
            return (out, { .list($0) })
        case .record(let r):
            var out: [Variable] = []
            for (k, x) in r.fields { out.append(try one(x, " in field '\(k)'")) }
            let keys = r.keys
            return (out, { .record(Record(Array(zip(keys, $0)))) })
        case .native(let owner as any ParameterOwner):
            return (owner.parameterVariables, { .list($0) })
        default:
            return ([try one(value, "")], { $0.first ?? .nil })
        }
    }
}
