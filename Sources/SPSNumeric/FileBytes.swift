#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads with plain POSIX calls.
///
/// Foundation's `String(contentsOfFile:)` and `FileManager.contents(atPath:)` leak a 4 KiB buffer for every empty
/// file they read (found by `scripts/test-asan`: an empty CSV); this reads any size, including files whose size
/// the system reports as 0.
public enum FileBytes {
    /// The file's bytes, or nil when it cannot be opened or read.
    public static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        return read(descriptor: fd)
    }

    /// Everything left to read from an open file descriptor (a file, a pipe, standard input), or nil on a read error.
    public static func read(descriptor fd: Int32) -> [UInt8]? {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            bytes.append(contentsOf: chunk[..<count])
        }
    }
}
