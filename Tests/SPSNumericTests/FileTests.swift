import Foundation
import Testing
import SPSNumeric

@Suite("Files")
struct FileTests {
    /// A fresh path in the temporary folder.
    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("sps-file-\(UUID().uuidString)-\(name)").path
    }

    @Test("whole files read back byte for byte: empty, small, larger than one chunk")
    func readsAnySize() throws {
        for size in [0, 1, 65_535, 65_536, 200_001] {
            let path = Self.temporaryPath("bytes")
            defer { try? FileManager.default.removeItem(atPath: path) }
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect(FileBytes.read(path) == bytes, "size \(size)")
        }
    }

    @Test("bytes come back as they are, UTF-8 or not; a missing file or a folder reads as nil")
    func bytesAndFailures() throws {
        let path = Self.temporaryPath("text")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data([0x61, 0xFF, 0x62]).write(to: URL(fileURLWithPath: path))
        #expect(FileBytes.read(path) == [0x61, 0xFF, 0x62])
        #expect(FileBytes.read(Self.temporaryPath("missing")) == nil)
        #expect(FileBytes.read(FileManager.default.temporaryDirectory.path) == nil)
    }

    @Test("a failed atomic write leaves no temporary file and the old contents")
    func atomicWriteIntoMissingFolder() {
        let path = Self.temporaryPath("missing-folder") + "/file.txt"
        #expect(throws: FileWriteError.self) { try AtomicFile.write("text", to: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
