import SPSBindings
import SPSLanguage
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to standard output or standard error, flushing after each write so output interleaves correctly.
///
/// A failed write to standard output (`sps x.sps > /dev/full`, a disk that fills up) is never silent: the first one
/// is remembered (`outputFailure`) and handed to `onOutputFailure`, which `sps` sets to report it on standard error;
/// `sps` then exits with 70 however the script ends. Later output is still attempted (the disk may have room
/// again) but not reported again. A closed pipe (`sps x.sps | head -1`) ends the process with SIGPIPE, as usual.
public final class StandardStream: OutputSink {
    let descriptor: Int32

    /// Standard output.
    public static func output() -> StandardStream { StandardStream(descriptor: 1) }
    /// Standard error.
    public static func error() -> StandardStream { StandardStream(descriptor: 2) }

    init(descriptor: Int32) { self.descriptor = descriptor }

    /// The error number of the first failed write to standard output in this process; 0 while none has failed.
    static let firstOutputFailure = Atomic<Int32>(0)

    /// Why the first failed write to standard output failed (`No space left on device`), or nil when none failed.
    public static var outputFailure: String? {
        let code = firstOutputFailure.load(ordering: .acquiring)
        return code == 0 ? nil : String(cString: strerror(code))
    }

    /// Called once, with the reason, at the first failed write to standard output. Set once at start-up, before
    /// anything is written.
    nonisolated(unsafe) public static var onOutputFailure: ((String) -> Void)?

    /// Writes all bytes of the text, retrying interrupted and partial writes; a failure on standard output is
    /// recorded (see the type's comment).
    public func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { buf in
                guard let base = buf.baseAddress else { return 0 }
                return Glibc.write(descriptor, base + offset, buf.count - offset)
            }
            if n < 0 && errno == EINTR { continue }
            if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                // Standard output left non-blocking by another program: wait until it takes more.
                var fds = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                _ = poll(&fds, 1, 1000)
                continue
            }
            if n <= 0 {
                failed(n < 0 ? errno : EIO)
                return
            }
            offset += n
        }
    }

    func failed(_ code: Int32) {
        guard descriptor == 1 else { return }  // a failing standard error has nowhere to be reported
        if Self.firstOutputFailure.compareExchange(expected: 0, desired: code, ordering: .acquiringAndReleasing).exchanged {
            Self.onOutputFailure?(String(cString: strerror(code)))
        }
    }
}

/// An output that keeps the structure of a transcript (the HTML handout): which text is a statement, narration,
/// a plot or a pause. The session and the classroom commands hand it these pieces instead of plain text; it also
/// writes them as text to the terminal.
protocol StructuredOutput: OutputSink {
    /// A statement about to run, shown after the prompt.
    func statement(_ text: String, prompt: String)
    /// A line of narration (`say`).
    func narration(_ text: String)
    /// A plot shown as a value (echoed, or printed).
    func plot(_ plot: PlotObject)
    /// A `pause`: the end of a part of the story.
    func pause()
}
