@testable import SPSBindings
import Foundation
import SPSLanguage
@testable import SPSShell
import Testing

/// The robust algorithms of `stdlib/robust.sps` (V-REx, GroupDRO, EQRM, Fish, Fishr, Mixup, CORAL, MMD, IB-ERM,
/// IB-IRM and their helpers): each def runs an exercise with a known output and its help example, `algo=` trains
/// as the objective given by hand does, and each penalty changes training monotonically as its weight grows from 0.
/// Finite-difference gradient checks are the golden script Tests/Scripts/robust/gradients.sps.
@Suite("Robust algorithms")
struct RobustAlgorithmTests {
    static let fileName = "stdlib/robust.sps"

    /// A standard session (with every built-in library) and its output and error sinks.
    static func session() -> (Session, BufferSink, BufferSink) {
        let out = BufferSink(), err = BufferSink()
        return (Session.standard(output: out, errors: err), out, err)
    }

    /// Runs `script` in a fresh standard session: its output, after checking it ran cleanly.
    static func output(of script: String, name: String) -> String {
        let (s, out, err) = session()
        let outcome = s.run(script, name: name)
        #expect(outcome == .success, "\(name): \(err.text)")
        return out.text
    }

    /// Two environments of the case study, their batches as records, a record standing in for the loop (past
    /// every annealing) and a small tanh MLP.
    static let setup = """
        seed 0
        train = spurious n=200 factor=(uniform 0.05 1) envs=2
        envs = map [0, 1] { e -> train[train.env == e] }
        bs = map envs { d -> { x: d.X, y: d.Y, n: d.n } }
        L = { step: 1000, epoch: 0, lr: 0.01 }
        m = mlp 3 [4] 1 act=tanh

        """

    /// One exercise per def of stdlib/robust.sps: the script (after `setup`) and its whole output.
    static let exercises: [String: (script: String, output: String)] = [
        "base_loss": ("""
            print (base_loss (tensor [1, 2]) (tensor [1, 4])) (base_loss (tensor [1, 2]) (tensor [1, 4]) loss={ p y -> mean (abs (p - y)) })
            print (base_loss (tensor [0.0]) (tensor [1.0]) loss="bce_logits")
            base_loss (tensor [1]) (tensor [1]) loss="nope"
            """, "2 1\n0.6931472\n"),
        "model_parts": ("""
            parts = model_parts m
            print parts.split (max (abs (parts.classifier (parts.featurizer bs[0].x) - m bs[0].x)))
            print (model_parts (linear 3 1)).split
            """, "2 0 (grad from max)\n0\n"),
        "features": ("print (features m bs[0].x).shape (features (linear 3 1) bs[0].x).shape", "[100, 4] [100, 3]\n"),
        "vrex": ("""
            a = vrex lambda=10 anneal=0
            print a.name a.per_env a.hparams
            f = a.loss
            risks = stack (map bs { b -> mse (m b.x) b.y })
            print (abs (sum (detach (f m bs L)) - sum (detach (mean risks + 10 * var risks ddof=0))) < 1e-4)
            l = fit m train algo=a epochs=2
            print l.step
            """, "vrex true {lambda: 10, anneal: 0, loss: \"mse\"}\ntrue\n8\n"),
        "groupdro": ("""
            a = groupdro eta=0.5
            print a.name a.per_env a.hparams
            l = fit m train algo=a epochs=1 batch=50
            print (round (sum (a.q())) digits=4) (len a.q())
            """, "groupdro true {eta: 0.5, loss: \"mse\"}\n1 2\n"),
        "kde_quantile": ("print (kde_quantile (tensor [1, 2, 3, 4]) 0.75) (kde_quantile (tensor [2, 2]) 0.5)\nkde_quantile (tensor [1, 2]) 1",
                         "3.59892045 2\n"),
        "eqrm": ("""
            a = eqrm alpha=0.9 burnin=3
            print a.name a.per_env a.hparams
            l = fit m train algo=a epochs=2 batch=50
            print l.step
            """, "eqrm true {alpha: 0.9, burnin: 3, lr: nil, loss: \"mse\"}\n4\n"),
        "fish": ("""
            a = fish meta_lr=0.5
            print a.name a.per_env a.hparams
            l = fit m train algo=a epochs=1 batch=50 optim=(sgd lr=0.1)
            print l.step
            """, "fish true {meta_lr: 0.5, inner_lr: 0.001, inner: \"adam\", loss: \"mse\"}\n2\n"),
        "fishr": ("""
            a = fishr lambda=10 anneal=2
            print a.name a.per_env a.hparams
            l = fit m train algo=a epochs=1 batch=50
            print (a.penalty() > 0)
            fishr ema=1
            """, "fishr true {lambda: 10, anneal: 2, ema: 0.95, loss: \"mse\"}\ntrue\n"),
        "beta_draw": ("""
            xs = map (range 200) { i -> beta_draw 2 5 }
            print (abs (mean xs - 2 / 7) < 0.03) (min xs > 0) (max xs < 1)
            ys = map (range 200) { i -> beta_draw 0.2 0.2 }
            print (abs (mean ys - 0.5) < 0.1) (min ys >= 0) (max ys <= 1)
            """, "true true true\ntrue true true\n"),
        "mixup": ("""
            a = mixup alpha=0.2
            print a.name a.per_env a.hparams
            l = fit m train algo=a epochs=1 batch=50
            print l.step
            """, "mixup true {alpha: 0.2, loss: \"mse\"}\n2\n"),
        "coral_distance": ("x = tensor [[0, 1], [2, 3], [4, 8]]\nprint (coral_distance x x) (coral_distance x (x + 1))", "0 1\n"),
        "mmd_distance": ("x = tensor [[0, 1], [2, 3], [4, 8]]\nprint (mmd_distance x x) (mmd_distance x (x + 10) > 1)", "0 true\n"),
        "coral": ("a = coral gamma=2\nprint a.name a.per_env a.hparams\nl = fit m train algo=a epochs=1 batch=50",
                  "coral true {gamma: 2, loss: \"mse\"}\n"),
        "mmd": ("a = mmd gamma=2\nprint a.name a.per_env a.hparams\nl = fit m train algo=a epochs=1 batch=50",
                "mmd true {gamma: 2, loss: \"mse\"}\n"),
        "ib_penalty": ("print (ib_penalty (tensor [[1, 10], [3, 10]]))", "1\n"),
        "irm_half_penalty": ("print (irm_half_penalty (tensor [1, 2, 3, 4]) (tensor [1, 2, 3, 4]))\nprint (irm_half_penalty (tensor [2, 2]) (tensor [1, 1]))",
                             "0 (grad from *)\n16 (grad from *)\n"),
        "ib_erm": ("a = ib_erm ib_lambda=10 anneal=1\nprint a.name a.per_env a.hparams\nl = fit m train algo=a epochs=1 batch=50",
                   "ib_erm true {ib_lambda: 10, anneal: 1, loss: \"mse\"}\n"),
        "ib_irm": ("a = ib_irm irm_lambda=10 irm_anneal=1 ib_lambda=10 ib_anneal=2\nprint a.name a.per_env a.hparams\nl = fit m train algo=a epochs=1 batch=50",
                   "ib_irm true {irm_lambda: 10, irm_anneal: 1, ib_lambda: 10, ib_anneal: 2, loss: \"mse\"}\n"),
    ]

    /// Exercises whose last line is an error, with the message it must show.
    static let errors: [String: String] = [
        "base_loss": "loss must be \"mse\", \"bce_logits\", \"cross_entropy\" or a command, got \"nope\"",
        "kde_quantile": "alpha must be in (0, 1), or below 0 for log(1 − quantile), got 1",
        "fishr": "ema must be in [0, 1), got 1",
    ]

    @Test func loadsAloneWithoutProblems() throws {
        let library = try #require(Prelude.builtIn.first { $0.fileName == Self.fileName })
        let s = Session(output: BufferSink(), errors: BufferSink())
        s.registerCommands(TrainingLibrary())
        s.registerCommands(ShellLibrary())
        // The earlier built-in libraries first, as a session loads them.
        for earlier in Prelude.builtIn.prefix(while: { $0.fileName != Self.fileName }) { _ = earlier.load(into: s.interpreter) }
        let loaded = library.load(into: s.interpreter)
        #expect(loaded.problems.isEmpty, "\(loaded.problems.joined(separator: "\n"))")
        #expect(loaded.commands.map(\.name) == ["base_loss", "model_parts", "features", "vrex", "groupdro", "kde_quantile", "eqrm", "fish",
                                                "fishr", "beta_draw", "mixup", "coral_distance", "mmd_distance", "coral", "mmd",
                                                "ib_penalty", "irm_half_penalty", "ib_erm", "ib_irm"])
    }

    @Test func everyDefRunsItsExerciseAndExample() throws {
        let library = try #require(Prelude.builtIn.first { $0.fileName == Self.fileName })
        let s = Session(output: BufferSink(), errors: BufferSink())
        s.registerCommands(TrainingLibrary())
        s.registerCommands(ShellLibrary())
        for earlier in Prelude.builtIn.prefix(while: { $0.fileName != Self.fileName }) { _ = earlier.load(into: s.interpreter) }
        let commands = library.load(into: s.interpreter).commands
        #expect(!commands.isEmpty)
        for command in commands {
            guard let exercise = Self.exercises[command.name] else {
                Issue.record("\(Self.fileName) def '\(command.name)' has no exercise in RobustAlgorithmTests.exercises")
                continue
            }
            checkLibraryExercise(command.name, script: Self.setup + exercise.script, output: exercise.output, error: Self.errors[command.name])
            #expect(command.topic == "invariance", "\(command.name)")
            #expect(!command.example.isEmpty, "\(command.name) has no @example")
            let (e, _, eErr) = Self.session()
            let example = e.run(Self.setup + "m = linear 3 1\n" + command.example, name: "example.sps")
            #expect(example == .success, "\(command.name) example: \(eErr.text)")
        }
    }

    @Test(arguments: ["(vrex lambda=10 anneal=0)", "(groupdro eta=0.1)", "(eqrm alpha=0.9 burnin=3)", "(fishr lambda=10 anneal=0)",
                      "(coral gamma=2)", "(mmd gamma=2)", "(ib_erm ib_lambda=10 anneal=0)",
                      "(ib_irm irm_lambda=10 irm_anneal=0 ib_lambda=10 ib_anneal=0)", "(fish meta_lr=0.5)"])
    func algoTakesTheStepsOfItsObjectiveGivenByHand(_ algorithm: String) {
        // algo=(…) and the same record's objective as loss= with per_env=true: the same weights. Each record is
        // made afresh, so state kept across steps (q, moving averages, inner moments) starts the same.
        let text = Self.output(of: """
            seed 0
            train = spurious n=400 factor=(uniform 0.05 1) envs=3
            a = mlp 3 [8] 1
            b = copy a
            fit a train algo=\(algorithm) batch=40 epochs=3 seed=1
            fit b train per_env=true loss=\(algorithm).loss batch=40 epochs=3 seed=1
            print (max (map [0, 1, 2, 3] { k -> max (abs (detach (a.parameters[k] - b.parameters[k]))) }))
            """, name: "same.sps")
        #expect(text == "0\n", "\(algorithm): \(text)")
    }

    /// The numbers a script prints, one per line (the first word of each line).
    static func numbers(_ text: String) -> [Double] {
        text.split(separator: "\n").compactMap { Double($0.split(separator: " ").first ?? "") }
    }

    /// Each penalty's weight from 0 up, and what training with it measures: the penalty itself at the end of
    /// training (on every environment's full data) or the weight on the spurious x3 (`sensitivity`), which must
    /// fall strictly as the weight grows.
    static let monotone: [(name: String, script: String)] = [
        // V-REx on a linear model: the reliance on x3 (0.21, 0.10, 0.038, 0.033 when measured).
        ("vrex", """
            for w in [0, 1, 10, 100] {
              seed 1
              m = linear 3 1
              fit m train epochs=10 optim=(adam lr=1e-2) algo=(vrex lambda=w anneal=0)
              print (sensitivity m train x3)
            }
            """),
        // GroupDRO on standardized data: the reliance on x3 (0.77, 0.38, 0.24). From eta ≈ 1 q jumps between
        // environments every step and the trend stops.
        ("groupdro", """
            st = standardize train
            for w in [0, 0.01, 0.1] {
              seed 1
              m = linear 3 1
              fit m st epochs=20 optim=(adam lr=1e-2) algo=(groupdro eta=w)
              print (sensitivity m st x3)
            }
            """),
        // EQRM: its weight is the quantile alpha (0.5 is the median risk, near 1 the worst); the worst
        // environment's risk falls as alpha grows (1.016, 0.899, 0.886, 0.878).
        ("eqrm", """
            for w in [0.5, 0.75, 0.9, 0.99] {
              seed 1
              m = linear 3 1
              fit m train epochs=40 optim=(adam lr=1e-2) algo=(eqrm alpha=w burnin=0)
              print (max (map envs { d -> mse m d }))
            }
            """),
        // Fishr on an MLP, standardized data: the penalty on the full environments (11.5, 1.5635, 1.5622, 1.5621).
        ("fishr", """
            st = standardize train
            full = map [0, 1, 2, 3] { e -> { x: st[st.env == e].X, y: st[st.env == e].Y, n: st[st.env == e].n } }
            for w in [0, 1, 10, 100] {
              seed 1
              m = mlp 3 [16] 1
              fit m st epochs=20 optim=(adam lr=1e-3) algo=(fishr lambda=w anneal=0)
              a = fishr anneal=0
              f = a.loss
              f m full { step: 0, lr: 0.001 }
              print (a.penalty())
            }
            """),
        ("coral", """
            for w in [0, 1, 10, 100] {
              seed 1
              m = mlp 3 [16] 1
              fit m train epochs=10 optim=(adam lr=1e-2) algo=(coral gamma=w)
              print (pairs m coral_distance)
            }
            """),
        ("mmd", """
            for w in [0, 0.3, 3, 30] {
              seed 1
              m = mlp 3 [16] 1
              fit m train epochs=10 optim=(adam lr=1e-2) algo=(mmd gamma=w)
              print (pairs m mmd_distance)
            }
            """),
        ("ib_erm", """
            for w in [0, 1, 10, 100] {
              seed 1
              m = mlp 3 [16] 1
              fit m train epochs=10 optim=(adam lr=1e-2) algo=(ib_erm ib_lambda=w anneal=0)
              print (mean (map envs { d -> sum (detach (ib_penalty (features m d.X))) }))
            }
            """),
        ("ib_irm", """
            for w in [0, 1, 10, 100] {
              seed 1
              m = mlp 3 [16] 1
              fit m train epochs=10 optim=(adam lr=1e-2) algo=(ib_irm ib_lambda=w ib_anneal=0 irm_lambda=1 irm_anneal=0)
              print (mean (map envs { d -> sum (detach (ib_penalty (features m d.X))) }))
            }
            """),
    ]

    /// The case study with four environments, each environment's rows, and the mean of a distance over the pairs
    /// of environments' features.
    static let monotoneSetup = """
        seed 0
        train = spurious n=2000 factor=(uniform 0.05 1) envs=4
        envs = map [0, 1, 2, 3] { e -> train[train.env == e] }
        def pairs m f {
          hs = map envs { d -> features m d.X }
          total = 0
          for i in 0..<4 { for j in (i + 1)..<4 { total = total + f hs[i] hs[j] } }
          return sum (detach total) / 6
        }

        """

    @Test(arguments: RobustAlgorithmTests.monotone.map(\.name))
    func thePenaltyChangesTrainingMonotonically(_ name: String) throws {
        let script = try #require(Self.monotone.first { $0.name == name }).script
        let values = Self.numbers(Self.output(of: Self.monotoneSetup + script, name: "\(name)-monotone.sps"))
        #expect(values.count >= 3, "\(name): \(values)")
        #expect(zip(values, values.dropFirst()).allSatisfy { $0 > $1 }, "\(name) is not falling as its weight grows: \(values)")
    }
}
