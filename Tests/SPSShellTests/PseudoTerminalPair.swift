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
struct PseudoTerminalPair {
    let master: Int32
    let slave: Int32
    /// The terminal's device path, `/dev/pts/N`.
    let path: String

    /// Opens a terminal of `columns` × `rows`, or gives `errno` when the system has none to give.
    static func open(rows: UInt16 = 24, columns: UInt16 = 100) -> Result<PseudoTerminalPair, POSIXError> {
        var master: Int32 = -1, slave: Int32 = -1
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { return .failure(code(errno)) }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        var name = [CChar](repeating: 0, count: 128)
        let result = ttyname_r(slave, &name, name.count)
        guard result == 0 else {
            close(master)
            close(slave)
            return .failure(code(result))
        }
        let path = name.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        return .success(PseudoTerminalPair(master: master, slave: slave, path: path))
    }

    private static func code(_ number: Int32) -> POSIXError { POSIXError(POSIXErrorCode(rawValue: number) ?? .EIO) }
}

@Suite("Pseudo-terminals for the terminal tests")
struct PseudoTerminalPairTests {
    /// Terminals opened on eight threads at once each get their own device's name.
    @Test func terminalsOpenedAtOnceAreNamedForThemselves() throws {
        let mismatches = Locked(0), opened = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<200 {
                guard case .success(let pair) = PseudoTerminalPair.open() else { continue }
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
        let pair = try PseudoTerminalPair.open().get()
        defer { close(pair.master); close(pair.slave) }
        #expect(fcntl(pair.master, F_GETFD) & FD_CLOEXEC != 0)
        #expect(fcntl(pair.slave, F_GETFD) & FD_CLOEXEC != 0)
        #expect(pair.path.hasPrefix("/dev/pts/"))
    }
}
