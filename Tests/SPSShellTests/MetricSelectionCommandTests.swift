@testable import SPSBindings
import Foundation
import Testing
import SPSLanguage
import SPSTraining
@testable import SPSShell

/// The metric, model-selection and report commands in a session (issue 19).
@Suite struct MetricSelectionCommandTests {
    /// Runs code in a fresh standard session, expecting no error.
    func run(_ code: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Session {
        let out = BufferSink(), err = BufferSink()
        let session = Session.standard(output: out, errors: err)
        let outcome = session.run(code, name: "test.sps")
        #expect(outcome == .success, "\(err.text)", sourceLocation: sourceLocation)
        return session
    }

    func table(_ session: Session, _ name: String) -> Table? {
        (session.interpreter.global(name)?.object as? TableObject)?.table
    }

    func number(_ session: Session, _ name: String) -> Double? {
        session.interpreter.global(name)?.number
    }

    /// env_metrics gives, per environment, exactly the metric of the model on that environment's rows alone.
    @Test func environmentMetricsAreTheMetricsOfEachEnvironment() throws {
        let s = run("""
        seed 3
        a = spurious n=50 factor=0.2
        b = spurious n=70 factor=0.5
        c = spurious n=30 factor=1
        d = concat [a, b, c]
        m = mlp 3 [8] 1
        fit m d epochs=3
        t = env_metrics m d metric=[rmse, r2]
        ra = rmse m a
        rb = rmse m b
        rc = rmse m c
        r2c = r2 m c
        risks = env_risks m d metric=rmse alpha=0.5
        """)
        let t = try #require(table(s, "t"))
        #expect(t.numbers("env") == [0, 1, 2])
        #expect(t.numbers("rows") == [50, 70, 30])
        #expect(t.numbers("rmse") == [number(s, "ra"), number(s, "rb"), number(s, "rc")].compactMap { $0 })
        #expect(t.numbers("r2")?[2] == number(s, "r2c"))
        let rmse = try #require(t.numbers("rmse"))
        guard case .record(let risks)? = s.interpreter.global("risks") else { Issue.record("env_risks gave no record"); return }
        #expect(risks["worst"]?.number == rmse.max())
        #expect(risks["quantile"]?.number == rmse.sorted()[1])
        #expect(abs((risks["mean"]?.number ?? .nan) - rmse.reduce(0, +) / 3) < 1e-6)
    }

    /// The same random search, study, selection and report give the same text on one thread and on all cores,
    /// and in a second session.
    @Test func searchSelectionAndReportAreDeterministic() throws {
        func report(threads: Int) -> String? {
            let s = run("""
            hps = draws {lr: loguniform 1e-3 1e-1, width: [4, 8]} default={lr: 1e-2, width: 8} n=3 seed=7
            seed 0
            train = spurious n=60 factor=0.2 envs=2
            ood = spurious n=60 factor=1
            study = repeat seeds=0..1 draw=0..3 algorithm=["a", "b"] threads=\(threads) {
              h = hps[draw]
              m = mlp 3 [h.width] 1
              fit m train epochs=2 optim=(adam lr=h.lr)
              record val=(rmse m train) oracle=(rmse m ood) test=(rmse m ood)
            }
            sel = selection study by=[algorithm, seed]
            text = report sel rows=algorithm cols=seed format="markdown" digits=4
            """)
            return s.interpreter.global("text")?.string
        }
        let one = try #require(report(threads: 1))
        #expect(one.contains("**Model selection: test-domain validation set (oracle)**"))
        #expect(report(threads: 2) == one)
        #expect(report(threads: 1) == one)
    }

    /// report file= writes the text it returns (with a final newline), choosing the format by the extension.
    @Test func reportWritesMarkdownAndLatexFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sps-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let md = folder.appendingPathComponent("r.md").path, tex = folder.appendingPathComponent("r.tex").path
        let s = run("""
        results = repeat seeds=0..3 algorithm=["erm", "irm"] { record test=(seed / 4) }
        a = report results file="\(md)"
        b = report results file="\(tex)" scale=100 digits=1
        """)
        let a = try #require(s.interpreter.global("a")?.string), b = try #require(s.interpreter.global("b")?.string)
        #expect(try String(contentsOfFile: md, encoding: .utf8) == a + "\n")
        #expect(try String(contentsOfFile: tex, encoding: .utf8) == b + "\n")
        #expect(a.contains("| erm | 0.38 ± 0.14 |"))
        #expect(b.contains("erm & 37.5 $\\pm$ 14.0 \\\\"))
    }

    /// Accuracy as a loop's eval metric is the accuracy command's value after training.
    @Test func accuracyWorksAsALoopMetric() throws {
        let s = run("""
        seed 1
        x = randn 200 2
        d = dataset x ((x[.., 0] > 0) * 1)
        m = linear 2 1
        l = fit m d epochs=5 batch=20 optim=(adam lr=0.1) loss={ m b -> bce_logits (m b.x) b.y } eval=d metric=accuracy
        last = l.history.d_accuracy[-1]
        now = accuracy m d
        """)
        #expect(number(s, "last") == number(s, "now"))
        #expect((number(s, "now") ?? 0) > 0.9)
    }
}
