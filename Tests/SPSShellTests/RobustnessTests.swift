@testable import SPSBindings
import Foundation
import Synchronization
import Testing
import SPSLanguage
import SPSNumeric
@testable import SPSShell

// MARK: - Helpers

/// A standard session (built-ins plus the training library) writing to buffers.
func standardSession() -> (Session, BufferSink, BufferSink) {
    let out = BufferSink(), err = BufferSink()
    return (Session.standard(output: out, errors: err), out, err)
}

/// Runs `text` while another thread keeps requesting the session's interrupt, starting after `delay` seconds and
/// repeating every 10 ms until the run returns (the session clears the flag when a run starts).
func runInterrupted(_ session: Session, _ text: String, after delay: Double) -> RunOutcome {
    let done = Atomic<Bool>(false)
    let flag = session.interpreter.interrupt
    let interrupter = Thread {
        Thread.sleep(forTimeInterval: delay)
        while !done.load(ordering: .acquiring) {
            flag.request()
            Thread.sleep(forTimeInterval: 0.01)
        }
    }
    interrupter.start()
    let outcome = session.run(text, name: "interrupted.sps")
    done.store(true, ordering: .releasing)
    return outcome
}

/// The repository root, from this file's path.
func repositoryRoot(_ file: String = #filePath) -> URL {
    var url = URL(fileURLWithPath: file)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url
}

// MARK: - Limits

@Suite("Robustness: limits")
struct RobustnessLimitTests {
    /// Inputs that ask for too much: each must be a clear error (not a crash, not an allocation that fails), and the
    /// session must go on — the next statement still runs.
    static let tooMuch: [(String, String)] = [
        ("d = spurious n=1e15", "rows"),
        ("t = zeros 1e15", "too large"),
        ("t = zeros 100000000 100000000 100000000 100000000", "too large"),
        ("t = ones [4294967296, 4294967296]", "too large"),
        ("x = range 1e18", "must be an integer"),
        ("s = sum (range 1000000000000000)", "lists hold at most"),
        ("t = tensor (0..1000000000000)", "tensors hold at most"),
        ("xs = range 0 1e15 1", "too long"),
        ("m = mlp 3 [1e9] 1", "hidden sizes"),
        ("t = repeat seeds=(range 1000000000000000) { record a=1 }", "at most 100000 runs"),
        ("t = repeat seeds=0..99 a=(range 1000) b=(range 1000) { record x=1 }", "at most 100000 runs"),
        ("s = \"ab\" * 1e15", "strings hold at most"),
        ("print (format \"%999999999d\" 1)", "too large"),
        ("print (format \"%d\" 1e300)", "9.2e18"),
        ("t = eye 100000", "between 0 and 10000"),
        ("xs = sort (0..100000000000)", "lists hold at most"),
    ]

    @Test("an oversized request is an error and the session goes on", arguments: tooMuch)
    func oversizedRequest(_ input: (String, String)) {
        let (s, out, err) = standardSession()
        let outcome = s.run(input.0, name: "big.sps")
        #expect(outcome == .runtimeError, "\(input.0): \(outcome)")
        #expect(err.text.contains(input.1), "\(input.0): \(err.text)")
        #expect(s.run("print \"alive\"", name: "next.sps") == .success)
        #expect(out.text.hasSuffix("alive\n"))
    }

    @Test("doubling a list until memory runs out ends with an error, not an OOM kill")
    func listDoubling() {
        let (s, _, err) = standardSession()
        #expect(s.run("x = [1]\nwhile true { x = x + x }", name: "double.sps") == .runtimeError)
        #expect(err.text.contains("lists hold at most"), "\(err.text)")
        let (s2, _, err2) = standardSession()
        #expect(s2.run("s = \"abcdefgh\"\nwhile true { s = s + s }", name: "double.sps") == .runtimeError)
        #expect(err2.text.contains("strings hold at most"), "\(err2.text)")
    }

    @Test("a runaway loop stops when interrupted")
    func runawayLoop() {
        let (s, _, err) = standardSession()
        #expect(runInterrupted(s, "x = 0\nwhile true { x += 1 }", after: 0.1) == .runtimeError)
        #expect(err.text.contains("interrupted"))
        #expect(s.run("print (x > 0)", name: "next.sps") == .success)
    }

    @Test("a printing loop stops when interrupted")
    func printingLoop() {
        let (s, out, err) = standardSession()
        #expect(runInterrupted(s, "while true { print 1 }", after: 0.1) == .runtimeError)
        #expect(err.text.contains("interrupted"))
        #expect(out.text.hasPrefix("1\n1\n"))
    }

    @Test("runaway recursion in a def and in a block is an error")
    func recursion() {
        let (s, _, err) = standardSession()
        #expect(s.run("def f n { f (n + 1) }\nf 0", name: "r.sps") == .runtimeError)
        #expect(err.text.contains("too many nested calls"))
        #expect(s.run("b = { b() }\nb()", name: "r.sps") == .runtimeError)
        #expect(s.run("print 1", name: "next.sps") == .success)
    }

    @Test("deep nesting in source is a syntax error, not a stack overflow")
    func nesting() {
        let (s, _, err) = standardSession()
        for (open, close) in [("(", ")"), ("[", "]"), ("if true { ", " }"), ("{a: ", "}")] {
            let text = "x = " + String(repeating: open, count: 5000) + "1" + String(repeating: close, count: 5000)
            #expect(s.run(text, name: "deep.sps") == .syntaxError)
        }
        #expect(s.run("x = " + String(repeating: "-", count: 100_000) + "1", name: "deep.sps") == .syntaxError)
        #expect(err.text.contains("nesting too deep"))
    }

    @Test("a value nested as deep as allowed prints, compares and is freed; one level more is an error")
    func deepValue() {
        let (s, out, err) = standardSession()
        let deepest = Limits.maxNesting - 1  // wraps around the innermost []
        #expect(s.run("x = []\nfor i in range \(deepest) { x = [x] }\nprint ((len (str x)) > 0) (x == x)\nx = 0\nprint \"freed\"", name: "deep.sps") == .success)
        #expect(out.text == "true true\nfreed\n")
        for build in ["x = []\nfor i in range 200000 { x = [x] }",
                      "r = {a: 0}\nfor i in range 200000 { r = {a: r} }",
                      "x = []\nfor i in range 200000 { y = [0]\ny[0] = x\nx = y }",
                      "x = {a: 0}\nfor i in range 200000 { y = {a: 0}\ny.a = x\nx = y }",
                      "x = []\nfor i in range 200000 { x = append [] x }"] {
            #expect(s.run(build, name: "deeper.sps") == .runtimeError, "\(build)")
            #expect(err.text.contains("more than \(Limits.maxNesting) levels deep"), "\(build): \(err.text)")
        }
        // The session keeps the deepest value that was allowed, and frees it when the session goes.
        #expect(s.run("print \"alive\"", name: "next.sps") == .success)
        #expect(out.text.hasSuffix("alive\n"))
    }

    @Test("nesting depth counts lists and records and stops at the bound")
    func nestingDepth() {
        var v = Value.number(1)
        #expect(Limits.nestingDepth(of: v, atMost: 10) == 0)
        v = .list([.number(1), .list([.record(Record([("a", .list([]))]))])])
        #expect(Limits.nestingDepth(of: v, atMost: 10) == 4)
        #expect(Limits.nestingDepth(of: v, atMost: 2) == 3)
        #expect(Limits.nestingDepth(of: .list(Array(repeating: .number(0), count: 1000)), atMost: 10) == 1)
    }

    @Test("a step budget stops loops and recursion deterministically; without one nothing is counted")
    func stepBudget() {
        let (s, out, err) = standardSession()
        s.interpreter.stepsRemaining = 1000
        #expect(s.run("n = 0\nwhile true { n += 1 }", name: "steps.sps") == .runtimeError)
        #expect(err.text.contains("step budget used up"), "\(err.text)")
        #expect(s.run("print n", name: "n.sps") == .success)
        #expect(out.text == "1000\n")
        s.interpreter.stepsRemaining = 1000
        #expect(s.run("def f n { return f (n + 1) }\nf 0", name: "steps.sps") == .runtimeError)
        s.interpreter.stepsRemaining = 1000
        #expect(s.run("for i in range 999 { }\nprint \"fits\"", name: "steps.sps") == .success)
        #expect(out.text.hasSuffix("fits\n"))
    }

    @Test("a list that shares its parts (exponentially long in print) prints and compares in bounded time")
    func sharedParts() {
        let (s, out, _) = standardSession()
        #expect(s.run("x = [1]\nfor i in range 60 { x = [x, x] }\nprint ((len (str x)) < 2000000) (x == x)", name: "shared.sps") == .success)
        #expect(out.text == "true true\n")
    }

    @Test("printing a 10⁷-element tensor stays summarised")
    func outputFlood() {
        let (s, out, _) = standardSession()
        #expect(s.run("print (zeros 10000000)\nprint (zeros 3000 3000)", name: "flood.sps") == .success)
        #expect(out.text.utf8.count < 20_000, "printed \(out.text.utf8.count) bytes")
    }
}

// MARK: - Training faults

@Suite("Robustness: training faults")
struct RobustnessTrainingTests {
    static let setup = "seed 0\nd = spurious n=5000\nm = linear 3 1\n"

    @Test("divergence stops training with a message; the session goes on")
    func divergence() {
        let (s, out, err) = standardSession()
        #expect(s.run(Self.setup + "fit m d epochs=50 optim=(sgd lr=10)", name: "div.sps") == .runtimeError)
        #expect(err.text.contains("training diverged"), "\(err.text)")
        #expect(s.run("print \"alive\"", name: "next.sps") == .success)
        #expect(out.text.hasSuffix("alive\n"))
    }

    @Test("interrupting run leaves the loop consistent, and running again resumes it")
    func interruptRun() {
        let (s, out, err) = standardSession()
        #expect(s.run(Self.setup + "l = loop m d batch=1", name: "setup.sps") == .success)
        #expect(runInterrupted(s, "run l epochs=100000", after: 0.2) == .runtimeError)
        #expect(err.text.contains("interrupted at epoch"), "\(err.text)")
        #expect(err.text.contains("can be resumed"))
        out.clear()
        #expect(s.run("before = l.step\nprint (before > 0)\nstep l 10\nprint (l.step == before + 10)", name: "resume.sps") == .success)
        #expect(out.text == "true\ntrue\n", "\(out.text)")
        out.clear()
        #expect(s.run("e = l.epoch\nrun l epochs=1\nprint (l.epoch == e + 1)", name: "resume.sps") == .success)
        #expect(out.text == "true\n", "\(out.text)")
    }

    @Test("interrupting fit leaves a usable model, which training continues from")
    func interruptFit() {
        let (s, out, err) = standardSession()
        #expect(s.run(Self.setup, name: "setup.sps") == .success)
        #expect(runInterrupted(s, "fit m d epochs=100000 batch=1", after: 0.2) == .runtimeError)
        #expect((out.text + err.text).contains("interrupted at epoch"), "\(out.text)\n\(err.text)")
        out.clear()
        #expect(s.run("r1 = rmse m d\nl = fit m d epochs=1\nprint (l.epoch)", name: "again.sps") == .success)
        #expect(out.text.hasSuffix("1\n"), "\(out.text)")
    }

    @Test("interrupting repeat reports the completed runs; the session goes on")
    func interruptRepeat() {
        let (s, out, err) = standardSession()
        #expect(s.run(Self.setup, name: "setup.sps") == .success)
        let study = "t = repeat seeds=0..999 threads=2 {\n  m = linear 3 1\n  fit m d epochs=3 batch=1\n  record a=1\n}"
        _ = runInterrupted(s, study, after: 0.3)
        #expect(out.text.contains("interrupted") || err.text.contains("interrupted"), "\(out.text)\n\(err.text)")
        #expect(s.run("print \"alive\"", name: "next.sps") == .success)
        #expect(out.text.hasSuffix("alive\n"))
    }

    @Test("runs of repeat get their own copies of variables captured from an enclosing def (no data race)")
    func repeatCapturedVariables() {
        let (s, out, _) = standardSession()
        let text = "def study {\n  n = 0\n  t = repeat seeds=0..63 threads=4 {\n    n = n + 1\n    record v=n\n  }\n  print (sum t.v) n\n}\nstudy()"
        #expect(s.run(text, name: "captured.sps") == .success)
        #expect(out.text == "64 0\n", "\(out.text)")
    }

    @Test("a failing run inside repeat is reported with its seed while the others complete")
    func failingRun() {
        let (s, out, _) = standardSession()
        let text = "t = repeat seeds=0..3 k=[1, 2] {\n  if k == 2 { error \"boom\" }\n  record ok=k\n}\nprint (len t.ok)"
        #expect(s.run(text, name: "f.sps") == .success)
        #expect(out.text.contains("repeat: run with seed 0, k=2 failed: boom"), "\(out.text)")
        #expect(out.text.contains("repeat: run with seed 3, k=2 failed: boom"))
        #expect(out.text.hasSuffix("4\n"), "\(out.text)")
    }
}

// MARK: - Files

@Suite("Robustness: nothing lost", .serialized)
struct RobustnessFileTests {
    /// Runs a program, returning its exit status.
    @discardableResult
    static func shell(_ arguments: [String]) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return -1 }
        p.waitUntilExit()
        return p.terminationStatus
    }

    /// A folder nobody — root included — can create files in: `chattr +i`. Nil when the file system does not
    /// support it (then the test is skipped).
    static func immutableFolder(containing name: String, text: String) -> URL? {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("sps-immutable-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        } catch { return nil }
        guard shell(["chattr", "+i", folder.path]) == 0 else { return nil }
        return folder
    }

    static func release(_ folder: URL) {
        shell(["chattr", "-i", folder.path])
        try? FileManager.default.removeItem(at: folder)
    }

    @Test("a failing atomic write leaves the existing file untouched")
    func atomicWriteFailure() throws {
        let original = "the original contents\n"
        guard let folder = Self.immutableFolder(containing: "kept.txt", text: original) else { return }
        defer { Self.release(folder) }
        let path = folder.appendingPathComponent("kept.txt").path
        #expect(throws: FileWriteError.self) { try AtomicFile.write("new", to: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == original)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["kept.txt"])
    }

    @Test("save that fails keeps the existing file, and the session goes on")
    func saveFailure() throws {
        let original = "x1,x2,x3,y\n1,2,3,4\n"
        guard let folder = Self.immutableFolder(containing: "data.csv", text: original) else { return }
        defer { Self.release(folder) }
        let path = folder.appendingPathComponent("data.csv").path
        let (s, out, err) = standardSession()
        #expect(s.run("d = spurious n=100\nsave d \"\(path)\"", name: "save.sps") == .runtimeError)
        #expect(err.text.contains("cannot write"), "\(err.text)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == original)
        #expect(s.run("save 3 \"\(path)\"", name: "save.sps") == .runtimeError)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == original)
        #expect(s.run("print \"alive\"", name: "next.sps") == .success)
        #expect(out.text.hasSuffix("alive\n"))
    }

    @Test("a write that fails half-way (file size limit) removes its temporary file and keeps the old one")
    func halfWrittenFile() throws {
        // The limit applies to a child shell only: `ulimit -f` makes writes past 4 KiB fail with EFBIG.
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("sps-fsize-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("big.csv").path
        let original = "old\n"
        try Data(original.utf8).write(to: URL(fileURLWithPath: path))
        guard let binary = Self.spsBinary() else { return }
        let status = Self.shell(["sh", "-c", "trap '' XFSZ; ulimit -f 8; exec \"$0\" -e \"$1\"", binary,
                                 "d = spurious n=5000\nsave d \"\(path)\""])
        #expect(status != 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == original)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["big.csv"])
    }

    /// The `sps` executable built next to the test bundle, if there is one.
    static func spsBinary() -> String? {
        var url = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = url.appendingPathComponent("sps").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            url.deleteLastPathComponent()
        }
        let arguments = CommandLine.arguments.first.map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
        if let dir = arguments {
            for candidate in [dir.appendingPathComponent("sps"), dir.deletingLastPathComponent().appendingPathComponent("sps")]
            where FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
        }
        return nil
    }
}

// MARK: - Fuzz regressions

@Suite("Robustness: fuzz regressions")
struct RobustnessFuzzRegressionTests {
    /// Every file in Tests/Fuzz/regressions (crashing inputs found by scripts/fuzz, kept byte for byte).
    static func inputs() -> [String] {
        let dir = repositoryRoot().appendingPathComponent("Tests/Fuzz/regressions").path
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return files.filter { !$0.hasPrefix(".") }.sorted().map { dir + "/" + $0 }
    }

    @Test("there are fuzz regressions")
    func some() { #expect(!Self.inputs().isEmpty) }

    @Test("a former crashing input parses, compiles and runs to an outcome", arguments: inputs())
    func replay(_ path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let text = String(decoding: data, as: UTF8.self)
        _ = Session.isIncomplete(text)
        let cells: CellRegistry
        do {
            let (s, _, _) = standardSession()
            cells = s.interpreter.cellRegistry
            // Whatever the outcome, it must come back (interrupt after 2 s for the slow ones), and the session must go on.
            _ = runInterrupted(s, text, after: 2)
            #expect(s.run("print 1", name: "next.sps") == .success)
        }
        // And nothing it made outlives it: no captured variable is left in a reference cycle.
        #expect(cells.count == 0)
    }
}
