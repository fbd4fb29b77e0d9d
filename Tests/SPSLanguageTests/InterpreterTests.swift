import Testing
import SPSNumeric
@testable import SPSLanguage

/// Runs source in a fresh interpreter and returns what it printed, or the error (`runtime: message`, or with
/// `located` its `line:column: message`).
func run(_ text: String, located: Bool = false) -> String {
    let out = BufferSink()
    let ip = Interpreter(output: out)
    do throws(InterpreterError) {
        try ip.run(SourceFile(name: "t", text: text))
        return out.text
    } catch {
        switch error {
        case .syntax(let e): return out.text + "syntax: " + e.errors.map(\.message).joined(separator: " | ")
        case .runtime(let e):
            guard located else { return out.text + "runtime: " + e.message }
            return out.text + "\(e.location?.line ?? 0):\(e.location?.column ?? 0): " + e.message
        }
    }
}

@Suite("Interpreter")
struct InterpreterTests {
    @Test func linkFindsTheInterpreterUntilItEnds() {
        var ip: Interpreter? = Interpreter()
        let link = ip!.link
        #expect(link.interpreter === ip)
        var copy: Interpreter? = ip!.isolatedCopy()
        #expect(copy?.link.interpreter === copy)
        #expect(copy?.link !== link)
        copy = nil
        ip = nil
        #expect(link.interpreter == nil)
    }

    @Test func arithmeticAndPrinting() {
        #expect(run("print (1 + 2 * 3) (7 / 2) 3.0") == "7 3.5 3\n")
    }

    @Test func closuresShareVariables() {
        #expect(run("def mk { n = 0; def inc { n = n + 1; n }; return inc }\nc = mk()\nc()\nprint (c())") == "2\n")
    }

    @Test func scopingRules() {
        #expect(run("x = 1\ndef f { x = 2 }\nf()\nprint x") == "2\n")
        #expect(run("def f { y = 2 }\nf()\nprint y").contains("unknown name 'y'"))
        #expect(run("for i in 0..<2 { z = i }\nprint z").contains("unknown name 'z'"))
    }

    @Test func echoHookSeesTopLevelValues() throws {
        let ip = Interpreter()
        var echoed: [String] = []
        ip.echo = { echoed.append($0.repr) }
        try ip.run(SourceFile(name: "t", text: "1 + 1\nx = 3\nx\n\"s\"\nprint 1"))
        #expect(echoed == ["2", "3", "\"s\""])
    }

    @Test func globalsAreVisibleToTheHost() throws {
        let ip = Interpreter()
        try ip.run(SourceFile(name: "t", text: "answer = 6 * 7"))
        #expect(ip.global("answer")?.number == 42)
        #expect(ip.variables.map(\.0) == ["answer"])
    }

    @Test func isolatedCopiesDoNotShareGlobals() throws {
        let ip = Interpreter()
        try ip.run(SourceFile(name: "t", text: "xs = [1]\nb = { xs = append xs 2; len xs }"))
        let copy = ip.isolatedCopy()
        guard let block = copy.global("b") else {
            Issue.record("no block")
            return
        }
        #expect(try copy.call(block).number == 2)
        #expect(copy.global("xs")?.repr == "[1, 2]")
        #expect(ip.global("xs")?.repr == "[1]")
    }

    @Test func interpretersRunOnManyThreads() async {
        await withTaskGroup(of: String.self) { group in
            for i in 0..<8 {
                group.addTask { run("s = 0\nfor k in 0..<1000 { s = s + k * \(i) }\nprint s") }
            }
            var results: [String] = []
            for await r in group { results.append(r) }
            #expect(Set(results) == Set((0..<8).map { "\(499500 * $0)\n" }))
        }
    }

    @Test func interruptStopsLoops() {
        let ip = Interpreter()
        ip.interrupt.request()
        do throws(InterpreterError) {
            try ip.run(SourceFile(name: "t", text: "while true { }"))
            Issue.record("should have stopped")
        } catch {
            if case .runtime(let e) = error { #expect(e.isInterrupt) } else { Issue.record("wrong error") }
        }
    }

    @Test func runtimeErrorsCarryTheDefChain() {
        let ip = Interpreter()
        do throws(InterpreterError) {
            try ip.run(SourceFile(name: "t", text: "def a { nope }\ndef b { a() }\nb()"))
        } catch {
            guard case .runtime(let e) = error else {
                Issue.record("expected runtime error")
                return
            }
            #expect(e.trace.map(\.function) == ["a", "b"])
            #expect(e.location?.line == 1)
            #expect(e.trace.first?.callSite?.line == 2)
        }
    }

    @Test func nativeCommandArgumentsAreChecked() throws {
        let ip = Interpreter()
        ip.register(Command("hello", summary: "Greets.", parameters: [.positional("who", .string), .keyword("times", .integer, default: .number(1))]) { args throws(RuntimeError) in
            .string(String(repeating: "hi \(try args.string("who")) ", count: try args.integer("times")))
        })
        #expect(try ip.call(ip.global("hello") ?? .nil, [.string("a")], keywords: [("times", .number(2))]).string == "hi a hi a ")
        #expect(throws: RuntimeError.self) { try ip.call(ip.global("hello") ?? .nil, [.number(1)]) }
    }

    @Test func tensorsAsValues() {
        #expect(run("t = tensor [[1, 2], [3, 4]]\nprint (t @ t)[1, 1] t.T[0, 1] (sum t axis=0)[1]") == "22 3 6\n")
    }

    @Test func valueFormatting() {
        #expect(Value.format(3) == "3")
        #expect(Value.format(-0.5) == "-0.5")
        #expect(Value.format(.infinity) == "inf")
        #expect(Value.quote("a\"b{c}") == "\"a\\\"b\\{c\\}\"")
        #expect(Value.record(Record([("a", .list([.number(1), .string("x")]))])).repr == "{a: [1, \"x\"]}")
    }

    @Test func suggestions() {
        #expect(Suggestions.closest(to: "epoch", in: ["epochs", "batch"]) == "epochs")
        #expect(Suggestions.closest(to: "zzz", in: ["epochs"]) == nil)
        #expect(Suggestions.editDistance("kitten", "sitting") == 3)
    }
}
