@testable import SPSBindings
import Foundation
import SPSLanguage
import SPSNumeric
@testable import SPSShell
import Testing

/// Long work at the prompt: the progress line's text, Ctrl-C during `repeat` and `run`, and `time`.
@Suite("Long work: progress, interrupts, time")
struct LongWorkTests {
    /// A session with `stop_here`, a command that does what Ctrl-C does (requests the session's interrupt), so a
    /// study can be stopped at a chosen run instead of after a delay.
    static func session() -> (Session, BufferSink, BufferSink) {
        let (s, out, err) = standardSession()
        s.register([Command("stop_here", summary: "request the interrupt, as Ctrl-C does") { (args: inout Arguments) throws(RuntimeError) in
            args.interpreter.interrupt.request()
            return .nil
        }])
        return (s, out, err)
    }

    // MARK: - The progress line

    @Test("the training bar keeps its width while the loss changes size")
    func trainingBarKeepsItsWidth() {
        let losses = [0.5, 12.25, 1234.5678, 0.000012345, 3e7, .nan, 0]
        let lines = losses.map { loss in
            TrainingProgress(epoch: 3, step: 1124, loss: loss, done: 500, total: 1000).line(elapsed: 25, width: 200)
        }
        #expect(Set(lines.map(\.count)).count == 1, "\(lines.joined(separator: "\n"))")
        #expect(lines[0] == "██████████░░░░░░░░░░  50%  eta   25s  epoch 3  step 1124  loss    0.5000  25s  (Ctrl-C stops)")
        #expect(lines[3].contains("loss 1.234e-05 "), "\(lines[3])")
        #expect(lines[5].contains("loss       nan "), "\(lines[5])")
    }

    @Test("the percentage and the time left keep their width; long times read as clocks")
    func fieldsKeepTheirWidth() {
        let early = TrainingProgress(epoch: 1, step: 0, loss: 1, done: 0, total: 1000).line(elapsed: 1)
        let late = TrainingProgress(epoch: 1, step: 995, loss: 1, done: 995, total: 1000).line(elapsed: 1)
        #expect(early.firstIndex(of: "e") == late.firstIndex(of: "e"))
        #expect(early.contains("   0%  eta     ?  "), "\(early)")
        #expect(TrainingProgress.clock(7) == "7s")
        #expect(TrainingProgress.clock(245) == "4m05s")
        #expect(TrainingProgress.clock(7380) == "2h03m")
    }

    @Test("a study's bar counts runs")
    func studyBar() {
        let text = TrainingProgress.runs(done: 70, total: 200).line(elapsed: 14, width: 200)
        #expect(text == "███████░░░░░░░░░░░░░  35%  eta   26s  70 of 200 runs  14s  (Ctrl-C stops)")
    }

    /// A progress reporter that keeps what it was shown.
    final class RecordingReporter: ProgressReporter, @unchecked Sendable {
        let lock = NSLock()
        var updates: [TrainingProgress] = []
        var begun = 0, cleared = 0
        func begin() { lock.withLock { begun += 1 } }
        func update(_ progress: @autoclosure () -> TrainingProgress) {
            let p = progress()
            lock.withLock { updates.append(p) }
        }
        func clear() { lock.withLock { cleared += 1 } }
    }

    @Test("repeat reports its runs through the session's progress hook, and runs have none")
    func repeatUsesTheProgressHook() {
        let (s, _, err) = standardSession()
        let reporter = RecordingReporter()
        s.interpreter.context.progress = reporter
        // Each run trains (fit would draw its own bar if runs had the hook) and takes long enough to be redrawn.
        let script = "seed 0\nd = spurious n=2000\nt = repeat seeds=0..5 threads=1 { m = linear 3 1; fit m d epochs=20 batch=8; record a=1 }"
        #expect(s.run(script, name: "study.sps") == .success, "\(err.text)")
        #expect(reporter.begun == 1 && reporter.cleared == 1)
        #expect(reporter.updates.last?.done == 6)
        #expect(reporter.updates.allSatisfy { $0.unit == .runs && $0.total == 6 && $0.done <= 6 })
        #expect(zip(reporter.updates, reporter.updates.dropFirst()).allSatisfy { $0.done <= $1.done })
    }

    // MARK: - Ctrl-C during repeat

    @Test("Ctrl-C during repeat: the finished runs make a partial table, and the message prints the command that finishes it")
    func interruptedStudy() {
        let (s, out, err) = Self.session()
        let study = "t = repeat seeds=0..9 threads=1 {\n  if seed == 3 { stop_here }\n  record a=seed\n}"
        #expect(s.run(study, name: "study.sps") == .runtimeError)
        #expect(s.lastError?.isInterrupt == true)
        #expect(out.text == """
            repeat: stopped by Ctrl-C after 3 of 10 runs (1 cut short is left out).
            `t` holds only the 3 finished runs and is marked partial. To run the other 7 and complete it:
              t = repeat resume=t seeds=0..9 threads=1 {
                if seed == 3 { stop_here }
                record a=seed
              }

            """, "\(out.text)")
        out.clear()
        #expect(s.run("print t.n\nprint t", name: "look.sps") == .success)
        #expect(out.text.hasPrefix("3\n(partial: 3 of 10 runs; stopped by Ctrl-C"), "\(out.text)")
        // The printed command (with the stop taken out) finishes the study: the 3 rows are kept, 7 are run.
        out.clear()
        #expect(s.run("t = repeat resume=t seeds=0..9 threads=1 { record a=(seed * 10) }\nprint t.n (sum t.a[0..<3]) (sum t.a)", name: "finish.sps") == .success, "\(err.text)")
        #expect(out.text == "10 3 423\n", "\(out.text)")
    }

    @Test("a study resumed from its partial table equals the study run at once")
    func resumedEqualsWhole() {
        let (s, out, err) = Self.session()
        let body = "{ m = linear 3 1; fit m d epochs=2; record r=(rmse m d) kk=k }"
        let setup = "seed 0\nd = spurious n=300\nwhole = repeat seeds=0..3 k=[1, 2] \(body)\n"
        #expect(s.run(setup, name: "setup.sps") == .success, "\(err.text)")
        let stopped = "part = repeat seeds=0..3 k=[1, 2] { if seed == 2 and k == 2 { stop_here }; m = linear 3 1; fit m d epochs=2; record r=(rmse m d) kk=k }"
        #expect(s.run(stopped, name: "stopped.sps") == .runtimeError)
        #expect(out.text.contains("  part = repeat resume=part seeds=0..3 k=[1, 2] {"), "\(out.text)")
        out.clear()
        #expect(s.run("done = repeat resume=part seeds=0..3 k=[1, 2] \(body)\nprint done.n (sum (abs (done.r - whole.r))) (sum (abs (done.kk - whole.kk)))", name: "resume.sps") == .success, "\(err.text)")
        #expect(out.text == "8 0 0\n", "\(out.text)")
    }

    @Test("a partial table of another study is refused with the reason")
    func resumeChecksTheTable() {
        let (s, _, err) = Self.session()
        #expect(s.run("a = repeat seeds=0..2 { record x=1 }\nb = repeat resume=a seeds=5..6 { record x=1 }", name: "other.sps") == .runtimeError)
        #expect(err.text.contains("resume= has a row for seed 0, which is not a run of this study"), "\(err.text)")
        err.clear()
        #expect(s.run("c = repeat resume=a seeds=0..2 sigma=[1, 2] { record x=1 }", name: "grid.sps") == .runtimeError)
        #expect(err.text.contains("resume= has no column 'sigma'"), "\(err.text)")
    }

    @Test("a study stopped inside a def names no variable, and says how to keep the table")
    func interruptedStudyWithoutAName() {
        let (s, out, _) = Self.session()
        #expect(s.run("def go { repeat seeds=0..4 threads=1 { if seed == 1 { stop_here }; record a=1 } }\nt = go()", name: "def.sps") == .runtimeError)
        #expect(out.text.contains("The table holds only the 1 finished run and is marked partial."), "\(out.text)")
        #expect(out.text.contains("run the same repeat with resume=t added"), "\(out.text)")
    }

    // MARK: - Ctrl-C during run

    @Test("after Ctrl-C the message's epoch is l.epoch")
    func interruptMessageAgreesWithTheLoop() throws {
        let (s, out, err) = standardSession()
        #expect(s.run("seed 0\nd = spurious n=5000\nl = loop (linear 3 1) d batch=1", name: "setup.sps") == .success)
        #expect(runInterrupted(s, "run l epochs=100000", after: 0.2) == .runtimeError)
        let message = err.text
        let match = try #require(message.firstMatch(of: /interrupted at epoch (\d+)( \+ (\d+) of 5000 steps)? \(step (\d+)\)/), "\(message)")
        out.clear()
        #expect(s.run("print l.epoch l.step", name: "look.sps") == .success)
        #expect(out.text == "\(match.1) \(match.4)\n", "\(message)\n\(out.text)")
    }

    // MARK: - time

    @Test("time uses the unit that fits: never 0 ms", arguments: [
        (0.00000035, "350 ns"), (0.0000042, "4.2 µs"), (0.000180, "180 µs"), (0.0009996, "1 ms"),
        (0.0123, "12.3 ms"), (1.5, "1.5 s"), (125.04, "2 min 5 s"),
    ])
    func durations(_ seconds: Double, _ text: String) {
        #expect(ShellCommands.formatDuration(seconds) == text)
    }
}
