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
}
