import Foundation
import SPSLanguage
import Testing
@testable import SPSBindings
@testable import SPSShell

/// `repeat` runs share nothing mutable: every kind of object made outside a study either gives the same table on one
/// core and on two, run after run, or is refused with an error that says what to do; never a crash.
@Suite("Isolation in repeat")
struct IsolationTests {
    /// What a script prints (or its error), in a fresh standard session.
    static func output(_ script: String) -> String {
        let out = BufferSink(), err = BufferSink()
        let session = Session.standard(output: out, errors: err)
        _ = session.run(script, name: "t.sps")
        return out.text + err.text
    }

    /// Objects made before the study and used inside it, one study per kind; `THREADS` is replaced by the count.
    static let studies: [(kind: String, setup: String, body: String)] = [
        ("model", "m = linear 3 1", "fit m train epochs=1; record w=m.weight[0, 2]"),
        ("dataset", "d = spurious n=100 factor=0.1", "m = linear 3 1; fit m d epochs=1; record r=(rmse m train)"),
        ("table", "tab = repeat seeds=0..2 { record a=(randn 1)[0] }", "record s=(sum tab.a) r=(randn 1)[0]"),
        ("closure", "def make { n = 0; def bump { n = n + 1; n }; [bump] }\nc = (make())[0]", "c(); record k=c() r=(randn 1)[0]"),
        ("def", "def fitted epochs { m = linear 3 1; fit m train epochs=epochs; rmse m train }", "record r=(fitted 1)"),
        ("optimizer and schedule", "opt = sgd lr=0.01 momentum=0.9\nsch = steplr every=1 gamma=0.5",
         "m = linear 3 1; fit m train epochs=2 optim=opt sched=sch; record w=m.weight[0, 0]"),
        ("augmentation and distribution", "aug = noise x3 std=3\ndist = normal 0 1",
         "m = linear 3 1; fit m train epochs=1 aug=aug; record w=m.weight[0, 2] d=(sum (dist 4))"),
    ]

    static func study(_ setup: String, _ body: String, threads: Int) -> String {
        "seed 0\ntrain = spurious n=200\n\(setup)\nt = repeat seeds=0..5 threads=\(threads) { \(body) }\nprint t\n"
    }

    @Test("an object made outside repeat gives the same table on one and two cores, 20 times over",
          arguments: IsolationTests.studies.map(\.kind))
    func sameTableOnOneAndTwoCores(kind: String) throws {
        let (_, setup, body) = try #require(IsolationTests.studies.first { $0.kind == kind })
        let reference = IsolationTests.output(IsolationTests.study(setup, body, threads: 1))
        #expect(!reference.contains("error") && !reference.contains("failed"), "\(kind): \(reference)")
        #expect(reference.split(separator: "\n").count == 8, "six rows and a header: \(reference)")
        for _ in 0..<20 {
            #expect(IsolationTests.output(IsolationTests.study(setup, body, threads: 2)) == reference, "\(kind)")
        }
    }

    @Test("a Loop made outside repeat is refused in every run with the same clear error, never a crash or a race")
    func loopIsRefused() {
        let script = """
            seed 0
            train = spurious n=2000
            m = linear 3 1
            l = loop m train batch=32 optim=(adam lr=1e-3)
            t = repeat seeds=0..7 { step l 50; record x=l.step }
            print t
            """
        for _ in 0..<20 {
            let text = IsolationTests.output(script)
            #expect(text.contains("t.sps:5:5: error: repeat: every run failed"))
            #expect(text.contains("a Loop made outside `repeat` cannot be shared by its runs; create it inside the block"))
        }
    }

    @Test("a file of defs loaded inside 256 parallel runs: each run has its own defs, the session none of them")
    func loadInsideManyRuns() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sps-isolation-\(getpid()).sps").path
        try "# triples a number\ndef triple x { 3 * x }\nhelper = 7\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let out = BufferSink(), err = BufferSink()
        let session = Session.standard(output: out, errors: err)
        let outcome = session.run("""
            t = repeat seeds=0..255 { load "\(path)"; record v=(triple seed_value) h=helper } seed_value=5
            print (sum t.v) (sum t.h) t.n
            """, name: "t.sps")
        #expect(outcome == .success, "\(err.text)")
        #expect(out.text == "3840 1792 256\n")
        #expect(session.interpreter.registry.userDefs["triple"] == nil)
        #expect(session.interpreter.global("triple") == nil)
    }

    @Test("a run's context starts fresh: its own record and streams, one run level deeper, no prompt hooks")
    func contextCopy() {
        let context = SessionContext()
        context.studyRecord = [("a", .number(1))]
        context.loadDepth = 3
        context.style = TerminalStyle(enabled: true)
        context.pause = {}
        context.history = { ["x"] }
        guard let copy = context.isolatedCopy() as? SessionContext else {
            Issue.record("the copy is not a SessionContext")
            return
        }
        #expect(copy !== context)
        #expect(copy.studyRecord.isEmpty && copy.streamUses.isEmpty && copy.scmRows == nil)
        #expect(copy.loadDepth == 3 && copy.runDepth == 1 && copy.style == context.style)
        #expect(copy.pause == nil && copy.history == nil && copy.recordSession == nil && copy.progress == nil)
    }
}
