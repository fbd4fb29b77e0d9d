import SPSNumeric

/// An error about data: unknown columns, mismatched sets, bad fractions. Messages name what was expected.
public struct DataError: CoreError, Equatable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}

// MARK: - Columns and rows

extension Dataset {
    /// Every column name: the features, then the target.
    public var columnNames: [String] { featureNames + [targetName] }

    /// The values of a feature or of the target, by name.
    public func column(named name: String) throws(DataError) -> Tensor {
        if name == targetName { return target }
        guard let index = featureNames.firstIndex(of: name) else {
            throw DataError("no column named '\(name)'; the columns are \(columnNames.joined(separator: ", "))")
        }
        return (try? features.column(index)) ?? Tensor([])
    }

    /// The rows at `indices`, in that order (environment tags follow).
    public func rows(at indices: [Int]) throws(DataError) -> Dataset {
        for index in indices where index < 0 || index >= count {
            throw DataError("row \(index) is out of range for \(count) rows")
        }
        // Indices were checked above, so gathering cannot fail.
        let x = (try? features.gatherRows(indices)) ?? features
        let y = Tensor(indices.map { target.storage[$0] })
        return Dataset(unchecked: x, y, featureNames, targetName, environment.map { env in indices.map { env[$0] } })
    }

    /// The rows in a half-open range.
    public func rows(_ range: Range<Int>) throws(DataError) -> Dataset {
        try rows(at: Array(range))
    }

    /// The first `n` rows (all when there are fewer).
    public func head(_ n: Int = 5) -> Dataset {
        (try? rows(0..<min(max(n, 0), count))) ?? self
    }

    /// The chosen feature columns in the given order (the target stays).
    public func select(_ names: [String]) throws(DataError) -> Dataset {
        var indices: [Int] = []
        for name in names {
            guard let index = featureNames.firstIndex(of: name) else {
                throw DataError("no feature named '\(name)'; the features are \(featureNames.joined(separator: ", "))")
            }
            indices.append(index)
        }
        let parts = indices.compactMap { try? features.column($0) }
        let x = (try? Tensor.hstack(parts)) ?? Tensor.zeros([count, 0])
        return Dataset(unchecked: x.rank == 2 ? x : Tensor.zeros([count, 0]), target, names, targetName, environment)
    }

    /// The largest environment tag. Tags are whole numbers from 0 to 2^24 − 1: they print and read back as
    /// themselves, and the `env` member's Float tensor holds each exactly.
    public static let maxEnvironmentTag = (1 << 24) - 1

    /// A CSV field as an environment tag: a whole number from 0 to `maxEnvironmentTag`, or nil (for `0.5`, `-1`,
    /// `nan`, `9e18`, text). Checked before converting, so a tag is never truncated, rounded or wrapped.
    public static func environmentTag<S: StringProtocol>(_ text: S) -> Int? {
        guard let x = Double(text), x.isFinite, x.rounded(.towardZero) == x,
              x >= 0, x <= Double(maxEnvironmentTag) else { return nil }
        return Int(x)
    }

    /// The sets one after another, each tagged with its position as the environment (existing tags are offset, so
    /// a set tagged 0…k−1 becomes tags after the previous set's). An error when the tags would pass
    /// `maxEnvironmentTag`, or a set has a tag out of range: never a wrapped-around tag.
    public static func concat(_ sets: [Dataset]) throws(DataError) -> Dataset {
        guard let first = sets.first else { throw DataError("concat needs at least one dataset") }
        var x: [Float] = [], y: [Float] = [], env: [Int] = []
        var nextEnvironment = 0
        for (position, set) in sets.enumerated() {
            guard set.featureNames == first.featureNames, set.targetName == first.targetName else {
                throw DataError("concat needs the same columns in every set: \(first.columnNames.joined(separator: ", ")) vs \(set.columnNames.joined(separator: ", "))")
            }
            let tags = set.environment ?? Array(repeating: 0, count: set.count)
            if let bad = tags.first(where: { $0 < 0 || $0 > maxEnvironmentTag }) {
                throw DataError("concat: set \(position + 1) has the environment tag \(bad); tags are whole numbers from 0 to \(maxEnvironmentTag)")
            }
            let highest = tags.max() ?? -1
            // Both at most maxEnvironmentTag + 1 here, so the sum cannot overflow.
            guard nextEnvironment + highest <= maxEnvironmentTag else {
                throw DataError("concat: set \(position + 1) has tags up to \(highest), which after the \(nextEnvironment) environments before it would pass the largest tag, \(maxEnvironmentTag)")
            }
            x += set.features.storage
            y += set.target.storage
            env += tags.map { $0 + nextEnvironment }
            nextEnvironment += highest + 1
        }
        let features = (try? Tensor(shape: [y.count, first.width], storage: x)) ?? first.features
        return Dataset(unchecked: features, Tensor(y), first.featureNames, first.targetName, env)
    }

    /// A random split into (first, rest) with `fraction` of the rows in the first part.
    public func split(fraction: Double, rng: inout RandomStream) throws(DataError) -> (Dataset, Dataset) {
        guard fraction > 0 && fraction < 1 else { throw DataError("split fraction must be between 0 and 1 (exclusive), got \(fraction)") }
        var order = Array(0..<count)
        rng.shuffle(&order)
        let cut = Int((Double(count) * fraction).rounded())
        return (try rows(at: Array(order[..<cut])), try rows(at: Array(order[cut...])))
    }

    /// The rows in a random order.
    public func shuffled(rng: inout RandomStream) -> Dataset {
        var order = Array(0..<count)
        rng.shuffle(&order)
        return (try? rows(at: order)) ?? self
    }

    /// Creates a dataset whose parts are known to agree.
    init(unchecked features: Tensor, _ target: Tensor, _ featureNames: [String], _ targetName: String, _ environment: [Int]?) {
        self.features = features
        self.target = target
        self.featureNames = featureNames
        self.targetName = targetName
        self.environment = environment
    }
}

// MARK: - Statistics

/// Per-feature means and standard deviations, measured on one set and applied to others.
public struct Standardization: Sendable, Equatable {
    public let names: [String]
    public let means: [Double]
    public let stds: [Double]

    /// Measures the feature statistics of `data` (population std; a constant column keeps scale 1).
    public init(measuring data: Dataset) {
        names = data.featureNames
        var m: [Double] = [], s: [Double] = []
        for j in 0..<data.width {
            let v = ((try? data.features.column(j)) ?? Tensor([])).storage.map(Double.init)
            let mean = v.reduce(0, +) / Double(max(v.count, 1))
            let variance = v.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(max(v.count, 1))
            m.append(mean)
            s.append(variance > 0 ? variance.squareRoot() : 1)
        }
        means = m
        stds = s
    }

    /// `data` with each feature shifted and scaled by these statistics (matched by column name).
    public func apply(to data: Dataset) throws(DataError) -> Dataset {
        guard data.featureNames == names else {
            throw DataError("standardize: the statistics are for \(names.joined(separator: ", ")) but the data has \(data.featureNames.joined(separator: ", "))")
        }
        var x = data.features
        let width = data.width
        x.withUnsafeMutableBufferPointer { p in
            for i in 0..<data.count {
                for j in 0..<width { p[i * width + j] = Float((Double(p[i * width + j]) - means[j]) / stds[j]) }
            }
        }
        return Dataset(unchecked: x, data.target, data.featureNames, data.targetName, data.environment)
    }
}

extension Dataset {
    /// Count, mean, std, min, quartiles, max and correlation with the target for every column.
    public func describe() -> Table {
        let names = columnNames
        var stats: [[Double]] = Array(repeating: [], count: 9)
        let y = target.storage.map(Double.init)
        for name in names {
            let v = ((try? column(named: name)) ?? Tensor([])).storage.map(Double.init)
            let s = Summary(v)
            let row = [s.count, s.mean, s.std, s.min, s.quantile(0.25), s.median, s.quantile(0.75), s.max, correlation(v, y)]
            for (i, value) in row.enumerated() { stats[i].append(value) }
        }
        let labels = ["count", "mean", "std", "min", "25%", "50%", "75%", "max", "corr_\(targetName)"]
        return Table([Table.Column("column", strings: names)] + zip(labels, stats).map { Table.Column($0, numbers: $1) })
    }

    /// The correlation matrix of all columns (features and target), as a table with a `column` label column.
    public func correlations() -> Table {
        let names = columnNames
        let values = names.map { ((try? column(named: $0)) ?? Tensor([])).storage.map(Double.init) }
        var columns = [Table.Column("column", strings: names)]
        for (j, name) in names.enumerated() {
            columns.append(Table.Column(name, numbers: values.indices.map { correlation(values[$0], values[j]) }))
        }
        return Table(columns)
    }
}

/// Descriptive statistics of a list of numbers (NaN skipped), with numpy's linear-interpolation quantiles.
public struct Summary: Sendable {
    public let sorted: [Double]
    public let mean: Double
    public let std: Double

    public init(_ values: [Double]) {
        sorted = values.filter { !$0.isNaN }.sorted()
        let n = Double(sorted.count)
        let m = sorted.isEmpty ? Double.nan : sorted.reduce(0, +) / n
        mean = m
        std = sorted.count < 2 ? .nan : (sorted.map { ($0 - m) * ($0 - m) }.reduce(0, +) / (n - 1)).squareRoot()
    }

    public var count: Double { Double(sorted.count) }
    public var min: Double { sorted.first ?? .nan }
    public var max: Double { sorted.last ?? .nan }
    public var median: Double { quantile(0.5) }

    /// The q-quantile by linear interpolation between order statistics.
    public func quantile(_ q: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let position = q * Double(sorted.count - 1)
        let low = Int(position.rounded(.down)), high = Swift.min(low + 1, sorted.count - 1)
        return sorted[low] + (sorted[high] - sorted[low]) * (position - Double(low))
    }
}

/// Pearson correlation; NaN when either side is constant.
public func correlation(_ a: [Double], _ b: [Double]) -> Double {
    let n = Double(min(a.count, b.count))
    guard n > 1 else { return .nan }
    let ma = a.reduce(0, +) / n, mb = b.reduce(0, +) / n
    var sab = 0.0, saa = 0.0, sbb = 0.0
    for (x, y) in zip(a, b) {
        sab += (x - ma) * (y - mb)
        saa += (x - ma) * (x - ma)
        sbb += (y - mb) * (y - mb)
    }
    return saa == 0 || sbb == 0 ? .nan : sab / (saa * sbb).squareRoot()
}
