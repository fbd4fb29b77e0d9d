import SPSLanguage
import SPSNumeric
import SPSTraining

/// Commands that make and transform data: generators, distributions, augmentations, tables, CSV.
enum DataCommands {
    static func all() -> [Command] {
        [spurious, scm, sample, seed, pythonRandom] + distributions + augmentations + moreAugmentations + [apply]
            + tables + columns + files
    }

    /// `seed n`: the global seed; every random stream derives from it, and their use counts restart.
    static let seed = Command(
        "seed", topic: "data", summary: "set the global seed; every random stream derives from it",
        help: """
        Sets the seed of the session. Data, initial weights, batch order and augmentations each draw from their own
        stream derived from this seed, so `seed 0` followed by the same commands gives bit-identical results, and
        adding an augmentation does not change the data or the initial weights.
        """,
        example: "seed 0",
        parameters: [.positional("n", .integer, "the seed (any integer)")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let n = try args.integer("n")
        args.interpreter.seed = UInt64(bitPattern: Int64(n))
        args.interpreter.resetStreams()
        return .nil
    }

    /// `python_random seed n=…`: the numbers CPython's `random.random()` gives after `random.seed(seed)`.
    static let pythonRandom = Command(
        "python_random", topic: "data", summary: "the numbers Python's random.random() gives after random.seed(seed)",
        help: """
        Reproduces CPython's `random` module (MT19937, seeded by `init_by_array` with the seed's 32-bit words) so a
        script can draw exactly what a published Python script drew, such as InvarianceUnitTests' hyperparameters:
        `random.uniform(a, b)` is `a + (b - a) * u`. Without n, one number; with n, a list of the first n. It has its
        own state made from the seed on each call and leaves sps's streams (`seed`) untouched.
        """,
        example: "u = python_random 1004 n=2\n10 ** (-4 + 2 * u[0])",
        parameters: [.positional("seed", .integer, "the seed given to random.seed (an integer; a negative one counts as its absolute value)"),
                     .keyword("n", .integer, optional: true, "how many numbers to return as a list")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        var generator = MersenneTwister(pythonSeed: Int64(try args.integer("seed")))
        guard let given = args["n"], !given.isNil else { return .number(generator.nextUniform()) }
        let n = try args.integer("n")
        guard n >= 0, n <= 10_000_000 else { throw RuntimeError("n must be between 0 and 10000000, got \(n)", at: args.location(of: "n")) }
        return .list((0..<n).map { _ in .number(generator.nextUniform()) })
    }

    /// `spurious n=… factor=…`: the case study's generator.
    static let spurious = Command(
        "spurious", topic: "data", summary: "the case study's data: y from x1, x2, and a spurious child x3 of y",
        help: """
        Draws n rows with x1, x2 ~ N(0, 1); y = a*x1 + b*x2 + c + N(0, noise); x3 = y / factor + N(0, x3noise).
        `factor` (the strength of the spurious link) may be a distribution, drawn per row — domain
        randomization — or `envs=k` draws one factor per environment block of rows and tags rows with it.
        """,
        example: "train = spurious n=5000 factor=0.2\ndr = spurious n=5000 factor=(uniform 0.02 1)",
        parameters: [
            .keyword("n", .integer, default: .number(1000), unit: "rows", "number of rows"),
            .keyword("factor", numberOrDistribution, default: .number(0.2), "x3 = y / factor + noise; a distribution is drawn per row"),
            .keyword("a", .number, default: .number(1), "coefficient of x1"),
            .keyword("b", .number, default: .number(2), "coefficient of x2"),
            .keyword("c", .number, default: .number(3), "intercept"),
            .keyword("noise", .number, default: .number(1), "std of the noise on y"),
            .keyword("x3noise", .number, default: .number(3), "std of the noise on x3"),
            .keyword("envs", .integer, default: .number(0), "draw factor once per environment (k equal blocks of rows)"),
        ]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let rows = try checkedRows(args.integer("n"))
        try Limits.checkDataset(rows: rows, width: 3, "spurious n=\(rows)")
        var generator = SpuriousGenerator(factor: try args.distribution("factor"))
        generator.coefficient1 = try args.number("a")
        generator.coefficient2 = try args.number("b")
        generator.intercept = try args.number("c")
        generator.targetNoise = try args.number("noise")
        generator.spuriousNoise = try args.number("x3noise")
        let environments = try args.integer("envs")
        guard environments >= 0 && environments <= max(rows, 1) else {
            throw RuntimeError("envs must be between 0 and n (\(rows)), got \(environments)")
        }
        var rng = args.interpreter.nextStream(.data)
        if environments == 0 { return .dataset(generator.generate(rows: rows, rng: &rng)) }
        var parts: [Dataset] = []
        for e in 0..<environments {
            var block = generator
            block.factor = .constant(generator.factor.sample(&rng))
            let count = rows / environments + (e < rows % environments ? 1 : 0)
            parts.append(block.generate(rows: count, rng: &rng))
        }
        return .dataset(try converting { try Dataset.concat(parts) })
    }

    /// Rejects row counts that would not fit in memory, before allocating anything.
    static func checkedRows(_ n: Int) throws(RuntimeError) -> Int {
        guard n >= 0 else { throw RuntimeError("n must be >= 0, got \(n)") }
        guard n <= 100_000_000 else { throw RuntimeError("n=\(n) rows is more than sps allows in memory (at most 100,000,000 rows)") }
        return n
    }

    // MARK: - Distributions

    /// The `cols=` keyword every distribution takes: inside `scm`, a block of that many columns.
    static let columnsParameter = SPSLanguage.Parameter.keyword(
        "cols", .integer, optional: true, "inside scm: draw a block of this many columns (an n×cols tensor)")

    /// The distribution commands. Outside `scm` each returns a Distribution value (drawn per row where a number is
    /// expected); inside an `scm` block each returns its draws for the block's rows (see `drawOrValue`).
    static let distributions: [Command] = [
        Command("normal", topic: "data", summary: "the normal distribution N(mean, std), drawn per row where a number is expected",
                help: """
                A Distribution value: passed where a number is expected (`factor=`, `std=`) it is drawn afresh for every row.
                Inside `scm { … }` it is drawn right away: one value per row (a column), or an n×k block with `cols=k`.
                `(normal 0 1) 5` draws 5 values; `sample (normal 0 1)` draws one.
                """,
                example: "x = normal 0 1        # inside scm: a column\nspurious factor=(normal 0.2 0.02)",
                parameters: [.positional("mean", .number, default: .number(0), "mean"), .positional("std", .number, default: .number(1), "standard deviation"),
                             columnsParameter]) { (args: inout Arguments) throws(RuntimeError) in
            let std = try args.number("std")
            guard std >= 0 else { throw RuntimeError("normal: std must be >= 0, got \(formatNumber(std))") }
            return try drawOrValue(.normal(mean: try args.number("mean"), std: std), args)
        },
        Command("uniform", topic: "data", summary: "the uniform distribution on [low, high), drawn per row where a number is expected",
                help: "A Distribution value (see `help normal`); inside `scm { … }`, one draw per row (`cols=k` for a block).",
                example: "dr = spurious n=5000 factor=(uniform 0.02 1)",
                parameters: [.positional("low", .number, default: .number(0), "lower end"), .positional("high", .number, default: .number(1), "upper end"),
                             columnsParameter]) { (args: inout Arguments) throws(RuntimeError) in
            let low = try args.number("low"), high = try args.number("high")
            guard low <= high else { throw RuntimeError("uniform: low (\(formatNumber(low))) must not exceed high (\(formatNumber(high)))") }
            return try drawOrValue(.uniform(low: low, high: high), args)
        },
        Command("loguniform", topic: "data", summary: "log-uniform on [low, high): uniform in log space (low > 0)",
                help: "A Distribution value (see `help normal`); inside `scm { … }`, one draw per row (`cols=k` for a block).",
                example: "spurious factor=(loguniform 0.02 1)",
                parameters: [.positional("low", .number, "lower end (> 0)"), .positional("high", .number, "upper end"),
                             columnsParameter]) { (args: inout Arguments) throws(RuntimeError) in
            let low = try args.number("low"), high = try args.number("high")
            guard low > 0 && low <= high else { throw RuntimeError("loguniform needs 0 < low <= high, got \(formatNumber(low)) and \(formatNumber(high))") }
            return try drawOrValue(.logUniform(low: low, high: high), args)
        },
        Command("choice", topic: "data", summary: "one of the listed values (equally likely, or with weights p=), drawn per row; size= draws now",
                help: """
                Without size=, a Distribution value (see `help normal`): drawn per row where a number is expected; inside
                `scm { … }`, one draw per row (`cols=k` for a block). p= gives each value a probability (weights are
                normalized). With size=k it draws k values right away from the seeded user stream, as numpy's
                `choice`: `replace=false` draws without replacement (each value at most once). `choice 10 size=3
                replace=false` draws from 0 … 9.
                """,
                example: "spurious factor=(choice [0.1, 0.2, 0.5])\nchoice [1, 2, 3] size=5 p=[0.5, 0.3, 0.2]\nchoice 10 size=3 replace=false",
                parameters: [.positional("values", .oneOf([.list, .tensor, .integer]), "the values to choose from (a count n: 0 … n−1)"),
                             .keyword("size", .integer, optional: true, "draw this many values now (a tensor) instead of making a distribution"),
                             .keyword("replace", .bool, default: .bool(true), "with size=: false draws each value at most once"),
                             .keyword("p", .oneOf([.list, .tensor]), optional: true, "a weight per value (normalized to probabilities)"),
                             columnsParameter]) { (args: inout Arguments) throws(RuntimeError) in
            try choice(&args)
        },
        Command("constant", topic: "data", summary: "a distribution that always gives the same value",
                help: "A Distribution value (see `help normal`); inside `scm { … }`, a column of that value (`cols=k` for a block).",
                example: "spurious factor=(constant 0.2)",
                parameters: [.positional("value", .number, "the value"), columnsParameter]) { (args: inout Arguments) throws(RuntimeError) in
            try drawOrValue(.constant(try args.number("value")), args)
        },
    ]

    // MARK: - Augmentations

    /// The probability keyword every augmentation takes.
    static let probability = SPSLanguage.Parameter.keyword("p", .number, default: .number(1), "apply to a batch with this probability")

    static func probability(_ args: Arguments) throws(RuntimeError) -> Double {
        let p = try args.number("p")
        guard p >= 0 && p <= 1 else { throw RuntimeError("p must be between 0 and 1, got \(formatNumber(p))") }
        return p
    }

    static let augmentations: [Command] = [
        Command("noise", topic: "augmentation", summary: "augmentation: add N(0, std) noise to a column of every training batch",
                help: "Applied to each batch during training with its own random stream; evaluation data is never augmented. Inspect it with `apply a data`.",
                example: "jitter = noise x3 std=30\nfit m train epochs=30 aug=jitter",
                parameters: [.positional("column", .columnName, "the column to perturb"),
                             .keyword("std", numberOrDistribution, default: .number(1), "noise standard deviation (a distribution is drawn per row)"),
                             probability]) { (args: inout Arguments) throws(RuntimeError) in
            .native(AugmentationObject(.noise(column: try args.string("column"), std: try args.distribution("std"), probability: try probability(args))))
        },
    ]
}
