import Foundation
import Testing
@testable import SPSLanguage
@testable import SPSShell

/// Issue 15: scripts with other line ends run, diagnostics never pass control characters to the terminal, and
/// each error names its real cause.
@Suite("Diagnostics: line ends, control characters, clear causes")
struct DiagnosticClarityTests {
    /// Runs a script in a standard session: outcome, output, errors.
    func run(_ text: String, name: String = "t.sps") -> (RunOutcome, String, String) {
        let (session, out, err) = standardSession()
        let outcome = session.run(text, name: name)
        return (outcome, out.text, err.text)
    }

    /// A temporary file holding `bytes`; removed by the caller.
    func temporaryFile(_ bytes: [UInt8], name: String = "script.sps") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sps-diagnostics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent(name).path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        return path
    }

    // MARK: - Line ends and the byte order mark

    @Test("a CR-only script runs every line; before, it ran nothing and exited 0", arguments: ["\r", "\r\n", "\n"])
    func lineEndsRun(_ end: String) {
        let (outcome, out, err) = run(["x = 20", "y = x + 22", "print y", "print \"done\""].joined(separator: end) + end)
        #expect(outcome == .success, "\(err)")
        #expect(out == "42\ndone\n")
    }

    @Test("an error in a CR-only or CRLF script names its line, and the excerpt is that line only", arguments: ["\r", "\r\n"])
    func lineEndsInDiagnostics(_ end: String) {
        let (outcome, _, err) = run(["x = 1", "y = 2", "z = x + q", "print z"].joined(separator: end) + end)
        #expect(outcome == .runtimeError)
        #expect(err == "t.sps:3:9: error: unknown name 'q'; did you mean 'x'?\n    z = x + q\n            ^\n"
                || err.hasPrefix("t.sps:3:9: error: unknown name 'q'"), "\(err.debugDescription)")
        #expect(!err.contains("\r"))
        #expect(err.contains("\n    z = x + q\n            ^\n"))
    }

    @Test("a script file starting with a UTF-8 byte order mark runs, with columns counted after it")
    func byteOrderMarkFile() throws {
        let path = try temporaryFile([0xEF, 0xBB, 0xBF] + Array("x = 40\nprint (x + 2)\ny = x + q\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let (session, out, err) = standardSession()
        let outcome = session.runFile(path)
        #expect(outcome == .runtimeError)
        #expect(out.text == "42\n")
        #expect(err.text.hasPrefix("\(path):3:9: error: unknown name 'q'"), "\(err.text)")
        let bomOnFirstLine = try temporaryFile([0xEF, 0xBB, 0xBF] + Array("print q\r\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: (bomOnFirstLine as NSString).deletingLastPathComponent) }
        let (second, _, err2) = standardSession()
        #expect(second.runFile(bomOnFirstLine) == .runtimeError)
        #expect(err2.text.hasPrefix("\(bomOnFirstLine):1:7: error: unknown name 'q'"), "\(err2.text)")
        #expect(err2.text.contains("\n    print q\n          ^\n"))
    }

    @Test("--echo shows each statement of a CR-only script on its own line")
    func echoOfCROnlyScript() {
        let (session, out, _) = standardSession()
        #expect(session.run("x = 1\rprint x\r", name: "t.sps", echo: .transcript) == .success)
        #expect(!out.text.contains("\r"))
        #expect(out.text.components(separatedBy: "\n").filter { $0.contains("print x") }.count == 1)
    }

    // MARK: - Control characters

    @Test("control characters are shown as escapes; newlines in a message are kept")
    func visible() {
        #expect(DiagnosticRenderer.visible("a\u{1B}[31mb") == "a\\e[31mb")
        #expect(DiagnosticRenderer.visible("bell\u{7} tab\t cr\r nul\u{0} del\u{7F}") == "bell\\u{7} tab\\t cr\\r nul\\0 del\\u{7F}")
        #expect(DiagnosticRenderer.visible("csi\u{9B}2J") == "csi\\u{9B}2J")
        #expect(DiagnosticRenderer.visible("rtl\u{202E}txt\u{2066}") == "rtl\\u{202E}txt\\u{2066}")
        #expect(DiagnosticRenderer.visible("line 1\nline 2") == "line 1\nline 2")
        #expect(DiagnosticRenderer.visible("a\nb", keepNewlines: false) == "a\\nb")
        // Ordinary text, accents, CJK and emoji (with joiners) are shown as they are.
        for text in ["plain ascii", "café naïve", "数据 列", "👩‍🔬 👍🏽", "e\u{301}"] {
            #expect(DiagnosticRenderer.visible(text) == text)
        }
    }

    @Test("a string with an escape sequence in the source is escaped in the message and the excerpt")
    func escapeInSource() {
        let (outcome, _, err) = run("x = abs \"\u{1B}]0;owned\u{7}\u{1B}[2J\"\n")
        #expect(outcome == .runtimeError)
        #expect(!err.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(err.contains("got string \"\\e]0;owned\\u{7}\\e[2J\""), "\(err)")
        #expect(err.contains("\n    x = abs \"\\e]0;owned\\u{7}\\e[2J\"\n        ^\n"), "\(err)")
    }

    @Test("a CSV column name with an escape sequence is escaped in errors, did-you-mean hints included")
    func escapeInData() throws {
        let path = try temporaryFile(Array("a\u{1B}[31m,b\u{7},y\n1,2,3\n4,5,6\n".utf8), name: "data.csv")
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let (outcome, _, err) = run("d = csv \"\(path)\"\nselect d [\"a\u{1B}[32m\"]\n")
        #expect(outcome == .runtimeError)
        #expect(!err.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(err.debugDescription)")
        #expect(err.contains("a\\e[31m"), "\(err)")
    }

    @Test("a file name with control characters is escaped where a location names it")
    func escapeInFileName() {
        let (outcome, _, err) = run("y = q\n", name: "evil\u{1B}[2J.sps")
        #expect(outcome == .runtimeError)
        #expect(err.hasPrefix("evil\\e[2J.sps:1:5: error: unknown name 'q'"), "\(err)")
        let error = RuntimeError("boom")
        var traced = error
        traced.trace = [TraceEntry(function: "f", callSite: SourceLocation(file: SourceFile(name: "a\u{7}.sps", text: "f\n"), line: 1, column: 1, offset: 0))]
        #expect(DiagnosticRenderer.render(traced) == "error: boom\n  in def f, called at a\\u{7}.sps:1:1")
    }

    @Test("the caret stays under the column after tabs, escapes, wide and combining characters")
    func caretAlignment() {
        func excerpt(_ line: String, column: Int) -> String {
            let file = SourceFile(name: "t", text: line + "\n")
            return DiagnosticRenderer.excerpt(SourceLocation(file: file, line: 1, column: column, offset: 0))
        }
        // A tab is shown as \t, two columns wide, and the caret line has two spaces for it.
        #expect(excerpt("\tx = q", column: 6) == "\n    \\tx = q\n          ^")
        #expect(excerpt("a\t\tq", column: 4) == "\n    a\\t\\tq\n         ^")
        // ESC is shown as \e (two columns); each of 数据 takes two columns on screen.
        #expect(excerpt("s = \"\u{1B}[1m\" q", column: 12) == "\n    s = \"\\e[1m\" q\n    " + String(repeating: " ", count: 12) + "^")
        #expect(excerpt("s = \"数据\" q", column: 10) == "\n    s = \"数据\" q\n    " + String(repeating: " ", count: 11) + "^")
        // Columns count Unicode scalars: "e" + combining acute is two scalars and one screen column.
        #expect(excerpt("s = \"e\u{301}\" q", column: 10) == "\n    s = \"e\u{301}\" q\n            ^")
    }

    @Test("a load of a script with syntax errors shows the nested excerpt escaped once, caret aligned")
    func loadNestedDiagnostic() throws {
        let path = try temporaryFile(Array("\tx = \"\u{1B}\" +\n".utf8), name: "bad.sps")
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let (outcome, _, err) = run("load \"\(path)\"\n")
        #expect(outcome == .runtimeError)
        #expect(err.contains("    \\tx = \"\\e\" +\n"), "\(err)")
        #expect(!err.contains("\\\\"), "\(err)")
    }

    @Test("print still writes the user's own text as it is")
    func printUntouched() {
        let (_, out, _) = run("print \"\u{1B}[1mbold\u{1B}[0m\\t!\"\n")
        #expect(out == "\u{1B}[1mbold\u{1B}[0m\t!\n")
    }

    // MARK: - Each error names its real cause

    @Test("format \"%d\" nan says it needs a finite number, got nan")
    func formatNaN() {
        let (outcome, _, err) = run("x = sqrt (0 - 1)\ns = format \"%d\" x\n")
        #expect(outcome == .runtimeError)
        #expect(err.hasPrefix("t.sps:2:5: error: %d needs a finite number, got nan; use %g or %f to show nan and inf"), "\(err)")
    }

    @Test("ols on NaN or infinite values names the column and row, not collinearity")
    func olsNonFinite() throws {
        let path = try temporaryFile(Array("x1,x2,y\n1,2,3\n2,nan,1\n3,1,2\n5,3,1\n".utf8), name: "nan.csv")
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let (outcome, _, err) = run("d = csv \"\(path)\"\nb = ols d\n")
        #expect(outcome == .runtimeError)
        #expect(err.hasPrefix("t.sps:2:5: error: ols: column 'x2' has a non-finite value (nan) in row 2; drop or replace NaN and Inf first"), "\(err)")
        #expect(!err.contains("collinear"))
    }

    @Test("the nesting message names the real limit: 200 brackets run, 201 are too deep")
    func nestingMessage() {
        let ok = "x = " + String(repeating: "(", count: 200) + "42" + String(repeating: ")", count: 200) + "\nprint x\n"
        let (outcome, out, err) = run(ok)
        #expect(outcome == .success, "\(err)")
        #expect(out == "42\n")
        let deep = "x = " + String(repeating: "[", count: 201) + "1" + String(repeating: "]", count: 201) + "\n"
        let (outcome2, _, err2) = run(deep)
        #expect(outcome2 == .syntaxError)
        #expect(err2.hasPrefix("t.sps:1:205: error: nesting too deep (more than 200 levels)"), "\(err2.prefix(200))")
    }

    @Test("index and list messages name the value when its type is the one asked for", arguments: [
        ("t = tensor [1, 2, 3]\nprint t[1.5]\n", "tensor index must be an integer, a range, a list of integers or a mask, got number 1.5"),
        ("d = spurious n=10\nprint d[1.5]\n", "Dataset index must be an integer, a range, a list of integers or a mask, got number 1.5"),
        ("plot hist [1, \"a\"]\n", "plot hist needs a tensor or a list of numbers, but element 1 of the list is string \"a\""),
    ])
    func sameTypeMessages(_ script: String, _ message: String) {
        let (outcome, _, err) = run(script)
        #expect(outcome == .runtimeError)
        #expect(err.contains("error: \(message)"), "\(err)")
    }
}
