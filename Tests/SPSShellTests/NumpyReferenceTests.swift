import Foundation
import SPSLanguage
import SPSNumeric
@testable import SPSShell
import Testing

// numpy reference tests.
//
// `Tests/Reference/numpy_arrays.json` is written by `benchmarks/reference/arrays_numpy.py` (numpy in a throw-away
// virtual environment outside the repository). It holds random Float32 inputs and, for each case, a line of sps
// that sets `result` with numpy's answer computed in float64 from the same inputs. Here each line runs in a fresh
// session and every element must agree to Float32 rounding: |sps − numpy| ≤ 2⁻²² · (|numpy| + scale), where scale
// is the size of the terms the answer is made of (so a sum that cancels is judged against its terms). Positions
// and masks must agree exactly.

/// The tolerance: about two Float32 units in the last place, relative.
private let relativeTolerance = 0x1p-22

private struct NumpyReference: Decodable, Sendable {
    struct Input: Decodable, Sendable {
        var name: String
        var shape: [Int]
        var values: [Double]
    }

    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        var name: String
        var code: String
        var shape: [Int]
        var values: [Double]
        var scale: [Double]
        var exact: Bool
        var testDescription: String { name }
    }

    var numpy: String
    var inputs: [Input]
    var cases: [Case]

    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Reference/numpy_arrays.json")

    static func load() -> NumpyReference? {
        guard let data = try? Data(contentsOf: file) else { return nil }
        return try? JSONDecoder().decode(NumpyReference.self, from: data)
    }

    /// sps code that makes the inputs as tensors with exactly numpy's Float32 values.
    var setup: String {
        inputs.map { input in
            let numbers = input.values.map { "\($0)" }
            guard input.shape.count == 2 else { return "\(input.name) = tensor [\(numbers.joined(separator: ", "))]" }
            let columns = input.shape[1]
            let rows = stride(from: 0, to: numbers.count, by: columns).map { "[" + numbers[$0..<($0 + columns)].joined(separator: ", ") + "]" }
            return "\(input.name) = tensor [\(rows.joined(separator: ", "))]"
        }.joined(separator: "\n")
    }
}

private let reference = NumpyReference.load()

@Suite("numpy reference: indexing, joining, building, elementwise, reductions, sorting")
struct NumpyReferenceTests {
    @Test("the reference file is there and covers every family")
    func referenceLoads() throws {
        let file = try #require(reference, "cannot read \(NumpyReference.file.path)")
        #expect(file.cases.count >= 100)
        for word in ["gather", "mask", "concat", "stack", "arange", "linspace", "diag", "outer", "where", "clip",
                     "sigmoid", "std", "var", "prod", "argmin", "cumsum", "sort", "argsort", "unique"] {
            #expect(file.cases.contains { $0.name.contains(word) || $0.code.contains(word) }, "no case for \(word)")
        }
    }

    @Test("sps agrees with numpy to Float32 rounding", arguments: reference?.cases ?? [])
    fileprivate func agrees(_ c: NumpyReference.Case) throws {
        let file = try #require(reference)
        let out = BufferSink(), err = BufferSink()
        let session = Session.standard(output: out, errors: err)
        let outcome = session.run(file.setup + "\n" + c.code, name: "numpy.sps")
        try #require(outcome == .success, "\(c.code): \(err.text)")
        let (shape, values): ([Int], [Double])
        switch session.interpreter.global("result") {
        case .tensor(let t)?: (shape, values) = (t.shape, t.storage.map(Double.init))
        case .number(let n)?: (shape, values) = ([], [n])
        case let other: Issue.record("\(c.code): result is \(String(describing: other))"); return
        }
        #expect(shape == c.shape, "\(c.code): shape \(shape), numpy \(c.shape)")
        guard shape == c.shape, values.count == c.values.count else { return }
        for (k, (mine, theirs)) in zip(values, c.values).enumerated() {
            if c.exact {
                #expect(mine == theirs, "\(c.code): element \(k) is \(mine), numpy \(theirs)")
            } else {
                let allowed = relativeTolerance * (abs(theirs) + c.scale[k])
                #expect(abs(mine - theirs) <= allowed, "\(c.code): element \(k) is \(mine), numpy \(theirs) (allowed \(allowed))")
            }
        }
    }
}
