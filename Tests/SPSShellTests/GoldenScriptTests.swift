@testable import SPSBindings
import Testing
import SPSShell
import SPSTestSupport

/// Runs every `Tests/Scripts/<feature>/<case>.sps` and checks its `# expect` comments.
@Suite("Golden scripts")
struct GoldenScriptTests {
    @Test("there are enough golden scripts")
    func enoughCases() {
        #expect(GoldenRunner.allCases().count >= 150)
    }

    @Test("golden script", arguments: GoldenRunner.allCases())
    func script(_ c: GoldenCase) {
        let result = GoldenRunner.run(c, libraries: [GoldenFixtures()])
        #expect(result.passed, "\(c):\n\(result.failures.joined(separator: "\n"))\n--- output ---\n\(result.output)--- errors ---\n\(result.errors)")
    }

    @Test("a script without expectations fails")
    func noExpectations() {
        let r = GoldenRunner.check(GoldenExpectations(script: "print 1\n"), outcome: .success, output: "1\n", errors: "")
        #expect(!r.passed)
    }

    @Test("unexpected extra output fails")
    func extraOutput() {
        let r = GoldenRunner.check(GoldenExpectations(script: "print 1 # expect: 1\n"), outcome: .success, output: "1\n2\n", errors: "")
        #expect(!r.passed)
    }

    @Test("an expected error that does not happen fails")
    func missingError() {
        let r = GoldenRunner.check(GoldenExpectations(script: "print 1 # expect error: boom\n"), outcome: .success, output: "", errors: "")
        #expect(!r.passed)
    }

    // Where an expected error points (issue 14): each wrong line or column must fail, with expected vs actual.

    /// Runs a small script through the golden runner under a made-up name.
    private func runLocated(_ script: String) -> GoldenRunner.Result {
        GoldenRunner.run(script: script, name: "self-test/location.sps")
    }

    @Test("an expected error on the line that fails passes (the control for the tests below)")
    func rightLine() {
        let r = runLocated("x = 1\ny = x + z  # expect error: unknown name 'z'\n")
        #expect(r.passed, "\(r.failures)")
        let c = runLocated("x = 1\ny = x + z  # expect error col 9: unknown name 'z'\n")
        #expect(c.passed, "\(c.failures)")
    }

    @Test("an expected error written on the wrong line fails, saying expected and actual line")
    func wrongLine() {
        let r = runLocated("x = 1  # expect error: unknown name 'z'\ny = x + z\n")
        #expect(!r.passed)
        #expect(r.failures.contains { $0.contains("expected at line 1") && $0.contains("got line 2") }, "\(r.failures)")
    }

    @Test("an expected error at the wrong column fails, saying expected and actual column")
    func wrongColumn() {
        let r = runLocated("x = 1\ny = x + z  # expect error col 5: unknown name 'z'\n")
        #expect(!r.passed)
        #expect(r.failures.contains { $0.contains("expected at line 2, col 5") && $0.contains("got line 2, col 9") }, "\(r.failures)")
    }

    @Test("a comment alone on its line belongs to the next code line, not the one before")
    func ownLineComment() {
        let above = runLocated("x = 1\n# expect error: unknown name 'z'\n\ny = x + z\n")
        #expect(above.passed, "\(above.failures)")
        let below = runLocated("y = 1\nz2 = y + z\n# expect error: unknown name 'z'\nprint 2\n")
        #expect(!below.passed)
        #expect(below.failures.contains { $0.contains("expected at line 4") && $0.contains("got line 2") }, "\(below.failures)")
        let atEnd = runLocated("x = 1\ny = x + z\n# expect error: unknown name 'z'\n")
        #expect(!atEnd.passed)
        #expect(atEnd.failures.contains { $0.contains("no code line after it") }, "\(atEnd.failures)")
    }

    @Test("an error without a location, or a malformed expectation, fails")
    func noLocationOrMalformed() {
        let r = GoldenRunner.check(GoldenExpectations(script: "boom  # expect error: boom\n"), outcome: .runtimeError,
                                   output: "", errors: "error: boom\n")
        #expect(!r.passed)
        #expect(r.failures.contains { $0.contains("with no location") }, "\(r.failures)")
        for bad in ["# expect errors: boom", "# expect error col x: boom", "# expect error col 0: boom", "# expect error:"] {
            let e = GoldenExpectations(script: "boom  \(bad)\n")
            let m = GoldenRunner.check(e, outcome: .runtimeError, output: "", errors: "t.sps:1:1: error: boom\n")
            #expect(!m.passed, "\(bad)")
        }
    }

    @Test("lines are counted as sps counts them: at \\n, with \\r\\n line ends")
    func crlfLines() {
        let r = runLocated("x = 1\r\ny = x + z  # expect error col 9: unknown name 'z'\r\n")
        #expect(r.passed, "\(r.failures)")
    }

    @Test("an error in a def is expected where the def's body fails")
    func errorInDef() {
        let script = "def f a {\n  a + q  # expect error col 7: unknown name 'q'\n}\nf 1\n"
        let r = runLocated(script)
        #expect(r.passed, "\(r.failures)\n\(r.errors)")
        let wrong = runLocated("def f a {\n  a + q\n}\nf 1  # expect error: unknown name 'q'\n")
        #expect(!wrong.passed)
    }

    @Test("'at end' expects an error where the input ends; the same error expected on its line fails")
    func atEnd() {
        let r = runLocated("print (1 + 2  # expect error at end: expected ')'\n")
        #expect(r.passed, "\(r.failures)")
        let onLine = runLocated("print (1 + 2  # expect error: expected ')'\n")
        #expect(!onLine.passed)
        #expect(onLine.failures.contains { $0.contains("expected at line 1") && $0.contains("got line 2") }, "\(onLine.failures)")
        let notAtEnd = runLocated("x = 1\ny = x + z  # expect error at end: unknown name 'z'\n")
        #expect(!notAtEnd.passed)
        #expect(notAtEnd.failures.contains { $0.contains("the end of the input (line 3, col 1)") && $0.contains("got line 2, col 9") }, "\(notAtEnd.failures)")
    }
}
