@testable import SPSBindings
import Foundation
import Testing
import SPSLanguage
@testable import SPSShell

/// The REPL's side of editing an entry: ↑ back to an earlier line of the entry, `?name` help.
@Suite("Prompt editing")
struct PromptEditingTests {
    @Test("↑ on a continuation line goes back to the line above; Enter walks down through the kept lines")
    func upOnAContinuationLineEditsTheEntry() {
        let (s, out, err) = makeStandardSession()
        let reader = ScriptedLineReader([
            "def g x {", ScriptedLineReader.up + "  x * 3", "def g y {", "  y * 3", "}", "g 5",
        ])
        REPL(session: s, reader: reader).run()
        #expect(err.text.isEmpty, "\(err.text)")
        #expect(out.text == "15\n")
        #expect(reader.prompts == ["sps> ", "...  ", "sps> ", "...  ", "...  ", "sps> ", "sps> "])
        #expect(reader.contexts[1] == LineContext(text: "", above: "sps> def g x {", hasLinesBelow: false))
        #expect(reader.contexts[2] == LineContext(text: "def g x {", above: nil, hasLinesBelow: true))
        #expect(reader.contexts[3] == LineContext(text: "  x * 3", above: "sps> def g y {", hasLinesBelow: false))
        #expect(reader.history == ["def g y {\n  y * 3\n}", "g 5"])
    }

    @Test("?fit and fit? show help for fit, ? and ?? the overview; the rewrite is what history keeps as typed")
    func questionMarkHelp() {
        #expect(REPL.helpShortcut("?fit") == "help fit")
        #expect(REPL.helpShortcut("fit?") == "help fit")
        #expect(REPL.helpShortcut("??fit") == "help fit")
        #expect(REPL.helpShortcut("fit??") == "help fit")
        #expect(REPL.helpShortcut("?") == "help")
        #expect(REPL.helpShortcut("??") == "help")
        #expect(REPL.helpShortcut("fit") == nil)
        #expect(REPL.helpShortcut("x = 1?") == nil)
        #expect(REPL.helpShortcut("print \"why?\"") == nil)

        let (s, out, err) = makeStandardSession()
        let reader = ScriptedLineReader(["?fit", "fit?", "?"])
        REPL(session: s, reader: reader).run()
        #expect(err.text.isEmpty, "\(err.text)")
        let (plain, plainOut, _) = makeStandardSession()
        _ = plain.run("help fit", name: "t")
        let fitHelp = plainOut.text
        _ = plain.run("help", name: "t")
        let overview = String(plainOut.text.dropFirst(fitHelp.count))
        #expect(out.text == fitHelp + fitHelp + overview)
        #expect(reader.history == ["?fit", "fit?", "?"])
    }
}
