@testable import SPSBindings
import Foundation
import SPSLanguage
@testable import SPSShell
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `sps --step`: where it stops, what the teacher can type at a stop, and how it ends. The first tests answer the
/// stops with prepared lines; the last drives the real binary through a pseudo-terminal.
@Suite("Classroom stepping")
struct StepperTests {
    /// A stepped transcript run of `lesson`, answering the stops with `answers`.
    static func step(_ lesson: String, answers: [String]) -> (outcome: RunOutcome, output: String, errors: String, reader: ScriptedLineReader, stepper: Stepper) {
        let out = BufferSink(), err = BufferSink()
        let session = Session.standard(output: out, errors: err)
        let reader = ScriptedLineReader(answers)
        let stepper = Stepper(session: session, reader: reader)
        stepper.install()
        let outcome = session.run(lesson, name: "lesson.sps", echo: .transcript)
        return (outcome, out.text, err.text, reader, stepper)
    }

    static let lesson = """
        say "Hello class"
        pause
        x = 41
        x + 1
        pause
        say "bye"
        print "end"
        """

    @Test("one stop per pause and per statement; say and pause are not stopped at; say shows once")
    func stopsOncePerPause() {
        let run = Self.step(Self.lesson, answers: ["", "", "", "", ""])
        #expect(run.outcome == .success)
        #expect(run.reader.prompts == [Stepper.pausePrompt, Stepper.statementPrompt, Stepper.statementPrompt,
                                       Stepper.pausePrompt, Stepper.statementPrompt])
        #expect(run.output == "\n▸ Hello class\nsps> x = 41\nsps> x + 1\n42\n\n▸ bye\nsps> print \"end\"\nend\n")
        #expect(!run.stepper.stoppedByTeacher)
    }

    @Test("a command typed at a stop runs as at the prompt (value echoed, `_` set), then the stop asks again")
    func commandsAtAStop() {
        let run = Self.step(Self.lesson, answers: ["", "", "", "x * 100", "_ + 1", "print [", "1]", "nope", "", ""])
        #expect(run.outcome == .success)
        // The answers were read at the second pause: two commands, one of two lines, one error, then Enter.
        #expect(run.output == "\n▸ Hello class\nsps> x = 41\nsps> x + 1\n42\n4100\n4101\n[1]\n\n▸ bye\nsps> print \"end\"\nend\n")
        #expect(run.errors.contains("<step:4>:1:1: error: unknown name 'nope'"))
        #expect(run.reader.prompts.filter { $0 == "...  " }.count == 1)
        #expect(run.reader.history == ["x * 100", "_ + 1", "print [\n1]", "nope"])
    }

    @Test("q ends the script before its next statement and marks it stopped by the teacher; so do quit and Ctrl-D")
    func quitAtAStop() {
        for answers in [["", "q"], ["", "quit"], ["", "exit"], [""]] {
            let run = Self.step(Self.lesson, answers: answers)
            #expect(run.outcome == .success)
            #expect(run.stepper.stoppedByTeacher, "\(answers)")
            #expect(run.output == "\n▸ Hello class\nsps> x = 41\n", "\(answers)")
        }
    }

    @Test("c runs the rest without stopping; Ctrl-C at a stop only cancels the line typed")
    func continueAndCancel() {
        let run = Self.step(Self.lesson, answers: [ScriptedLineReader.controlC, "", "c"])
        #expect(run.outcome == .success)
        #expect(run.reader.prompts.count == 3)
        #expect(run.output.hasSuffix("sps> print \"end\"\nend\n"))
        #expect(!run.stepper.stoppedByTeacher)
    }

    @Test("a pause typed at a stop does not stop again; quit typed there ends the script")
    func nestedPauseAndQuit() {
        let run = Self.step("x = 1\nprint x\n", answers: ["pause", "", "", ""])
        #expect(run.output == "sps> x = 1\nsps> print x\n1\n")
        let quit = Self.step("x = 1\nprint x\n", answers: ["quit"])
        #expect(quit.stepper.stoppedByTeacher)
        #expect(quit.output == "sps> x = 1\n")
    }

    @Test("the prompt erased after an answer covers the lines it wrapped onto")
    func eraseCoversWrappedLines() {
        #expect(Stepper.eraseLines(for: "short", columns: 80).components(separatedBy: "\u{1B}[1A").count - 1 == 1)
        #expect(Stepper.eraseLines(for: String(repeating: "x", count: 61), columns: 30).components(separatedBy: "\u{1B}[1A").count - 1 == 3)
    }

    // MARK: - The real thing

    static let available = PseudoTerminalTests.available

    @Test("sps --step in a terminal: Enter per stop, inspect a variable at a pause, q exits with status 1",
          .enabled(if: StepperTests.available, "needs the sps binary and a pseudo-terminal"))
    func stepInATerminal() throws {
        let binary = try #require(PseudoTerminalTests.binary)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sps-step-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("lesson.sps").path
        try Self.lesson.write(toFile: script, atomically: true, encoding: .utf8)

        let terminal = try TerminalProcess([binary, "--step", script],
                                           environment: ["SPS_HISTORY=", "NO_COLOR=1", "TERM=xterm", "LANG=C.UTF-8"])
        try terminal.waitFor("(paused)")
        #expect(terminal.screen.components(separatedBy: "Hello class").count == 2, "say shows once:\n\(terminal.screen)")
        #expect(!terminal.screen.contains("sps> say"))
        terminal.type("\r")
        try terminal.waitFor("⏎ run", after: "sps> x = 41")
        terminal.type("\r")
        try terminal.waitFor("⏎ run", after: "sps> x + 1")
        terminal.type("\r")
        try terminal.waitFor("(paused)", after: "42\r\n")
        // At the pause: look at x, then quit.
        terminal.type("x * 100\r")
        try terminal.waitFor("4100\r\n")
        terminal.type("q\r")
        #expect(terminal.waitForExit() == 1)
        #expect(terminal.screen.contains("stopped by the teacher"))
        #expect(!terminal.screen.contains("bye"))
        #expect(!terminal.screen.contains("sps> pause"))
    }

    @Test("sps --step < lesson.sps: the teacher answers on the terminal while the script comes from standard input",
          .enabled(if: StepperTests.available, "needs the sps binary and a pseudo-terminal"))
    func stepWithTheScriptOnStandardInput() throws {
        let binary = try #require(PseudoTerminalTests.binary)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sps-step-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("lesson.sps").path
        try Self.lesson.write(toFile: script, atomically: true, encoding: .utf8)

        let terminal = try TerminalProcess([binary, "--step"], environment: ["NO_COLOR=1", "TERM=xterm", "LANG=C.UTF-8"], input: script)
        try terminal.waitFor("(paused)")
        terminal.type("\r")
        try terminal.waitFor("⏎ run", after: "sps> x = 41")
        // Typed at the stop, with a correction: Backspace removes the last character.
        terminal.type("print \"wörlx\u{7F}d\"\r")
        try terminal.waitFor("wörld\r\n")
        terminal.type("c\r")
        #expect(terminal.waitForExit() == 0)
        #expect(terminal.screen.contains("end\r\n"))
    }
}

/// A command (program and arguments) on a pseudo-terminal of 100 × 24, with everything it has written so far.
final class TerminalProcess {
    let master: Int32
    let pid: pid_t
    private(set) var screen = ""

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts the command with the terminal as standard output and error, and as standard input unless `input`
    /// names a file to read instead (the terminal is still its controlling terminal, `/dev/tty`).
    init(_ arguments: [String], environment: [String], input: String? = nil) throws {
        (master, pid) = try PseudoTerminalPair.start(arguments, environment: environment, input: input)
    }

    deinit {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(master)
    }

    func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
        usleep(50_000)
    }

    /// Reads until `text` appears (after the last occurrence of `after`, if given), or 10 seconds pass.
    func waitFor(_ text: String, after: String? = nil) throws {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            var region = Substring(screen)
            if let after {
                if let r = screen.range(of: after, options: .backwards) { region = screen[r.upperBound...] } else { region = "" }
            }
            if region.contains(text) { return }
            readAvailable(timeout: 100)
        }
        throw Failure(description: "timed out waiting for \(text.debugDescription); the terminal shows:\n\(screen)")
    }

    func readAvailable(timeout: Int32) {
        var fds = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&fds, 1, timeout) > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = read(master, &buffer, buffer.count)
        if n > 0 { screen += String(decoding: buffer[0..<n], as: UTF8.self) }
    }

    /// Waits up to 10 seconds for the process to exit; its exit status, or -1.
    func waitForExit() -> Int32 {
        for _ in 0..<100 {
            readAvailable(timeout: 0)
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                readAvailable(timeout: 50)
                return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
            }
            usleep(100_000)
        }
        return -1
    }
}
