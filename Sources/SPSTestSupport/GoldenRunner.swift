import SPSBindings
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

/// One `# expect error` comment: part of the message, and the line (and optionally the column) the error must
/// point at.
public struct ExpectedError: Sendable, Equatable {
    /// A substring of the rendered error line (`file:line:col: error: message`).
    public var message: String
    /// The 1-based line the error must be reported at.
    public var line: Int
    /// The 1-based column (in Unicode scalars, as sps counts) the error must be reported at, when the comment
    /// gives one.
    public var column: Int?
    /// True for `# expect error at end:`: `line` and `column` are where the input ends.
    public var atEnd: Bool
    /// The 1-based line the comment itself is on.
    public var commentLine: Int

    /// Creates an expectation.
    public init(message: String, line: Int, column: Int? = nil, atEnd: Bool = false, commentLine: Int) {
        self.message = message
        self.line = line
        self.column = column
        self.atEnd = atEnd
        self.commentLine = commentLine
    }

    /// `line 3`, `line 3, col 11` or `the end of the input (line 5, col 1)`.
    var place: String {
        let lc = column.map { "line \(line), col \($0)" } ?? "line \(line)"
        return atEnd ? "the end of the input (\(lc))" : lc
    }
}

/// What a golden script expects, read from its `# expect: …` and `# expect error: …` comments.
///
/// **Output.** Each `# expect: text` comment (anywhere on a line) is one line of expected output, in file
/// order; a bare `# expect:` at the end of a line is an empty output line.
///
/// **Errors and where they point.** Each `# expect error: text` comment is one expected error, in file order
/// (paired with the reported errors in the order sps reports them). `text` must occur in the rendered error
/// line (`file:line:col: error: message`), and the error must be reported at the line the comment belongs to:
///
/// - a comment after code on its line belongs to that line:
///   `y = x + z  # expect error: unknown name 'z'`;
/// - a comment alone on its line belongs to the next line that holds code (not blank, not only a comment),
///   so a comment just above the failing line belongs to it, and several stacked comments all belong to the
///   same line. A comment with no code line after it (say, at the end of the file, below the statement that
///   fails) belongs nowhere and fails the case: move it to the end of the failing line, or just above it.
///
/// Lines are counted as sps counts them: they end at `\n`, so a `\r\n` file has the same numbers.
///
/// Two optional words before the colon say more about the place:
///
/// - `col N` — `# expect error col 9: unknown name 'z'` — the error must also be reported at column N
///   (1-based, in Unicode scalars, as sps counts: where its caret points);
/// - `at end` — `# expect error at end: expected ')'` — for errors that run into the end of the input: the
///   error must be reported exactly where the text ends (after a final newline, that is column 1 of the line
///   after the last one). Such a comment may stand anywhere in the file.
///
/// An error reported in another file (in a `def` of a loaded file, say) counts at the innermost call site in
/// the script that its call chain (`in def f, called at file:line:col`) names; with none, the case fails, as
/// it does for an error reported without a location. A comment that starts `# expect error` but does not
/// follow these forms (`# expect errors: …`, `# expect error col x: …`, no message) fails the case rather
/// than being ignored.
public struct GoldenExpectations: Sendable {
    /// Output lines, in order.
    public var output: [String] = []
    /// Expected errors, in file order.
    public var expectedErrors: [ExpectedError] = []
    /// Comments that look like error expectations but cannot be read, or belong to no line.
    public var problems: [String] = []

    /// Substrings of the error lines (`file:line:col: error: …`), in order.
    public var errors: [String] { expectedErrors.map(\.message) }

    /// Reads the expectations from a script's text.
    public init(script: String) {
        // Number lines the way sps does: the source's line ends normalised (CRLF and a lone CR end a line; a leading
        // BOM is not part of the text), then split at `\n`.
        let script = SourceFile(name: "", text: script).text
        let pieces = script.utf8.split(separator: 10, omittingEmptySubsequences: false)
        let lines: [Substring] = pieces.map { bytes in
            var s = Substring(String(decoding: bytes, as: UTF8.self))
            if s.hasSuffix("\r") { s = s.dropLast() }
            return s
        }
        // Where the input ends: the last line, after its last character.
        let endLine = pieces.count
        let endColumn = String(decoding: pieces[pieces.count - 1], as: UTF8.self).unicodeScalars.count + 1
        let isCode: [Bool] = lines.map { line in
            let t = line.drop(while: { $0 == " " || $0 == "\t" })
            return !t.isEmpty && !t.hasPrefix("#")
        }
        for (index, line) in lines.enumerated() {
            let lineNumber = index + 1
            if let r = line.range(of: "# expect error") {
                let ownLine = line[..<r.lowerBound].allSatisfy { $0 == " " || $0 == "\t" }
                guard let parsed = Self.parseError(line[r.upperBound...]) else {
                    problems.append("line \(lineNumber): cannot read '\(line[r.lowerBound...])'; write '# expect error: message', '# expect error col N: message' or '# expect error at end: message'")
                    continue
                }
                if parsed.atEnd {
                    expectedErrors.append(ExpectedError(message: parsed.message, line: endLine, column: endColumn,
                                                        atEnd: true, commentLine: lineNumber))
                    continue
                }
                var target: Int? = lineNumber
                if ownLine {
                    target = isCode[(index + 1)...].firstIndex(of: true).map { $0 + 1 }
                }
                guard let target else {
                    problems.append("line \(lineNumber): the '# expect error' comment has no code line after it, so it points at no line; put it at the end of the line that fails (or alone on the line just above it)")
                    continue
                }
                expectedErrors.append(ExpectedError(message: parsed.message, line: target, column: parsed.column,
                                                    commentLine: lineNumber))
            } else if let r = line.range(of: "# expect: ") {
                output.append(String(line[r.upperBound...]).trimmingCharacters(in: .whitespaces))
            } else if line.hasSuffix("# expect:") {
                output.append("")
            }
        }
    }

    /// Reads what follows `# expect error`: `: message`, ` col N: message` or ` at end: message`.
    static func parseError(_ rest: Substring) -> (column: Int?, atEnd: Bool, message: String)? {
        var rest = rest
        var column: Int?
        var atEnd = false
        if rest.hasPrefix(" col ") {
            rest = rest.dropFirst(5)
            let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
            guard let n = Int(digits), n >= 1 else { return nil }
            column = n
            rest = rest.dropFirst(digits.count)
        } else if rest.hasPrefix(" at end") {
            rest = rest.dropFirst(7)
            atEnd = true
        }
        guard rest.hasPrefix(": ") else { return nil }
        let message = String(rest.dropFirst(2)).trimmingCharacters(in: .whitespaces)
        guard !message.isEmpty else { return nil }
        return (column, atEnd, message)
    }
}

/// Where a reported error points, read from its rendered diagnostic.
public struct ReportedError: Sendable, Equatable {
    /// A `file:line:col` position.
    public struct Position: Sendable, Equatable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var column: Int
        public var description: String { "\(file):\(line):\(column)" }
    }

    /// The first line of the diagnostic: `file:line:col: error: message` or `error: message`.
    public var text: String
    /// Where the diagnostic says the error is, when it says.
    public var position: Position?
    /// The call sites of the `def` chain (`  in def f, called at file:line:col`), innermost first.
    public var callSites: [Position] = []

    /// Splits `file:line:col` (the file may itself hold colons).
    static func parsePosition(_ s: Substring) -> Position? {
        let parts = s.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 3, let line = Int(parts[parts.count - 2]), let column = Int(parts[parts.count - 1]) else {
            return nil
        }
        return Position(file: parts.dropLast(2).joined(separator: ":"), line: line, column: column)
    }

    /// Reads the errors out of everything written to the error stream: each line containing `error: ` that
    /// is not indented starts one; indented lines after it (the source excerpt, the call chain) belong to it.
    public static func parse(_ errors: String) -> [ReportedError] {
        var result: [ReportedError] = []
        for raw in errors.split(separator: "\n") {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.hasPrefix(" ") {
                guard !result.isEmpty, let r = line.range(of: ", called at "), line.hasPrefix("  in ") else { continue }
                if let site = parsePosition(line[r.upperBound...]) { result[result.count - 1].callSites.append(site) }
                continue
            }
            guard line.contains("error: ") else { continue }
            var e = ReportedError(text: String(line))
            if let r = line.range(of: ": error: ") { e.position = parsePosition(line[..<r.lowerBound]) }
            result.append(e)
        }
        return result
    }

    /// The line and column in `script` the error belongs to: its own location when that is in the script
    /// (or when `script` is nil), else the innermost call site in the script.
    func place(in script: String?) -> (position: Position, via: Position?)? {
        guard let position else { return nil }
        if script == nil || position.file == script { return (position, nil) }
        guard let site = callSites.first(where: { $0.file == script }) else { return nil }
        return (site, position)
    }
}

/// Finds and runs the golden scripts through a real `Session`, comparing what they print with their comments.
///
/// A case fails when it has no expectations at all, when the output has a line too many or too few or a
/// different line, when an expected error is missing, when an error occurs that was not expected, when an
/// error's message does not contain its comment's text, or when an error is reported at another line (or,
/// where the comment gives one, another column) than its comment names. See `GoldenExpectations` for how a
/// comment names its line and column.
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
        return run(script: text, name: "\(c.feature)/\(c.name).sps", libraries: libraries)
    }

    /// Runs a script given as text under the diagnostic name `name`, and checks it against its comments.
    public static func run(script text: String, name: String, libraries: [any CommandLibrary] = []) -> Result {
        let expected = GoldenExpectations(script: text)
        let out = BufferSink(), err = BufferSink()
        let session = Session.standard(output: out, errors: err)
        for l in libraries { session.registerCommands(l) }
        let outcome = session.run(text, name: name)
        return check(expected, outcome: outcome, output: out.text, errors: err.text, script: name)
    }

    /// Compares a run with the expectations. `script` is the name the diagnostics give the script; when it
    /// is given, an error located in another file counts at its call site in the script (see
    /// `GoldenExpectations`), and without one it is compared where it points.
    public static func check(_ expected: GoldenExpectations, outcome: RunOutcome, output: String, errors: String,
                             script: String? = nil) -> Result {
        var failures: [String] = expected.problems
        if expected.output.isEmpty && expected.expectedErrors.isEmpty && expected.problems.isEmpty {
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
        let reported = ReportedError.parse(errors)
        if expected.expectedErrors.isEmpty {
            if (outcome != .success || !reported.isEmpty) && expected.problems.isEmpty {
                failures.append("unexpected error: \(errors)")
            }
        } else {
            if outcome == .success { failures.append("expected an error, but the script succeeded") }
            if reported.count != expected.expectedErrors.count {
                failures.append("expected \(expected.expectedErrors.count) error(s), got \(reported.count):\n\(errors)")
            }
            for (i, want) in expected.expectedErrors.enumerated() where i < reported.count {
                let got = reported[i]
                if !got.text.contains(want.message) {
                    failures.append("error \(i + 1): expected it to contain '\(want.message)', got '\(got.text)'")
                }
                let comment = "the '# expect error' comment on line \(want.commentLine)"
                guard let place = got.place(in: script) else {
                    let where_ = got.position.map { "at \($0), outside the script, with no call site in it" } ?? "with no location"
                    failures.append("error \(i + 1): expected at \(want.place) (\(comment)), but it was reported \(where_): '\(got.text)'")
                    continue
                }
                let at = place.position
                if at.line != want.line || (want.column != nil && at.column != want.column) {
                    let actual = want.column == nil ? "line \(at.line)" : "line \(at.line), col \(at.column)"
                    let via = place.via.map { " (the call site of \($0))" } ?? ""
                    failures.append("error \(i + 1): expected at \(want.place) (\(comment)), got \(actual)\(via): '\(got.text)'")
                }
            }
        }
        return Result(failures: failures, output: output, errors: errors)
    }
}
