@testable import SPSBindings
import SPSLanguage
@testable import SPSShell
import Foundation
import Testing

/// What a line shows at the prompt, in a script and in a transcript (`ScriptDisplay` has the rule); the golden
/// scripts in `Tests/Scripts/display/` check scripts line by line.
@Suite("What a statement shows")
struct DisplayTests {
    /// A standard session writing to buffers, with plots drawn 60 columns wide.
    static func session() -> (Session, BufferSink, BufferSink) {
        let out = BufferSink(), err = BufferSink()
        return (Session.standard(output: out, errors: err), out, err)
    }

    static let data = "seed 0\nd = spurious n=40\n"

    @Test("a plot on a line by itself draws in a script exactly as `print` draws it")
    func plotShowsInAScript() throws {
        let (s, out, err) = Self.session()
        #expect(s.run(Self.data + "plot hist d x3 width=50 height=8", name: "a.sps") == .success, "\(err.text)")
        let shown = out.text
        out.clear()
        #expect(s.run("print (plot hist d x3 width=50 height=8)", name: "b.sps") == .success)
        #expect(!shown.isEmpty)
        #expect(shown == out.text)
        out.clear()
        #expect(s.run("p = plot hist d x3 width=50 height=8\ng = grid [p, p]\ng;", name: "c.sps") == .success)
        #expect(out.text == "")
        #expect(s.run("grid [p, p] width=60", name: "d.sps") == .success)
        #expect(out.text.split(separator: "\n").count >= 8)
    }

    @Test("the same statements show the same in a script and at the prompt, for the showing commands")
    func sameInScriptAndAtThePrompt() throws {
        let lines = ["summary (repeat seeds=0..2 { record a=seed })", "describe d", "head d 3", "corr (select d [x1])",
                     "compare (linear 3 1) truth=[1, 2, 0] bias=3", "eval (linear 3 1) [d]",
                     "draw (graph { a = normal 0 1; b = a + (normal 0 1) })"]
        for line in lines {
            let (script, scriptOut, scriptErr) = Self.session()
            #expect(script.run(Self.data + line, name: "s.sps") == .success, "\(line): \(scriptErr.text)")
            let (prompt, promptOut, _) = Self.session()
            #expect(prompt.run(Self.data, name: "<stdin:1>", echo: .values) == .success)
            promptOut.clear()
            #expect(prompt.run(line, name: "<stdin:2>", echo: .values) == .success)
            #expect(!scriptOut.text.isEmpty, "\(line) showed nothing in a script")
            #expect(scriptOut.text == promptOut.text, "\(line)")
        }
    }

    @Test("time passes a showing command's result on, and it shows")
    func timeOfAShowingCommand() {
        let (s, out, _) = Self.session()
        #expect(s.run(Self.data + "time head d 1", name: "t.sps") == .success)
        #expect(out.text.contains("Dataset: 1 rows"))
        #expect(out.text.contains("time: "))
    }

    @Test("a def named like nothing special returns a plain value: not shown in a script, shown at the prompt")
    func defsArePlainValues() {
        let (s, out, _) = Self.session()
        #expect(s.run(Self.data + "def rows data { head data 1 }\nrows d", name: "t.sps") == .success)
        #expect(out.text == "")
        #expect(s.run("rows d", name: "<stdin:1>", echo: .values) == .success)
        #expect(out.text.contains("Dataset: 1 rows"))
    }

    @Test("at the prompt, `;` hides a value and `_` is the last value")
    func semicolonAndLastValueAtThePrompt() {
        let (s, out, _) = Self.session()
        let entries = ["x = 41", "x + 1", "_ * 2", "x;", "_", "1; 2", "3 ;  ", "_ + 1", Self.data, "describe d;", "print (type _)"]
        for (i, entry) in entries.enumerated() {
            #expect(s.run(entry, name: "<stdin:\(i)>", echo: .values) == .success)
        }
        #expect(out.text == "42\n84\n41\n2\n4\nTable\n")
    }

    @Test("`_` is not set by lines without a value, assignments or loaded files; a user's `_` is a variable like any")
    func lastValueIsOnlyFromExpressionLines() {
        let (s, out, _) = Self.session()
        #expect(s.run("7\nprint \"x\"\ny = 3\nseed 1\nprint _", name: "t.sps") == .success)
        #expect(out.text == "x\n7\n")
        out.clear()
        #expect(s.run("_ = 5\nprint (_ + 1)", name: "u.sps") == .success)
        #expect(out.text == "6\n")
    }

    @Test("a transcript shows `say` once, leaves out `pause`, and marks a hidden value with its `;`")
    func transcriptOfALesson() {
        let (s, out, _) = Self.session()
        let lesson = "say \"Look at x.\"\nx = 2\npause\nx * 3\nx * 4;\nsay \"Done\" x\n"
        #expect(s.run(lesson, name: "l.sps", echo: .transcript) == .success)
        #expect(out.text == "\n▸ Look at x.\nsps> x = 2\nsps> x * 3\n6\nsps> x * 4;\n\n▸ Done 2\n")
    }

    @Test("a script's say and pause: narration once, and pause does nothing outside --step")
    func sayAndPauseInAScript() {
        let (s, out, _) = Self.session()
        #expect(s.run("say \"one\"\npause\nprint 1", name: "t.sps") == .success)
        #expect(out.text == "\n▸ one\n1\n")
    }

    @Test("a loaded file shows as a script does (`ScriptDisplay.runLoaded`, for `load`)")
    func loadedFileShowsAsAScript() throws {
        let (s, out, _) = Self.session()
        let text = Self.data + "head d 1\nx = 3\nx + 1\nhead d 2;\n"
        let program = try s.interpreter.compile(SourceFile(name: "l.sps", text: text)).get()
        try ScriptDisplay.runLoaded(program, in: s.interpreter)
        let (reference, referenceOut, _) = Self.session()
        #expect(reference.run(Self.data + "print (head d 1)", name: "r.sps") == .success)
        #expect(out.text == referenceOut.text)
        guard case .native(let last)? = s.interpreter.global("_") else { Issue.record("_ is not set"); return }
        #expect(last.typeName == "Dataset")
    }

    @Test("the README's rule names the same showing commands")
    func readmeListsTheShowingCommands() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let paragraph = try #require(text.components(separatedBy: "**What a line shows.**").dropFirst().first?
            .components(separatedBy: "\n\n").first)
        let listed = paragraph.components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        #expect(listed.prefix(ScriptDisplay.showingCommandNames.count).elementsEqual(ScriptDisplay.showingCommandNames))
    }

    @Test("the showing commands exist, and each returns a value to show")
    func showingCommandsAreRegistered() {
        let (s, _, _) = Self.session()
        for name in ScriptDisplay.showingCommands.sorted() {
            guard case .command(let command)? = s.interpreter.global(name) else {
                Issue.record("\(name) is not a command")
                continue
            }
            #expect(command.name == name)
        }
    }
}
