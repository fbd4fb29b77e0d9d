@testable import SPSBindings
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Keys at the prompt as a terminal sends them, through a real pseudo-terminal (the built `sps` binary): reverse
/// search accepted with an arrow, Home/End in every form, Tab completion of values, bracketed paste, and ↑ on a
/// continuation line. Each check is on what the session then computes, not on how libedit redraws the line.
@Suite("Prompt keys in a pseudo-terminal")
struct PromptKeysTests {
    static let escape = "\u{1B}"

    /// A fresh session with its own history file; the history is removed afterwards.
    func withShell(_ body: (Terminal) throws -> Void) throws {
        let history = FileManager.default.temporaryDirectory.appendingPathComponent("sps-keys-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: history) }
        let shell = try Terminal.shell(try #require(PseudoTerminalTests.binary), history: history)
        try shell.waitFor("sps> ")
        try body(shell)
        shell.type("quit\r")
        #expect(shell.waitForExit() == 0)
    }

    /// Types a line, waits until its result `expected` shows after it, then for the next prompt.
    func run(_ shell: Terminal, _ line: String, expect expected: String) throws {
        let mark = shell.mark
        shell.type(line + "\r")
        let end = expected.isEmpty ? mark + line.utf8.count : try shell.waitFor(expected + "\r\n", since: mark)
        try shell.waitFor("sps> ", since: end)
    }

    @Test("Ctrl-R, then ← or → leaves the match on the line to edit; Enter runs a match; Ctrl-G and Esc cancel",
          .enabled(if: PseudoTerminalTests.available, "needs the sps binary and a pseudo-terminal"))
    func reverseSearch() throws {
        try withShell { shell in
            try run(shell, "marker_value = 7", expect: "")
            try run(shell, "print (40 + 2)", expect: "42")
            // → after the match: the cursor moves right of `+`, Backspace removes it, `-` replaces it.
            var mark = shell.mark
            shell.type("\u{12}")
            try shell.waitFor("(reverse-i-search)`'", since: mark)
            shell.type("+ 2")
            try shell.waitFor("print (40 + 2)", since: mark)
            shell.type(Self.escape + "[C")
            shell.type("\u{7F}-\r")
            try shell.waitFor("sps> ", since: try shell.waitFor("38\r\n", since: mark))
            // ← before the match `+ 2`: a digit typed there makes 40 into 400.
            mark = shell.mark
            shell.type("\u{12}")
            shell.type("+ 2")
            try shell.waitFor("print (40 + 2)", since: mark)
            shell.type(Self.escape + "[D")
            shell.type("0\r")
            try shell.waitFor("sps> ", since: try shell.waitFor("402\r\n", since: mark))
            // Enter runs the match as it is.
            mark = shell.mark
            shell.type("\u{12}")
            shell.type("40 -")
            try shell.waitFor("print (40 - 2)", since: mark)
            shell.type("\r")
            try shell.waitFor("sps> ", since: try shell.waitFor("38\r\n", since: mark))
            // Ctrl-G and Esc give back the line as it was before the search.
            mark = shell.mark
            shell.type("marker_value")
            shell.type("\u{12}")
            shell.type("print")
            var searching = try shell.waitFor("(reverse-i-search)`print'", since: mark)
            shell.type("\u{7}")
            try shell.waitFor("sps> ", since: searching)
            shell.type("\r")
            try shell.waitFor("sps> ", since: try shell.waitFor("7\r\n", since: searching))
            mark = shell.mark
            shell.type("marker_value + 100")
            shell.type("\u{12}")
            shell.type("print (")
            searching = try shell.waitFor("(reverse-i-search)`print ('", since: mark)
            shell.type(Self.escape)
            try shell.waitFor("sps> ", since: searching)  // an Esc alone is told by the pause after it
            shell.type("\r")
            try shell.waitFor("107\r\n", since: mark)
            #expect(!shell.screen.contains("error"), "\(shell.screen)")
        }
    }

    @Test("Home and End as xterm, tmux/screen, rxvt and the keypad send them; Delete",
          .enabled(if: PseudoTerminalTests.available, "needs the sps binary and a pseudo-terminal"))
    func homeAndEnd() throws {
        try withShell { shell in
            let pairs = [("[1~", "[4~"), ("[7~", "[8~"), ("[H", "[F"), ("OH", "OF")]
            for (index, (home, end)) in pairs.enumerated() {
                // `rint 5`, Home, `p`, End, a digit: `print 5<digit>`.
                let mark = shell.mark
                shell.type("rint 5")
                shell.type(Self.escape + home)
                shell.type("p")
                shell.type(Self.escape + end)
                shell.type("\(index)\r")
                try shell.waitFor("sps> ", since: try shell.waitFor("5\(index)\r\n", since: mark))
            }
            // Delete removes the character under the cursor.
            let mark = shell.mark
            shell.type("xprint 61")
            shell.type(Self.escape + "[1~")
            shell.type(Self.escape + "[3~")
            shell.type("\r")
            try shell.waitFor("61\r\n", since: mark)
            #expect(!shell.screen.contains("unknown name"), "\(shell.screen)")
        }
    }

    @Test("Tab completes values: choices with a space after them, columns listed once on a double Tab",
          .enabled(if: PseudoTerminalTests.available, "needs the sps binary and a pseudo-terminal"))
    func tabCompletesValues() throws {
        try withShell { shell in
            try run(shell, "seed 0", expect: "")
            try run(shell, "d = spurious n=20", expect: "")
            try run(shell, "m = linear 3 1", expect: "")
            // `loss=hu` completes to `huber ` (with the space), so `epochs=1` that follows is its own argument.
            var mark = shell.mark
            shell.type("l = fit m d loss=hu\t")
            try shell.waitFor("ber", since: mark)
            mark = shell.mark
            shell.type("epochs=1\r")
            try shell.waitFor("sps> ", since: mark)
            try run(shell, "l.epoch", expect: "1")
            // `x` in a column list: nothing to add, so the columns are listed — once for two Tabs.
            mark = shell.mark
            shell.type("d2 = select d [x\t\t")
            try shell.waitFor("x1  x2  x3", since: mark)
            usleep(300_000)
            shell.readAvailable(timeout: 100)
            #expect(shell.screen.components(separatedBy: "x1  x2  x3").count == 2, "listed more than once:\n\(shell.screen)")
            mark = shell.mark
            shell.type("2]\r")
            try shell.waitFor("sps> ", since: mark)
            try run(shell, "d2.features", expect: "[\"x2\"]")
            #expect(!shell.screen.contains("error"), "\(shell.screen)")
        }
    }

    @Test("a bracketed paste runs as typed: Tabs in it are text, blocks continue, the last line stays to edit",
          .enabled(if: PseudoTerminalTests.available, "needs the sps binary and a pseudo-terminal"))
    func bracketedPaste() throws {
        try withShell { shell in
            #expect(shell.screen.contains("\u{1B}[?2004h"), "bracketed paste was not turned on")
            let pasted = "def twice x {\n\tx * 2\n}\ntwice 21\nmsg = \"a\tb\"\nprint (len msg)\nleft_over = 5\nleft_o"
            var mark = shell.mark
            shell.type(Self.escape + "[200~" + pasted + Self.escape + "[201~")
            let answer = try shell.waitFor("42\r\n", since: mark)
            try shell.waitFor("left_o", since: try shell.waitFor("3\r\n", since: answer))
            mark = shell.mark
            shell.type("ver\r")
            try shell.waitFor("sps> ", since: try shell.waitFor("5\r\n", since: mark))
            #expect(!shell.screen.contains("error"), "\(shell.screen)")
            // Bracketed paste is off while a command runs: turned off before the output of `print`.
            mark = shell.mark
            shell.type("print 123\r")
            try shell.waitFor("sps> ", since: try shell.waitFor("123\r\n", since: mark + 9))
            let after = String(decoding: shell.screen.utf8.dropFirst(mark), as: UTF8.self)
            // The typed line may be echoed twice (the terminal's own echo can win the race with the line editor's
            // raw mode), so the output is the `123` line that is not an echo of `print 123`.
            let echoes = after.ranges(of: "print 123\r\n")
            let lastEcho = try #require(echoes.last, "\(after.debugDescription)")
            let output = try #require(after.range(of: "123\r\n", range: lastEcho.upperBound..<after.endIndex),
                                      "\(after.debugDescription)")
            #expect(after[..<output.lowerBound].contains("\u{1B}[?2004l"), "\(after.debugDescription)")
        }
    }

    @Test("↑ on a continuation line goes back to the line above of the same entry, not to history",
          .enabled(if: PseudoTerminalTests.available, "needs the sps binary and a pseudo-terminal"))
    func upOnAContinuationLine() throws {
        try withShell { shell in
            try run(shell, "older_entry = 1", expect: "")
            var mark = shell.mark
            shell.type("def g x {\r")
            try shell.waitFor("...  ", since: mark)
            shell.type("  x * 3")
            mark = shell.mark
            shell.type(Self.escape + "[A")
            // Back on the first line, with its text: turn `x` into `y`.
            try shell.waitFor("def g x {", since: mark)
            mark = shell.mark
            shell.type("\u{7F}\u{7F}\u{7F}y {\r")
            // Enter brings back the second line as it was: turn its `x` into `y` too.
            try shell.waitFor("x * 3", since: mark)
            mark = shell.mark
            shell.type("\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}y * 3\r")
            try shell.waitFor("...  ", since: mark)
            shell.type("}\r")
            try shell.waitFor("sps> ", since: mark)
            try run(shell, "g 5", expect: "15")
            #expect(!shell.screen.contains("error"), "\(shell.screen)")
        }
    }
}

extension Terminal {
    /// How much has been written so far, to wait for what comes after it.
    var mark: Int { screen.utf8.count }

    /// Reads until `text` appears in what was written after `mark`, or 10 seconds pass; returns the mark just
    /// after it.
    @discardableResult
    func waitFor(_ text: String, since mark: Int) throws -> Int {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let written = Array(screen.utf8)
            let needle = Array(text.utf8)
            if written.count >= mark + needle.count {
                for start in mark...(written.count - needle.count) where written[start..<(start + needle.count)].elementsEqual(needle) {
                    return start + needle.count
                }
            }
            readAvailable(timeout: 100)
        }
        throw Failure.timeout(text, screen)
    }
}
