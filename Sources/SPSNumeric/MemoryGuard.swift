#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks, before a large allocation, that the machine has the memory for it — so that asking for too much is an
/// error message instead of the process being killed by the kernel (or trapping inside the allocator).
///
/// Small requests are always allowed without looking; from `threshold` bytes on, the request is compared with the
/// memory the system reports as available (`MemAvailable` in /proc/meminfo, and the cgroup limit when there is one).
public enum MemoryGuard {
    /// Requests below this many bytes are not checked.
    public static let threshold = 64 << 20
    /// The fraction of the available memory one allocation may take.
    public static let fraction = 0.8

    /// True when `bytes` more can be allocated safely.
    public static func canAllocate(bytes: Int) -> Bool {
        if bytes < threshold { return true }
        if bytes < 0 { return false }
        guard let available = availableBytes() else { return true }
        return Double(bytes) <= Double(available) * fraction
    }

    /// A readable size: `1.5 GB`, `800 MB`.
    public static func describe(bytes: Int) -> String {
        let mb = Double(bytes) / 1_048_576
        if mb >= 1024 { return "\((mb / 1024 * 10).rounded() / 10) GB" }
        return "\(Int(mb.rounded())) MB"
    }

    /// The memory this process could still use: the smaller of the system's available memory and the room left
    /// under the cgroup limit. Nil when neither can be read (then nothing is refused).
    public static func availableBytes() -> Int? {
        var result: Int?
        if let info = readSmallFile("/proc/meminfo") {
            for line in info.split(separator: "\n") where line.hasPrefix("MemAvailable:") {
                let fields = line.split(separator: " ")
                if fields.count >= 2, let kb = Int(fields[1]) { result = kb * 1024 }
            }
        }
        if let limitText = readSmallFile("/sys/fs/cgroup/memory.max"), let limit = Int(limitText.trimmingSpaces),
           let usedText = readSmallFile("/sys/fs/cgroup/memory.current"), let used = Int(usedText.trimmingSpaces) {
            let room = max(0, limit - used)
            result = min(result ?? room, room)
        }
        return result
    }

    static func readSmallFile(_ path: String) -> String? {
        guard let f = fopen(path, "r") else { return nil }
        defer { fclose(f) }
        var buffer = [UInt8](repeating: 0, count: 8192)
        let n = fread(&buffer, 1, buffer.count, f)
        return String(decoding: buffer[0..<n], as: UTF8.self)
    }
}

extension String {
    fileprivate var trimmingSpaces: Substring {
        var s = Substring(self)
        while let c = s.last, c == "\n" || c == " " { s.removeLast() }
        return s
    }
}
