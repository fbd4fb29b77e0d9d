@testable import SPSBindings
import Foundation
import Testing
import SPSLanguage
import SPSTestSupport
@testable import SPSShell

@Suite("Help and the command reference")
struct HelpDocsTests {
    static func registry() -> CommandRegistry {
        let session = Session.standard(output: BufferSink(), errors: BufferSink())
        session.interpreter.onDemand?.everything(session.interpreter)  // the libraries that load on first use
        return session.interpreter.registry
    }

    /// `docs/commands.md` must match what the registry generates. Regenerate with
    /// `RECORD_SNAPSHOTS=1 swift test --filter HelpDocsTests` or `sps --help-markdown > docs/commands.md`.
    @Test func commandReferenceIsUpToDate() throws {
        var url = URL(fileURLWithPath: "\(#filePath)")
        for _ in 0..<3 { url.deleteLastPathComponent() }
        let path = url.appendingPathComponent("docs/commands.md").path
        let generated = HelpText.markdown(HelpDocsTests.registry())
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try generated.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let committed = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        #expect(committed == generated, """
            docs/commands.md is out of date with the command registry; regenerate it with \
            `sps --help-markdown > docs/commands.md` (or RECORD_SNAPSHOTS=1 swift test --filter HelpDocsTests)
            """)
    }

    @Test func everyCommandIsInTheReference() {
        let registry = HelpDocsTests.registry()
        let markdown = HelpText.markdown(registry)
        for name in registry.commands.keys { #expect(markdown.contains("\n### \(name)\n"), "\(name)") }
    }

    @Test func everyCommandHasASummaryAndATopic() {
        for command in HelpDocsTests.registry().commands.values {
            #expect(!command.summary.isEmpty, "\(command.name)")
            #expect(command.topic != "general", "\(command.name) has no topic")
        }
    }

    @Test(arguments: ["fit", "help", "record", "time", "sqrt"])
    func helpSnapshot(_ name: String) throws {
        let text = try HelpText.lookup(name, in: HelpDocsTests.registry())
        assertSnapshot(text, named: "help-\(name)")
    }

    @Test func helpOverviewSnapshot() {
        let (s, out, _) = makeStandardSession()
        _ = s.run("# Scales a value.\ndef scale x by=2 { x * by }\nhelp", name: "t")
        // Only the introduction, the shell topic, the language, the defs and the keys: other topics grow as
        // commands are added.
        let lines = out.text.split(separator: "\n", omittingEmptySubsequences: false)
        var kept: [Substring] = []
        var keeping = true
        for line in lines {
            if line.hasPrefix("  ") && !line.hasPrefix("   ") {
                keeping = ["  shell ", "  language ", "  your defs "].contains { line.hasPrefix($0) }
            } else if !line.hasPrefix("  ") {
                keeping = true
            }
            if keeping { kept.append(line) }
        }
        assertSnapshot(kept.joined(separator: "\n"), named: "help-overview-shell-and-defs")
    }
}
