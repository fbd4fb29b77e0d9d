import ArgumentParser
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
            With no script and a terminal, starts the interactive prompt. A script can also come from standard \
            input (`sps < file.sps` or `sps -`). Exit codes: 0 success, 64 usage, 65 syntax error, 70 runtime error.
            """,
        version: "sps 0.1.0")

    @Argument(help: "A script to run ('-' reads standard input).")
    var script: String?

    @Option(name: .short, help: "Run this text as a script.")
    var e: String?

    @Flag(name: .short, help: "After running the script, stay at the prompt with its variables.")
    var i = false

    @Flag(help: "Print each statement with a prompt, then its output (a transcript).")
    var echo = false

    mutating func run() throws {
        let session = Session.standard(output: StandardStream.output(), errors: StandardStream.error())
        let mode: EchoMode = echo ? .transcript : .none
        var outcome = RunOutcome.success
        let stdinIsTerminal = isatty(0) == 1
        if let text = e {
            outcome = session.run(text, name: "<command line>", echo: mode)
        } else if let script, script != "-" {
            outcome = session.runFile(script, echo: mode)
        } else if script == "-" || !stdinIsTerminal {
            if !i {
                let text = SourceReader.readStandardInput()
                outcome = session.run(text, name: "<stdin>", echo: mode)
                finish(outcome)
            }
        }
        let interactive = i || (e == nil && script == nil && stdinIsTerminal)
        if interactive {
            let repl = REPL(session: session, reader: PlainLineReader(showPrompt: stdinIsTerminal))
            repl.run()
            if stdinIsTerminal { print() }
            finish(.success)
        }
        finish(outcome)
    }

    /// Exits at once with the outcome's code. Exiting here (instead of returning) skips tearing down the
    /// session's values on this thread's small stack, where releasing a very deeply nested list could overflow it.
    func finish(_ outcome: RunOutcome) -> Never {
        Glibc.exit(outcome.exitCode)
    }
}

SPS.main()
