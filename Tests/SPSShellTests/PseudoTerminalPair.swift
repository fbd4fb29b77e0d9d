import Foundation
import SPSNumeric
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A pseudo-terminal opened for one test's child process, safe to open from tests that run at the same time.
///
/// `ttyname` answers in one static buffer, so two tests opening terminals at once could both read the second one's
/// name and start their children on the same terminal (both banners on one screen, the other screen empty: the
/// prompt-key tests failed that way about one run in five). The name comes from `ttyname_r` instead. Both ends are
/// close-on-exec, so a child another test starts at that moment inherits neither; a child opens its end by `path`.
/// `start` runs a command on a new one: the one place the terminal tests start processes.
struct PseudoTerminalPair {
    let master: Int32
    let slave: Int32
    /// The terminal's device path, `/dev/pts/N`.
    let path: String

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ what: String, _ code: Int32) { description = "\(what): \(String(cString: strerror(code)))" }
    }

    /// Opens a terminal of `columns` × `rows`.
    static func open(rows: UInt16 = 24, columns: UInt16 = 100) throws(Failure) -> PseudoTerminalPair {
        var master: Int32 = -1, slave: Int32 = -1
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw Failure("no pseudo-terminal", errno) }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        var name = [CChar](repeating: 0, count: 128)
        let result = ttyname_r(slave, &name, name.count)
        guard result == 0 else {
            close(master)
            close(slave)
            throw Failure("no name for the pseudo-terminal", result)
        }
        let path = name.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        return PseudoTerminalPair(master: master, slave: slave, path: path)
    }

    /// Starts `arguments` in a new session on a new terminal of 100 × 24, which is its controlling terminal,
    /// standard output and error, and its standard input unless `input` names a file to read instead; gives the
    /// terminal's master end and the process.
    ///
    /// The process sees `environment`, `HOME=/nonexistent`, and this process's `PATH` and sanitizer settings
    /// (scripts/test-asan's leak suppressions name functions, which needs the symbolizer found on `PATH`).
    static func start(_ arguments: [String], environment: [String], input: String? = nil) throws(Failure) -> (master: Int32, pid: pid_t) {
        let pair = try open()
        defer { close(pair.slave) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // After setsid the first terminal opened becomes the controlling terminal (so /dev/tty works).
        posix_spawn_file_actions_addopen(&actions, 1, pair.path, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        if let input {
            posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 1, 0)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, 0x80)  // POSIX_SPAWN_SETSID (glibc, hidden behind _GNU_SOURCE)
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        let passed = ProcessInfo.processInfo.environment.filter { $0.key.hasSuffix("SAN_OPTIONS") || $0.key == "PATH" }.map { "\($0.key)=\($0.value)" }
        let envp: [UnsafeMutablePointer<CChar>?] = (environment + passed + ["HOME=/nonexistent"]).map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard result == 0 else {
            close(pair.master)
            throw Failure("could not start \(arguments[0])", result)
        }
        return (pair.master, pid)
    }
}

@Suite("Pseudo-terminals for the terminal tests")
struct PseudoTerminalPairTests {
    /// Terminals opened on eight threads at once each get their own device's name.
    @Test func terminalsOpenedAtOnceAreNamedForThemselves() throws {
        let mismatches = Locked(0), opened = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<200 {
                guard let pair = try? PseudoTerminalPair.open() else { continue }
                defer { close(pair.master); close(pair.slave) }
                var byPath = stat(), byDescriptor = stat()
                let same = stat(pair.path, &byPath) == 0 && fstat(pair.slave, &byDescriptor) == 0
                    && byPath.st_rdev == byDescriptor.st_rdev
                opened.withLock { $0 += 1 }
                if !same { mismatches.withLock { $0 += 1 } }
            }
        }
        #expect(opened.withLock { $0 } > 0, "no pseudo-terminal could be opened")
        #expect(mismatches.withLock { $0 } == 0)
    }

    /// Both ends close when a child starts, so a process started by another test holds neither.
    @Test func bothEndsCloseOnExec() throws {
        let pair = try PseudoTerminalPair.open()
        defer { close(pair.master); close(pair.slave) }
        #expect(fcntl(pair.master, F_GETFD) & FD_CLOEXEC != 0)
        #expect(fcntl(pair.slave, F_GETFD) & FD_CLOEXEC != 0)
        #expect(pair.path.hasPrefix("/dev/pts/"))
    }
}
