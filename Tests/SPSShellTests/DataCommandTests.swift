@testable import SPSBindings
import Foundation
import Testing
import SPSLanguage
import SPSTraining
@testable import SPSShell

#if canImport(FoundationXML)
import FoundationXML
#endif

/// A standard session (all training commands) writing to buffers.
private func dataSession() -> (Session, BufferSink, BufferSink) {
    let out = BufferSink(), err = BufferSink()
    return (Session.standard(output: out, errors: err), out, err)
}

/// Runs code in a fresh standard session and fails the test on any error.
private func runData(_ code: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Session {
    let (session, _, err) = dataSession()
    let outcome = session.run(code, name: "test.sps")
    #expect(outcome == .success, "\(err.text)", sourceLocation: sourceLocation)
    return session
}

/// The numbers of a global tensor (or number) in a session.
private func dataColumn(_ session: Session, _ name: String) -> [Double] {
    switch session.interpreter.global(name) {
    case .tensor(let t)?: return t.storage.map(Double.init)
    case .number(let n)?: return [n]
    default: return []
    }
}

/// The value of a global number.
private func dataScalar(_ session: Session, _ name: String) -> Double {
    dataColumn(session, name).first ?? .nan
}


/// The correlation of x3 with y in the case study: y has variance a² + b² + σy², x3 = y/f + N(0, σ3).
private func closedFormCorrelation(factor f: Double) -> Double {
    let varianceY = 1.0 + 4.0 + 1.0
    return (varianceY / f) / (varianceY.squareRoot() * (varianceY / (f * f) + 9).squareRoot())
}

@Suite("Data commands: generators, scm, augmentations, CSV, plots")
struct DataCommandTests {
    // MARK: - Generators

    @Test("x3–y correlation of spurious and of the sketch's scm match the closed form", arguments: [0.2, 0.1])
    func spuriousAndScmMatchClosedForm(factor: Double) {
        let s = runData("""
            seed 7
            a = spurious n=20000 factor=\(factor)
            d = scm n=20000 target=y { x1 = normal 0 1; x2 = normal 0 1; y = x1 + 2*x2 + 3 + normal 0 1; x3 = y / \(factor) + normal 0 3 }
            ax3 = a.x3; ay = a.y; dx3 = d.x3; dy = d.y
            """)
        let expected = closedFormCorrelation(factor: factor)
        // The sampling error of a correlation near 0.95 with n = 20000 is about (1 - r²)/sqrt(n) < 0.001.
        #expect(abs(correlation(dataColumn(s, "ax3"), dataColumn(s, "ay")) - expected) < 0.005)
        #expect(abs(correlation(dataColumn(s, "dx3"), dataColumn(s, "dy")) - expected) < 0.005)
    }

    @Test("per-row factor draws cover their range")
    func perRowDrawsCoverRange() {
        let s = runData("""
            seed 1
            d = scm n=5000 target=y features=[x3, f] { y = normal 0 1; f = uniform 0.02 1; x3 = y / f + normal 0 3 }
            f = d.f
            """)
        let f = dataColumn(s, "f")
        #expect(f.count == 5000)
        #expect(f.allSatisfy { $0 >= 0.02 && $0 < 1 })
        #expect(f.min()! < 0.03 && f.max()! > 0.99)
        // Roughly uniform: each tenth of the range holds about a tenth of the draws.
        for k in 0..<10 {
            let low = 0.02 + 0.098 * Double(k), high = low + 0.098
            let share = Double(f.filter { $0 >= low && $0 < high }.count) / 5000
            #expect(abs(share - 0.1) < 0.025, "bin \(k): \(share)")
        }
    }

    @Test("a hidden confounder produces the expected correlations and is not exported")
    func hiddenConfounder() {
        let s = runData("""
            seed 3
            d = scm n=20000 target=y { _u = normal 0 1; x = _u + normal 0 1; y = 2 * _u + normal 0 1 }
            x = d.x; y = d.y; features = d.features
            """)
        guard case .list(let features)? = s.interpreter.global("features") else { Issue.record("no features"); return }
        #expect(features.compactMap(\.string) == ["x"])
        // cov(x, y) = 2, var x = 2, var y = 5.
        #expect(abs(correlation(dataColumn(s, "x"), dataColumn(s, "y")) - 2 / (2.0 * 5).squareRoot()) < 0.02)
    }

    @Test("parameters drawn in an scm block take one value per environment")
    func perEnvironmentParameters() {
        let s = runData("""
            seed 5
            d = scm n=1000 envs=4 target=y features=[x, f] { f = sample (uniform 0.02 1); y = normal 0 1; x = y / f + normal 0 3 }
            f = d.f; env = d.env
            """)
        let f = dataColumn(s, "f"), env = dataColumn(s, "env")
        #expect(f.count == 1000 && env.count == 1000)
        var perEnvironment: [Double: Set<Double>] = [:]
        for (value, e) in zip(f, env) { perEnvironment[e, default: []].insert(value) }
        #expect(perEnvironment.keys.sorted() == [0, 1, 2, 3])
        #expect(perEnvironment.values.allSatisfy { $0.count == 1 }, "one factor per environment")
        #expect(Set(perEnvironment.values.compactMap(\.first)).count == 4, "factors differ between environments")
        #expect(env.filter { $0 == 0 }.count == 250)
    }

    @Test("scm data reproduce under seed and do not depend on earlier user draws")
    func scmIsSeeded() {
        let code = "d = scm n=100 target=y { x = normal 0 1 cols=2; y = x @ (randn 2) + uniform 0 1 }\ny = d.y"
        let a = runData("seed 9\n" + code)
        let b = runData("seed 9\nr = randn 50\n" + code)
        let c = runData("seed 10\n" + code)
        #expect(dataColumn(a, "y") == dataColumn(b, "y"))
        #expect(dataColumn(a, "y") != dataColumn(c, "y"))
    }

    @Test("an scm node error names the node and its line")
    func nodeErrorLocation() {
        let (session, _, err) = dataSession()
        let outcome = session.run("d = scm n=10 target=y {\n  x = normal 0 1\n  y = x + (randn 3)\n}", name: "m.sps")
        #expect(outcome == .runtimeError)
        #expect(err.text.hasPrefix("m.sps:3:"))
        #expect(err.text.contains("scm node 'y'"))
    }

    // MARK: - Augmentations

    @Test("an augmentation leaves every other column and the target unchanged",
          arguments: ["noise x3 std=30", "scale x3 by=(uniform 0.5 2)", "permute x3", "dropout x3 rate=0.5",
                      "compose (noise x3 std=1) (permute x3 p=0.5)"])
    func augmentationTouchesOnlyItsColumn(_ augmentation: String) {
        let s = runData("""
            seed 0
            d = spurious n=500
            a = apply (\(augmentation)) d
            ax1 = a.x1; ax2 = a.x2; ax3 = a.x3; ay = a.y
            dx1 = d.x1; dx2 = d.x2; dx3 = d.x3; dy = d.y
            """)
        #expect(dataColumn(s, "ax1") == dataColumn(s, "dx1"))
        #expect(dataColumn(s, "ax2") == dataColumn(s, "dx2"))
        #expect(dataColumn(s, "ay") == dataColumn(s, "dy"))
        #expect(dataColumn(s, "ax3") != dataColumn(s, "dx3"))
        #expect(dataColumn(s, "ax3").count == 500)
    }

    @Test("permute keeps a column's values and breaks its link to the target")
    func permuteBreaksLink() {
        let s = runData("""
            seed 2
            d = spurious n=5000
            a = apply (permute x3) d
            ax3 = a.x3; dx3 = d.x3; y = d.y
            """)
        #expect(dataColumn(s, "ax3").sorted() == dataColumn(s, "dx3").sorted())
        #expect(abs(correlation(dataColumn(s, "ax3"), dataColumn(s, "y"))) < 0.05)
    }

    @Test("dropout zeroes about rate of the rows; p= applies it to about p of the batches")
    func dropoutRateAndProbability() {
        let s = runData("""
            seed 4
            d = spurious n=10000
            a = apply (dropout x3 rate=0.3) d
            zeroed = sum (a.x3 == 0)
            applied = 0
            for i in 0..<400 { b = apply (scale x1 by=2 p=0.25) (head d 1); if b.x1[0] != d.x1[0] { applied += 1 } }
            """)
        #expect(abs(dataScalar(s, "zeroed") / 10000 - 0.3) < 0.02)
        #expect(abs(dataScalar(s, "applied") / 400 - 0.25) < 0.07)
    }

    // MARK: - CSV

    /// Writes `text` to a unique temporary file, runs `body` with its path, then removes it.
    private func withTemporaryFile(_ text: String, _ body: (String) -> Void) {
        let path = NSTemporaryDirectory() + "sps-data-test-\(UUID().uuidString).csv"
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        body(path)
    }

    @Test("csv reads quoted fields and skips blank lines")
    func csvQuotingAndBlankLines() {
        withTemporaryFile("a,\"b c\",y\n1,\"2\",3\n\n4,5,6\n") { path in
            let s = runData("d = csv \"\(path)\" target=y\nn = d.n\ny = d.y\nb = d[\"b c\"]")
            #expect(dataScalar(s, "n") == 2)
            #expect(dataColumn(s, "y") == [3, 6])
            #expect(dataColumn(s, "b") == [2, 5])
        }
    }

    @Test("a CSV row with the wrong number of fields is an error naming the file and line")
    func csvBadRow() {
        withTemporaryFile("a,b,y\n1,2,3\n\n4,5\n") { path in
            let (session, _, err) = dataSession()
            #expect(session.run("csv \"\(path)\"", name: "t.sps") == .runtimeError)
            #expect(err.text.contains("\(path):4: expected 3 fields, got 2"), "\(err.text)")
        }
    }

    @Test("a non-number in a CSV file is an error naming the line and column")
    func csvNotANumber() {
        withTemporaryFile("a,y\n1,2\n3,oops\n") { path in
            let (session, _, err) = dataSession()
            #expect(session.run("csv \"\(path)\" target=y", name: "t.sps") == .runtimeError)
            #expect(err.text.contains("\(path):3: column 'y' has 'oops', which is not a number"), "\(err.text)")
        }
    }

    // MARK: - Plots

    @Test("a scatter plot's SVG is valid XML with one circle per point and the labels")
    func scatterSVG() throws {
        let path = NSTemporaryDirectory() + "sps-plot-test-\(UUID().uuidString).svg"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (session, out, err) = dataSession()
        let outcome = session.run("d = spurious n=40\nplot scatter d x=x3 y=y title=\"iid data\" to=\"\(path)\"", name: "t.sps")
        #expect(outcome == .success, "\(err.text)")
        #expect(out.text == "wrote scatter plot to \(path)\n")
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "the SVG parses as XML")
        #expect(svg.components(separatedBy: "<circle").count - 1 == 40)
        #expect(svg.contains("iid data") && svg.contains(">x3<") && svg.contains(">y<"))
    }

    @Test("a plot value draws in colour only when asked, and a grid puts plots side by side")
    func plotValueRendering() throws {
        let s = runData("""
            a = plot hist [1, 2, 2, 3] bins=3 width=40 height=8
            b = plot box {v: [1, 2, 3]} width=40
            g = grid [a, b] cols=2 width=90
            """)
        guard case .native(let object)? = s.interpreter.global("a"), let plot = object as? PlotObject,
              case .native(let gridObject)? = s.interpreter.global("g"), let grid = gridObject as? PlotObject else {
            Issue.record("plot values missing")
            return
        }
        #expect(plot.render(color: true).contains("\u{1B}["))
        #expect(!plot.render(color: false).contains("\u{1B}["))
        let plain = plot.render(color: false).split(separator: "\n")
        #expect(plain.allSatisfy { $0.count <= 40 })
        let gridLines = grid.render(color: false).split(separator: "\n")
        #expect(gridLines.contains { $0.count > 45 }, "two plots side by side")
        #expect(gridLines.allSatisfy { $0.count <= 90 })
    }
}
