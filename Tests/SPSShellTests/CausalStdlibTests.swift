@testable import SPSBindings
import Foundation
import Testing
import SPSLanguage
import SPSShell

/// stdlib/causal.sps runs to the end and shows what it claims: do(x3) leaves y as it was, conditioning on x3
/// does not, and a model trained on x3 fails when x3's link to y changes while one on y's causes does not.
@Suite struct CausalStdlibTests {
    @Test func causalWalkthroughShowsInterventionAgainstConditioning() throws {
        let out = BufferSink(), err = BufferSink()
        let session = Session.standard(output: out, errors: err)
        let outcome = BigStack.run { session.runFile(StdlibTests.stdlib.appendingPathComponent("causal.sps").path) }
        #expect(outcome == .success, "\(err.text)")
        let lines = out.text.split(separator: "\n").map(String.init)
        func line(after marker: String) throws -> [Double] {
            let i = try #require(lines.firstIndex { $0.contains(marker) })
            return lines[i + 1].split(separator: " ").compactMap { Double($0) }
        }
        // The graph: y's parents and children.
        #expect(lines.contains("[\"x1\", \"x2\"] [\"x3\"]"))
        // do(x3 = 100): the mean of y is unchanged and no row moved.
        let forced = try line(after: "does not listen to x3")
        #expect(forced.count == 3 && forced[0] == forced[1] && forced[2] == 0)
        // Conditioning on a high x3 raises the mean of y.
        let seen = try line(after: "rows where y is high")
        #expect(seen.count == 2 && seen[0] > seen[1] + 2)
        // do(x1 = x1 + 1) moves y by 1 and x3 by 5.
        let pushed = try line(after: "moves y by 1")
        #expect(pushed.count == 2 && abs(pushed[0] - 1) < 1e-4 && abs(pushed[1] - 5) < 1e-3)
        // The model on x3 breaks under the shift; the one on y's causes does not.
        let rmse = lines.compactMap { l -> Double? in
            let parts = l.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count == 2, ["same", "shifted", "causes", "causes_shifted"].contains(String(parts[0])) else { return nil }
            return Double(parts[1])
        }
        #expect(rmse.count == 4)
        if rmse.count == 4 {
            #expect(rmse[1] > 3 * rmse[0])
            #expect(abs(rmse[3] - rmse[2]) < 0.1)
        }
    }
}
