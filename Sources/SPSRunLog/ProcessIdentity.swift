import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A process as the run log names it: host, pid and start time, so that a study left `running` by a process that
/// has died (a kill -9, a crash, a power cut) can be told from one still running, even once its pid is reused.
public struct ProcessIdentity: Sendable, Equatable {
    public var host: String
    public var pid: Int64
    /// When the process started, in clock ticks since boot (Linux's `/proc/PID/stat`; 0 where unknown).
    public var start: Int64

    public init(host: String, pid: Int64, start: Int64) {
        self.host = host
        self.pid = pid
        self.start = start
    }

    /// This process.
    public static let current = ProcessIdentity(host: hostName(), pid: Int64(getpid()), start: startTicks(of: getpid()) ?? 0)

    /// True unless the process is known to be gone: on this host, no process with its pid, or one that started at
    /// another time. A study of another host is taken to be alive (its process cannot be checked from here).
    public var isAlive: Bool {
        guard host == ProcessIdentity.current.host else { return true }
        guard pid > 0, pid <= Int64(Int32.max) else { return false }
        if kill(pid_t(pid), 0) != 0 && errno == ESRCH { return false }
        #if os(Linux)
        guard let (state, now) = Self.stat(of: pid_t(pid)) else { return false }
        // A zombie (killed, not yet reaped by its parent) has ended all the same.
        if state == "Z" || state == "X" { return false }
        return start == 0 || now == start
        #else
        return true
        #endif
    }

    /// The machine's name.
    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Field 22 of `/proc/PID/stat` (after the command name in parentheses, which may hold spaces).
    static func startTicks(of pid: pid_t) -> Int64? { stat(of: pid)?.start }

    /// The state (field 3) and start time (field 22) of `/proc/PID/stat`.
    static func stat(of pid: pid_t) -> (state: Substring, start: Int64)? {
        #if os(Linux)
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // After ")": state is field 3 (index 0), so field 22 is at index 19.
        guard fields.count > 19, let start = Int64(fields[19]) else { return nil }
        return (fields[0], start)
        #else
        return nil
        #endif
    }
}
