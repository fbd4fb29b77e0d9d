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

    @Test func anElementMovesOutAndBackInPlace() throws {
        // `xs[i][j] = v` moves the inner list out of the outer one (nil left in its place), changes it and puts it
        // back, as the interpreter does: its storage stays where it was.
        let here = SourceLocation(file: SourceFile(name: "t", text: ""), line: 1, column: 1, offset: 0)
        var outer = Value.list(ListValue([.list(ListValue([.string("a"), .string("b")])), .number(1)]))
        let address = Self.firstIdentity(outer)
        #expect(address != nil)
        // A plain `guard`, not `#require`: the macro may keep its own copy of the value while it lives.
        guard var inner = Operators.moveOutIndexed(&outer, [.number(0)], at: here) else {
            Issue.record("the inner list was not moved out")
            return
        }
        #expect(outer.repr == "[nil, 1]")
        try Operators.setIndex(&inner, [.number(1)], .string("z"), Interpreter(), at: here)
        try Operators.setIndex(&outer, [.number(0)], inner, Interpreter(), at: here)
        #expect(Self.firstIdentity(outer) == address && outer.repr == "[[\"a\", \"z\"], 1]")
        // A list of numbers keeps its elements where they are: a number costs nothing to copy.
        var numbers = Value.list(ListValue(numbers: [1, 2]))
        #expect(Operators.moveOutIndexed(&numbers, [.number(0)], at: here) == nil && numbers.repr == "[1, 2]")
    }

    /// The storage address of the list in `v` (a function, so that no copy outlives the call).
    static func identity(_ v: Value) -> UnsafeRawPointer? {
        if case .list(let l) = v { l.identity } else { nil }
    }

    /// The storage address of the list that is the first element of the list in `v`.
    static func firstIdentity(_ v: Value) -> UnsafeRawPointer? {
        if case .list(let l) = v { identity(l[0]) } else { nil }
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
