import Testing
@testable import SPSLanguage
import SPSNumeric

/// Open-ended ranges in the parser, and the one indexing rule (`IndexRule`) every container uses.
@Suite("Indexing")
struct IndexingTests {
    @Test("an index may leave out a range's start, end or both", arguments: [
        ("xs[2..]", "(index xs (.. 2 nil))"),
        ("xs[..<3]", "(index xs (..< 0 3))"),
        ("xs[..-2]", "(index xs (.. 0 -2))"),
        ("t[.., 1]", "(index t (.. 0 nil) 1)"),
        ("t[1.., ..]", "(index t (.. 1 nil) (.. 0 nil))"),
        ("xs[k + 1..]", "(index xs (.. (+ k 1) nil))"),
        ("xs[a..b]", "(index xs (.. a b))"),
        ("f xs[2..]", "(apply f (index xs (.. 2 nil)))"),
    ])
    func openRanges(source: String, expected: String) {
        #expect(tree(source) == expected)
    }

    @Test("open ranges exist inside an index only", arguments: ["x = 2..", "f(2..)", "[1..]", "xs[(2..)]"])
    func openRangesOutsideAnIndexAreErrors(source: String) {
        #expect(tree(source).hasPrefix("error:"))
    }

    static func select(_ index: Value, count: Int = 5) throws(RuntimeError) -> AxisSelection {
        try IndexRule.selection(index, count: count, noun: "list", what: "list of length \(count)")
    }

    @Test func integersAndRangesCountFromTheEnd() throws {
        #expect(try Self.select(.number(-1)) == .single(4))
        #expect(try Self.select(.range(RangeValue(lower: -2, upper: -1, inclusive: true))) == .span(3..<5))
        #expect(try Self.select(.range(RangeValue(lower: -3, upper: -1, inclusive: false))) == .span(2..<4))
        #expect(try Self.select(.range(RangeValue(lower: 1, upper: Int.max, inclusive: false))) == .span(1..<5))
        #expect(try Self.select(.range(RangeValue(lower: 0, upper: -1, inclusive: true)), count: 0) == .span(0..<0))
        #expect(throws: RuntimeError.self) { try Self.select(.range(RangeValue(lower: 0, upper: 9, inclusive: true))) }
        #expect(throws: RuntimeError.self) { try Self.select(.range(RangeValue(lower: 3, upper: 1, inclusive: true))) }
        #expect(throws: RuntimeError.self) { try Self.select(.number(5)) }
    }

    @Test func listsAndTensorsGatherAndMasksSelect() throws {
        #expect(try Self.select(.list([.number(4), .number(-5), .number(4)])) == .positions([4, 0, 4]))
        #expect(try Self.select(.tensor(Tensor([1, 0]))) == .positions([1, 0]))
        let bools: [Value] = [.bool(true), .bool(false), .bool(false), .bool(true), .bool(false)]
        #expect(try Self.select(.list(bools)) == .positions([0, 3]))
        let mask = try Tensor([5, 1, 7, 0, 9]).compare(Tensor(scalar: 4), .greater)
        #expect(try Self.select(.tensor(mask)) == .positions([0, 2, 4]))
        // The same 0/1 values without the mark of a comparison are positions, not a mask.
        #expect(try Self.select(.tensor(Tensor([1, 0, 1, 0, 1]))) == .positions([1, 0, 1, 0, 1]))
        #expect(throws: RuntimeError.self) { try Self.select(.tensor(mask), count: 4) }
        #expect(throws: RuntimeError.self) { try Self.select(.list([.bool(true)])) }
        #expect(throws: RuntimeError.self) { try Self.select(.tensor(Tensor([0.5]))) }
        #expect(throws: RuntimeError.self) { try Self.select(.list([.number(1), .string("a")])) }
    }
}
