// fuzz-run: a libFuzzer target that runs each input as a script in the full standard session (the language's
// built-ins plus the whole training library), with budgets:
//   * time — a watchdog requests the session's interrupt after `FuzzBudget.milliseconds`;
//   * output — a sink that keeps at most `FuzzBudget.outputBytes` and then requests the interrupt;
//   * memory — the language's own allocation guards, plus libFuzzer's `-rss_limit_mb` / `-malloc_limit_mb`.
//
// Built by `scripts/fuzz` with `-sanitize=fuzzer,address -DFUZZING`. A normal build (no
// `FUZZING`) is a replay tool: `fuzz-run FILE…` runs each file the same way and prints its output and errors.
import Dispatch
import SPSLanguage
import SPSShell

/// The budgets one input runs under.
enum FuzzBudget {
    /// Wall time before the watchdog interrupts the run.
    static let milliseconds = 200
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

/// Runs one input as a script; returns what it printed and reported.
@discardableResult
func runOne(_ text: String) -> (output: String, errors: String, outcome: RunOutcome) {
    let interrupt = InterruptFlag()
    let out = CappedSink(interrupt: interrupt), err = CappedSink(interrupt: interrupt)
    var session: Session? = Session.standard(output: out, errors: err, interrupt: interrupt)
    let done = DispatchSemaphore(value: 0)
    let watchdog = Thread {
        if done.wait(timeout: .now() + .milliseconds(FuzzBudget.milliseconds)) == .timedOut { interrupt.request() }
    }
    watchdog.start()
    let outcome = session?.run(text, name: "fuzz.sps") ?? .success
    done.signal()
    // Free the session's values on a big stack too: releasing a list nested 100 000 deep recurses once per level
    // (found by fuzz-run: a stack overflow on the main thread when the session was dropped here).
    BigStack.run { session = nil }
    return (out.text, err.text, outcome)
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
