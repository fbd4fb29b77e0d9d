import SPSBindings
import ArgumentParser
import class SPSLanguage.BufferSink
import protocol SPSLanguage.OutputSink
import SPSShell

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `sps` command line: run a script, run text, read a script from stdin, or start the prompt.
struct SPS: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sps",
        abstract: "A REPL and scripting shell for robust-training experiments.",
        discussion: """
            With no script and a terminal, starts the interactive prompt (line editing, history in ~/.sps_history \
            or $SPS_HISTORY, Tab completion; `help` lists the commands). A script can also come from standard \
            input (`sps < file.sps` or `sps -`) or a pipe (`sps <(generate)`); scripts, data and model files are read \
            only from regular files and pipes, of at most 2 GB; files are written atomically, only over regular \
            files (a symbolic link has its target written), keeping their mode and owner. Several -e are joined as lines of one script (as \
            perl -e and ruby -e do); -e and a script file cannot be given together. Colour is used on a terminal \
            unless NO_COLOR is set. Exit codes: 0 success, 64 usage (or an unreadable script), 65 syntax error, 70 \
            runtime error or a failed write to standard output (`sps x.sps > /dev/full`), 130 stopped by Ctrl-C.
            """,
        version: "sps 0.1.0")

    @Argument(help: "A script to run ('-' reads standard input).")
    var script: String?

    @Option(name: .short, help: ArgumentHelp("Run this text as a script; several -e are joined as lines of one script.", valueName: "text"))
    var e: [String] = []

    @Flag(name: .short, help: "After running the script, stay at the prompt with its variables.")
    var i = false

    @Flag(help: "Print each statement with a prompt, then its output (a transcript).")
    var echo = false

    @Flag(help: "Classroom mode: show each statement and wait for a key (Enter runs it, c runs to the end, q quits).")
    var step = false

    @Flag(help: "Print the command reference (docs/commands.md) as Markdown and exit.")
    var helpMarkdown = false

    func validate() throws {
        if let script, !e.isEmpty {
            throw ValidationError("give either a script (\(script)) or -e text, not both; to run a file and then more text, write the text in the file or use: sps -e 'load \"\(script)\"' -e '…'")
        }
    }

    mutating func run() throws {
        if helpMarkdown {
            let session = Session.standard(output: BufferSink(), errors: BufferSink())
            StandardStream.output().write(HelpText.markdown(session.interpreter.registry))
            finish(.success)
        }
        InterruptHandler.install()
        let stdinIsTerminal = isatty(0) == 1
        let outputStyle = TerminalStyle.detect(descriptor: 1), errorStyle = TerminalStyle.detect(descriptor: 2)
        // The progress line for long training, on a terminal only; output erases it before writing.
        let progress = isatty(2) == 1 ? ProgressLine(descriptor: 2, style: errorStyle) : nil
        let output: any OutputSink = progress.map { ProgressAwareSink(StandardStream.output(), progress: $0) } ?? StandardStream.output()
        let errors: any OutputSink = progress.map { ProgressAwareSink(StandardStream.error(), progress: $0) } ?? StandardStream.error()
        let session = Session.standard(output: output, errors: errors, interrupt: InterruptHandler.flag)
        session.outputStyle = outputStyle
        session.errorStyle = errorStyle
        // A failed write to standard output is reported once, when it happens; the exit code says so at the end.
        StandardStream.onOutputFailure = { reason in
            errors.write(errorStyle.diagnostics("error: cannot write to standard output: \(reason); sps goes on, and exits with status 70") + "\n")
        }
        if let progress { session.interpreter.context.progress = progress }
        if step { Stepper.install(in: session, style: outputStyle) }

        let mode: EchoMode = echo || step ? .transcript : .none
        var outcome = RunOutcome.success
        if !e.isEmpty {
            outcome = session.run(e.joined(separator: "\n"), name: "<command line>", echo: mode)
        } else if let script, script != "-" {
            outcome = session.runFile(script, echo: mode)
        } else if script == "-" || !stdinIsTerminal {
            if !i {
                do {
                    let text = try SourceReader.standardInput()
                    outcome = session.run(text, name: "<stdin>", echo: mode)
                } catch {
                    errors.write(errorStyle.diagnostics("error: " + DiagnosticRenderer.visible(error.message)) + "\n")
                    outcome = .unreadable
                }
                finish(outcome, session)
            }
        }
        if session.quitRequested { finish(.success, session) }
        let interactive = i || (e.isEmpty && script == nil && stdinIsTerminal)
        if interactive {
            session.stepper = nil
            var editor: LibeditLineReader?
            if stdinIsTerminal, let libedit = LibeditLineReader(style: outputStyle) {
                libedit.completer = Completer(interpreter: session.interpreter)
                editor = libedit
            }
            if stdinIsTerminal && script == nil && e.isEmpty {
                StandardStream.output().write(outputStyle.dim("sps 0.1.0 · help lists the commands · Tab completes · Ctrl-D leaves") + "\n")
            }
            let repl = REPL(session: session, reader: editor ?? PlainLineReader(showPrompt: stdinIsTerminal))
            repl.run()
            editor?.close()
            finish(.success, session)
        }
        finish(outcome, session)
    }

    /// Exits at once with the outcome's code (130 when Ctrl-C stopped the script; 70 instead of 0 when a write to
    /// standard output failed). Exiting here (instead of returning) skips tearing down the session's values on
    /// this thread's small stack, where releasing a very deeply nested list could overflow it.
    func finish(_ outcome: RunOutcome, _ session: Session? = nil) -> Never {
        if outcome == .runtimeError, session?.lastError?.isInterrupt == true { Glibc.exit(130) }
        if outcome == .success, let reason = StandardStream.outputFailure {
            // Reported when it happened, unless no one was listening yet (`--help-markdown`).
            if session == nil { StandardStream.error().write("error: cannot write to standard output: \(reason)\n") }
            Glibc.exit(RunOutcome.runtimeError.exitCode)
        }
        Glibc.exit(outcome.exitCode)
    }
}

/// `sps --step`: before each top-level statement (already shown by the transcript), wait for a key from the
/// terminal: Enter or space runs it, `c` runs the rest without stopping, `q` (or Ctrl-C, Ctrl-D) quits. `pause`
/// in the script waits too.
enum Stepper {
    static func install(in session: Session, style: TerminalStyle) {
        guard let keys = KeyReader() else { return }  // no terminal: run straight through, like --echo
        let showHint = isatty(1) == 1
        var continuing = false
        let interpreter = session.interpreter
        let wait = { (hint: String) in
            guard !continuing else { return }
            if showHint { StandardStream.output().write(style.dim(hint)) }
            defer { if showHint { StandardStream.output().write("\r\u{1B}[2K") } }
            while true {
                switch keys.readKey() {
                case UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: " "):
                    return
                case UInt8(ascii: "c"), UInt8(ascii: "C"):
                    continuing = true
                    return
                case nil, UInt8(ascii: "q"), UInt8(ascii: "Q"), 3, 4:
                    interpreter.context.quitRequested = true
                    interpreter.interrupt.request()
                    return
                default:
                    continue
                }
            }
        }
        session.stepper = { _ in wait("  ⏎ run · c run to the end · q quit") }
        interpreter.context.pause = { () -> Void in wait("  (paused) ⏎ go on · c run to the end · q quit") }
    }
}

SPS.main()
