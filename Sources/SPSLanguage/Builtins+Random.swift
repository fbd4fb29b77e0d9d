import SPSNumeric

// Random permutations and matrices from the session's seeded user stream (the one `randn` and `rand` draw
// from): `seed n` followed by the same commands gives the same draws.

extension Builtins {
    static let randomCommands: [Command] = [
        Command("permutation", topic: "tensors", summary: "a random order of 0..<n, or the rows of a tensor or the items of a list shuffled (numpy's permutation)",
                help: """
                `permutation n` is a tensor of 0 … n−1 in a random order: an index that reorders several things the same
                way (`x[p]`, `y[p]`, `d[p]`). `permutation t` gives t's rows (a list's items) in a random order. Draws from
                the seeded user stream.
                """,
                example: "p = permutation 5\nx[p]",
                parameters: [.positional("n", .any, "a count, a tensor (its rows) or a list (its items)")]) { args throws(RuntimeError) in
            let v = try args.value("n")
            switch v {
            case .tensor(let t):
                guard t.rank >= 1 else { throw RuntimeError("permutation of a scalar tensor; give a count or a vector", at: args.location(of: "n")) }
                let order = args.interpreter.random.permutation(t.shape[0])
                return .tensor(try tensorOp { () throws(TensorError) in try t.selecting([.positions(order)]) })
            case .list(let xs):
                return .list(args.interpreter.random.permutation(xs.count).map { xs[$0] })
            default:
                guard let n = v.integer, n >= 0 else {
                    throw RuntimeError("permutation needs a count (a whole number ≥ 0), a tensor or a list, got \(v.typeName) \(Interpreter.short(v))", at: args.location(of: "n"))
                }
                guard n <= Limits.maxTensorElements else {
                    throw RuntimeError("permutation \(n) is too large (at most \(Limits.maxTensorElements))", at: args.location(of: "n"))
                }
                try Limits.checkMemory(n &* 12, "permutation \(n)")
                return .tensor(Tensor(args.interpreter.random.permutation(n).map(Float.init)))
            }
        },
        Command("orthogonal", topic: "tensors", summary: "a random n×n orthogonal matrix, uniformly (Haar) distributed",
                help: """
                The Q of the QR decomposition of an n×n matrix of standard normals, with the signs fixed so that R's
                diagonal is positive (Mezzadri 2007): uniform over all rotations and reflections. Computed in double
                precision with LAPACK, rounded to Float32. Draws from the seeded user stream.
                """,
                example: "q = orthogonal 3\nq @ q.T",
                parameters: [.positional("n", .integer, "the size")]) { args throws(RuntimeError) in
            let n = try args.integer("n")
            guard (0...4_000).contains(n) else {
                throw RuntimeError("orthogonal needs a size between 0 and 4000, got \(n)", at: args.location(of: "n"))
            }
            try Limits.checkMemory(n &* n &* 40, "orthogonal \(n)")
            return .tensor(try tensorOp { () throws(TensorError) in try args.interpreter.random.orthogonal(n) })
        },
        Command("multivariate_normal", topic: "tensors", summary: "draws from the multivariate normal with a mean vector and a covariance matrix",
                help: """
                `multivariate_normal mean cov n` is an n×d matrix whose rows are independent draws of N(mean, cov)
                (numpy's `multivariate_normal`); without n, one draw (a vector). The covariance must be symmetric and
                positive semi-definite: draws are mean + L z with L the Cholesky factor (or, for a singular covariance, from
                its eigen-decomposition), in double precision. Draws from the seeded user stream.
                """,
                example: "x = multivariate_normal [0, 0] [[1, 0.8], [0.8, 1]] 1000",
                parameters: [.positional("mean", .any, "the mean, a vector of length d"),
                             .positional("cov", .any, "the covariance, a d×d matrix"),
                             .positional("n", .integer, optional: true, "how many draws (rows)")]) { args throws(RuntimeError) in
            let mean = try args.tensorArgument("mean"), cov = try args.tensorArgument("cov")
            guard mean.rank == 1 else {
                throw RuntimeError("the mean must be a vector, got shape \(Tensor.format(shape: mean.shape))", at: args.location(of: "mean"))
            }
            guard cov.shape == [mean.count, mean.count] else {
                throw RuntimeError("a mean of shape \(Tensor.format(shape: mean.shape)) needs a covariance of shape \(Tensor.format(shape: [mean.count, mean.count])), got \(Tensor.format(shape: cov.shape))", at: args.location(of: "cov"))
            }
            let single = args["n"] == nil || (args["n"]?.isNil ?? true)
            let n = single ? 1 : try args.integer("n")
            guard n >= 0 else { throw RuntimeError("n must be 0 or more, got \(n)", at: args.location(of: "n")) }
            _ = try Limits.checkTensor([n, mean.count], "\(n) draws of \(mean.count) values")
            do throws(TensorError) {
                let draws = try args.interpreter.random.multivariateNormal(mean: mean, covariance: cov, count: n)
                return .tensor(single ? Tensor(draws.storage) : draws)
            } catch {
                throw RuntimeError(error, at: args.location(of: "cov"))
            }
        },
    ]
}
