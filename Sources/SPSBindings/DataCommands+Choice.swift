import SPSLanguage
import SPSNumeric
import SPSTraining

extension DataCommands {
    /// `choice values [size=k] [replace=false] [p=weights]`: a distribution, or k draws now.
    static func choice(_ args: inout Arguments) throws(RuntimeError) -> Value {
        let numbers = try choiceValues(args)
        var weights: [Double]?
        if let p = args["p"], !p.isNil {
            let w = try Interpreter.toTensor(p, what: "p=").storage.map(Double.init)
            guard w.count == numbers.count else {
                throw RuntimeError("choice has \(numbers.count) values but p= has \(w.count) weights; give one weight per value", at: args.location(of: "p"))
            }
            if let bad = w.firstIndex(where: { !($0 >= 0) || !$0.isFinite }) {
                throw RuntimeError("choice weights must be finite and non-negative; weight \(bad) is \(Value.format(w[bad]))", at: args.location(of: "p"))
            }
            guard w.reduce(0, +) > 0 else { throw RuntimeError("choice weights must not all be 0", at: args.location(of: "p")) }
            weights = w
        }
        let replace = try args.bool("replace")
        guard let sizeValue = args["size"], !sizeValue.isNil else {
            if !replace {
                throw RuntimeError("replace=false needs size=: without it choice is a distribution drawn once per row", at: args.location(of: "replace"))
            }
            return try drawOrValue(weights.map { .weighted(numbers, weights: $0) } ?? .choice(numbers), args)
        }
        let size = try args.integer("size")
        guard size >= 0, size <= Limits.maxTensorElements else {
            throw RuntimeError("size must be between 0 and \(Limits.maxTensorElements), got \(size)", at: args.location(of: "size"))
        }
        try Limits.checkMemory(size &* 12, "choice … size=\(size)")
        do throws(TensorError) {
            let picks = try args.interpreter.random.choice(numbers.count, count: size, replace: replace, weights: weights)
            return .tensor(Tensor(picks.map { Float(numbers[$0]) }))
        } catch {
            throw RuntimeError(error, at: args.location(of: replace ? "p" : "size") ?? args.location)
        }
    }

    /// The values `choice` picks from: a list or vector of numbers, or 0 … n−1 for a count n.
    static func choiceValues(_ args: Arguments) throws(RuntimeError) -> [Double] {
        let value = try args.value("values")
        if let n = value.integer {
            guard n >= 1, n <= Limits.maxTensorElements else {
                throw RuntimeError("choice needs a count of at least 1 (at most \(Limits.maxTensorElements)), got \(n)", at: args.location(of: "values"))
            }
            try Limits.checkMemory(n &* 16, "choice from \(n) values")
            return (0..<n).map(Double.init)
        }
        let items: [Value]
        if case .tensor(let t) = value {
            guard t.rank == 1 else {
                throw RuntimeError("choice needs a list or a vector of values, got a tensor of shape \(Tensor.format(shape: t.shape))", at: args.location(of: "values"))
            }
            items = t.storage.map { .number(Double.shortest($0)) }
        } else {
            items = value.elements ?? []
        }
        let numbers = items.compactMap(\.number)
        guard !numbers.isEmpty, numbers.count == items.count else {
            throw RuntimeError("choice needs a non-empty list of numbers", at: args.location(of: "values"))
        }
        return numbers
    }
}
