@testable import SPSBindings
import Testing
import SPSLanguage
import SPSNumeric
#if canImport(Glibc)
import Glibc
#endif
@testable import SPSShell

/// A session writing to buffers.
func makeSession() -> (Session, BufferSink, BufferSink) {
    let out = BufferSink(), err = BufferSink()
    return (Session(output: out, errors: err), out, err)
}

@Suite("Session")
struct SessionTests {
    @Test func outcomesMapToExitCodes() {
        let (s, _, _) = makeSession()
        #expect(s.run("print 1", name: "t") == .success)
        #expect(s.run("x = (", name: "t") == .syntaxError)
        #expect(s.run("nope", name: "t") == .runtimeError)
        #expect(s.runFile("/no/such/file.sps") == .unreadable)
        #expect([RunOutcome.success, .unreadable, .syntaxError, .runtimeError].map(\.exitCode) == [0, 64, 65, 70])
    }

    @Test func syntaxErrorsRenderWithCaret() {
        let (s, _, err) = makeSession()
        _ = s.run("x = 1\ny = (2 +)", name: "f.sps")
        #expect(err.text == "f.sps:2:9: error: expected an expression, found ')'\n    y = (2 +)\n            ^\n")
    }

    @Test func runtimeErrorsRenderTheDefChain() {
        let (s, _, err) = makeSession()
        _ = s.run("def inner { zzyzx }\ndef wrapper { inner() }\nwrapper()", name: "f.sps")
        #expect(err.text == """
            f.sps:1:13: error: unknown name 'zzyzx'
                def inner { zzyzx }
                            ^
              in def inner, called at f.sps:2:15
              in def wrapper, called at f.sps:3:1

            """)
    }

    @Test func variablesPersistAcrossRuns() {
        let (s, out, _) = makeSession()
        _ = s.run("x = 41", name: "a")
        _ = s.run("print (x + 1)", name: "b")
        #expect(out.text == "42\n")
    }

    @Test func transcriptEchoesStatementsAndValues() {
        let (s, out, _) = makeSession()
        _ = s.run("x = 2\nprint x\nx * 3\n", name: "t", echo: .transcript)
        #expect(out.text == "sps> x = 2\nsps> print x\n2\nsps> x * 3\n6\n")
    }

    @Test func scriptsDoNotEchoValues() {
        let (s, out, _) = makeSession()
        _ = s.run("1 + 1\nprint 3", name: "t")
        #expect(out.text == "3\n")
    }

    @Test func incompleteInputIsDetected() {
        #expect(Session.isIncomplete("print (1 +"))
        #expect(Session.isIncomplete("def f {"))
        #expect(Session.isIncomplete("s = \"abc"))
        #expect(!Session.isIncomplete("print 1"))
        #expect(!Session.isIncomplete("x = )"))
    }

    @Test func librariesBindCommands() {
        struct Lib: CommandLibrary {
            func register(in session: Session) {
                session.register([Command("double", summary: "Twice x.", parameters: [.positional("x", .number)]) { args throws(RuntimeError) in
                    .number(2 * (try args.number("x")))
                }])
            }
        }
        let (s, out, _) = makeSession()
        s.registerCommands(Lib())
        _ = s.run("print (double 21)", name: "t")
        #expect(out.text == "42\n")
        #expect(s.interpreter.registry.commands["double"]?.summary == "Twice x.")
    }

    @Test func bigStackRunsNestedWorkInPlaceAndWorkerRunsInTurn() {
        #expect(!BigStack.isOnBigStack)
        let nested = BigStack.run { (BigStack.isOnBigStack, BigStack.run { BigStack.isOnBigStack }) }
        #expect(nested == (true, true))
        let worker = BigStack.Worker()
        let results = (0..<100).map { i in worker.run { BigStack.isOnBigStack ? i * 2 : -1 } }
        #expect(results == (0..<100).map { $0 * 2 })
        let (s, out, _) = makeSession()
        #expect(worker.run { s.run("def d n { if n == 0 { return 0 }; return 1 + d (n - 1) }\nprint (d 9999)", name: "t") } == .success)
        #expect(out.text == "9999\n")
    }

    @Test func bigStackReusesIdleThreadsAndRunsParallelWorkOnDistinctOnes() {
        #if canImport(Glibc)
        // Twenty runs one after another: an idle worker takes each (another test may borrow one in between).
        let threads = (0..<20).map { _ in BigStack.run { UInt(pthread_self()) } }
        #expect(Set(threads).count < 20)
        let seen = Locked<[Int: UInt]>([:])
        BigStack.parallel(3) { i in
            let t = UInt(pthread_self())
            seen.withLock { $0[i] = BigStack.isOnBigStack ? t : 0 }
        }
        let ids = seen.withLock { $0 }
        #expect(ids.keys.sorted() == [0, 1, 2])
        #expect(Set(ids.values).count == 3 && !ids.values.contains(0))
        #expect(BigStack.idleCount <= BigStack.maximumIdle)
        // Deep recursions one after another on reused workers: a stack whose pages were given back after a run
        // serves the next deep run as before (the pages come back as zeros when touched).
        let (s, out, _) = makeSession()
        for _ in 0..<3 {
            #expect(s.run("def d n { if n == 0 { return 0 }; return 1 + d (n - 1) }\nprint (d 9999)", name: "t") == .success)
        }
        #expect(out.text == "9999\n9999\n9999\n")
        #endif
    }

    @Test func deepRecursionRunsOnTheBigStack() {
        let (s, out, _) = makeSession()
        #expect(s.run("def d n { if n == 0 { return 0 }; return 1 + d (n - 1) }\nprint (d 9999)", name: "t") == .success)
        #expect(out.text == "9999\n")
    }
}

@Suite("REPL")
struct REPLTests {
    @Test func echoesValuesAndContinuesOpenBrackets() {
        let (s, out, err) = makeSession()
        let reader = ScriptedLineReader(["x = 1", "x + 1", "def f a {", "  a * 2", "}", "f 21", "print (x", " + 5)", "nope", "x"])
        REPL(session: s, reader: reader).run()
        #expect(out.text == "2\n42\n6\n1\n")
        #expect(err.text.contains("unknown name 'nope'"))
        #expect(reader.prompts.filter { $0 == "...  " }.count == 3)
        #expect(reader.history == ["x = 1", "x + 1", "def f a {\n  a * 2\n}", "f 21", "print (x\n + 5)", "nope", "x"])
    }

    @Test func quitStops() {
        let (s, out, _) = makeSession()
        REPL(session: s, reader: ScriptedLineReader(["print 1", "quit", "print 2"])).run()
        #expect(out.text == "1\n")
    }
}
