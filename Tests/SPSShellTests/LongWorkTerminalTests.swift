import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Long work as a person sees it at the prompt, through a real pseudo-terminal: the progress line of `repeat`, and
/// what Ctrl-C prints (on a line of its own, not glued to the `^C` the terminal echoes).
@Suite("Long work in a pseudo-terminal")
struct LongWorkTerminalTests {
    static func shell() throws -> (Terminal, String) {
        let history = FileManager.default.temporaryDirectory.appendingPathComponent("sps-pty-\(UUID().uuidString)").path
        let binary = try #require(PseudoTerminalTests.binary)
        let terminal = try Terminal.shell(binary, history: history)
        try terminal.waitFor("sps> ")
        return (terminal, history)
    }

    @Test("the message after Ctrl-C starts on a line of its own",
          .enabled(if: PseudoTerminalTests.available, "needs the sps binary and a pseudo-terminal"))
    func messageAfterCtrlCIsNotGlued() throws {
        let (terminal, history) = try Self.shell()
        defer { try? FileManager.default.removeItem(atPath: history) }
        // `started` shows the loop is running (a Ctrl-C before it would only cancel the line being read).
        terminal.type("print \"started\"; for i in 0..1000000000 { }\r")
        try terminal.waitFor("started\r\n")
        terminal.type("\u{3}")
        try terminal.waitFor("note: stopped by Ctrl-C")
        #expect(terminal.screen.contains("^C\r\n<stdin:1>:1:"), "\(terminal.screen.debugDescription)")
        terminal.type("quit\r")
        #expect(terminal.waitForExit() == 0)
    }

    @Test("repeat draws a progress line of runs; Ctrl-C leaves a partial table and prints the command that finishes it",
          .enabled(if: PseudoTerminalTests.available, "needs the sps binary and a pseudo-terminal"))
    func studyProgressAndInterrupt() throws {
        let (terminal, history) = try Self.shell()
        defer { try? FileManager.default.removeItem(atPath: history) }
        terminal.type("d = spurious n=2000\r")
        try terminal.waitFor("sps> ", after: "d = spurious n=2000")
        terminal.type("t = repeat seeds=0..999 threads=1 { m = linear 3 1; fit m d epochs=3 batch=4; record a=1 }\r")
        // The bar appears once the study has run for half a second.
        try terminal.waitFor(" of 1000 runs ")
        #expect(terminal.screen.contains("(Ctrl-C stops)"))
        terminal.type("\u{3}")
        try terminal.waitFor("note: stopped by Ctrl-C")
        let screen = terminal.screen
        #expect(screen.contains("repeat: stopped by Ctrl-C after "), "\(screen.debugDescription)")
        #expect(screen.contains("`t` holds only the "), "\(screen.debugDescription)")
        #expect(screen.contains("  t = repeat resume=t seeds=0..999 threads=1 { m = linear 3 1;"), "\(screen.debugDescription)")
        // The fit inside the stopped run does not say its loop can be resumed with `run`: no one can reach it.
        #expect(!screen.contains("resumed with `run`"), "\(screen.debugDescription)")
        terminal.type("t\r")
        try terminal.waitFor("(partial: ")
        terminal.type("quit\r")
        #expect(terminal.waitForExit() == 0)
    }
}
