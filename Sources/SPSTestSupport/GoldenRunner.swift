import Foundation
import SPSLanguage
import SPSShell

/// One golden script: `Tests/Scripts/<feature>/<name>.sps`.
public struct GoldenCase: Sendable, CustomStringConvertible {
    /// The folder (feature) name.
    public let feature: String
    /// The file name without `.sps`.
    public let name: String
    /// The full path.
    public let path: String
    /// `feature/name`, as test reports show it.
    public var description: String { "\(feature)/\(name)" }
}

/// What a golden script expects, read from its `# expect: …` and `# expect error: …` comments.
public struct GoldenExpectations: Sendable {
    /// Output lines, in order.
    public var output: [String] = []
    /// Substrings of the error lines (`file:line:col: error: …`), in order.
    public var errors: [String] = []

    /// Reads the expectations from a script's text.
    public init(script: String) {
        for line in script.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if let r = line.range(of: "# expect error: ") {
                errors.append(String(line[r.upperBound...]).trimmingCharacters(in: .whitespaces))
            } else if let r = line.range(of: "# expect: ") {
                output.append(String(line[r.upperBound...]).trimmingCharacters(in: .whitespaces))
            } else if line.hasSuffix("# expect:") {
                output.append("")
            }
        }
    }
}

/// Finds and runs the golden scripts through a real `Session`, comparing what they print with their comments.
///
/// A case fails when it has no expectations at all, when the output has a line too many or too few or a
/// different line, when an expected error is missing, or when an error occurs that was not expected.
public enum GoldenRunner {
    /// `Tests/Scripts`, located relative to this source file.
    public static func scriptsDirectory(_ file: String = #filePath) -> String {
        var url = URL(fileURLWithPath: file)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("Tests/Scripts").path
    }

    /// Every `.sps` file under `Tests/Scripts/<feature>/`, sorted.
    public static func allCases() -> [GoldenCase] {
        let root = scriptsDirectory()
        let fm = FileManager.default
        guard let features = try? fm.contentsOfDirectory(atPath: root) else { return [] }
        var cases: [GoldenCase] = []
        for feature in features.sorted() {
            let dir = root + "/" + feature
            guard let files = try? fm.contentsOfDirectory(atPath: dir) else { continue }
            for f in files.sorted() where f.hasSuffix(".sps") {
                cases.append(GoldenCase(feature: feature, name: String(f.dropLast(4)), path: dir + "/" + f))
            }
        }
        return cases
    }

    /// The outcome of one case.
    public struct Result: Sendable {
        /// Why the case failed; empty when it passed.
        public var failures: [String]
        /// Everything printed.
        public var output: String
        /// Everything reported as an error.
        public var errors: String
        /// True when there are no failures.
        public var passed: Bool { failures.isEmpty }
    }

    /// Runs one case, optionally after binding extra command libraries.
    public static func run(_ c: GoldenCase, libraries: [any CommandLibrary] = []) -> Result {
        guard let text = try? String(contentsOfFile: c.path, encoding: .utf8) else {
            return Result(failures: ["cannot read \(c.path)"], output: "", errors: "")
        }
        let expected = GoldenExpectations(script: text)
        let out = BufferSink(), err = BufferSink()
        let session = Session.standard(output: out, errors: err)
        for l in libraries { session.registerCommands(l) }
        let outcome = session.run(text, name: "\(c.feature)/\(c.name).sps")
        return check(expected, outcome: outcome, output: out.text, errors: err.text)
    }

    /// Compares a run with the expectations.
    public static func check(_ expected: GoldenExpectations, outcome: RunOutcome, output: String, errors: String) -> Result {
        var failures: [String] = []
        if expected.output.isEmpty && expected.errors.isEmpty {
            failures.append("the script has no '# expect:' or '# expect error:' comments")
        }
        var lines = output.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0).trimmingCharacters(in: .whitespaces)
        }
        if lines.last == "" { lines.removeLast() }
        for i in 0..<max(lines.count, expected.output.count) {
            let got = i < lines.count ? lines[i] : nil
            let want = i < expected.output.count ? expected.output[i] : nil
            if got != want {
                failures.append("output line \(i + 1): expected \(want.map { "'\($0)'" } ?? "no more output"), got \(got.map { "'\($0)'" } ?? "no more output")")
                break
            }
        }
        let errorLines = errors.split(separator: "\n").map(String.init).filter { $0.contains("error: ") && !$0.hasPrefix(" ") }
        if expected.errors.isEmpty {
            if outcome != .success || !errorLines.isEmpty {
                failures.append("unexpected error: \(errors)")
            }
        } else {
            if outcome == .success { failures.append("expected an error, but the script succeeded") }
            if errorLines.count != expected.errors.count {
                failures.append("expected \(expected.errors.count) error(s), got \(errorLines.count):\n\(errors)")
            }
            for (i, want) in expected.errors.enumerated() where i < errorLines.count {
                if !errorLines[i].contains(want) {
                    failures.append("error \(i + 1): expected it to contain '\(want)', got '\(errorLines[i])'")
                }
            }
        }
        return Result(failures: failures, output: output, errors: errors)
    }
}
