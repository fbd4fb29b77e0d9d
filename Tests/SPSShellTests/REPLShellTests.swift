@testable import SPSBindings
import Foundation
import Testing
import SPSLanguage
@testable import SPSShell

/// A standard session (training and shell commands) writing to buffers.
func makeStandardSession() -> (Session, BufferSink, BufferSink) {
    let out = BufferSink(), err = BufferSink()
    return (Session.standard(output: out, errors: err), out, err)
}

/// A fresh temporary file path.
func temporaryPath(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("sps-\(UUID().uuidString)-\(name)").path
}

@Suite("REPL with a scripted reader")
struct ScriptedREPLTests {
    @Test func errorsDoNotLoseTheSession() {
        let (s, out, err) = makeStandardSession()
        REPL(session: s, reader: ScriptedLineReader(["x = 5", "x +", "nope x", "y = (1 +", "2)", "x * y"])).run()
        #expect(err.text.contains("error: expected an expression"))
        #expect(err.text.contains("unknown name 'nope'"))
        #expect(out.text == "15\n")
    }

    @Test func controlCDropsTheEntryBeingTyped() {
        let (s, out, _) = makeStandardSession()
        let reader = ScriptedLineReader(["x = 1", "print (x", ScriptedLineReader.controlC, ScriptedLineReader.controlC, "x + 1"])
        REPL(session: s, reader: reader).run()
        #expect(out.text == "2\n")
        #expect(reader.history == ["x = 1", "x + 1"])
        #expect(reader.prompts == ["sps> ", "sps> ", "...  ", "sps> ", "sps> ", "sps> "])
    }

    @Test func bareExpressionsEcho() {
        let (s, out, _) = makeStandardSession()
        REPL(session: s, reader: ScriptedLineReader(["1 + 2", "\"hi\"", "[1, 2]", "x = 3", "print x"])).run()
        #expect(out.text == "3\n\"hi\"\n[1, 2]\n3\n")
    }

    @Test func historyCommandShowsEntries() {
        let (s, out, _) = makeStandardSession()
        REPL(session: s, reader: ScriptedLineReader(["x = 1", "def f a {", "  a", "}", "history"])).run()
        #expect(out.text == "    1  x = 1\n    2  def f a {\n         a\n       }\n    3  history\n")
    }

    @Test func quitCommandEndsThePrompt() {
        let (s, out, err) = makeStandardSession()
        REPL(session: s, reader: ScriptedLineReader(["print 1", "if true { quit }", "print 2"])).run()
        #expect(out.text == "1\n")
        #expect(err.text.isEmpty)
    }

    @Test func interruptedCommandLeavesANote() {
        let (s, out, err) = makeStandardSession()
        // A command that asks for the interrupt stands in for Ctrl-C during a long run.
        s.register([Command("ctrlc", summary: "test") { args throws(RuntimeError) in
            args.interpreter.interrupt.request()
            return .nil
        }])
        REPL(session: s, reader: ScriptedLineReader(["x = 7", "ctrlc; while true { }", "x"])).run()
        #expect(err.text.contains("error: interrupted"))
        #expect(err.text.contains("note: stopped by Ctrl-C; the session and its variables are intact"))
        #expect(out.text == "7\n")
    }

    @Test func recordWritesAReplayableScript() throws {
        let path = temporaryPath("session.sps")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (s, out, err) = makeStandardSession()
        REPL(session: s, reader: ScriptedLineReader([
            "a = 1", "record \"\(path)\"", "b = a + 1", "nope", "def twice x {", "  x * 2", "}",
            "c = twice b", "print (a + b + c)", "record off", "print \"not recorded\"",
        ])).run()
        #expect(out.text.contains("recording to \(path)"))
        #expect(err.text.contains("unknown name 'nope'"))
        let script = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!script.contains("nope"))
        #expect(!script.contains("record \"") && !script.contains("record off"))
        #expect(!script.contains("not recorded"))
        #expect(script.contains("def twice x {\n  x * 2\n}\n"))
        // Replaying needs the variables that existed before recording started.
        let (replay, replayOut, replayErr) = makeStandardSession()
        _ = replay.run("a = 1", name: "setup")
        #expect(replay.runFile(path) == .success, "\(replayErr.text)")
        #expect(replayOut.text == "7\n")
    }

    @Test func recordErrorsAreClear() {
        let (s, _, err) = makeStandardSession()
        REPL(session: s, reader: ScriptedLineReader(["record", "record off", "record session", "record \"a.sps\" x=1"])).run()
        let lines = err.text.split(separator: "\n").filter { $0.contains("error:") }
        #expect(lines.count == 4)
        #expect(lines[0].contains("record needs name=value pairs inside repeat"))
        #expect(lines[1].contains("record off: not recording"))
        #expect(lines[2].contains("give the file as a string"))
        #expect(lines[3].contains("not both"))
    }

    @Test func recordFileOutsideThePromptIsAnError() {
        let (s, _, err) = makeStandardSession()
        #expect(s.run("record \"x.sps\"", name: "t.sps") == .runtimeError)
        #expect(err.text.contains("works only there"))
    }

    @Test func studyRecordStillWorksInsideRepeat() {
        let (s2, out2, err2) = makeStandardSession()
        #expect(s2.run("t = repeat seeds=0..2 { record a=1 b=2 }\nprint t.n", name: "t") == .success, "\(err2.text)")
        #expect(out2.text == "3\n")
    }
}

@Suite("Shell commands")
struct ShellCommandTests {
    @Test func helpForAUserDefShowsItsComment() {
        let (s, out, _) = makeStandardSession()
        _ = s.run("# Scales a value.\n# by: the factor.\ndef scale x by=2 { x * by }\nhelp scale", name: "f.sps")
        #expect(out.text == "scale x by=…\nScales a value.\nby: the factor.\n\ndef, defined at f.sps:3:1\n")
    }

    @Test func helpSuggestsForUnknownNames() {
        let (s, _, err) = makeStandardSession()
        _ = s.run("help fitt", name: "t")
        #expect(err.text.contains("help: no command, def, variable, topic or keyword named 'fitt'; did you mean 'fit'?"))
    }

    @Test func helpListsTopicsAndDefs() {
        let (s, out, _) = makeStandardSession()
        _ = s.run("# Says hi.\ndef hi { print \"hi\" }\nhelp", name: "t")
        #expect(out.text.hasPrefix("Commands by topic. `help fit` explains a command, `help data` a topic,\n"))
        #expect(out.text.contains("\n  shell           clear help "))
        #expect(out.text.contains("\n  training        "))
        #expect(out.text.contains("\n  your defs       hi\n"))
        out.clear()
        _ = s.run("help commands", name: "t")
        #expect(out.text.contains("\nyour defs\n  hi "))
        #expect(out.text.contains("Says hi."))
    }

    @Test func varsShowsTypeShapeAndMemory() {
        let (s, out, _) = makeStandardSession()
        _ = s.run("seed 0\nt = zeros 3 4\nm = linear 3 1\nname = \"abc\"\nxs = [1, 2]\nvars", name: "t")
        #expect(out.text == """
            name  type    shape         memory
            t     tensor  [3, 4]        48 B
            m     Model   4 parameters  32 B
            name  string  3 chars       3 B
            xs    list    2 items       48 B
            4 variables, about 131 B

            """)
    }

    @Test func loadRunsAFileInTheSession() throws {
        let path = temporaryPath("lib.sps")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "k = 10\ndef add1 x { x + 1 }\nk\n".write(toFile: path, atomically: true, encoding: .utf8)
        let (s, out, err) = makeStandardSession()
        REPL(session: s, reader: ScriptedLineReader(["load \"\(path)\"", "add1 k", "load \"/no/such.sps\""])).run()
        #expect(out.text == "11\n")
        #expect(err.text.contains("load: cannot read file '/no/such.sps'"))
    }

    @Test func aScriptLoadingItselfStops() throws {
        let path = temporaryPath("self.sps")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "load \"\(path)\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        let (s, _, err) = makeStandardSession()
        #expect(s.run("load \"\(path)\"", name: "t") == .runtimeError)
        #expect(err.text.contains("nest more than 50 deep"))
        #expect(s.run("x = 1", name: "t") == .success)
    }

    @Test func timeRunsTheCommandAndReportsTheDuration() {
        let (s, out, _) = makeStandardSession()
        REPL(session: s, reader: ScriptedLineReader(["time sqrt 16", "time { 1 + 1 }", "x = time sqrt 9", "x"])).run()
        let lines = out.text.split(separator: "\n").map(String.init)
        #expect(lines.count == 6)
        #expect(lines[0].hasPrefix("time: ") && [" ns", " µs", " ms", " s"].contains { lines[0].hasSuffix($0) }, "\(lines[0])")
        #expect(lines[1] == "4")
        #expect(lines[3] == "2")
        #expect(lines[5] == "3")
    }

    @Test func colourOnlyWhenAsked() {
        let (s, out, err) = makeStandardSession()
        s.outputStyle = TerminalStyle(enabled: true)
        s.errorStyle = TerminalStyle(enabled: true)
        REPL(session: s, reader: ScriptedLineReader(["1 + 1", "nope"])).run()
        #expect(out.text == "\u{1B}[36m2\u{1B}[0m\n")
        #expect(err.text.hasPrefix("<stdin:2>:1:1: \u{1B}[1;31merror:\u{1B}[0m unknown name 'nope'"))
        let (plain, plainOut, _) = makeStandardSession()
        REPL(session: plain, reader: ScriptedLineReader(["1 + 1"])).run()
        #expect(plainOut.text == "2\n")
    }

    @Test func formatsDurations() {
        #expect(ShellCommands.formatDuration(0.0123) == "12.3 ms")
        #expect(ShellCommands.formatDuration(1.5) == "1.5 s")
        #expect(ShellCommands.formatDuration(125.04) == "2 min 5 s")
    }
}
