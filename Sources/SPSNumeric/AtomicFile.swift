#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An error writing a file (a plot, a dataset, a model, a transcript, the history).
public struct FileWriteError: CoreError, Sendable, Equatable {
    /// The path that was to be written.
    public var path: String
    /// What went wrong.
    public var reason: String
    /// Creates an error for `path`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    /// `cannot write 'path': reason`.
    public var message: String { "cannot write '\(path)': \(reason)" }
}

/// Whole-file writes that never leave a half-written or truncated file behind, and never replace what is not a
/// file of ours to replace.
///
/// A write goes to a temporary file in the destination's folder, is flushed to the disk, and is renamed over the
/// destination; on any error the temporary file is removed and the old file is untouched. Before anything is
/// written, the destination is checked:
///
/// - it must be a regular file, or not exist yet: a folder, a device (`/dev/null`), a FIFO or a socket is refused
///   with an error naming the path and what it is (`it is a character device, not a regular file`): a rename would
///   replace it with a file;
/// - a symbolic link is followed on purpose: its target is written, atomically, in the target's folder, and the
///   link stays a link (a link to a missing file creates that file). As the kernel's `protected_symlinks` does, a
///   link in a shared sticky folder (`/tmp`) that belongs to someone else is not followed;
/// - an existing file keeps its mode, owner and group (the new file is created readable by its owner only and
///   given the old file's mode once written, so it is never more open than the old one); when its owner cannot be
///   kept (it belongs to another user and sps is not root), it is refused;
/// - a read-only file is refused. Root bypasses the system's permission checks, so for root the mode bits are
///   checked here: a file with no write bit is read-only;
/// - an empty path and a path that ends in `/` are refused.
///
/// A new file gets `newFileMode` less the umask (0666: like any program's new file; 0600 for the history).
public enum AtomicFile {
    /// Where a write to a path goes, once links are followed.
    public struct Destination: Sendable, Equatable {
        /// The file that is replaced or created (the path itself, or the end of its chain of links).
        public var path: String
        /// Its folder, where the temporary file is made.
        public var folder: String
        /// The existing file, or nil for a new one.
        public var existing: Existing?
    }

    /// What is kept of a file that is replaced.
    public struct Existing: Sendable, Equatable {
        /// Its mode, with the type bits.
        public var mode: mode_t
        /// Its owner.
        public var owner: uid_t
        /// Its group.
        public var group: gid_t
    }

    /// Writes `text` as UTF-8 to `path` atomically; see `AtomicFile` for what is checked first.
    public static func write(_ text: String, to path: String, newFileMode: mode_t = 0o666) throws(FileWriteError) {
        try write(bytes: Array(text.utf8), to: path, newFileMode: newFileMode)
    }

    /// Writes `bytes` to `path`: to a temporary file in the destination's folder, flushed to the disk, then renamed
    /// over the destination. On any error the temporary file is removed and an existing file is left untouched.
    public static func write(bytes: [UInt8], to path: String, newFileMode: mode_t = 0o666) throws(FileWriteError) {
        let destination = try destination(for: path)
        let temporary = temporaryPath(for: destination)
        // An existing file's replacement is private until it has the old mode; a new file starts as asked.
        let createMode = destination.existing == nil ? newFileMode & 0o777 : 0o600
        var fd: Int32
        repeat { fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, createMode) } while fd < 0 && errno == EINTR
        guard fd >= 0 else { throw FileWriteError(path: path, reason: systemReason(errno)) }
        func fail(_ code: Int32) -> FileWriteError {
            close(fd)
            unlink(temporary)
            return FileWriteError(path: path, reason: systemReason(code))
        }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.write(fd, base + offset, buffer.count - offset)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw fail(errno)
            }
            offset += n
        }
        if let old = destination.existing {
            var made = stat()
            if fstat(fd, &made) != 0 { throw fail(errno) }
            if made.st_uid != old.owner || made.st_gid != old.group, fchown(fd, old.owner, old.group) != 0 {
                // Only root (or the owner, for a group it is in) can hand a file over; the checks before refused the rest.
                var error = fail(errno)
                error.reason = "its owner and group (uid \(old.owner), gid \(old.group)) could not be kept: \(error.reason)"
                throw error
            }
            if fchmod(fd, old.mode & 0o7777) != 0 { throw fail(errno) }
        }
        // On the disk before the rename, so a crash leaves the old file or the new one, never an empty one.
        if fsync(fd) != 0, errno != EINVAL { throw fail(errno) }
        if close(fd) != 0, errno != EINTR {
            let code = errno
            unlink(temporary)
            throw FileWriteError(path: path, reason: systemReason(code))
        }
        if rename(temporary, destination.path) != 0 {
            let code = errno
            unlink(temporary)
            throw FileWriteError(path: path, reason: systemReason(code))
        }
    }

    /// Where a write to `path` would go, or why it must not be written; nothing is changed.
    public static func destination(for path: String) throws(FileWriteError) -> Destination {
        let path = UserPath.expanded(path)  // `~/plot.svg`, as Tab completes it
        guard !path.isEmpty else { throw FileWriteError(path: path, reason: "empty path; name a file") }
        guard !path.hasSuffix("/") else { throw FileWriteError(path: path, reason: "the path ends in '/'; name a file") }
        var current = path
        var links = 0
        while true {
            var info = stat()
            guard lstat(current, &info) == 0 else {
                let code = errno
                if code == ENOENT { return try newFile(current, asked: path) }
                if code == ENOTDIR { throw FileWriteError(path: path, reason: (current == path ? "a part of the path is not a folder" : "it is a symbolic link to '\(current)', and a part of that path is not a folder")) }
                throw FileWriteError(path: path, reason: systemReason(code))
            }
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                links += 1
                guard links <= 40 else { throw FileWriteError(path: path, reason: "too many levels of symbolic links") }
                let folder = folderOf(current)
                try checkLinkMayBeFollowed(current, info, folder: folder, asked: path)
                guard let target = readLink(current) else { throw FileWriteError(path: path, reason: systemReason(errno)) }
                guard !target.isEmpty, !target.hasSuffix("/") else {
                    throw FileWriteError(path: path, reason: "it is a symbolic link to '\(target)', which names a folder")
                }
                current = target.hasPrefix("/") ? target : (folder == "." ? target : folder + "/" + target)
            case S_IFREG:
                try checkWritable(current, info, asked: path)
                return Destination(path: current, folder: folderOf(current),
                                   existing: Existing(mode: info.st_mode, owner: info.st_uid, group: info.st_gid))
            case S_IFDIR:
                throw FileWriteError(path: path, reason: "\(subject(current, path)) a folder")
            default:
                let kind = FileBytes.kindName(info.st_mode)
                throw FileWriteError(path: path, reason: "\(subject(current, path)) \(kind), not a regular file; sps writes only regular files")
            }
        }
    }

    // MARK: - Checks

    /// A file to create at `current`: its folder must exist.
    static func newFile(_ current: String, asked path: String) throws(FileWriteError) -> Destination {
        let folder = folderOf(current)
        var info = stat()
        guard stat(folder, &info) == 0 else {
            let code = errno
            if code == ENOENT { throw FileWriteError(path: path, reason: "the folder '\(folder)' does not exist") }
            if code == ENOTDIR { throw FileWriteError(path: path, reason: (current == path ? "a part of the path is not a folder" : "it is a symbolic link to '\(current)', and a part of that path is not a folder")) }
            throw FileWriteError(path: path, reason: systemReason(code))
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw FileWriteError(path: path, reason: "'\(folder)' is not a folder") }
        return Destination(path: current, folder: folder, existing: nil)
    }

    /// Refuses a read-only file, and one whose owner could not be kept.
    static func checkWritable(_ current: String, _ info: stat, asked path: String) throws(FileWriteError) {
        let mode = String(info.st_mode & 0o7777, radix: 8)
        let euid = geteuid()
        if euid == 0 {
            // Root passes every permission check, so the bits are the only sign the file is meant to stay as it is.
            if info.st_mode & 0o222 == 0 {
                throw FileWriteError(path: path, reason: "\(subject(current, path)) read-only (mode 0\(mode)); make it writable (chmod u+w) or write to another name")
            }
            return
        }
        if faccessat(AT_FDCWD, current, W_OK, AT_EACCESS) != 0 {
            let code = errno
            if code == EACCES || code == EPERM {
                throw FileWriteError(path: path, reason: "\(subject(current, path)) read-only (mode 0\(mode)); make it writable (chmod u+w) or write to another name")
            }
            throw FileWriteError(path: path, reason: systemReason(code))
        }
        if info.st_uid != euid {
            throw FileWriteError(path: path, reason: "\(subject(current, path, verb: "belongs")) to another user (uid \(info.st_uid)); replacing it would make it yours, so sps does not")
        }
    }

    /// Refuses a link in a shared sticky folder (`/tmp`) owned by neither this user nor the folder's owner, as the
    /// kernel's `fs.protected_symlinks` does for opening: following it could write a file the link's owner chose.
    static func checkLinkMayBeFollowed(_ link: String, _ info: stat, folder: String, asked path: String) throws(FileWriteError) {
        var folderInfo = stat()
        guard stat(folder, &folderInfo) == 0 else { return }
        let shared = folderInfo.st_mode & S_ISVTX != 0 && folderInfo.st_mode & S_IWOTH != 0
        if shared && info.st_uid != geteuid() && info.st_uid != folderInfo.st_uid {
            throw FileWriteError(path: path, reason: (link == path ? "it is" : "it leads to '\(link)', which is") + " a symbolic link owned by another user (uid \(info.st_uid)) in the shared folder '\(folder)'; sps does not follow it")
        }
    }

    // MARK: - Paths

    /// `it is` for the path itself, `it is a symbolic link to 'target', which is` for where its links lead.
    static func subject(_ current: String, _ path: String, verb: String = "is") -> String {
        current == path ? "it \(verb)" : "it is a symbolic link to '\(current)', which \(verb)"
    }

    /// The folder holding `path`: `.` for a bare name, `/` for a name at the root.
    static func folderOf(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// A link's target, or nil (errno set).
    static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(path, &buffer, buffer.count - 1)
        guard n >= 0 else { return nil }
        return String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `.name.1a2b3c4d5e6f7a8b.tmp` next to the destination; the name is shortened so the whole stays a valid name.
    static func temporaryPath(for destination: Destination) -> String {
        let name = destination.path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        let short = String(decoding: name.utf8.prefix(100), as: UTF8.self)
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        return (destination.folder == "/" ? "" : destination.folder) + "/.\(short).\(random).tmp"
    }

    /// The system's words for an error ("No space left on device", "File too large").
    static func systemReason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
