import Testing
import SPSNumeric
@testable import SPSLanguage

/// Growing a value one piece at a time takes linear time (issue 15): `xs = append xs v` and `xs += [v]` append in
/// place, records find keys through an index, "did you mean" is bounded. The checks count work (how often a list's
/// storage moves, whether an index is kept), never wall time; the value-semantics checks make sure that in place
/// never means shared.
@Suite("Growth")
struct GrowthTests {
    /// An interpreter with `storage xs`: the address of a list's storage (a record's values, a tensor's numbers) as
    /// a number (0 when empty), so a script can count how often growing or setting moved (copied) it.
    func interpreterWithStorageProbe() -> (Interpreter, BufferSink) {
        let out = BufferSink()
        let ip = Interpreter(output: out)
        ip.register(Command("storage", summary: "the address of a list's or record's storage", parameters: [.positional("value", .any)]) { args throws(RuntimeError) in
            switch try args.value("value") {
            case .list(let xs): return .number(Double(UInt(bitPattern: xs.identity)))
            case .record(let r): return .number(Double(UInt(bitPattern: Limits.storageIdentity(of: r.values))))
            case .tensor(let t): return .number(Double(UInt(bitPattern: t.storage.withUnsafeBufferPointer { $0.baseAddress })))
            default: return .nil
            }
        })
        return (ip, out)
    }

    func run(_ ip: Interpreter, _ out: BufferSink, _ text: String) -> String {
        do throws(InterpreterError) {
            try ip.run(SourceFile(name: "t", text: text))
            return out.text
        } catch {
            switch error {
            case .syntax(let e): return out.text + "syntax: " + e.errors.map(\.message).joined(separator: " | ")
            case .runtime(let e): return out.text + "runtime: " + e.message
            }
        }
    }

    /// A loop of 200,000 appends in which the list moves only when its storage grows (doubling: about 18 times),
    /// for the variable in each place it can live: a global, a def's local, a captured variable (a cell), and a
    /// variable of the enclosing def (an upvalue). A quadratic append would move it on every iteration.
    @Test(arguments: ["xs = append xs i", "xs += [i]"])
    func appendMovesTheListOnlyWhenItGrows(_ step: String) {
        let loop = """
            moves = 0
            last = storage xs
            for i in 0..<200000 {
              \(step)
              a = storage xs
              if a != last { moves = moves + 1 }
              last = a
            }
            """
        let scripts = [
            // A global.
            "xs = []\n\(loop)\nprint (len xs) (moves < 64) xs[199999]",
            // A local of a def.
            "def build { xs = []\n\(loop)\nreturn [len xs, moves < 64, xs[199999]] }\nprint (build())",
            // A local captured by a block (a cell).
            "def build { xs = []\nget = { xs }\n\(loop)\nreturn [len (get()), moves < 64, xs[199999]] }\nprint (build())",
            // A variable of the enclosing def, appended to from a nested def (an upvalue).
            "def outer { xs = []\ndef inner {\n\(loop)\nreturn moves < 64 }\nok = inner()\nreturn [len xs, ok, xs[199999]] }\nprint (outer())",
        ]
        let expected = ["200000 true 199999\n", "[200000, true, 199999]\n", "[200000, true, 199999]\n", "[200000, true, 199999]\n"]
        for (script, want) in zip(scripts, expected) {
            let (ip, out) = interpreterWithStorageProbe()
            #expect(run(ip, out, script) == want, "\(step) in: \(script)")
        }
    }

    /// Setting an element or a field changes the container in place: 100,000 new fields move a record's storage
    /// only when it grows, and setting elements of a big list or tensor or fields of a big record never moves it.
    @Test func indexAndMemberAssignmentsChangeInPlace() {
        let count = """
            moves = 0
            last = storage c
            for i in 0..<100000 {
              STEP
              a = storage c
              if a != last { moves = moves + 1 }
              last = a
            }
            print moves
            """
        let cases: [(setup: String, step: String, atMost: Int)] = [
            ("c = {}", "c[\"k\" + (str i)] = i", 64),
            ("c = {}\nfor i in 0..<1000 { c[\"k\" + (str i)] = i }", "c.k5 = i", 0),
            ("c = {}\nfor i in 0..<1000 { c[\"k\" + (str i)] = i }", "c[\"k999\"] = i", 0),
            ("c = range 0 100000 1", "c[i] = -i", 0),
            ("def f { c = range 0 100000 1\n\(count) }\nf()", "c[-1] = i", 0),
            ("c = zeros 100000", "c[i] = 1", 0),
        ]
        for (setup, step, atMost) in cases {
            let (ip, out) = interpreterWithStorageProbe()
            let script = setup.contains("def f") ? setup.replacingOccurrences(of: "STEP", with: step)
                                                 : setup + "\n" + count.replacingOccurrences(of: "STEP", with: step)
            let printed = run(ip, out, script)
            #expect(Int(printed.dropLast()).map { $0 <= atMost } == true, "\(step): \(printed)")
        }
    }

    /// Setting an element of an element (`h[0][5] = i`, `h.a[5] = i`, `h[0].f = i` …) changes the inner value
    /// where its holder keeps it: 10,000 sets never move it (before, each one copied the whole inner value: the
    /// holder and the change both owned it), and 10,000 appends to an inner list (`h[0] += [i]`,
    /// `h.a = append h.a i`, which copied the list on every append) move it only when it grows.
    @Test(arguments: [
        ("h = [range 0 1000 1, 0]", "h[0]", "h[0][5] = i", 0),
        ("h = [[\"a\", 1, 2]]", "h[0]", "h[0][1] = i", 0),
        ("h = {a: range 0 1000 1}", "h.a", "h.a[5] = i", 0),
        ("h = {a: range 0 1000 1}", "h.a", "h[\"a\"][-1] = i", 0),
        ("h = [[range 0 1000 1]]", "h[0][0]", "h[0][0][5] = i", 0),
        ("h = [zeros 1000]", "h[0]", "h[0][5] = i", 0),
        ("h = [{f: 1, g: range 0 1000 1}]", "h[0]", "h[0].f = i", 0),
        ("h = [range 0 1000 1]", "h[0]", "h[0][5] += i", 0),
        ("h = [[]]", "h[0]", "h[0] += [i]", 64),
        ("h = [[]]", "h[0]", "h[0] = append h[0] i", 64),
        ("h = {a: []}", "h.a", "h.a = append h.a i", 64),
        ("h = {a: [1, 2], k: 0}", "h.a", "h.a = append h.a i (i * 2)", 64),
        ("h = {r: {log: []}}", "h.r.log", "h.r.log = append h.r.log i", 64),
        ("h = [{a: []}]\nk = 0", "h[k].a", "h[k].a = append h[k].a i", 64),
        ("h = {a: []}", "h[\"a\"]", "h[\"a\"] = append h[\"a\"] i", 64),
    ])
    func nestedAssignmentsChangeTheInnerValueInPlace(_ c: (setup: String, probe: String, step: String, atMost: Int)) {
        let loop = """
            moves = 0
            last = storage \(c.probe)
            for i in 0..<10000 {
              \(c.step)
              a = storage \(c.probe)
              if a != last { moves = moves + 1 }
              last = a
            }
            """
        // A global holder, then a def's local.
        for script in ["\(c.setup)\n\(loop)\nprint moves", "def f {\n\(c.setup)\n\(loop)\nreturn moves }\nprint (f())"] {
            let (ip, out) = interpreterWithStorageProbe()
            let printed = run(ip, out, script)
            #expect(Int(printed.dropLast()).map { $0 <= c.atMost } == true, "\(c.step): \(printed)")
        }
    }

    /// In place never means shared: a copy taken before a nested set keeps its value, and a nested set that fails
    /// (a bad index, a bad operand) leaves the holder as it was.
    @Test func nestedAssignmentsKeepValuesAndErrorsLeaveTheHolderIntact() {
        let (ip, out) = interpreterWithStorageProbe()
        let text = "h = [[1, 2, 3], {a: [4, 5]}]\nkeep = h[0]\nkeepa = h[1].a\nh[0][1] = 20\nh[1].a[0] = 40\nprint keep keepa h"
        #expect(run(ip, out, text) == "[1, 2, 3] [4, 5] [[1, 20, 3], {a: [40, 5]}]\n")
        for bad in ["h[0][9] = 1", "h[0][1] += \"x\"", "h[1].a[7] = 1", "h[1].b[0] = 1", "h[1].a[0] -= [1]"] {
            #expect(run(ip, out, bad).contains("runtime: "), "\(bad)")
        }
        #expect(run(ip, out, "print h").hasSuffix("[[1, 20, 3], {a: [40, 5]}]\n"))
    }

    /// Lists stay values: another name, a list holding it, a record field or a block's capture never sees the
    /// append, in any place the variable lives.
    @Test(arguments: ["xs = append xs 3", "xs += [3]"])
    func appendInPlaceKeepsValueSemantics(_ step: String) {
        #expect(InterpreterTestsSupport.run("xs = [1, 2]\nys = xs\nzs = [xs]\nr = {f: xs}\n\(step)\nprint xs ys zs r") ==
                "[1, 2, 3] [1, 2] [[1, 2]] {f: [1, 2]}\n")
        #expect(InterpreterTestsSupport.run("def f { xs = [1, 2]\nys = xs\n\(step)\nreturn [xs, ys] }\nprint (f())") ==
                "[[1, 2, 3], [1, 2]]\n")
        #expect(InterpreterTestsSupport.run("def f { xs = [1, 2]\nys = xs\nb = { \(step); xs }\nb()\nreturn [xs, ys] }\nprint (f())") ==
                "[[1, 2, 3], [1, 2]]\n")
        // The same list appended twice from two names: each name gets its own.
        #expect(InterpreterTestsSupport.run("xs = [1]\nys = xs\n\(step)\nys = append ys 4\nprint xs ys") == "[1, 3] [1, 4]\n")
        // A list appended to itself holds the list as it was.
        #expect(InterpreterTestsSupport.run("xs = [1]\nxs = append xs xs\nprint xs") == "[1, [1]]\n")
        #expect(InterpreterTestsSupport.run("xs = [1]\nxs += [xs]\nprint xs") == "[1, [1]]\n")
    }

    /// The in-place form means what the general one does: several values, none, a value that reads the list, a
    /// value whose evaluation reassigns the variable (the list as first read wins), a user's own `append`, keywords.
    @Test func appendInPlaceMeansTheGeneralForm() {
        #expect(InterpreterTestsSupport.run("xs = [1]\nxs = append xs 2 3 \"a\"\nxs = append xs\nprint xs") == "[1, 2, 3, \"a\"]\n")
        #expect(InterpreterTestsSupport.run("xs = [1]\nxs = append xs (len xs) xs[0]\nprint xs") == "[1, 1, 1]\n")
        #expect(InterpreterTestsSupport.run("xs = [1]\ndef f { xs = [9]\n5 }\nxs = append xs (f())\nprint xs") == "[1, 5]\n")
        #expect(InterpreterTestsSupport.run("def append a b { 42 }\nxs = [1]\nxs = append xs 2\nprint xs") == "42\n")
        #expect(InterpreterTestsSupport.run("xs = [1]\ndef f { append = 7\nxs = append xs 2 }\nf()").contains("'append' is a number"))
        #expect(InterpreterTestsSupport.run("xs = [1]\nxs = append xs 2 k=3").contains("unknown argument 'k' for append"))
        #expect(InterpreterTestsSupport.run("def f xs { xs = append xs 2\nreturn xs }\nys = [1]\nprint (f ys) ys") == "[1, 2] [1]\n")
        // A def compiled before the global exists: the list read is the global's, the assignment makes a local.
        #expect(InterpreterTestsSupport.run("def f { zs = append zs 2\nreturn zs }\nzs = [1]\nprint (f()) zs") == "[1, 2] [1]\n")
        #expect(InterpreterTestsSupport.run("s = \"ab\"\nt = s\ns += \"c\"\nprint s t") == "abc ab\n")
    }

    /// An error while appending (a value that fails, a type error, a nesting too deep) leaves the variable as it
    /// was.
    @Test func appendErrorsLeaveTheVariableIntact() {
        for failing in ["xs = append xs (error \"boom\")", "def f { xs = append xs 3 (error \"boom\") }\nf()",
                        "def f { xs += [3, (error \"boom\")] }\nf()"] {
            let (ip, out) = interpreterWithStorageProbe()
            #expect(run(ip, out, "xs = [1, 2]\n" + failing).contains("runtime: boom"))
            #expect(ip.global("xs")?.repr == "[1, 2]")
        }
        #expect(InterpreterTestsSupport.run("x = 3\nx = append x 1").contains("argument 'list' of append must be a list"))
        #expect(InterpreterTestsSupport.run("x = 3\nx += [1]").contains("'+' cannot be applied to number and list"))
        // A value nested as deep as the limit allows cannot go into a list: the error comes before the list moves.
        let deep = "d = 1\nfor i in 0..<\(Limits.maxNesting) { d = [d] }\nxs = [1]\n"
        let (ip, out) = interpreterWithStorageProbe()
        #expect(run(ip, out, deep + "xs = append xs d").contains("the result of append would nest lists or records more than"))
        #expect(ip.global("xs")?.repr == "[1]")
        let (ip2, out2) = interpreterWithStorageProbe()
        #expect(run(ip2, out2, deep + "xs += [d]").contains("would nest lists or records more than"))
        #expect(ip2.global("xs")?.repr == "[1]")
    }

    /// Appending past the list length limit is an error on both forms, and leaves the list as it was.
    @Test func appendChecksTheLengthLimit() throws {
        let ip = Interpreter()
        ip.setGlobal("xs", .list([Value](repeating: .number(0), count: Limits.maxListCount)))
        #expect(throws: InterpreterError.self) { try ip.run(SourceFile(name: "t", text: "xs = append xs 1")) }
        #expect(throws: InterpreterError.self) { try ip.run(SourceFile(name: "t", text: "ys = append xs 1")) }
        #expect(throws: InterpreterError.self) { try ip.run(SourceFile(name: "t", text: "xs += [1]")) }
        if case .list(let xs)? = ip.global("xs") { #expect(xs.count == Limits.maxListCount) } else { Issue.record("xs is gone") }
    }

    // MARK: - Records

    /// A record of 200,000 fields added one at a time keeps a key index (so each add is a hash, not a scan), its
    /// order, and lookups of every kind.
    @Test func largeRecordsKeepAnIndex() {
        var r = Record()
        for i in 0..<200_000 { r["k\(i)"] = .number(Double(i)) }
        #expect(r.isIndexed)
        #expect(r.count == 200_000 && r.keys.first == "k0" && r.keys.last == "k199999")
        #expect((0..<200_000).allSatisfy { (i: Int) -> Bool in
            let key = "k\(i)"  // a separate statement: inside the comparison, `i` would print as Optional(i)
            return r.position(of: key) == i
        })
        #expect(r["k123456"]?.number == 123_456 && r["nope"] == nil && r["k200000"] == nil && r[""] == nil)
        r["k5"] = .string("five")
        #expect(r.count == 200_000 && r["k5"]?.string == "five" && r.keys[5] == "k5")
        r["k5"] = nil
        #expect(r.count == 199_999 && r["k5"] == nil && r["k6"]?.number == 6 && r.position(of: "k6") == 5)
        #expect(r.position(of: "k199999") == 199_998)
        #expect(!Record((0..<4).map { ("f\($0)", .number(1)) }).isIndexed)
        let built = Record((0..<40).map { ("f\($0)", .number(Double($0))) })
        #expect(built.isIndexed && built["f39"]?.number == 39 && built["f40"] == nil)
        // A repeated key (records never make one) finds its first place, as a scan would.
        #expect(Record((0..<40).map { ("f\($0 % 30)", .number(Double($0))) })["f3"]?.number == 3)
    }

    /// The key index and the nesting bounds cost no space in other values: a record is two references and its
    /// depth, a list one reference and its depth, and a `Value` stays 24 bytes.
    @Test func valuesStayThreeWords() {
        #expect(MemoryLayout<Record>.size == 20)
        #expect(MemoryLayout<ListValue>.size == 12)
        #expect(MemoryLayout<Value>.stride == 24)
    }

    /// Large records are values too: a copy made before adding fields does not see them, and both find their own.
    @Test func largeRecordsAreValues() {
        var a = Record((0..<30).map { ("f\($0)", .number(Double($0))) })
        let b = a
        a["new"] = .number(1)
        a["f0"] = .number(-1)
        #expect(a["new"] != nil && b["new"] == nil && b.count == 30 && a.count == 31)
        #expect(a["f0"]?.number == -1 && b["f0"]?.number == 0)
        let script = """
            r = {}
            for i in 0..<100000 { r["k" + (str i)] = i }
            s = r
            r.extra = 1
            r["k7"] = "seven"
            print (len r) (len s) r.k99999 r.k7 s.k7 (keys r)[100000]
            """
        #expect(InterpreterTestsSupport.run(script) == "100001 100000 99999 seven 7 extra\n")
    }

    /// A missing field of a huge record names the first fields only.
    @Test func missingFieldOfAHugeRecordListsAFewFields() {
        let message = InterpreterTestsSupport.run("r = {}\nfor i in 0..<1000 { r[\"k\" + (str i)] = i }\nprint r.nope")
        #expect(message.contains("fields: k0, k1,") && message.contains("… (1000 fields)") && !message.contains("k999"))
    }

    // MARK: - Suggestions

    /// The banded edit distance agrees with the full one whenever the full one is within the band.
    @Test func boundedDistanceAgreesWithTheFullOne() {
        var rng = RandomStream(seed: 7, purpose: .data)
        let letters = Array("abc".unicodeScalars)
        for _ in 0..<500 {
            let a = (0..<rng.nextInt(below: 9)).map { _ in letters[rng.nextInt(below: 3)] }
            let b = (0..<rng.nextInt(below: 9)).map { _ in letters[rng.nextInt(below: 3)] }
            let full = Suggestions.editDistance(String(String.UnicodeScalarView(a)), String(String.UnicodeScalarView(b)))
            for limit in 0...4 {
                let banded = Suggestions.distance(a, b, atMost: limit)
                #expect(full <= limit ? banded == full : banded == limit + 1, "\(a) \(b) limit \(limit)")
            }
        }
    }

    /// Long names are not compared: two 100,000-character names, or one among many long candidates, return at
    /// once with no suggestion; short names still get theirs.
    @Test func suggestionsForHugeNamesAreBounded() {
        let long = String(repeating: "a", count: 100_000)
        #expect(Suggestions.closest(to: long, in: [long + "b", String(repeating: "a", count: 99_999) + "b"]) == nil)
        #expect(Suggestions.closest(to: "epoch", in: [long, "epochs"]) == "epochs")
        #expect(Suggestions.closest(to: "epoch", in: (0..<100_000).map { "name\($0)" } + ["epochs"]) == "epochs")
        #expect(Suggestions.closest(to: "Epoch", in: ["epochs"]) == "epochs")
    }
}

/// `run` from InterpreterTests under a name this suite can call without clashing with its own method.
enum InterpreterTestsSupport {
    static func run(_ text: String) -> String { SPSLanguageTests.run(text) }
}
