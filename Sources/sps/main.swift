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
            runtime error or a failed write to standard output (`sps x.sps > /dev/full`), 130 stopped by Ctrl-C, 1 \
            stopped by the teacher (q at a --step stop).

            What a line shows: \(ScriptDisplay.rule)

            Classroom: --step stops before each statement and at each `pause`; Enter goes on, c runs to the end, q \
            ends the script (status 1), and anything else typed there runs as at the prompt (inspect a variable, \
            then Enter goes on). `say` narration shows once, and --echo transcripts leave `pause` out. \
            --html handout.html writes the transcript as one web page with every plot as inline SVG and nothing \
            fetched from the network (written atomically; combine with --step to teach and hand out at once).
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

    @Flag(help: "Classroom mode: show each statement and stop before it (Enter runs it, c runs to the end, q quits with status 1, anything else runs as a command).")
    var step = false

    @Option(name: .customLong("html"), help: ArgumentHelp("Also write the transcript as one self-contained web page: narration, statements, output and plots as SVG.", valueName: "file"))
    var html: String?

    @Flag(help: "Print the command reference (docs/commands.md) as Markdown and exit.")
    var helpMarkdown = false

    @Option(name: .customLong("slurm-worker"), help: ArgumentHelp("Run one array task of a Slurm study in this folder (the job script sps writes does this; see docs/slurm.md).", valueName: "folder", visibility: .hidden))
    var slurmWorker: String?

    @Option(name: .customLong("slurm-task"), help: ArgumentHelp("The array task to run with --slurm-worker.", valueName: "n", visibility: .hidden))
    var slurmTask: Int?

    func validate() throws {
        if html != nil && i {
            throw ValidationError("--html writes the transcript of a script, not of the prompt: leave out -i")
        }
        if (slurmWorker == nil) != (slurmTask == nil) {
            throw ValidationError("--slurm-worker and --slurm-task go together: sps --slurm-worker FOLDER --slurm-task N")
        }
        if let script, !e.isEmpty {
            throw ValidationError("give either a script (\(script)) or -e text, not both; to run a file and then more text, write the text in the file or use: sps -e 'load \"\(script)\"' -e '…'")
        }
    }

    mutating func run() throws {
        if helpMarkdown {
            let session = Session.standard(output: BufferSink(), errors: BufferSink())
            session.interpreter.onDemand?.everything(session.interpreter)  // the libraries that load on first use
            StandardStream.output().write(HelpText.markdown(session.interpreter.registry))
            finish(.success)
        }
        InterruptHandler.install()
        if let slurmWorker, let slurmTask {
            // One task of a Slurm study: no prompt, no run log (the submitting session logs the study).
            let session = Session.standard(output: StandardStream.output(), errors: StandardStream.error(), interrupt: InterruptHandler.flag)
            Glibc.exit(SlurmWorkerSession.run(folder: slurmWorker, task: slurmTask, session: session))
        }
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
        // The run log: ~/.sps/runs.db, or $SPS_RUNS (off turns it off); see docs/runlog.md.
        session.interpreter.context.runLog = RunLogSession.fromEnvironment()
        // --html: check the destination before anything runs, then record the run.
        var handout: HTMLHandout?
        if let html {
            if let problem = HTMLHandout.unwritable(html) {
                errors.write(errorStyle.diagnostics("error: --html: " + DiagnosticRenderer.visible(problem.message)) + "\n")
                finish(.unreadable)
            }
            let name = script.map { $0 == "-" ? "<stdin>" : $0 } ?? (e.isEmpty ? "<stdin>" : "<command line>")
            handout = HTMLHandout(title: name.split(separator: "/").last.map(String.init) ?? name)
            handout?.record(session)
        }
        var editor: LibeditLineReader?
        var stepper: Stepper?
        if step {
            if stdinIsTerminal && isatty(1) == 1, let libedit = LibeditLineReader(style: outputStyle) {
                libedit.completer = Completer(interpreter: session.interpreter)
                editor = libedit
                stepper = Stepper(session: session, reader: libedit) { prompt in
                    StandardStream.output().write(Stepper.eraseLines(for: prompt))
                }
            } else if let terminal = TerminalLineReader() {
                // Standard input is the script (sps --step < lesson.sps): the teacher answers on the terminal.
                stepper = Stepper(session: session, reader: terminal) { prompt in terminal.write(Stepper.eraseLines(for: prompt)) }
            }
            // No terminal at all: run straight through, as --echo does.
            stepper?.install()
        }

        // What a Slurm study replays on the cluster to rebuild this session (the prompt adds its entries).
        if !e.isEmpty {
            let text = e.joined(separator: "\n")
            session.interpreter.context.sessionEntries = { [(name: "<command line>", text: text)] }
        } else if let script, script != "-" {
            session.interpreter.context.sessionEntries = { (try? SourceReader.text(of: script)).map { [(name: script, text: $0)] } ?? [] }
        }
        let mode: EchoMode = echo || step || html != nil ? .transcript : .none
        var outcome = RunOutcome.success
        var ranScript = true
        if !e.isEmpty {
            outcome = session.run(e.joined(separator: "\n"), name: "<command line>", echo: mode)
        } else if let script, script != "-" {
            outcome = session.runFile(script, echo: mode)
        } else if script == "-" || !stdinIsTerminal {
            if !i {
                do {
                    let text = try SourceReader.standardInput()
                    session.interpreter.context.sessionEntries = { [(name: "<stdin>", text: text)] }
                    outcome = session.run(text, name: "<stdin>", echo: mode)
                } catch {
                    errors.write(errorStyle.diagnostics("error: " + DiagnosticRenderer.visible(error.message)) + "\n")
                    outcome = .unreadable
                }
            }
        } else {
            ranScript = false
        }
        if let handout, let html {
            guard ranScript else {
                errors.write(errorStyle.diagnostics("error: --html needs a script: sps --html \(html) lesson.sps") + "\n")
                finish(.unreadable)
            }
            if outcome != .unreadable {
                do {
                    try handout.write(to: html)
                    let plots = handout.plotCount
                    errors.write(errorStyle.note("wrote \(html): the transcript with \(plots) plot\(plots == 1 ? "" : "s")") + "\n")
                } catch {
                    errors.write(errorStyle.diagnostics("error: --html: " + DiagnosticRenderer.visible(error.message)) + "\n")
                    finish(.runtimeError, session)
                }
            }
        }
        if stepper?.stoppedByTeacher == true {
            errors.write(errorStyle.note("note: stopped by the teacher (q); the rest of the script did not run") + "\n")
            editor?.close()
            Glibc.exit(Stepper.stoppedExitCode)
        }
        if script == "-" || (script == nil && e.isEmpty && !stdinIsTerminal), !i { finish(outcome, session) }
        if session.quitRequested { finish(.success, session) }
        let interactive = i || (e.isEmpty && script == nil && stdinIsTerminal)
        if interactive {
            stepper?.uninstall()
            if editor == nil, stdinIsTerminal, let libedit = LibeditLineReader(style: outputStyle) {
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
        editor?.close()
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

SPS.main()
