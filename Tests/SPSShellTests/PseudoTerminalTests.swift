@testable import SPSBindings
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Drives the built `sps` binary through a real pseudo-terminal: libedit line editing, Tab completion, Ctrl-C,
/// Ctrl-D and history that survives a restart. Skipped when there is no binary or no pty.
@Suite("Prompt in a pseudo-terminal")
struct PseudoTerminalTests {
    /// `sps` next to the test bundle (`swift test` builds it with everything else).
    static var binary: String? {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        for _ in 0..<4 {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("sps").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static var available: Bool {
        guard binary != nil, let pair = try? PseudoTerminalPair.open() else { return false }
        close(pair.master)
        close(pair.slave)
        return true
    }

    @Test(.enabled(if: PseudoTerminalTests.available, "needs the sps binary and a pseudo-terminal"))
    func editCompleteCancelAndRecallHistory() throws {
        let history = FileManager.default.temporaryDirectory.appendingPathComponent("sps-pty-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: history) }
        let binary = try #require(PseudoTerminalTests.binary)

        let first = try Terminal.shell(binary, history: history)
        try first.waitFor("sps> ")
        first.type("total_count = 41\r")
        try first.waitFor("sps> ", after: "total_count = 41")
        // Type `prnt (total_count + 1)`, move back to insert the missing `i`, run it.
        first.type("prnt (total_count + 1)")
        first.type(String(repeating: "\u{1B}[D", count: 20))
        first.type("i\r")
        try first.waitFor("42\r\n")
        // Tab completes a variable name.
        first.type("total_c\t")
        try first.waitFor("total_count")
        first.type("\r")
        try first.waitFor("41\r\n")
        // Ctrl-C cancels the line; the session goes on.
        first.type("this is not run\u{3}")
        try first.waitFor("^C")
        first.type("total_count * 2\r")
        try first.waitFor("82\r\n")
        #expect(!first.screen.contains("unknown name 'this'"))
        // Ctrl-D on an empty line leaves.
        first.type("\u{4}")
        #expect(first.waitForExit() == 0)

        // A new session recalls the history with the up arrow.
        let second = try Terminal.shell(binary, history: history)
        try second.waitFor("sps> ")
        second.type("total_count = 5\r")
        try second.waitFor("sps> ", after: "total_count = 5")
        // Two entries back is `total_count * 2` from the first session (libedit redraws only what changed, so the
        // result, not the raw screen text, shows which entry came back).
        second.type("\u{1B}[A\u{1B}[A\r")
        try second.waitFor("10\r\n")
        second.type("quit\r")
        #expect(second.waitForExit() == 0)
    }

    @Test("kill -9 loses nothing already entered: history and the record transcript are on disk after each entry",
          .enabled(if: PseudoTerminalTests.available, "needs the sps binary and a pseudo-terminal"))
    func killedSessionKeepsHistoryAndTranscript() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sps-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let history = folder.appendingPathComponent("history").path
        let transcript = folder.appendingPathComponent("session.sps").path
        let binary = try #require(PseudoTerminalTests.binary)

        let shell = try Terminal.shell(binary, history: history)
        try shell.waitFor("sps> ")
        shell.type("record \"\(transcript)\"\r")
        try shell.waitFor("sps> ", after: "recording to")
        shell.type("first_value = 20\r")
        try shell.waitFor("sps> ", after: "first_value = 20")
        shell.type("second_value = first_value + 1\r")
        try shell.waitFor("sps> ", after: "second_value = first_value + 1")
        shell.type("print (second_value * 2)\r")
        try shell.waitFor("42\r\n")
        try shell.waitFor("sps> ", after: "42")
        kill(shell.pid, SIGKILL)

        let saved = try String(contentsOfFile: history, encoding: .utf8)
        for entry in ["first_value = 20", "second_value = first_value + 1", "print (second_value * 2)"] {
            #expect(saved.contains(entry.replacingOccurrences(of: " ", with: "\\040")) || saved.contains(entry), "history lacks \(entry):\n\(saved)")
        }
        let recorded = try String(contentsOfFile: transcript, encoding: .utf8)
        #expect(recorded.hasSuffix("first_value = 20\nsecond_value = first_value + 1\nprint (second_value * 2)\n"), "\(recorded)")
        // No temporary files are left next to the history.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["history", "session.sps"])
    }
}


/// A process on a pseudo-terminal, with everything it has written so far.
final class Terminal {
    let master: Int32
    let pid: pid_t
    private(set) var screen = ""

    enum Failure: Error, CustomStringConvertible {
        case timeout(String, String)
        var description: String {
            switch self {
            case .timeout(let text, let screen): return "timed out waiting for \(text.debugDescription); the terminal shows:\n\(screen)"
            }
        }
    }

    init(_ path: String, environment: [String]) throws {
        (master, pid) = try PseudoTerminalPair.start([path], environment: environment)
    }

    /// `sps` at its prompt, keeping history in `history`, without colour, in a UTF-8 xterm.
    static func shell(_ binary: String, history: String) throws -> Terminal {
        try Terminal(binary, environment: ["SPS_HISTORY=\(history)", "NO_COLOR=1", "TERM=xterm", "LANG=C.UTF-8"])
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

    /// Reads until `text` appears (after the first occurrence of `after`, if given), or 10 seconds pass.
    func waitFor(_ text: String, after: String? = nil) throws {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            var region = Substring(screen)
            if let after {
                if let r = screen.range(of: after) { region = screen[r.upperBound...] } else { region = "" }
            }
            if region.contains(text) { return }
            readAvailable(timeout: 100)
        }
        throw Failure.timeout(text, screen)
    }

    func readAvailable(timeout: Int32) {
        var fds = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&fds, 1, timeout) > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = read(master, &buffer, buffer.count)
        if n > 0 { screen += String(decoding: buffer[0..<n], as: UTF8.self) }
    }

    /// Waits up to 10 seconds for the process to exit; its exit code, or -1.
    func waitForExit() -> Int32 {
        for _ in 0..<100 {
            readAvailable(timeout: 0)
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
            }
            usleep(100_000)
        }
        return -1
    }
}
