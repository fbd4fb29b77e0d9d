import SPSBindings
import SPSLanguage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to standard output or standard error, flushing after each write so output interleaves correctly.
public final class StandardStream: OutputSink {
    let descriptor: Int32

    /// Standard output.
    public static func output() -> StandardStream { StandardStream(descriptor: 1) }
    /// Standard error.
    public static func error() -> StandardStream { StandardStream(descriptor: 2) }

    init(descriptor: Int32) { self.descriptor = descriptor }

    /// Writes all bytes of the text.
    public func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { buf in
                guard let base = buf.baseAddress else { return 0 }
                return Glibc.write(descriptor, base + offset, buf.count - offset)
            }
            if n <= 0 { return }
            offset += n
        }
    }
}
