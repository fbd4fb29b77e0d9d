// fuzz-run: a libFuzzer target that runs each input as a script in the full standard session (the language's
// built-ins plus the whole training library), with budgets:
//   * steps — the interpreter stops after `FuzzBudget.steps` loop iterations and calls;
//   * time — a watchdog requests the session's interrupt after `FuzzBudget.milliseconds`;
//   * output — a sink that keeps at most `FuzzBudget.outputBytes` and then requests the interrupt;
//   * memory — the language's own allocation guards, plus libFuzzer's `-rss_limit_mb` / `-malloc_limit_mb`.
//
// Built by `scripts/fuzz` with `-sanitize=fuzzer,address -DFUZZING`. A normal build (no
// `FUZZING`) is a replay tool: `fuzz-run FILE…` runs each file the same way and prints its output and errors.
import SPSBindings
import Dispatch
import SPSLanguage
import SPSShell

/// The budgets one input runs under.
enum FuzzBudget {
    /// Loop iterations and calls before the interpreter stops the run (deterministic, so findings replay).
    static let steps = 20_000
    /// Wall time before the watchdog interrupts the run (native work such as training has no steps).
    static let milliseconds = 40
    /// Output kept per input; more interrupts the run.
    static let outputBytes = 1 << 20
}

/// An output sink with a size budget: past it, text is dropped and the run is interrupted.
final class CappedSink: OutputSink, @unchecked Sendable {
    private(set) var text = ""
    private var bytes = 0
    let interrupt: InterruptFlag
    init(interrupt: InterruptFlag) { self.interrupt = interrupt }
    func write(_ s: String) {
        bytes += s.utf8.count
        if bytes > FuzzBudget.outputBytes { interrupt.request(); return }
        text += s
    }
}

/// Interrupts an input that runs past `FuzzBudget.milliseconds`: one long-lived thread, armed and disarmed per
/// input without allocating (libFuzzer runs a full leak check after every input whose mallocs and frees differ).
final class Watchdog: @unchecked Sendable {
    private let armed = DispatchSemaphore(value: 0)
    private let disarmed = DispatchSemaphore(value: 0)
    /// The flag of the input being run. Read and written under `lock`: the watchdog may wake for an input that has
    /// already ended while the next one hands over its flag, and an unguarded read then could retain the old flag
    /// while the store frees it ("InterruptFlag deallocated with non-zero retain count", found by fuzz-run).
    private var flag: InterruptFlag?
    private let lock = NSLock()

    init() {
        Thread { [self] in
            while true {
                armed.wait()
                let watched = lock.withLock { flag }
                if disarmed.wait(timeout: .now() + .milliseconds(FuzzBudget.milliseconds)) == .timedOut {
                    // Keep asking until the input ends: one request could be lost to code that clears the flag.
                    // (The session used to clear it after parsing; an input whose parse outlasted the budget then
                    // ran with no time limit and was reported as an 11 s timeout.)
                    repeat { watched?.request() } while disarmed.wait(timeout: .now() + .milliseconds(10)) == .timedOut
                }
            }
        }.start()
    }

    /// Runs `work` with `flag` requested after the time budget.
    func watch<T>(_ flag: InterruptFlag, _ work: () -> T) -> T {
        lock.withLock { self.flag = flag }
        armed.signal()
        defer { disarmed.signal() }
        return work()
    }
}

let watchdog = Watchdog()

/// The one big-stack thread every input runs on: starting a 256 MiB thread per input (and AddressSanitizer
/// clearing its shadow) used to take most of each execution.
let worker = BigStack.Worker()

/// Runs one input as a script in a fresh session; returns what it printed and reported.
@discardableResult
func runOne(_ text: String) -> (output: String, errors: String, outcome: RunOutcome) {
    worker.run {
        let interrupt = InterruptFlag()
        let out = CappedSink(interrupt: interrupt), err = CappedSink(interrupt: interrupt)
        let session = Session.standard(output: out, errors: err, interrupt: interrupt)
        session.interpreter.stepsRemaining = FuzzBudget.steps
        // The session is released here, on the big stack: freeing a list nested 100 000 deep recurses per level.
        let outcome = watchdog.watch(interrupt) { session.run(text, name: "fuzz.sps") }
        return (out.text, err.text, outcome)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    runOne(String(decoding: UnsafeBufferPointer(start: data, count: data == nil ? 0 : size), as: UTF8.self))
    return 0
}

import Foundation


#if FUZZING
// SwiftPM makes this file's top-level code the program's `main`, which hides libFuzzer's; hand over to its driver.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt
var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(runFuzzerDriver(&argc, &argv, { data, size in fuzz(data, size) }))
#else
// Replay mode: every file named on the command line.
var replayed = 0
for path in CommandLine.arguments.dropFirst() {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write("fuzz-run: cannot read \(path)\n".data(using: .utf8) ?? Data())
        exit(64)
    }
    let r = runOne(String(decoding: data, as: UTF8.self))
    print("== \(path): \(r.outcome)")
    print(r.output, terminator: "")
    print(r.errors, terminator: "")
    replayed += 1
}
print("fuzz-run: replayed \(replayed) input(s) without a crash")
#endif
