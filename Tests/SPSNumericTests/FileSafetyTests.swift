import Foundation
import SPSNumeric
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Issue 15: atomic writes replace only regular files (following links on purpose, keeping mode and owner, refusing
/// read-only files and odd paths), and reads take only regular files and pipes, up to one size limit.
@Suite("File safety")
struct FileSafetyTests {
    /// A fresh empty folder; removed by `remove`.
    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sps-safety-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func remove(_ folder: String) { try? FileManager.default.removeItem(atPath: folder) }

    static func text(_ path: String) -> String? {
        FileBytes.read(path).map { String(decoding: $0, as: UTF8.self) }
    }

    static func put(_ text: String, _ path: String, mode: mode_t = 0o644) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, mode)
    }

    static func info(_ path: String) -> stat {
        var s = stat()
        lstat(path, &s)
        return s
    }

    static func type(_ path: String) -> mode_t { info(path).st_mode & S_IFMT }

    /// The names in a folder (temporary files included).
    static func names(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    /// The message of the error an atomic write of "new" to `path` throws, or nil when it succeeds.
    static func writeError(_ path: String) -> String? {
        do {
            try AtomicFile.write("new\n", to: path)
            return nil
        } catch {
            return error.message
        }
    }

    static let isRoot = geteuid() == 0

    // MARK: - Writing: what is at the path

    @Test("a device node is refused and stays a device (mknod c 1 3, as root)", .enabled(if: isRoot, "mknod needs root"))
    func deviceNode() throws {
        let dir = try Self.folder()
        defer { Self.remove(dir) }
        let path = dir + "/null"
        try #require(mknod(path, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0)
        let message = try #require(Self.writeError(path))
        #expect(message == "cannot write '\(path)': it is a character device, not a regular file; sps writes only regular files")
        #expect(Self.type(path) == S_IFCHR)
        #expect(Self.names(dir) == ["null"])
    }

    @Test("a FIFO is refused and stays a FIFO; nothing blocks")
    func fifo() throws {
        let dir = try Self.folder()
        defer { Self.remove(dir) }
        let path = dir + "/pipe"
        try #require(mkfifo(path, 0o644) == 0)
        let message = try #require(Self.writeError(path))
        #expect(message.contains("it is a FIFO (named pipe), not a regular file"), "\(message)")
        #expect(Self.type(path) == S_IFIFO)
        #expect(Self.names(dir) == ["pipe"])
    }

    @Test("a folder, an empty path and a path ending in '/' are refused with their own words; nothing is created")
    func oddPaths() throws {
        let dir = try Self.folder()
        defer { Self.remove(dir) }
        #expect(Self.writeError(dir) == "cannot write '\(dir)': it is a folder")
        #expect(Self.writeError("") == "cannot write '': empty path; name a file")
        #expect(Self.writeError(dir + "/x/") == "cannot write '\(dir)/x/': the path ends in '/'; name a file")
        #expect(Self.writeError(dir + "/missing/x") == "cannot write '\(dir)/missing/x': the folder '\(dir)/missing' does not exist")
        try Self.put("file", dir + "/file")
        #expect(Self.writeError(dir + "/file/x") == "cannot write '\(dir)/file/x': a part of the path is not a folder")
        #expect(Self.names(dir) == ["file"])
    }

    // MARK: - Writing: links

    @Test("a symbolic link is followed: its target (in another folder) is replaced atomically, the link stays a link")
    func symlinkIsFollowed() throws {
        let dir = try Self.folder()
        defer { Self.remove(dir) }
        try FileManager.default.createDirectory(atPath: dir + "/a", withIntermediateDirectories: false)
        try FileManager.default.createDirectory(atPath: dir + "/b", withIntermediateDirectories: false)
        try Self.put("old\n", dir + "/b/target.csv", mode: 0o640)
        try #require(symlink("../b/target.csv", dir + "/a/link.csv") == 0)
        try AtomicFile.write("new\n", to: dir + "/a/link.csv")
        #expect(Self.type(dir + "/a/link.csv") == S_IFLNK)
        #expect(Self.text(dir + "/b/target.csv") == "new\n")
        #expect(Self.info(dir + "/b/target.csv").st_mode & 0o7777 == 0o640)
        // The temporary file was made next to the target and renamed; none is left in either folder.
        #expect(Self.names(dir + "/a") == ["link.csv"])
        #expect(Self.names(dir + "/b") == ["target.csv"])
    }

    @Test("a link to a missing file creates that file; a link to a device or a folder is refused; a loop is refused")
    func symlinkTargets() throws {
        let dir = try Self.folder()
        defer { Self.remove(dir) }
        try #require(symlink("created.csv", dir + "/dangling") == 0)
        try AtomicFile.write("made\n", to: dir + "/dangling")
        #expect(Self.type(dir + "/dangling") == S_IFLNK)
        #expect(Self.text(dir + "/created.csv") == "made\n")

        try #require(symlink("/dev/null", dir + "/to-null") == 0)
        #expect(Self.writeError(dir + "/to-null")
                == "cannot write '\(dir)/to-null': it is a symbolic link to '/dev/null', which is a character device, not a regular file; sps writes only regular files")
        #expect(Self.type("/dev/null") == S_IFCHR)

        try #require(symlink(dir, dir + "/to-folder") == 0)
        #expect(Self.writeError(dir + "/to-folder") == "cannot write '\(dir)/to-folder': it is a symbolic link to '\(dir)', which is a folder")

        try #require(symlink("loop-b", dir + "/loop-a") == 0)
        try #require(symlink("loop-a", dir + "/loop-b") == 0)
        #expect(Self.writeError(dir + "/loop-a") == "cannot write '\(dir)/loop-a': too many levels of symbolic links")
        #expect(Self.names(dir) == ["created.csv", "dangling", "loop-a", "loop-b", "to-folder", "to-null"])
    }

    @Test("a link another user planted in a shared sticky folder is not followed", .enabled(if: isRoot, "lchown needs root"))
    func symlinkInSharedFolder() throws {
        let dir = try Self.folder()
        defer { Self.remove(dir) }
        let shared = dir + "/shared"
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: false)
        try #require(chmod(shared, 0o1777) == 0)
        try Self.put("precious\n", dir + "/precious")
        try #require(symlink(dir + "/precious", shared + "/out.csv") == 0)
        try #require(lchown(shared + "/out.csv", 4242, 4242) == 0)
        let message = try #require(Self.writeError(shared + "/out.csv"))
        #expect(message.contains("symbolic link owned by another user (uid 4242) in the shared folder '\(shared)'"), "\(message)")
        #expect(Self.text(dir + "/precious") == "precious\n")
        // The same link owned by the writer is followed.
        try #require(lchown(shared + "/out.csv", geteuid(), getegid()) == 0)
        try AtomicFile.write("mine\n", to: shared + "/out.csv")
        #expect(Self.text(dir + "/precious") == "mine\n")
    }

    // MARK: - Writing: permissions

    @Test("a read-only file is refused, also for root, and left as it was")
    func readOnly() throws {
        let dir = try Self.folder()
        defer { Self.remove(dir) }
        let path = dir + "/kept.csv"
        try Self.put("old\n", path, mode: 0o444)
        #expect(Self.writeError(path)
                == "cannot write '\(path)': it is read-only (mode 0444); make it writable (chmod u+w) or write to another name")
        #expect(Self.text(path) == "old\n")
        #expect(Self.names(dir) == ["kept.csv"])
        // Through a link, the message names the target.
        try #require(symlink("kept.csv", dir + "/link") == 0)
        #expect(Self.writeError(dir + "/link")?.contains("it is a symbolic link to '\(dir)/kept.csv', which is read-only (mode 0444)") == true)
    }

    @Test("an existing file keeps its mode (0600, 0640, 0755): permissions are never widened", arguments: [0o600, 0o640, 0o755, 0o200] as [mode_t])
    func modeIsKept(_ mode: mode_t) throws {
        let dir = try Self.folder()
        defer { Self.remove(dir) }
        let path = dir + "/f"
        try Self.put("old\n", path, mode: mode)
        try AtomicFile.write("new\n", to: path)
        #expect(Self.info(path).st_mode & 0o7777 == mode)
        chmod(path, 0o600)
        #expect(Self.text(path) == "new\n")
    }

    @Test("an existing file keeps its owner and group (as root)", .enabled(if: isRoot, "chown needs root"))
    func ownerIsKept() throws {
        let dir = try Self.folder()
        defer { Self.remove(dir) }
        let path = dir + "/theirs.csv"
        try Self.put("old\n", path, mode: 0o640)
        try #require(chown(path, 4242, 4343) == 0)
        try AtomicFile.write("new\n", to: path)
        let after = Self.info(path)
        #expect(after.st_uid == 4242 && after.st_gid == 4343)
        #expect(after.st_mode & 0o7777 == 0o640)
        #expect(Self.text(path) == "new\n")
    }

    @Test("a new file gets the asked mode less the umask: 0666 by default, 0600 for private files")
    func newFileMode() throws {
        let dir = try Self.folder()
        defer { Self.remove(dir) }
        // The umask, read without changing it (tests run in parallel).
        let status = Self.text("/proc/self/status") ?? ""
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("Umask:") })
        let mask = try #require(mode_t(line.dropFirst(6).trimmingCharacters(in: .whitespaces), radix: 8))
        try AtomicFile.write("a\n", to: dir + "/shared")
        try AtomicFile.write("b\n", to: dir + "/private", newFileMode: 0o600)
        #expect(Self.info(dir + "/shared").st_mode & 0o777 == 0o666 & ~mask)
        #expect(Self.info(dir + "/private").st_mode & 0o777 == 0o600 & ~mask)
    }

    // MARK: - Reading

    @Test("reads refuse devices, folders and sockets before reading, saying what the path is")
    func readRefusals() throws {
        #expect(throws: FileReadError(path: "/dev/zero", reason: "it is not a regular file (it is a character device)")) {
            try FileBytes.contents(of: "/dev/zero")
        }
        let dir = try Self.folder()
        defer { Self.remove(dir) }
        #expect(throws: FileReadError(path: dir, reason: "it is a folder")) { try FileBytes.contents(of: dir) }
        #expect(throws: FileReadError(path: dir + "/none", reason: "no such file")) { try FileBytes.contents(of: dir + "/none") }
        #expect(throws: FileReadError(path: "", reason: "empty path")) { try FileBytes.contents(of: "") }
        // A socket.
        let socketPath = dir + "/s"
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, byte) in socketPath.utf8.prefix(raw.count - 1).enumerated() { raw[i] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        if bound == 0 {
            #expect(throws: FileReadError(path: socketPath, reason: "it is not a regular file (it is a socket)")) {
                try FileBytes.contents(of: socketPath)
            }
            #expect(Self.writeError(socketPath)?.contains("it is a socket, not a regular file") == true)
        }
    }

    @Test("a regular file over the limit is refused from its size, before reading")
    func sizeLimit() throws {
        let dir = try Self.folder()
        defer { Self.remove(dir) }
        try Self.put(String(repeating: "x", count: 5000), dir + "/big")
        #expect(FileBytes.maxBytes == 2 << 30)
        #expect(throws: FileReadError.self) { try FileBytes.contents(of: dir + "/big", limit: 4096) }
        do {
            _ = try FileBytes.contents(of: dir + "/big", limit: 4096)
        } catch {
            #expect(error.reason.hasPrefix("the file is too large ("), "\(error.reason)")
        }
        #expect(try FileBytes.contents(of: dir + "/big", limit: 5000).count == 5000)
    }

    @Test("a FIFO is read (sps <(generate)), up to the limit")
    func fifoRead() throws {
        let dir = try Self.folder()
        defer { Self.remove(dir) }
        let path = dir + "/fifo"
        try #require(mkfifo(path, 0o600) == 0)
        func feed(_ count: Int) -> Thread {
            let writer = Thread {
                let fd = open(path, O_WRONLY)
                guard fd >= 0 else { return }
                let bytes = [UInt8](repeating: UInt8(ascii: "y"), count: count)
                _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                close(fd)
            }
            writer.start()
            return writer
        }
        _ = feed(3000)
        #expect(try FileBytes.contents(of: path).count == 3000)
        _ = feed(3000)
        do {
            _ = try FileBytes.contents(of: path, limit: 1000)
            Issue.record("a pipe past the limit was read")
        } catch {
            #expect(error.reason.contains("more than"), "\(error.reason)")
        }
    }

    @Test("standard input (a pipe) is read up to the limit")
    func descriptorRead() throws {
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        let bytes = Array("print 1\n".utf8)
        _ = bytes.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
        close(fds[1])
        defer { close(fds[0]) }
        #expect(try FileBytes.contents(descriptor: fds[0], name: "<stdin>") == bytes)
    }
}
