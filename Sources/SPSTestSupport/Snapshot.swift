import Foundation
import Testing

/// Compares `text` with the snapshot file `__Snapshots__/<name>.txt` beside the calling test file.
///
/// The file holds the text followed by one newline and is compared exactly. With the environment variable
/// `RECORD_SNAPSHOTS=1` the file is (re)written instead and the check passes. A missing file fails the test
/// (showing the text and how to record it); a difference fails it with the first differing line, and the full
/// actual text is written to a temporary file whose path the failure names.
///
/// - Parameters:
///   - text: The output to check (e.g. a rendered plot or help text).
///   - name: The snapshot's file name without `.txt`; letters, digits, `-`, `_` and `.` are safest.
public func assertSnapshot(
    _ text: String,
    named name: String,
    fileID: StaticString = #fileID,
    filePath: StaticString = #filePath,
    line: Int = #line,
    column: Int = #column
) {
    let location = SourceLocation(fileID: "\(fileID)", filePath: "\(filePath)", line: line, column: column)
    let folder = URL(fileURLWithPath: "\(filePath)").deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    let file = folder.appendingPathComponent("\(name).txt")
    let actual = text + "\n"

    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: file, options: .atomic)
        } catch {
            Issue.record("could not record snapshot '\(name)' at \(file.path): \(error)", sourceLocation: location)
        }
        return
    }

    guard let data = FileManager.default.contents(atPath: file.path) else {
        Issue.record("""
            missing snapshot '\(name)' (\(file.path)); run with RECORD_SNAPSHOTS=1 to record it. Actual:
            \(text)
            """, sourceLocation: location)
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    guard expected != actual else { return }

    let saved = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).actual.txt")
    try? Data(actual.utf8).write(to: saved, options: .atomic)
    Issue.record("""
        snapshot '\(name)' differs (\(file.path)); \(SnapshotDiff.firstDifference(expected: expected, actual: actual))
        actual text saved to \(saved.path); run with RECORD_SNAPSHOTS=1 to accept it.
        """, sourceLocation: location)
}

/// Describes where two texts first differ.
enum SnapshotDiff {
    /// `line N: expected '…', got '…'` for the first line that differs.
    static func firstDifference(expected: String, actual: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(e.count, a.count) {
            let want = i < e.count ? "'\(e[i])'" : "end of text"
            let got = i < a.count ? "'\(a[i])'" : "end of text"
            if want != got { return "line \(i + 1): expected \(want), got \(got)" }
        }
        return "the texts differ"
    }
}
