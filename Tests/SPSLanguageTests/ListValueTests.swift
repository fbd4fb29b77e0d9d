import Testing
@testable import SPSLanguage

/// Lists keep numbers and booleans in compact storage (issue 23) and every list and record keeps a bound on how
/// deeply it nests. The storage never shows: a typed list reads, changes and compares as a list of values, turns
/// into one when it gets a value of another kind, and changes in place where the variable holds it.
@Suite("List storage")
struct ListValueTests {
    /// What the storage is, for the checks below.
    func kind(_ l: ListValue) -> String {
        switch l.storage {
        case .values: "values"
        case .numbers: "numbers"
        case .bools: "bools"
        case .moved: "moved"
        }
    }

    @Test func anEmptyListTakesTheStorageOfItsFirstElement() {
        var xs = ListValue()
        xs.append(.number(1))
        xs.append(.number(2))
        #expect(kind(xs) == "numbers" && xs.count == 2 && xs[1].number == 2)
        var bs = ListValue()
        bs.append(.bool(true))
        #expect(kind(bs) == "bools" && bs[0].isPlainlyNil == false)
        var vs = ListValue()
        vs.append(.string("a"))
        vs.append(.number(1))
        #expect(kind(vs) == "values" && vs.count == 2)
    }

    @Test func aValueOfAnotherKindTurnsATypedListIntoValues() {
        var xs = ListValue(numbers: [1, 2, 3])
        xs[1] = .string("two")
        #expect(kind(xs) == "values" && xs.values.map(\.repr) == ["1", "\"two\"", "3"])
        var bs = ListValue(bools: [true, false])
        bs.append(.nil)
        #expect(kind(bs) == "values" && bs.count == 3 && bs[2].isNil)
        var ns = ListValue(numbers: [1])
        ns.append(contentsOf: [.number(2), .number(3)])
        ns.replaceSubrange(0..<1, with: [Value.number(0)])
        #expect(kind(ns) == "numbers" && ns.numbers == [0, 2, 3])
        ns.replaceSubrange(1..<2, with: [Value.bool(false)])
        #expect(kind(ns) == "values" && ns.values.map(\.repr) == ["0", "false", "3"])
        #expect(ns.removeLast().number == 3 && ns.count == 2)
    }

    @Test func classifiedPicksTheCompactStorage() {
        #expect(kind(ListValue.classified([.number(1), .number(2)])) == "numbers")
        #expect(kind(ListValue.classified([.bool(true)])) == "bools")
        #expect(kind(ListValue.classified([.number(1), .bool(true)])) == "values")
        #expect(kind(ListValue.classified([])) == "values")
    }

    @Test func copiesAreValues() {
        var a = ListValue(numbers: [1, 2])
        let b = a
        #expect(a.sharesStorage(with: b))
        a[0] = .number(9)
        #expect(!a.sharesStorage(with: b) && b[0].number == 1 && a[0].number == 9)
    }

    @Test func anElementMovesOutAndBack() throws {
        // `xs[i][j] = v` moves the inner list out of the outer one (nil left in its place), changes it and puts it
        // back. That its storage stays where it was is checked through the interpreter (GrowthTests'
        // `nestedAssignmentsChangeTheInnerValueInPlace`): here, in test code, an optimized build may keep copies
        // of the values alive longer than the interpreter does, and the check would be about the test itself.
        let here = SourceLocation(file: SourceFile(name: "t", text: ""), line: 1, column: 1, offset: 0)
        var outer = Value.list(ListValue([.list(ListValue([.string("a"), .string("b")])), .number(1)]))
        guard var inner = Operators.moveOutIndexed(&outer, [.number(0)], at: here) else {
            Issue.record("the inner list was not moved out")
            return
        }
        #expect(outer.repr == "[nil, 1]" && inner.repr == "[\"a\", \"b\"]")
        try Operators.setIndex(&inner, [.number(1)], .string("z"), Interpreter(), at: here)
        try Operators.setIndex(&outer, [.number(0)], inner, Interpreter(), at: here)
        #expect(outer.repr == "[[\"a\", \"z\"], 1]")
        // Nothing moves for several positions, an index that is an error, or a list of numbers (whose elements
        // cost nothing to copy): the caller then changes a copy.
        #expect(Operators.moveOutIndexed(&outer, [.number(5)], at: here) == nil)
        #expect(Operators.moveOutIndexed(&outer, [.list(ListValue(numbers: [0, 1]))], at: here) == nil)
        var numbers = Value.list(ListValue(numbers: [1, 2]))
        #expect(Operators.moveOutIndexed(&numbers, [.number(0)], at: here) == nil && numbers.repr == "[1, 2]")
        #expect(outer.repr == "[[\"a\", \"z\"], 1]")
    }

    @Test func nestingBoundsFollowTheElements() {
        let leaf = Value.list(ListValue(numbers: [1]))
        var xs = ListValue()
        #expect(xs.depth == 1)
        xs.append(leaf)
        #expect(xs.depth == 2)
        let record = Value.record(Record([("a", .list(xs))]))
        #expect(record.nestingBound == 3 && Value.number(1).nestingBound == 0)
        var r = Record([("a", .number(1))])
        #expect(r.depth == 1)
        r["b"] = record
        #expect(r.depth == 4)
        // A shallower element leaves the bound (it is a bound); the walk gives the true depth.
        r["b"] = .nil
        #expect(r.depth == 4 && Limits.nestingDepth(of: .record(r), atMost: 10) == 1)
        #expect(ListValue([leaf, .list(ListValue([leaf]))]).depth == 3)
    }
}
