// fuzz-parse: a libFuzzer target for everything that happens before code runs — lexing, parsing (with error
// recovery), printing the syntax tree, resolving and compiling against the standard session's globals, and
// rendering the diagnostics.
//
// Built by `scripts/fuzz` with `-sanitize=fuzzer,address -DFUZZING`, libFuzzer's driver calls
// `LLVMFuzzerTestOneInput` for each input. A normal build (no `FUZZING`) is a replay tool instead:
// `fuzz-parse FILE…` runs each file through the same function and reports that it survived.
import SPSBindings
import Foundation
import SPSLanguage
import SPSShell

/// The session inputs are compiled against. Compiling creates a global slot for every new name, so the session is
/// replaced every `inputsPerSession` inputs (a fresh one per input would cost more than the parse itself).
enum CompileSession {
    static let inputsPerSession = 5_000
    nonisolated(unsafe) static var session: Session? = nil
    nonisolated(unsafe) static var used = 0

    /// Drops the session at exit, before LeakSanitizer's check: a live session's syntax trees are reachable only
    /// through enum payload pointers whose spare bits hold the case tag, which LeakSanitizer cannot follow, so it
    /// would report them (all of them, whatever the inputs were) as leaked. Freed, anything left is a real leak.
    static func dropAtExit() {
        atexit { CompileSession.session = nil }
    }

    static func next() -> Session {
        used += 1
        if let session, used <= inputsPerSession { return session }
        if session == nil { dropAtExit() }
        let fresh = Session.standard(output: BufferSink(), errors: BufferSink())
        session = fresh
        used = 1
        return fresh
    }
}

/// Runs one input through lexer, parser, AST printer, resolver and compiler. Never prints.
func parseOne(_ text: String) {
    let file = SourceFile(name: "fuzz.sps", text: text)
    switch Parser.parse(file) {
    case .failure(let errors):
        _ = DiagnosticRenderer.render(errors)
        _ = Session.isIncomplete(text)
    case .success(let statements):
        _ = ASTPrinter.print(statements)
        if case .failure(let errors) = CompileSession.next().interpreter.compile(statements, file: file) {
            _ = DiagnosticRenderer.render(errors)
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    parseOne(String(decoding: UnsafeBufferPointer(start: data, count: data == nil ? 0 : size), as: UTF8.self))
    return 0
}


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

// Replay mode: every file named on the command line (crash inputs, corpus entries).
var replayed = 0
for path in CommandLine.arguments.dropFirst() {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write("fuzz-parse: cannot read \(path)\n".data(using: .utf8) ?? Data())
        exit(64)
    }
    data.withUnsafeBytes { raw in
        let bytes = raw.bindMemory(to: UInt8.self)
        _ = fuzz(bytes.baseAddress, bytes.count)  // an empty file has no base address; fuzz reads it as ""
    }
    replayed += 1
}
print("fuzz-parse: replayed \(replayed) input(s) without a crash")
#endif
