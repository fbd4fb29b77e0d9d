@testable import SPSBindings
import Foundation
import Testing
import SPSLanguage
import SPSShell

/// Every script in stdlib/ runs to the end and says what it is meant to show.
@Suite struct StdlibTests {
    static let stdlib = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("stdlib")

    /// Runs a stdlib script in a fresh standard session and returns its output.
    func run(_ name: String) -> (RunOutcome, String, String) {
        let out = BufferSink(), err = BufferSink()
        let session = Session.standard(output: out, errors: err)
        let outcome = BigStack.run { session.runFile(Self.stdlib.appendingPathComponent(name).path) }
        return (outcome, out.text, err.text)
    }

    @Test func everyScriptIsCovered() throws {
        let scripts = try FileManager.default.contentsOfDirectory(atPath: Self.stdlib.path).filter { $0.hasSuffix(".sps") }.sorted()
        // The built-in libraries (the prelude and `Prelude.builtIn`) are checked by PreludeTests and their own suites
        // (InvarianceAlgorithmTests, RobustAlgorithmTests, ChainLibraryTests); the scripts below by this suite.
        let libraries = Set(Prelude.builtIn.map { String($0.fileName.dropFirst("stdlib/".count)) })
        #expect(libraries == ["prelude.sps", "algorithms.sps", "robust.sps", "iut.sps", "chain.sps"])
        #expect(scripts.filter { !libraries.contains($0) } == ["ablation.sps", "causal.sps", "confounder.sps", "csv-roundtrip.sps", "seed.sps", "walkthrough.sps"])
    }

    @Test func seedTellsTheCaseStudy() throws {
        let (outcome, text, errors) = run("seed.sps")
        #expect(outcome == .success, "\(errors)")
        #expect(text.contains("What the numbers show"))
        // The baseline linear model is several times worse out of distribution.
        let line = try #require(text.split(separator: "\n").first { $0.contains("Baseline linear model") })
        let factor = try #require(line.split(separator: " ").compactMap { $0.hasSuffix("x") ? Double($0.dropLast()) : nil }.first)
        #expect(factor > 3)
        #expect(text.contains("OOD RMSE over 10 seeds (linear)"))
    }

    @Test func walkthroughRunsWithoutAReader() {
        let (outcome, text, errors) = run("walkthrough.sps")
        #expect(outcome == .success, "\(errors)")
        #expect(text.contains("Underspecification"))
        #expect(text.contains("RMSE over ten seeds"))
    }

    @Test func confounderShiftBreaksTheModel() {
        let (outcome, text, errors) = run("confounder.sps")
        #expect(outcome == .success, "\(errors)")
        #expect(text.contains("shifted"))
    }

    @Test func ablationSummarisesEachNoiseScale() {
        let (outcome, text, errors) = run("ablation.sps")
        #expect(outcome == .success, "\(errors)")
        #expect(text.contains("x3 weight vs noise std"))
    }

    @Test func csvRoundTripChangesNothing() {
        let (outcome, text, errors) = run("csv-roundtrip.sps")
        #expect(outcome == .success, "\(errors)")
        #expect(text.hasSuffix("true\ntrue\ntrue\n"))
    }
}
