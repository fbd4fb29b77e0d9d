#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An error reading a file (a script, a data set, a model).
public struct FileReadError: CoreError, Sendable, Equatable {
    /// The path that was to be read.
    public var path: String
    /// What went wrong: `no such file`, `it is a folder`, `it is not a regular file (it is a character device)`,
    /// `the file is too large (3.0 GB; sps reads files of up to 2.0 GB)`.
    public var reason: String
    /// Creates an error for `path`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    /// `cannot read 'path': reason`.
    public var message: String { "cannot read '\(path)': \(reason)" }
}

/// Whole-file reads with plain POSIX calls, for every reader in sps: scripts (`sps FILE`, `sps -`, `load`), data
/// sets (`csv`) and models (`load_model`).
///
/// What is read is checked before anything is allocated: a regular file, or a FIFO (`sps <(generate)` hands sps a
/// pipe), of at most `maxBytes`. Devices (`/dev/zero`, `/dev/random`), folders and sockets are refused with an error
/// that says what the path is; a regular file larger than the limit, or than the memory available, is refused from
/// its size; a pipe is read up to the limit and refused when more comes. Standard input (`sps -`, `sps < file`) is
/// read whatever it is (a terminal is a character device), up to the same limit.
///
/// Foundation's `String(contentsOfFile:)` and `FileManager.contents(atPath:)` leak a 4 KiB buffer for every empty
/// file they read (found by `scripts/test-asan`: an empty CSV); this reads any size, including files whose size
/// the system reports as 0 (`/proc`).
public enum FileBytes {
    /// The largest file any reader in sps takes: 2 GiB.
    public static let maxBytes = 2 << 30

    /// Reads the file at `path` after checking what it is and its size.
    ///
    /// - Parameters:
    ///   - limit: the most bytes accepted (`maxBytes` unless a test says otherwise).
    ///   - memoryPerByte: how many bytes of memory the caller needs per byte of the file once read (a CSV parser
    ///     needs several); the file is refused when that much memory is not available.
    public static func contents(of path: String, limit: Int = maxBytes, memoryPerByte: Int = 1) throws(FileReadError) -> [UInt8] {
        guard !path.isEmpty else { throw FileReadError(path: path, reason: "empty path") }
        let path = UserPath.expanded(path)  // `~/x.sps`, as Tab completes it
        // Looked at before opening: opening a device can block or have effects of its own (a tape rewinds).
        var info = stat()
        guard stat(path, &info) == 0 else { throw FileReadError(path: path, reason: openFailure(errno)) }
        try checkKind(info.st_mode, path: path)
        var fd: Int32
        repeat { fd = open(path, O_RDONLY | O_CLOEXEC) } while fd < 0 && errno == EINTR
        guard fd >= 0 else { throw FileReadError(path: path, reason: openFailure(errno)) }
        defer { close(fd) }
        // Checked again on what was opened, in case the path changed in between.
        guard fstat(fd, &info) == 0 else { throw FileReadError(path: path, reason: lowercasedError(errno)) }
        try checkKind(info.st_mode, path: path)
        var expected = 0
        if info.st_mode & S_IFMT == S_IFREG {
            expected = Int(info.st_size)
            if expected > limit {
                throw FileReadError(path: path, reason: "the file is too large (\(describe(bytes: expected)); sps reads files of up to \(describe(bytes: limit)))")
            }
            if !MemoryGuard.canAllocate(bytes: expected &* max(1, memoryPerByte)) {
                throw FileReadError(path: path, reason: "the file is too large (\(describe(bytes: expected))) for the memory available")
            }
        }
        return try read(fd, path: path, expected: expected, limit: limit, memoryPerByte: memoryPerByte)
    }

    /// Everything left to read from an open descriptor (standard input: a file, a pipe, a terminal), up to `limit`
    /// bytes; `name` names it in errors (`<stdin>`).
    public static func contents(descriptor fd: Int32, name: String, limit: Int = maxBytes) throws(FileReadError) -> [UInt8] {
        var info = stat()
        var expected = 0
        if fstat(fd, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFDIR { throw FileReadError(path: name, reason: "it is a folder") }
            if info.st_mode & S_IFMT == S_IFREG { expected = max(0, Int(info.st_size) - Int(lseek(fd, 0, SEEK_CUR))) }
            if expected > limit {
                throw FileReadError(path: name, reason: "the file is too large (\(describe(bytes: expected)); sps reads files of up to \(describe(bytes: limit)))")
            }
        }
        return try read(fd, path: name, expected: expected, limit: limit, memoryPerByte: 1)
    }

    /// The file's bytes, or nil when it cannot be read (`contents(of:)` says why).
    public static func read(_ path: String) -> [UInt8]? {
        try? contents(of: path)
    }

    /// Everything left to read from an open descriptor, or nil on a read error or past `maxBytes`.
    public static func read(descriptor fd: Int32) -> [UInt8]? {
        try? contents(descriptor: fd, name: "<descriptor \(fd)>")
    }

    // MARK: - Checks

    /// The words for what a file mode is: `a folder`, `a character device`, `a FIFO (named pipe)`.
    public static func kindName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFREG: "a regular file"
        case S_IFDIR: "a folder"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFSOCK: "a socket"
        case S_IFLNK: "a symbolic link"
        default: "not a regular file"
        }
    }

    /// Throws unless the mode is a regular file or a FIFO.
    static func checkKind(_ mode: mode_t, path: String) throws(FileReadError) {
        switch mode & S_IFMT {
        case S_IFREG, S_IFIFO: return
        case S_IFDIR: throw FileReadError(path: path, reason: "it is a folder")
        default: throw FileReadError(path: path, reason: "it is not a regular file (it is \(kindName(mode)))")
        }
    }

    /// A readable size: `1.5 GB`, `800 MB`, `12 KB`, `100 bytes`.
    public static func describe(bytes: Int) -> String {
        if bytes >= 1 << 20 { return MemoryGuard.describe(bytes: bytes) }
        if bytes >= 1 << 10 { return "\(bytes >> 10) KB" }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }

    static func openFailure(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file"
        case ENOTDIR: "a part of the path is not a folder"
        case EISDIR: "it is a folder"
        default: lowercasedError(code)
        }
    }

    static func lowercasedError(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }

    // MARK: - Reading

    /// Reads to the end, refusing more than `limit` bytes and growth past the memory available.
    static func read(_ fd: Int32, path: String, expected: Int, limit: Int, memoryPerByte: Int) throws(FileReadError) -> [UInt8] {
        var bytes: [UInt8] = []
        // One more than the size, so the read that sees the end needs no regrowth.
        bytes.reserveCapacity(min(expected, limit) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var nextMemoryCheck = max(expected, MemoryGuard.threshold)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EISDIR { throw FileReadError(path: path, reason: "it is a folder") }
                throw FileReadError(path: path, reason: lowercasedError(errno))
            }
            if bytes.count + count > limit {
                throw FileReadError(path: path, reason: "it holds more than \(describe(bytes: limit)), the most sps reads from a file")
            }
            if bytes.count + count > nextMemoryCheck {
                // A stream has no size to check up front: check as it grows (the array doubles).
                guard MemoryGuard.canAllocate(bytes: (bytes.count + count) &* 2 &* max(1, memoryPerByte)) else {
                    throw FileReadError(path: path, reason: "it holds more than the memory available (\(describe(bytes: bytes.count + count)) read so far)")
                }
                nextMemoryCheck = (bytes.count + count) * 2
            }
            bytes.append(contentsOf: chunk[..<count])
        }
    }
}
