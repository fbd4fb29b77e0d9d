// sps-bench: the native side of benchmarks/run. Each subcommand does the same work as the matching PyTorch
// script in benchmarks/ and prints one JSON line with its wall time and peak memory.
import Foundation
import SPSNumeric
import SPSTraining

/// Wall-clock seconds since an arbitrary origin.
func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// Peak resident memory of this process in MiB.
func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func option(_ name: String, _ fallback: Int) -> Int {
    let args = CommandLine.arguments
    if let i = args.firstIndex(of: name), i + 1 < args.count, let value = Int(args[i + 1]) { return value }
    return fallback
}

/// A report as one line of JSON with sorted, snake_case keys (`peakRssMb` → `peak_rss_mb`), as benchmarks/run reads it.
func json(_ report: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    guard let data = try? encoder.encode(report), let text = String(data: data, encoding: .utf8) else { return "{}" }
    return text
}

/// Mean and sample standard deviation of one metric over a cell's seeds.
struct Stats: Encodable {
    let mean: Double, std: Double
    init(_ values: [Double]) {
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(max(values.count - 1, 1))
        (self.mean, self.std) = (mean, variance.squareRoot())
    }
}

/// One treatment × model cell of the case study.
struct CellReport: Encodable {
    let iidRmse: Stats, oodRmse: Stats
    /// Linear models only.
    let x3Weight: Stats?
}

struct CaseStudyReport: Encodable {
    let benchmark = "case-study"
    let seconds: Double, peakRssMb: Double, runs: Int, threads: Int
    /// By "treatment/model".
    let table: [String: CellReport]
}

struct LargeMLPReport: Encodable {
    let benchmark = "large-mlp"
    let seconds: Double, samplesPerSecond: Double, threads: Int, peakRssMb: Double, finalLoss: Double
}

struct FailureReport: Encodable {
    let benchmark: String, error: String
}

/// One cell of the case study's result.
struct RunResult: Sendable {
    let treatment: String, model: String, seed: Int
    let iid: Double, ood: Double, x3Weight: Double
}

/// The whole case study: 3 data treatments × {linear, MLP 3-64-64-1} × seeds.
func caseStudy() {
    let seeds = option("--runs-per-cell", 10), rows = option("--rows", 5000), epochs = option("--epochs", 30)
    let threads = option("--threads", ProcessInfo.processInfo.activeProcessorCount)
    Kernels.setBLASThreads(1)
    let treatments = ["baseline", "domain_randomization", "augmentation"], models = ["linear", "mlp"]
    let jobs = treatments.flatMap { t in models.flatMap { m in (0..<seeds).map { (t, m, $0) } } }
    let start = now()
    let results = ParallelRuns.map(count: jobs.count, threads: threads) { index -> RunResult in
        let (treatment, modelName, seed) = jobs[index]
        let s = UInt64(seed)
        var dataStream = RandomStream(seed: s, purpose: .data)
        let factor: Distribution = treatment == "domain_randomization" ? .uniform(low: 0.02, high: 1) : .constant(0.2)
        let train = SpuriousGenerator(factor: factor).generate(rows: rows, rng: &dataStream)
        let iid = SpuriousGenerator(factor: .constant(0.2)).generate(rows: rows, rng: &dataStream)
        let ood = SpuriousGenerator(factor: .constant(0.1)).generate(rows: rows, rng: &dataStream)
        var initStream = RandomStream(seed: s, purpose: .initialization)
        let model: any Layer = modelName == "linear"
            ? Linear(3, 1, rng: &initStream)
            : Sequential.mlp(sizes: [3, 64, 64, 1], activation: .relu, rng: &initStream)
        do {
            let optimizer = try Adam(parameters: model.parameters, learningRate: 1e-3)
            let loop = try TrainingLoop(
                model: model, data: train, loss: .mse, optimizer: optimizer,
                schedule: try Schedule(.step(stepSize: 10, gamma: 0.5)), batchSize: 32,
                augmentation: treatment == "augmentation" ? Augmentation.noise(column: "x3", std: .constant(30), probability: 1) : nil,
                seed: s)
            try loop.run(epochs: epochs)
            let w3 = (model as? Linear).map { Double($0.weight.value[0, 2]) } ?? .nan
            return RunResult(treatment: treatment, model: modelName, seed: seed,
                             iid: try evaluate(model, on: iid, metric: .rmse),
                             ood: try evaluate(model, on: ood, metric: .rmse), x3Weight: w3)
        } catch {
            return RunResult(treatment: treatment, model: modelName, seed: seed, iid: .nan, ood: .nan, x3Weight: .nan)
        }
    }
    let seconds = now() - start
    var table: [String: CellReport] = [:]
    for t in treatments {
        for m in models {
            let cell = results.filter { $0.treatment == t && $0.model == m }
            table["\(t)/\(m)"] = CellReport(iidRmse: Stats(cell.map(\.iid)), oodRmse: Stats(cell.map(\.ood)),
                                             x3Weight: m == "linear" ? Stats(cell.map(\.x3Weight)) : nil)
        }
    }
    print(json(CaseStudyReport(seconds: seconds, peakRssMb: peakRSSMegabytes(), runs: jobs.count, threads: threads, table: table)))
}

/// A large MLP: 100,000 × 32 inputs → 256 → 256 → 1, batch 256, Adam, 3 epochs.
func largeMLP() {
    let rows = option("--rows", 100_000), epochs = option("--epochs", 3)
    let threads = option("--threads", ProcessInfo.processInfo.activeProcessorCount)
    Kernels.setBLASThreads(threads)
    var dataStream = RandomStream(seed: 0, purpose: .data)
    let features = Tensor.randn([rows, 32], using: &dataStream)
    let target = Tensor.randn([rows], using: &dataStream)
    let names = (1...32).map { "x\($0)" }
    guard let data = try? Dataset(features: features, target: target, featureNames: names, targetName: "y") else { return }
    var initStream = RandomStream(seed: 0, purpose: .initialization)
    let model = Sequential.mlp(sizes: [32, 256, 256, 1], activation: .relu, rng: &initStream)
    let start = now()
    do {
        let optimizer = try Adam(parameters: model.parameters, learningRate: 1e-3)
        let loop = try TrainingLoop(model: model, data: data, optimizer: optimizer, batchSize: 256, seed: 0)
        try loop.run(epochs: epochs)
        let seconds = now() - start
        print(json(LargeMLPReport(seconds: seconds, samplesPerSecond: Double(rows * epochs) / seconds, threads: threads,
                                  peakRssMb: peakRSSMegabytes(), finalLoss: Double(loop.lastLoss ?? .nan))))
    } catch {
        print(json(FailureReport(benchmark: "large-mlp", error: "\(error)")))
    }
}

struct LinalgReport: Encodable {
    let benchmark = "linalg"
    /// `Linalg.solve` on a 10×10 system (Double API, no interpreter), microseconds per call, best of 7 × 20,000.
    let solve10Us: Double
    /// `Tensor.matmul` of two 1000×1000 Float32 matrices (OpenBLAS sgemm), milliseconds, best of 7 × 5.
    let matmul1000Ms: Double
    /// 2n³ / time of that product.
    let matmul1000Gflops: Double
    let threads: Int, peakRssMb: Double
    /// OpenBLAS's kernels (`Linalg.blasCore`).
    let blasCore: String
}

/// Linear algebra without the language: the 10×10 solve and the 1000×1000 product that benchmarks/linalg/run.sh
/// also times from sps scripts and in numpy.
func linalg() {
    let threads = option("--threads", ProcessInfo.processInfo.activeProcessorCount)
    Kernels.setBLASThreads(threads)
    var rng = RandomStream(seed: 0, purpose: .data)
    var a = (0..<100).map { _ in rng.nextNormal() }
    for i in 0..<10 { a[i * 10 + i] += 4 }
    let b = (0..<10).map { _ in rng.nextNormal() }
    func best(_ repeats: Int, _ count: Int, _ body: () -> Void) -> Double {
        var fastest = Double.infinity
        for _ in 0..<repeats {
            let start = now()
            for _ in 0..<count { body() }
            fastest = min(fastest, (now() - start) / Double(count))
        }
        return fastest
    }
    var sink = 0.0
    let solve = best(7, 20_000) { sink += (try? Linalg.solve(a, b, n: 10))?[0] ?? .nan }
    let m = Tensor.randn([1000, 1000], using: &rng), n = Tensor.randn([1000, 1000], using: &rng)
    let product = best(7, 5) { sink += Double((try? m.matmul(n))?.storage[0] ?? .nan) }
    guard sink.isFinite else {
        print(json(FailureReport(benchmark: "linalg", error: "a result was not finite")))
        return
    }
    print(json(LinalgReport(solve10Us: solve * 1e6, matmul1000Ms: product * 1e3, matmul1000Gflops: 2 * pow(1000, 3) / product / 1e9,
                            threads: threads, peakRssMb: peakRSSMegabytes(), blasCore: Linalg.blasCore)))
}

switch CommandLine.arguments.dropFirst().first {
case "case-study": caseStudy()
case "large-mlp": largeMLP()
case "linalg": linalg()
case "gather": gather()
case "runlog": runLogBench()
default:
    FileHandle.standardError.write(Data("usage: sps-bench case-study|large-mlp|linalg|gather|runlog [--runs-per-cell N] [--rows N] [--epochs N] [--threads N]\n".utf8))
    exit(64)
}
