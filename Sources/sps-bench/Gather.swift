import SPSNumeric

struct GatherReport: Encodable {
    let benchmark = "gather"
    /// `Tensor.selecting` of 1,000,000 rows of a 1,000,000×16 Float32 matrix by a random permutation, milliseconds,
    /// best of 7 × 3.
    let rowsMs: Double
    /// Bytes read and written by the row gather (2 × 64 MB; the index not counted) / time, GB/s.
    let rowsGbps: Double
    /// The same gather of 1,000,000 elements of a vector, milliseconds.
    let itemsMs: Double
    let peakRssMb: Double
}

/// Gathers without the language: what `x[p]` and `v[p]` do once the index is converted (benchmarks/arrays/run.sh
/// also times them from an sps script and in numpy).
func gather() {
    var rng = RandomStream(seed: 0, purpose: .data)
    let x = Tensor.randn([1_000_000, 16], using: &rng), v = Tensor.randn([1_000_000], using: &rng)
    let p = rng.permutation(1_000_000)
    func best(_ body: () -> Void) -> Double {
        var fastest = Double.infinity
        for _ in 0..<7 {
            let start = now()
            for _ in 0..<3 { body() }
            fastest = min(fastest, (now() - start) / 3)
        }
        return fastest
    }
    var sink: Float = 0
    let rows = best { sink += (try? x.selecting([.positions(p)]))?.storage[0] ?? .nan }
    let items = best { sink += (try? v.selecting([.positions(p)]))?.storage[0] ?? .nan }
    guard sink.isFinite else {
        print(json(FailureReport(benchmark: "gather", error: "a gather failed")))
        return
    }
    print(json(GatherReport(rowsMs: rows * 1e3, rowsGbps: 2 * 64e6 / rows / 1e9, itemsMs: items * 1e3, peakRssMb: peakRSSMegabytes())))
}
