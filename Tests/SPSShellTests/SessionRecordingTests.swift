@testable import SPSBindings
import Foundation
import Testing
import SPSLanguage
@testable import SPSShell

/// Prepared lines, running `beforeRead(n)` each time the prompt asks for line n (counting from 0; the last call is
/// for the end of input): a test looks at the disk between entries.
final class HookedLineReader: LineReader {
    var lines: [String]
    var reads = 0
    let beforeRead: (Int) -> Void
    init(_ lines: [String], beforeRead: @escaping (Int) -> Void) {
        self.lines = lines
        self.beforeRead = beforeRead
    }
    func readLine(prompt: String) -> String? {
        beforeRead(reads)
        reads += 1
        return lines.isEmpty ? nil : lines.removeFirst()
    }
}

@Suite("record \"file.sps\": an existing file survives until the first entry, and every write is atomic")
struct SessionRecordingTests {
    static func header(_ path: String) -> String { "# sps session recorded at the prompt; replay it with: sps \(path)\n" }

    /// A fresh folder holding `session.sps` with `old` in it.
    func folderWithFile(_ old: String) throws -> (folder: URL, path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sps-record-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("session.sps").path
        try old.write(toFile: path, atomically: false, encoding: .utf8)
        return (folder, path)
    }

    @Test("the existing file is untouched after record and failing entries, then holds the whole transcript")
    func existingFileSurvivesUntilTheFirstEntry() throws {
        let old = "x = 1\nprint \"an earlier session\"\n"
        let (folder, path) = try folderWithFile(old)
        defer { try? FileManager.default.removeItem(at: folder) }
        var onDisk: [String?] = []
        let reader = HookedLineReader(["record \"\(path)\"", "nope", "y = (", "2)", "z = y * 3", "print z", "record off"]) { _ in
            onDisk.append(try? String(contentsOfFile: path, encoding: .utf8))
        }
        let (s, out, err) = makeStandardSession()
        REPL(session: s, reader: reader).run()

        #expect(out.text.contains("recording to \(path)"))
        #expect(out.text.contains("the existing file is replaced when the first entry is recorded"))
        #expect(err.text.contains("unknown name 'nope'"))
        // Before `record`, after it, after a failing entry: the old content, whole.
        #expect(Array(onDisk[0...2]) == [old, old, old])
        // After the first recorded entry (a multi-line one): the header and that entry, nothing of the old file.
        #expect(onDisk[4] == Self.header(path) + "y = (\n2)\n")
        #expect(onDisk[5] == Self.header(path) + "y = (\n2)\nz = y * 3\n")
        let final = Self.header(path) + "y = (\n2)\nz = y * 3\nprint z\n"
        #expect(onDisk[6] == final)
        #expect(onDisk.last == final)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["session.sps"])
        // The transcript replays.
        let (replay, replayOut, replayErr) = makeStandardSession()
        #expect(replay.runFile(path) == .success, "\(replayErr.text)")
        #expect(replayOut.text == "6\n")
    }

    @Test("record off (or the end of the session) before any entry leaves an existing file as it was")
    func nothingRecordedWritesNothing() throws {
        let old = "print \"keep me\"\n"
        let (folder, path) = try folderWithFile(old)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (s, out, _) = makeStandardSession()
        REPL(session: s, reader: ScriptedLineReader(["record \"\(path)\"", "nope", "record off"])).run()
        #expect(out.text.contains("nothing was recorded, so the file was not written"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == old)

        let (s2, _, _) = makeStandardSession()
        REPL(session: s2, reader: ScriptedLineReader(["record \"\(path)\"", "nope"])).run()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == old)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["session.sps"])
    }

    @Test("a failed transcript write is reported, and the entries are written once the file can be written again")
    func failedWritesAreReportedAndRetried() throws {
        let (folder, path) = try folderWithFile("old\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let reader = HookedLineReader(["record \"\(path)\"", "a = 1", "b = 2", "c = 3", "record off"]) { n in
            // The folder disappears before `a = 1` is recorded and comes back before `c = 3`.
            if n == 1 { try? FileManager.default.removeItem(at: folder) }
            if n == 3 { try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        }
        let (s, _, err) = makeStandardSession()
        REPL(session: s, reader: reader).run()
        let failures = err.text.split(separator: "\n").filter { $0.contains("error: record: cannot write '\(path)'") }
        #expect(failures.count == 2, "\(err.text)")
        #expect(err.text.contains("the folder '\(folder.path)' does not exist"))
        #expect(err.text.contains("the transcript is kept and written again after the next entry"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.header(path) + "a = 1\nb = 2\nc = 3\n")
    }

    @Test("record off reports entries it could not write; starting a recording checks the folder first")
    func unwritableTargetsAreErrors() throws {
        let (folder, path) = try folderWithFile("old\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let reader = HookedLineReader(["record \"\(path)\"", "a = 1", "record off", "record \"\(folder.path)/missing/x.sps\"", "record \"\(folder.path)\""]) { n in
            if n == 1 { try? FileManager.default.removeItem(at: folder) }
            if n == 3 { try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        }
        let (s, _, err) = makeStandardSession()
        REPL(session: s, reader: reader).run()
        let lines = err.text.split(separator: "\n").filter { $0.contains("error: record") }
        #expect(lines.count == 4, "\(err.text)")
        #expect(lines[0].contains("error: record: cannot write '\(path)'"))
        #expect(lines[1].contains("record off: recording stopped, but the last entries are not in the file: cannot write '\(path)'"))
        #expect(lines[2].contains("record: cannot write '\(folder.path)/missing/x.sps': the folder '\(folder.path)/missing' does not exist"))
        #expect(lines[3].contains("record: cannot write '\(folder.path)': it is a folder"))
    }
}
