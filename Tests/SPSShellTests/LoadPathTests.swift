import Foundation
import SPSLanguage
import SPSNumeric
@testable import SPSShell
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `load` and file paths: `~` as Tab completes it, why a file cannot be read, and syntax errors shown in the
/// loaded file.
@Suite("load and paths")
struct LoadPathTests {
    static var home: String { String(cString: getenv("HOME")) }

    @Test("~ and ~/ are the home folder, ~name/ that user's; other paths are unchanged")
    func tildeExpansion() {
        #expect(UserPath.expanded("~") == Self.home)
        #expect(UserPath.expanded("~/x.sps") == (Self.home == "/" ? "" : Self.home) + "/x.sps")
        #expect(UserPath.expanded("~root/x.sps") == "/root/x.sps")
        #expect(UserPath.expanded("~no-such-user-sps/x") == "~no-such-user-sps/x")
        #expect(UserPath.expanded("a/~/b") == "a/~/b")
        #expect(UserPath.expanded("/tmp/x") == "/tmp/x")
    }

    @Test("load \"~/…\" reads from the home folder, and a plot writes there with to=\"~/…\"")
    func loadFromHome() throws {
        let name = "sps-load-test-\(UUID().uuidString)"
        let script = Self.home + "/" + name + ".sps", svg = Self.home + "/" + name + ".svg"
        #expect(FileManager.default.createFile(atPath: script, contents: Data("from_home = 42\n".utf8)))
        defer {
            try? FileManager.default.removeItem(atPath: script)
            try? FileManager.default.removeItem(atPath: svg)
        }
        let (s, out, err) = standardSession()
        #expect(s.run("load \"~/\(name).sps\"\nprint from_home\nplot hist [1, 2, 2, 3] to=\"~/\(name).svg\"", name: "t.sps") == .success, "\(err.text)")
        #expect(out.text.hasPrefix("42\n"), "\(out.text)")
        #expect(FileManager.default.fileExists(atPath: svg))
    }

    @Test("cannot read says why: missing, a folder, a part of the path not a folder, no permission")
    func whyUnreadable() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sps-load-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(FileManager.default.createFile(atPath: dir + "/file.sps", contents: Data("x = 1\n".utf8)))
        var cases = [("missing.sps", "no such file"), ("", "it is a folder"), ("file.sps/x.sps", "a part of the path is not a folder")]
        if getuid() != 0 {
            // Root reads any file, so this case can only be checked as another user.
            #expect(FileManager.default.createFile(atPath: dir + "/secret.sps", contents: Data("x = 1\n".utf8), attributes: [.posixPermissions: 0]))
            cases.append(("secret.sps", "permission denied"))
        }
        for (file, reason) in cases {
            let (s, _, err) = standardSession()
            let path = file.isEmpty ? dir : dir + "/" + file
            #expect(s.run("load \"\(path)\"", name: "t.sps") == .runtimeError)
            #expect(err.text.contains("load: cannot read file '\(path)': \(reason)"), "\(err.text)")
        }
    }

    @Test("a syntax error in a loaded file is shown at its line in that file, with the caret, not at the load")
    func syntaxErrorInLoadedFile() {
        let path = repositoryRoot().path + "/Tests/Scripts/syntax-errors/fixtures/two-errors.sps"
        let (s, _, err) = standardSession()
        #expect(s.run("x = 0\nload \"\(path)\"", name: "main.sps") == .runtimeError)
        #expect(err.text == """
            \(path):1:8: error: expected an expression, found end of line; load ran nothing of \(path); 1 more syntax error in it (sps \(path) lists them all without running it)
                x = 1 +
                       ^
            """ + "\n", "\(err.text)")
    }

    @Test("an unclosed bracket in a loaded file is named with where it opened")
    func unclosedInLoadedFile() {
        let path = repositoryRoot().path + "/Tests/Scripts/syntax-errors/fixtures/unclosed-paren.sps"
        let (s, _, err) = standardSession()
        #expect(s.run("load \"\(path)\"", name: "main.sps") == .runtimeError)
        #expect(err.text.hasPrefix("\(path):4:1: error: expected ')' to close the '(' at line 2, found end of line (unclosed '(' opened at 2:5)"), "\(err.text)")
    }
}
