import SPSAutodiff
import SPSNumeric

// Linear algebra commands: solve, lstsq, inv, det, qr, cholesky, svd, eigh, norm, pinv.
//
// Precision. Tensors hold Float32; every command here converts its input to Float64 exactly, computes in double
// precision with LAPACK (`SPSNumeric/Linalg*.swift`), and rounds the result back to a Float32 tensor (`det` and
// `norm` give a number, shown at Float32 precision like every number computed from a tensor). What users rely on
// is therefore the double-precision *computation*: elimination, orthogonalization and sums of many terms lose
// nothing to Float32 arithmetic, so a result is as accurate as Float32 can hold whenever the problem's condition
// allows it — a 1000×1000 solve in Float32 arithmetic would lose about three more digits. The SPSNumeric API
// (`Linalg`) keeps double precision end to end for code that needs it (random orthogonal matrices, multivariate
// normals).

extension Builtins {
    /// A matrix (or vector) argument in double precision, with the shape it was given in.
    struct LinalgOperand {
        /// The elements, row-major, as Float64 (exact: every Float32 is a double).
        var elements: [Double]
        /// The tensor's shape ([rows, columns] for a matrix, [n] for a vector).
        var shape: [Int]
        var rows: Int { shape.first ?? 1 }
        var columns: Int { shape.count == 2 ? shape[1] : 1 }
    }

    /// Reads argument `name` as a tensor of rank in `ranks`; throws at the argument otherwise, naming its shape.
    static func linalgOperand(_ args: Arguments, _ name: String, ranks: ClosedRange<Int> = 2...2,
                              square: Bool = false) throws(RuntimeError) -> LinalgOperand {
        let at = args.location(of: name)
        let t: Tensor
        do throws(RuntimeError) { t = try args.tensor(name) } catch { throw at.map { error.located($0) } ?? error }
        let what = ranks == 2...2 ? "a matrix (a 2-D tensor)" : ranks == 1...1 ? "a vector (a 1-D tensor)" : "a vector or a matrix"
        guard ranks.contains(t.rank) else {
            throw RuntimeError("argument '\(name)' of \(args.command.name) must be \(what), got shape \(Tensor.format(shape: t.shape))", at: at)
        }
        if square && t.rank == 2 && t.shape[0] != t.shape[1] {
            throw RuntimeError("argument '\(name)' of \(args.command.name) must be a square matrix, got shape \(Tensor.format(shape: t.shape))", at: at)
        }
        // The double copy and LAPACK's workspace (a few more copies of the matrix) must fit.
        let k = t.rank == 2 ? min(t.shape[0], t.shape[1]) : 1
        try Limits.checkMemory(8 &* (4 &* t.count &+ 6 &* k &* k), "\(args.command.name) of a tensor of shape \(Tensor.format(shape: t.shape))")
        if let bad = t.storage.firstIndex(where: { !$0.isFinite }) {
            let index = t.rank == 2 ? "[\(bad / t.shape[1]), \(bad % t.shape[1])]" : "[\(bad)]"
            throw RuntimeError("argument '\(name)' of \(args.command.name) has a non-finite value (\(Value.number(Double(t.storage[bad])).repr)) at \(index); linear algebra needs finite numbers", at: at)
        }
        return LinalgOperand(elements: t.storage.map(Double.init), shape: t.shape)
    }

    /// A Float32 tensor from double-precision results (−0 as 0); throws if an element overflows Float32.
    static func linalgResult(_ values: [Double], _ shape: [Int], _ command: String) throws(RuntimeError) -> Value {
        var storage = [Float](repeating: 0, count: values.count)
        for i in values.indices {
            let x = Float(values[i])
            if x.isInfinite && values[i].isFinite {
                throw RuntimeError("\(command): the result has an element (\(values[i])) too large for a Float32 tensor")
            }
            storage[i] = x == 0 ? 0 : x  // no -0 from LAPACK's sign games in the printout
        }
        do throws(TensorError) { return .tensor(try Tensor(shape: shape, storage: storage)) } catch { throw RuntimeError(error) }
    }

    /// Runs a `Linalg` call, turning its errors into messages that name the command and the argument.
    static func linalg<T>(_ args: Arguments, _ name: String, _ operand: LinalgOperand,
                          _ body: () throws(LinalgError) -> T) throws(RuntimeError) -> T {
        do throws(LinalgError) { return try body() } catch {
            let at = args.location(of: name), command = args.command.name
            let argument = "argument '\(name)' of \(command)"
            switch error.kind {
            case .singular(let rcond):
                let detail = rcond == 0 ? "an exactly zero pivot" : "reciprocal condition number \(LinalgError.shortNumber(rcond))"
                throw RuntimeError("\(argument) is singular (\(detail)): its rows or columns are linearly dependent; lstsq gives a least-squares answer", at: at)
            case .notPositiveDefinite(let order):
                throw RuntimeError("\(argument) is not positive definite: its leading \(order)×\(order) minor is not positive", at: at)
            case .notSymmetric(let i, let j):
                let n = operand.columns
                let x = Double.shortest(Float(operand.elements[i * n + j])), y = Double.shortest(Float(operand.elements[j * n + i]))
                throw RuntimeError("\(argument) must be symmetric, but [\(i), \(j)] is \(Value.number(x).repr) and [\(j), \(i)] is \(Value.number(y).repr); (a + a.T) / 2 is its symmetric part", at: at)
            default:
                throw RuntimeError("\(command): \(error.message)", at: at)
            }
        }
    }

    /// A right-hand side `b` for an n-row matrix `a`: a vector of n, or a matrix with n rows.
    static func linalgRightHandSide(_ args: Arguments, _ a: LinalgOperand) throws(RuntimeError) -> LinalgOperand {
        let b = try linalgOperand(args, "b", ranks: 1...2)
        guard b.rows == a.rows else {
            throw RuntimeError("\(args.command.name): a has shape \(Tensor.format(shape: a.shape)) and b has shape \(Tensor.format(shape: b.shape)); b needs \(a.rows) rows, one per row of a", at: args.location(of: "b"))
        }
        return b
    }

    static let linalgMatrixParameter = Parameter.positional("a", .oneOf([.tensor, .list]), "a matrix (a tensor or a list of rows)")

    static let linalgHelp = "Computed in double precision (LAPACK) from the tensor's Float32 values; the result is a Float32 tensor."

    static let linalgCommands: [Command] = [
        Command("solve", topic: "linear algebra", summary: "the solution x of a @ x = b for a square matrix a",
                help: """
                b is a vector (the result is a vector) or a matrix of several right-hand sides (one column each).
                A singular a is an error — also one singular only up to rounding (LAPACK's condition estimate below
                machine epsilon, after scaling rows and columns), which numpy would answer with digits of noise.
                \(linalgHelp)
                """,
                example: "a = tensor [[2, 1], [1, 3]]\nx = solve a (tensor [5, 10])",
                parameters: [linalgMatrixParameter, .positional("b", .oneOf([.tensor, .list]), "a vector, or a matrix of right-hand sides")]) { args throws(RuntimeError) in
            let a = try linalgOperand(args, "a", square: true)
            let b = try linalgRightHandSide(args, a)
            let x = try linalg(args, "a", a) { () throws(LinalgError) in try Linalg.solve(a.elements, b.elements, n: a.rows, rightHandSides: b.columns) }
            return try linalgResult(x, b.shape, "solve")
        },
        Command("lstsq", topic: "linear algebra", summary: "the least-squares solution x minimizing |a @ x - b| (minimum norm if not unique)",
                help: """
                Any shape of a; b is a vector or a matrix with as many rows as a. Singular values at most rcond times the
                largest count as zero (default: machine epsilon × the larger size of a, as numpy).
                \(linalgHelp)
                """,
                example: "x = lstsq (tensor [[1, 0], [1, 1], [1, 2]]) (tensor [1, 2, 2])",
                parameters: [linalgMatrixParameter, .positional("b", .oneOf([.tensor, .list]), "a vector, or a matrix of right-hand sides"),
                             .keyword("rcond", .number, optional: true, "relative cutoff for small singular values")]) { args throws(RuntimeError) in
            let a = try linalgOperand(args, "a")
            let b = try linalgRightHandSide(args, a)
            let rcond: Double? = args["rcond"] == nil ? nil : try args.number("rcond")
            if let rcond, !(rcond >= 0 && rcond < 1) {
                throw RuntimeError("rcond must be at least 0 and below 1, got \(Value.number(rcond).repr)", at: args.location(of: "rcond"))
            }
            let x = try linalg(args, "a", a) { () throws(LinalgError) in
                try Linalg.lstsq(a.elements, b.elements, rows: a.rows, columns: a.columns, rightHandSides: b.columns, rcond: rcond)
            }
            return try linalgResult(x.solution, b.shape.count == 1 ? [a.columns] : [a.columns, b.columns], "lstsq")
        },
        Command("inv", topic: "linear algebra", summary: "the inverse of a square matrix",
                help: """
                A singular matrix is an error (see `help solve`). To solve a system, `solve a b` is faster and more
                accurate than `inv a @ b`.
                \(linalgHelp)
                """,
                example: "inv (tensor [[4, 7], [2, 6]])", parameters: [linalgMatrixParameter]) { args throws(RuntimeError) in
            let a = try linalgOperand(args, "a", square: true)
            let inverse = try linalg(args, "a", a) { () throws(LinalgError) in try Linalg.inverse(a.elements, n: a.rows) }
            return try linalgResult(inverse, a.shape, "inv")
        },
        Command("det", topic: "linear algebra", summary: "the determinant of a square matrix (a number)",
                help: "From the LU factorization, in double precision; shown at Float32 precision. A singular matrix gives 0 (or a tiny number from rounding).",
                example: "det (tensor [[1, 2], [3, 4]])", parameters: [linalgMatrixParameter]) { args throws(RuntimeError) in
            let a = try linalgOperand(args, "a", square: true)
            let det = try linalg(args, "a", a) { () throws(LinalgError) in try Linalg.determinant(a.elements, n: a.rows) }
            return .number(Double.atFloat32Precision(det))
        },
        Command("qr", topic: "linear algebra", summary: "the QR decomposition a = q @ r as a record {q, r}",
                help: """
                Reduced, as numpy's default: for an m×n matrix and k = min(m, n), q is m×k with orthonormal columns and r
                is k×n upper triangular. The signs are fixed so that the diagonal of r is non-negative (numpy leaves
                LAPACK's signs), which makes the decomposition unique for a matrix of full rank.
                \(linalgHelp)
                """,
                example: "d = qr (randn 4 3)\nd.q @ d.r", parameters: [linalgMatrixParameter]) { args throws(RuntimeError) in
            let a = try linalgOperand(args, "a")
            let (q, r) = try linalg(args, "a", a) { () throws(LinalgError) in try Linalg.qr(a.elements, rows: a.rows, columns: a.columns) }
            let k = min(a.rows, a.columns)
            return .record(Record([("q", try linalgResult(q, [a.rows, k], "qr")), ("r", try linalgResult(r, [k, a.columns], "qr"))]))
        },
        Command("cholesky", topic: "linear algebra", summary: "the lower-triangular l with l @ l.T = a, for a symmetric positive-definite a",
                help: """
                a must be symmetric (up to Float32 rounding: 1e-5 of its largest element; its symmetric part is used) and
                positive definite; otherwise the error names the entry or the leading minor.
                \(linalgHelp)
                """,
                example: "l = cholesky (tensor [[4, 2], [2, 3]])", parameters: [linalgMatrixParameter]) { args throws(RuntimeError) in
            let a = try linalgOperand(args, "a", square: true)
            let l = try linalg(args, "a", a) { () throws(LinalgError) in
                try Linalg.cholesky(a.elements, n: a.rows, symmetryTolerance: Linalg.float32SymmetryTolerance)
            }
            return try linalgResult(l, a.shape, "cholesky")
        },
        Command("svd", topic: "linear algebra", summary: "the singular value decomposition a = u @ diag(s) @ vt as a record {u, s, vt}",
                help: """
                Reduced unless full=true (numpy's full_matrices=False is the default here): for an m×n matrix and
                k = min(m, n), u is m×k, s holds the k singular values largest first, vt is k×n. With full=true, u is m×m
                and vt n×n. Signs are fixed: in each column of u the entry of largest magnitude is positive (scikit-learn's
                svd_flip), so results are reproducible.
                \(linalgHelp)
                """,
                example: "d = svd (randn 5 3)\nd.s",
                parameters: [linalgMatrixParameter, .keyword("full", .bool, default: .bool(false), "square u and vt (numpy's full_matrices=True)")]) { args throws(RuntimeError) in
            let a = try linalgOperand(args, "a")
            let full = try args.bool("full")
            let d = try linalg(args, "a", a) { () throws(LinalgError) in try Linalg.svd(a.elements, rows: a.rows, columns: a.columns, full: full) }
            let k = min(a.rows, a.columns)
            return .record(Record([("u", try linalgResult(d.u, [a.rows, full ? a.rows : k], "svd")),
                                   ("s", try linalgResult(d.s, [k], "svd")),
                                   ("vt", try linalgResult(d.vt, [full ? a.columns : k, a.columns], "svd"))]))
        },
        Command("eigh", topic: "linear algebra", summary: "eigenvalues and eigenvectors of a symmetric matrix as a record {values, vectors}",
                help: """
                values are in increasing order; column j of vectors is the unit eigenvector of values[j], its entry of
                largest magnitude positive (numpy leaves LAPACK's signs). a must be symmetric as for cholesky.
                \(linalgHelp)
                """,
                example: "e = eigh (tensor [[2, 1], [1, 2]])\ne.values", parameters: [linalgMatrixParameter]) { args throws(RuntimeError) in
            let a = try linalgOperand(args, "a", square: true)
            let e = try linalg(args, "a", a) { () throws(LinalgError) in
                try Linalg.eigh(a.elements, n: a.rows, symmetryTolerance: Linalg.float32SymmetryTolerance)
            }
            return .record(Record([("values", try linalgResult(e.values, [a.rows], "eigh")),
                                   ("vectors", try linalgResult(e.vectors, a.shape, "eigh"))]))
        },
        Command("pinv", topic: "linear algebra", summary: "the Moore–Penrose pseudo-inverse of a matrix (n×m for an m×n matrix)",
                help: """
                From the SVD; singular values at most rcond times the largest count as zero (numpy's default 1e-15).
                \(linalgHelp)
                """,
                example: "pinv (tensor [[1, 2], [2, 4], [3, 6]])",
                parameters: [linalgMatrixParameter, .keyword("rcond", .number, default: .number(1e-15), "relative cutoff for small singular values")]) { args throws(RuntimeError) in
            let a = try linalgOperand(args, "a")
            let rcond = try args.number("rcond")
            guard rcond >= 0 && rcond < 1 else {
                throw RuntimeError("rcond must be at least 0 and below 1, got \(Value.number(rcond).repr)", at: args.location(of: "rcond"))
            }
            let p = try linalg(args, "a", a) { () throws(LinalgError) in try Linalg.pseudoInverse(a.elements, rows: a.rows, columns: a.columns, rcond: rcond) }
            return try linalgResult(p, [a.columns, a.rows], "pinv")
        },
        linalgNormCommand,
    ]

    static let linalgNormCommand = Command(
        "norm", topic: "linear algebra", summary: "the norm of a vector or matrix (numpy's ord=), or of each row or column with axis=",
        help: """
        Without ord: the square root of the sum of squares of all elements (any shape). Vectors: ord=p is
        (sum |x|^p)^(1/p); 2, 1, "inf" (largest |x|), "-inf" (smallest), 0 (number of non-zeros). Matrices: "fro"
        (the default), "nuc" (sum of singular values), 1 / -1 (largest / smallest column sum of |a|), 2 / -2 (largest
        / smallest singular value), "inf" / "-inf" (largest / smallest row sum). With axis=k the vector norm of each
        slice along axis k, as a tensor. Computed in double precision; shown at Float32 precision.
        """,
        example: "norm (tensor [3, 4])\nnorm a ord=\"fro\"\nnorm x ord=1\nnorm rows axis=1",
        parameters: [.positional("x", .oneOf([.tensor, .list]), "a vector or matrix"),
                     .keyword("ord", .oneOf([.number, .string]), optional: true, "which norm: a number, \"inf\", \"-inf\", \"fro\" or \"nuc\""),
                     .keyword("axis", .integer, optional: true, "norms of the slices along this axis")]
    ) { args throws(RuntimeError) in
        if args.isTracked("x") { return try differentiableNorm(args) }
        let x = try linalgOperand(args, "x", ranks: 0...Int.max)
        let ordAt = args.location(of: "ord")
        // The order as numpy writes it: a number, or a name.
        var number: Double?, name: String?
        switch args["ord"] {
        case .number(let p)?: number = p
        case .string(let s)?:
            switch s {
            case "inf": number = .infinity
            case "-inf": number = -.infinity
            case "fro", "nuc": name = s
            default:
                throw RuntimeError("ord must be a number, \"inf\", \"-inf\", \"fro\" or \"nuc\", got \"\(s)\"\(Suggestions.hint(for: s, in: ["inf", "-inf", "fro", "nuc"]))", at: ordAt)
            }
        default: break
        }
        if let p = number, p.isNaN { throw RuntimeError("ord must be a number, got nan", at: ordAt) }
        func result(_ body: () throws(LinalgError) -> Double) throws(RuntimeError) -> Value {
            .number(Double.atFloat32Precision(try linalg(args, "x", x, body)))
        }
        if let axisValue = args["axis"] {
            let rank = x.shape.count
            guard let given = axisValue.integer, (-rank..<rank).contains(given) else {
                throw RuntimeError("axis \(axisValue.repr) is out of range for a tensor of shape \(Tensor.format(shape: x.shape))", at: args.location(of: "axis"))
            }
            if let name { throw RuntimeError("ord=\"\(name)\" is a matrix norm; with axis= the norms are of vectors", at: ordAt) }
            let axis = given < 0 ? given + rank : given
            let length = x.shape[axis], inner = x.shape[(axis + 1)...].reduce(1, *), outer = x.shape[..<axis].reduce(1, *)
            var out = [Double](repeating: 0, count: outer * inner)
            var slice = [Double](repeating: 0, count: length)
            for o in 0..<outer {
                for i in 0..<inner {
                    for k in 0..<length { slice[k] = x.elements[(o * length + k) * inner + i] }
                    out[o * inner + i] = Double.atFloat32Precision(try linalg(args, "x", x) { () throws(LinalgError) in
                        try Linalg.vectorNorm(slice, order: number ?? 2)
                    })
                }
            }
            var shape = x.shape
            shape.remove(at: axis)
            return try linalgResult(out, shape, "norm")
        }
        if number == nil && name == nil {
            return try result { () throws(LinalgError) in try Linalg.vectorNorm(x.elements) }
        }
        switch x.shape.count {
        case 1:
            if let name { throw RuntimeError("ord=\"\(name)\" is a matrix norm; a vector takes a number, \"inf\" or \"-inf\"", at: ordAt) }
            return try result { () throws(LinalgError) in try Linalg.vectorNorm(x.elements, order: number ?? 2) }
        case 2:
            let order: Linalg.MatrixNormOrder
            if name == "fro" { order = .frobenius } else if name == "nuc" { order = .nuclear }
            else if let p = number, let o = Linalg.MatrixNormOrder(number: p) { order = o }
            else {
                throw RuntimeError("ord=\(Value.number(number ?? 0).repr) is not a matrix norm; a matrix takes 1, -1, 2, -2, \"inf\", \"-inf\", \"fro\" or \"nuc\"", at: ordAt)
            }
            return try result { () throws(LinalgError) in try Linalg.matrixNorm(x.elements, rows: x.rows, columns: x.columns, order: order) }
        default:
            throw RuntimeError("norm with ord= needs a vector or a matrix, got shape \(Tensor.format(shape: x.shape)); without ord it is the norm of all elements", at: args.location(of: "x"))
        }
    }

    /// `norm` of a tensor that carries gradients: the norms that are differentiable almost everywhere — vector
    /// norms (any shape without ord=, a vector's ord=p, each slice's with axis=), and a matrix's "fro", 1, -1,
    /// "inf" and "-inf" norms (sums of |a| along columns or rows, then their largest or smallest). The norms made
    /// of singular values (2, -2, "nuc") are refused, naming `detach`.
    static func differentiableNorm(_ args: Arguments) throws(RuntimeError) -> Value {
        let x = try args.variable("x")
        let ordAt = args.location(of: "ord")
        var order: Double?, name: String?
        switch args["ord"] {
        case .number(let p)?: order = p
        case .string(let s)?:
            switch s {
            case "inf": order = .infinity
            case "-inf": order = -.infinity
            case "fro", "nuc": name = s
            default:
                throw RuntimeError("ord must be a number, \"inf\", \"-inf\", \"fro\" or \"nuc\", got \"\(s)\"\(Suggestions.hint(for: s, in: ["inf", "-inf", "fro", "nuc"]))", at: ordAt)
            }
        default: break
        }
        if let p = order, p.isNaN { throw RuntimeError("ord must be a number, got nan", at: ordAt) }
        if let p = order, p < 0, p != -.infinity, x.rank != 2 || args["axis"] != nil {
            throw RuntimeError("norm with ord=\(Value.number(p).repr) cannot be differentiated; use a positive order, or detach x", at: ordAt)
        }
        func run(_ body: () throws(TensorError) -> Variable) throws(RuntimeError) -> Value {
            do throws(TensorError) { return differentiableResult(try body()) } catch {
                throw RuntimeError("norm: \(error.message)", at: args.location(of: "x"))
            }
        }
        if let axisValue = args["axis"] {
            let rank = x.rank
            guard let given = axisValue.integer, (-rank..<rank).contains(given) else {
                throw RuntimeError("axis \(axisValue.repr) is out of range for a tensor of shape \(Tensor.format(shape: x.value.shape))", at: args.location(of: "axis"))
            }
            if let name { throw RuntimeError("ord=\"\(name)\" is a matrix norm; with axis= the norms are of vectors", at: ordAt) }
            return try run { () throws(TensorError) in try x.norm(order: order ?? 2, axis: given) }
        }
        if order == nil && name == nil { return try run { () throws(TensorError) in try x.norm() } }
        switch x.rank {
        case 1:
            if let name { throw RuntimeError("ord=\"\(name)\" is a matrix norm; a vector takes a number, \"inf\" or \"-inf\"", at: ordAt) }
            return try run { () throws(TensorError) in try x.norm(order: order ?? 2) }
        case 2:
            if name == "fro" { return try run { () throws(TensorError) in try x.norm() } }
            let p = order ?? .nan
            switch p {
            case 1: return try run { () throws(TensorError) in try x.abs().sum(axis: 0).max() }
            case -1: return try run { () throws(TensorError) in try x.abs().sum(axis: 0).min() }
            case .infinity: return try run { () throws(TensorError) in try x.abs().sum(axis: 1).max() }
            case -.infinity: return try run { () throws(TensorError) in try x.abs().sum(axis: 1).min() }
            case _ where p == 2 || p == -2 || name == "nuc":
                let which = name.map { "\"\($0)\"" } ?? Value.number(p).repr
                throw RuntimeError("norm ord=\(which) of a matrix (from its singular values) cannot be differentiated; use ord=\"fro\", or detach x", at: ordAt)
            default:
                throw RuntimeError("ord=\(Value.number(order ?? 0).repr) is not a matrix norm; a matrix takes 1, -1, 2, -2, \"inf\", \"-inf\", \"fro\" or \"nuc\"", at: ordAt)
            }
        default:
            throw RuntimeError("norm with ord= needs a vector or a matrix, got shape \(Tensor.format(shape: x.value.shape)); without ord it is the norm of all elements", at: args.location(of: "x"))
        }
    }
}
