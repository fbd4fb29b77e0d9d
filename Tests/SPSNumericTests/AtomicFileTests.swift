import Foundation
import SPSNumeric
import Testing

/// Atomic writes refuse a path that is a folder.
@Suite struct AtomicFileTests {
    /// A fresh empty folder under the temporary directory.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sps-plot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aFolderAtThePathIsRefused() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: FileWriteError.self) { try AtomicFile.write("x", to: dir.path) }
    }
}
