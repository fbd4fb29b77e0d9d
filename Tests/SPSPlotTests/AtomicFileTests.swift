import Foundation
import SPSNumeric
import SPSPlot
import Testing

/// Atomic SVG writes: the file appears whole, and errors leave existing files alone.
@Suite struct AtomicFileTests {
    /// A fresh empty folder under the temporary directory.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sps-plot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func writesAndReplacesWithoutLeftovers() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("study.svg").path
        try Fixtures.box().writeSVG(to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Fixtures.box().renderSVG())
        try Fixtures.bar().writeSVG(to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Fixtures.bar().renderSVG())
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["study.svg"])
    }

    @Test func missingFolderIsAClearError() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("no/such/plot.svg").path
        #expect {
            try Fixtures.bar().writeSVG(to: path)
        } throws: { error in
            "\(error)".contains("does not exist")
        }
    }

    @Test func failureLeavesTheExistingFileUntouched() throws {
        let dir = try Self.folder()
        defer {
            chmod(dir.path, 0o755)
            try? FileManager.default.removeItem(at: dir)
        }
        let path = dir.appendingPathComponent("keep.svg").path
        try AtomicFile.write("old contents", to: path)
        chmod(dir.path, 0o555)   // no new files may be created in the folder
        if getuid() == 0 { return }   // root ignores permissions; nothing to test
        #expect(throws: FileWriteError.self) { try Fixtures.bar().writeSVG(to: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old contents")
    }

    @Test func aFolderAtThePathIsRefused() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: FileWriteError.self) { try AtomicFile.write("x", to: dir.path) }
    }
}
