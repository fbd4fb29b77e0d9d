import Foundation
import SPSTestSupport
import Testing

/// The examples in the docs run as golden scripts: a fenced block marked ```sps that holds `# expect:` (or
/// `# expect error:`) comments is run on its own through a fresh session and must print what its comments say.
@Suite("Docs examples")
struct DocsExampleTests {
    /// One runnable example: its file, its number in that file, its first line there, and its text.
    struct Example: Sendable, CustomStringConvertible {
        let file: String
        let number: Int
        let line: Int
        let text: String
        var description: String { "\(file) example \(number) (line \(line))" }
    }

    /// Every runnable example in docs/*.md and README.md.
    static func examples() -> [Example] {
        let root = URL(fileURLWithPath: GoldenRunner.scriptsDirectory()).deletingLastPathComponent().deletingLastPathComponent()
        let docs = root.appendingPathComponent("docs")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
        var found: [Example] = []
        for (name, url) in names.map({ ("docs/" + $0, docs.appendingPathComponent($0)) }) + [("README.md", root.appendingPathComponent("README.md"))] {
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            var block: [String]? = nil, start = 0, number = 0
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if block == nil, line.trimmingCharacters(in: .whitespaces) == "```sps" {
                    block = []
                    start = i + 2
                } else if var lines = block {
                    if line.trimmingCharacters(in: .whitespaces) == "```" {
                        let script = lines.joined(separator: "\n") + "\n"
                        if script.contains("# expect") {
                            number += 1
                            found.append(Example(file: name, number: number, line: start, text: script))
                        }
                        block = nil
                    } else {
                        lines.append(String(line))
                        block = lines
                    }
                }
            }
        }
        return found
    }

    @Test("docs example", arguments: examples())
    func example(_ e: Example) {
        let result = GoldenRunner.run(script: e.text, name: "\(e.file)#\(e.number).sps", libraries: [GoldenFixtures()])
        #expect(result.passed, "\(e): \(result.failures.joined(separator: "\n"))\n--- output:\n\(result.output)\(result.errors)")
    }
}
