import Testing
@testable import SPSLanguage

/// A host object that keeps a value the collector cannot see into (like a model holding a callback block).
private final class Holder: NativeObject {
    let held: Value
    init(_ held: Value) { self.held = held }
    var typeName: String { "Holder" }
    var description: String { "Holder" }
    var isolation: IsolationPolicy { .immutable }
    func member(_ name: String, in interpreter: Interpreter) throws(RuntimeError) -> Value? {
        name == "held" ? held : nil
    }
}

/// An interpreter with `hold v` (wraps v in a Holder) and `collect` (runs the cycle collector, returns how many
/// cells it emptied) for the tests.
private func interpreter(_ out: BufferSink = BufferSink()) -> Interpreter {
    let ip = Interpreter(output: out)
    ip.register(Command("hold", summary: "wraps a value", parameters: [.positional("value", .any)]) { args throws(RuntimeError) in
        .native(Holder(args["value"] ?? .nil))
    })
    ip.register(Command("collect", summary: "collects cycles") { args throws(RuntimeError) in
        .number(Double(args.interpreter.collectCycles()))
    })
    return ip
}

/// Runs `script` in a fresh test interpreter; returns the interpreter and what the script printed.
private func run(_ script: String) throws -> (Interpreter, String) {
    let out = BufferSink()
    let ip = interpreter(out)
    try ip.run(SourceFile(name: "t", text: script))
    return (ip, out.text)
}

/// `pair` makes a getter and a setter sharing one captured variable; `cycle` stores the pair in that variable, so
/// closure → cell → list → closure.
private let definitions = """
    def pair { v = 0; def set x { v = x }; def get { v }; [set, get] }
    def cycle { p = pair(); p[0](p); p }

    """

@Suite("Cycle collector")
struct CycleCollectorTests {
    @Test func sessionEndFreesTheFuzzerReproducer() throws {
        var ip: Interpreter? = interpreter()
        let registry = try #require(ip?.cellRegistry)
        try ip?.run(SourceFile(name: "t", text: "def pair { v = 0; def set x { v = p }; [set] }\np = pair(); p[0](42)"))
        #expect(registry.count == 1)
        ip = nil
        #expect(registry.count == 0)
    }

    @Test func unreachableCyclesAreCollectedWhileRunning() throws {
        let (ip, printed) = try run(definitions + "for i in 0..<20000 { cycle() }\nprint (collect())")
        // Collections ran by themselves as cells piled up; only the cycles made since the last one were left.
        #expect(ip.cellRegistry.count == 0)
        let lastCollected = try #require(Int(printed.split(separator: "\n").last ?? ""))
        #expect(lastCollected > 0 && lastCollected < 2 * Interpreter.minimumCollection)
    }

    @Test func cyclesReachableFromAGlobalStay() throws {
        let (ip, printed) = try run(definitions + "keep = cycle()\nprint (collect())\nprint (len (keep[1]()))")
        #expect(printed == "0\n2\n")
        #expect(ip.cellRegistry.count == 1)
    }

    @Test func cyclesInsideListsAndRecordsStay() throws {
        let (_, printed) = try run(definitions + """
            keep = {deep: [[1, cycle()]]}
            print (collect())
            print (type ((keep.deep[0][1][1]())[0]))
            """)
        #expect(printed == "0\ndef\n")
    }

    @Test func cyclesHeldOnlyByAHostObjectStay() throws {
        // The collector cannot look inside a Holder; the reference it holds must still count.
        let (_, printed) = try run(definitions + "h = hold (cycle())\nprint (collect())\nprint (len (h.held[1]()))")
        #expect(printed == "0\n2\n")
    }

    @Test func cyclesHeldOnlyByARunningCallStay() throws {
        // `v` holds a block that captured `v`: only the running frame of f refers to it while collect runs.
        let (_, printed) = try run("def f { v = 0; v = { v }; n = collect(); [n, type (v())] }\nprint (f())")
        #expect(printed == "[0, \"block\"]\n")
    }

    @Test func cyclesHeldOnlyByTheHostStay() throws {
        let (ip, _) = try run(definitions + "keep = cycle()")
        let kept = try #require(ip.global("keep"))
        ip.setGlobal("keep", .nil)
        #expect(ip.collectCycles() == 0)
        guard case .list(let pair) = kept else {
            Issue.record("not a list")
            return
        }
        #expect(try ip.call(pair[1]).containedValues?.count == 2)
    }

    @Test func droppedCyclesAreCollectedOnceUnreachable() throws {
        let (ip, printed) = try run(definitions + "keep = [cycle(), cycle()]\nprint (collect())\nkeep = 0\nprint (collect())")
        #expect(printed == "0\n2\n")
        #expect(ip.cellRegistry.count == 0)
    }

    @Test func aDefThatCapturedItselfIsCollected() throws {
        // A recursive local def captures the variable that holds it: the smallest cycle there is.
        let (ip, _) = try run("def outer { def fact n { if n < 2 { return 1 }; return n * fact(n - 1) }; fact 5 }\nx = outer()")
        #expect(ip.global("x")?.number == 120)
        #expect(ip.collectCycles() == 1)
        #expect(ip.cellRegistry.count == 0)
    }

    @Test func isolatedCopiesShareTheRegistryAndNeverCollect() throws {
        let (ip, _) = try run(definitions + "b = { cycle(); 1 }")
        let copy = ip.isolatedCopy()
        let block = try #require(copy.global("b"))
        _ = try copy.call(copy.isolatedCopy(of: block))
        #expect(copy.collectCycles() == 0)
        #expect(ip.cellRegistry.count == 1)
        #expect(ip.collectCycles() == 1)
    }
}
