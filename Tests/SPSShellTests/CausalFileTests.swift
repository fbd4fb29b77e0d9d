@testable import SPSBindings
import Foundation
import Testing
import SPSLanguage
import SPSShell

/// `save g "x.dot"` and `dot g to=` write exactly the DOT text `dot g` returns.
@Suite struct CausalFileTests {
    @Test func savedDotIsTheDotText() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sps-causal-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.dot").path, b = dir.appendingPathComponent("b.dot").path
        let out = BufferSink(), err = BufferSink()
        let session = Session.standard(output: out, errors: err)
        let outcome = BigStack.run {
            session.run("""
            g = graph { x = normal 0 1; _u = normal 0 1; y = x + _u }
            save g "\(a)"
            dot g to="\(b)"
            print (dot g)
            """, name: "dot")
        }
        #expect(outcome == .success, "\(err.text)")
        let saved = try String(contentsOfFile: a, encoding: .utf8)
        #expect(saved == (try String(contentsOfFile: b, encoding: .utf8)))
        #expect(out.text == saved + "\n")
        #expect(saved.contains("\"_u\" [style=dashed];\n"))
        #expect(saved.contains("\"x\" -> \"y\";\n"))
    }
}
