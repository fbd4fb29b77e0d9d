@testable import SPSBindings
import Foundation
import SPSLanguage
@testable import SPSShell
import Testing

/// The IRM paper's chain SEM library (`stdlib/chain.sps`: the generator, ERM, ICP and the linear IRM solver): each
/// def runs an exercise with a known output and its help example runs. The statistics behind ICP are checked
/// against scipy in HypothesisTestTests; ICP's recovery, IRM against PyTorch, the penalty's gradients and its
/// monotonicity are golden scripts in Tests/Scripts/chain/.
@Suite("Chain SEM library")
struct ChainLibraryTests {
    /// A standard session (with every built-in library) and its output and error sinks.
    static func session() -> (Session, BufferSink, BufferSink) {
        let out = BufferSink(), err = BufferSink()
        return (Session.standard(output: out, errors: err), out, err)
    }

    /// One exercise per def (after `seed 0`): the script and its whole output.
    static let exercises: [String: (script: String, output: String)] = [
        "chain_sem": ("p = chain_sem 4 hidden=true scramble=true hetero=true\nprint p.dim p.d p.hetero p.hidden p.scramble.shape p.solution.shape\nprint (chain_sem 4).why\nchain_sem 3",
               "4 2 true true [4, 4] [4, 1]\n2×2 Tensor{Float32}:\n 0  0\n 0  0\n"),
        "chain_sample": ("b = chain_sample (chain_sem 6) 7 2.0\nprint b.x.shape b.y.shape b.env\nchain_sample (chain_sem 6) 0 1.0",
               "[7, 6] [7, 1] 2\n"),
        "chain_envs": ("es = chain_envs (chain_sem 4) n=5 scales=[1, 3]\nprint (len es) es[1].env es[0].x.shape",
               "2 3 [5, 4]\n"),
        "chain_errors": ("s = chain_sem 4\nprint (chain_errors s (tensor [1, 1, 0, 0])) (chain_errors s (tensor [[0], [2], [1], [0]]))",
               "{causal: 0, noncausal: 0} {causal: 1, noncausal: 0.5}\n"),
        "erm_linear": ("s = chain_sem 4\nw = erm_linear (chain_envs s n=300)\nprint w.shape ((chain_errors s w).noncausal > 0.001)",
               "[4, 1] true\n"),
        "icp": ("r = icp (chain_envs (chain_sem 4) n=500)\nprint r.parents (len r.accepted) r.solution.shape\nicp []",
               "[0, 1] 2 [4, 1]\n"),
        "chain_moments": ("es = chain_envs (chain_sem 4) n=50\nms = chain_moments es\nprint ms.s.shape ms.c.shape ms.y2.shape\nv = randn 4 1\ndirect = mean ((es[1].x @ v - es[1].y) ** 2)\nviamoments = sum (v * (ms.s[1, 0] @ v)) - 2 * sum (v * (reshape ms.c[1, 0] [4, 1])) + ms.y2[1, 0]\nprint ((abs (direct - viamoments)) < 1e-4 * direct)",
               "[3, 1, 4, 4] [3, 1, 4] [3, 1]\ntrue\n"),
        "irm_linear_objective": ("ms = chain_moments (chain_envs (chain_sem 4) n=50)[..-2]\nphi = param (reshape (vstack (eye 4) (eye 4)) [2, 4, 4])\no = irm_linear_objective phi (param (ones 2 2 1 4)) ms (tensor [0, 1])\nprint o.risk.shape o.penalty.shape\nprint ((abs (sum (detach o.objective) - (sum (detach o.penalty[0])) - (sum (detach o.risk[1])))) < 1e-3)",
               "[2] [2]\ntrue\n"),
        "irm_linear": ("r = irm_linear (chain_envs (chain_sem 4) n=100) regs=[0, 0.5] iterations=20\nprint r.solution.shape r.solutions.shape r.validation.shape r.penalty.shape (r.reg == 0 or r.reg == 0.5)\nirm_linear [1] iterations=5",
               "[4, 1] [2, 4] [2] [2] true\n"),
    ]

    /// Exercises whose last line is an error, with the message it must show.
    static let errors: [String: String] = [
        "chain_sem": "chain_sem: dim must be an even number >= 2, got 3",
        "chain_sample": "chain_sample: n must be >= 1, got 0",
        "icp": "icp: needs at least 2 environments, got 0",
        "irm_linear": "irm_linear: needs at least 2 environments (the last validates), got 1",
    ]

    /// The help topic of each def.
    static let topics: [String: String] = [
        "chain_sem": "benchmarks",
        "chain_sample": "benchmarks",
        "chain_envs": "benchmarks",
        "chain_errors": "benchmarks",
        "erm_linear": "benchmarks",
        "icp": "invariance",
        "chain_moments": "invariance",
        "irm_linear_objective": "invariance",
        "irm_linear": "invariance",
    ]

    @Test func everyDefRunsItsExerciseAndExample() throws {
        let library = try #require(Prelude.builtIn.first { $0.fileName == "stdlib/chain.sps" }, "stdlib/chain.sps is not a built-in library")
        let s = Session(output: BufferSink(), errors: BufferSink())
        s.registerCommands(TrainingLibrary())
        s.registerCommands(ShellLibrary())
        let loaded = library.load(into: s.interpreter)
        #expect(loaded.problems.isEmpty, "\(loaded.problems.joined(separator: "\n"))")
        #expect(loaded.commands.map(\.name).sorted() == Self.exercises.keys.sorted())
        for command in loaded.commands {
            guard let exercise = Self.exercises[command.name] else {
                Issue.record("stdlib/chain.sps def '\(command.name)' has no exercise in ChainLibraryTests.exercises")
                continue
            }
            checkLibraryExercise(command.name, script: "seed 0\n" + exercise.script, output: exercise.output, error: Self.errors[command.name])
            #expect(command.topic == Self.topics[command.name], "\(command.name)")
            #expect(!command.example.isEmpty, "\(command.name) has no @example")
            let (e, _, eErr) = Self.session()
            #expect(e.run("seed 0\n" + command.example, name: "example.sps") == .success, "\(command.name) example: \(eErr.text)")
        }
    }

    @Test func anErrorInsideALibraryDefPointsAtTheCaller() {
        let (s, _, err) = Self.session()
        #expect(s.run("x = 1\nchain_sem 7", name: "caller.sps") != .success)
        #expect(err.text.contains("caller.sps:2:1"), "\(err.text)")
    }
}
