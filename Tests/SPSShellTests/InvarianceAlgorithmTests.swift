@testable import SPSBindings
import Foundation
import SPSLanguage
@testable import SPSShell
import Testing

/// The invariance algorithms (`stdlib/algorithms.sps`: risk, erm, irm, iga, andmask) and the InvarianceUnitTests
/// generators (`stdlib/iut.sps`): each def runs an exercise with a known output, its help example runs, and the
/// algorithms train as the design says (records for `algo=`, the objectives' values and their errors).
/// Gradient checks and monotonicity are golden scripts in Tests/Scripts/iut/.
@Suite("Invariance algorithms and IUT generators")
struct InvarianceAlgorithmTests {
    /// A standard session (with every built-in library) and its output and error sinks.
    static func session() -> (Session, BufferSink, BufferSink) {
        let out = BufferSink(), err = BufferSink()
        return (Session.standard(output: out, errors: err), out, err)
    }

    /// The commands a built-in library file defines, loaded alone into a session with the native commands.
    static func commands(of fileName: String) throws -> [Command] {
        let library = try #require(Prelude.builtIn.first { $0.fileName == fileName }, "\(fileName) is not a built-in library")
        let s = Session(output: BufferSink(), errors: BufferSink())
        s.registerCommands(TrainingLibrary())
        s.registerCommands(ShellLibrary())
        let loaded = library.load(into: s.interpreter)
        #expect(loaded.problems.isEmpty, "\(loaded.problems.joined(separator: "\n"))")
        return loaded.commands
    }

    /// Data for the exercises: Example 1 with 30 rows per environment, its per-environment batches as records,
    /// and a linear model.
    static let setup = """
        seed 0
        d = iut 1 n=30
        bs = map [0, 1, 2] { e -> {x: d.train[d.train.env == e].X, y: d.train[d.train.env == e].Y, n: 30} }
        m = linear 10 1

        """

    /// One exercise per def of the two libraries: the script (after `setup`) and its whole output.
    static let exercises: [String: (script: String, output: String)] = [
        "risk": ("print ((sum (detach (abs ((risk m bs[0]) - (mse (m bs[0].x) bs[0].y))))) < 1e-6)\nrisk m bs[0] loss=\"nope\"",
                 "true\n"),
        "erm": ("a = erm loss=\"mse\"\nprint a.name a.per_env a.hparams\nfit m d.train algo=a batch=90 epochs=2\nf = a.loss\nprint (type (f m bs[0]))",
                "erm false {loss: \"mse\"}\ntensor\n"),
        "irm": ("a = irm lambda=10 anneal=2\nprint a.name a.per_env a.hparams\nl = fit m d.train algo=a batch=30 epochs=3 optim=(adam lr=0.01)\n"
                + "print l.step\nb = irm lambda=0.5 variant=\"iut\"\nprint b.hparams\nfit m d.train algo=b batch=30 epochs=2\nirm lambda=2 variant=\"iut\"",
                "irm true {lambda: 10, anneal: 2, loss: \"mse\", variant: \"domainbed\"}\n3\n{lambda: 0.5, loss: \"mse\", variant: \"iut\"}\n"),
        "iga": ("a = iga lambda=5\nprint a.name a.per_env a.hparams\nfit m d.train algo=a batch=30 epochs=2\nprint \"ok\"",
                "iga true {lambda: 5, loss: \"mse\"}\nok\n"),
        "andmask": ("a = andmask tau=0.5\nprint a.name a.per_env a.hparams\nfit m d.train algo=a batch=30 epochs=2 optim=(sgd lr=0.01)\nandmask tau=2",
                    "andmask true {tau: 0.5, loss: \"mse\", variant: \"iut\"}\n"),
        "iut_example": ("g = iut_example 2 envs=4\nprint g.task g.n_envs (len g.envs) g.envs[0] g.scramble.shape",
                        "classification 4 4 {p: 0.95, s: 0.3} [10, 10]\n"),
        "iut_sample": ("g = iut_example 3 dim_inv=2 dim_spu=3\ns = iut_sample g 1 n=8 split=\"test\"\nprint s.x.shape s.y",
                       "[8, 5] 8-element Tensor{Float32}:\n 0  0  0  0  1  1  1  1\n"),
        "iut": ("e = iut 2 n=20 envs=2 scrambled=true\nprint e.task e.train.n e.valid.n e.test.n e.envs (unique e.valid.env)",
                "classification 40 40 40 2 2-element Tensor{Float32}:\n 0  1\n"),
    ]

    /// Exercises whose last line is an error, with the message it must show.
    static let errors: [String: String] = [
        "risk": "loss must be \"mse\", \"bce_logits\" or \"cross_entropy\", got \"nope\"",
        "irm": "with variant=\"iut\" lambda weighs (1−λ)·risk + λ·penalty: it must be in [0, 1], got 2",
        "andmask": "tau must be in [0, 1], got 2",
    ]

    @Test(arguments: ["stdlib/algorithms.sps", "stdlib/iut.sps"])
    func everyDefRunsItsExerciseAndExample(_ fileName: String) throws {
        let commands = try Self.commands(of: fileName)
        #expect(!commands.isEmpty)
        for command in commands {
            guard let exercise = Self.exercises[command.name] else {
                Issue.record("\(fileName) def '\(command.name)' has no exercise in InvarianceAlgorithmTests.exercises")
                continue
            }
            checkLibraryExercise(command.name, script: Self.setup + exercise.script, output: exercise.output, error: Self.errors[command.name])
            #expect(command.topic == (fileName == "stdlib/iut.sps" ? "benchmarks" : "invariance"), "\(command.name)")
            #expect(!command.example.isEmpty, "\(command.name) has no @example")
            let (e, _, eErr) = Self.session()
            let example = e.run(Self.setup + "train = d.train\n" + command.example, name: "example.sps")
            #expect(example == .success, "\(command.name) example: \(eErr.text)")
        }
    }

    @Test func theAlgorithmRecordsTrainAsTheirObjectivesDo() {
        // algo=(irm …) and the same objective given as loss= with per_env=true take the same steps.
        let (s, out, err) = Self.session()
        let script = """
            seed 0
            d = iut 3 n=40
            a = linear 10 1
            b = copy a
            fit a d.train algo=(iga lambda=3 loss="bce_logits") batch=40 epochs=5 seed=1
            fit b d.train per_env=true loss=(iga lambda=3 loss="bce_logits").loss batch=40 epochs=5 seed=1
            print (max (abs (a.weight - b.weight)))
            """
        #expect(s.run(script, name: "same.sps") == .success, "\(err.text)")
        #expect(out.text == "0\n", "\(out.text)")
    }
}
