@testable import SPSBindings
import CEditline
import Foundation
import SPSLanguage
import SPSNumeric
@testable import SPSShell
import Testing

#if canImport(Glibc)
import Glibc
#endif

// MARK: - Helpers

/// A fresh empty folder in the temporary directory.
private func temporaryFolder(_ label: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("sps-\(label)-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

private func names(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
}

private func fileType(_ path: String) -> mode_t {
    var s = stat()
    lstat(path, &s)
    return s.st_mode & S_IFMT
}

/// Writes `count` bytes of `text` into the FIFO at `path` from another thread (blocks there until it is opened).
private func feed(_ path: String, _ text: String) {
    Thread {
        let fd = open(path, O_WRONLY)
        guard fd >= 0 else { return }
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }.start()
}

/// The built `sps`, run with `arguments`; standard output goes to `stdoutPath` (a pipe when nil).
private func runSPS(_ arguments: [String], stdoutPath: String? = nil) throws -> (status: Int32, out: String, err: String) {
    let binary = try #require(PseudoTerminalTests.binary)
    let p = Process()
    p.executableURL = URL(fileURLWithPath: binary)
    p.arguments = arguments
    let outPipe = Pipe(), errPipe = Pipe()
    if let stdoutPath {
        p.standardOutput = try #require(FileHandle(forWritingAtPath: stdoutPath))
    } else {
        p.standardOutput = outPipe
    }
    p.standardError = errPipe
    p.standardInput = FileHandle.nullDevice
    try p.run()
    let err = errPipe.fileHandleForReading.readDataToEndOfFile()
    let out = stdoutPath == nil ? outPipe.fileHandleForReading.readDataToEndOfFile() : Data()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
}

// MARK: - Readers: load, sps FILE

@Suite("File safety: readers")
struct ReaderSafetyTests {
    @Test("load refuses a device, a folder and a missing file, saying which; the session goes on")
    func loadRefusals() throws {
        let (s, out, err) = standardSession()
        #expect(s.run("load \"/dev/zero\"", name: "a.sps") == .runtimeError)
        #expect(err.text.contains("load: cannot read file '/dev/zero': it is not a regular file (it is a character device)"), "\(err.text)")
        #expect(s.run("load \"/tmp\"", name: "b.sps") == .runtimeError)
        #expect(err.text.contains("load: cannot read file '/tmp': it is a folder"), "\(err.text)")
        #expect(s.run("load \"/no/such.sps\"", name: "c.sps") == .runtimeError)
        #expect(err.text.contains("load: cannot read file '/no/such.sps': no such file"), "\(err.text)")
        #expect(s.run("print \"alive\"", name: "d.sps") == .success)
        #expect(out.text == "alive\n")
    }

    @Test("one size limit for every reader: a 3 GB (sparse) file is refused by load, csv, load_model and sps FILE")
    func oversized() throws {
        let dir = try temporaryFolder("oversized")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/huge.csv"
        let fd = open(path, O_WRONLY | O_CREAT, 0o644)
        try #require(fd >= 0)
        let sized = ftruncate(fd, 3 << 30)
        close(fd)
        try #require(sized == 0)
        let reason = "the file is too large (3.0 GB; sps reads files of up to 2.0 GB)"
        let (s, _, err) = standardSession()
        #expect(s.run("load \"\(path)\"", name: "a.sps") == .runtimeError)
        #expect(err.text.contains("load: cannot read file '\(path)': \(reason)"), "\(err.text)")
        #expect(s.run("d = csv \"\(path)\"", name: "b.sps") == .runtimeError)
        #expect(err.text.contains("cannot read '\(path)': \(reason)"), "\(err.text)")
        #expect(s.run("m = load_model \"\(path)\"", name: "c.sps") == .runtimeError)
        #expect(err.text.components(separatedBy: reason).count == 4, "\(err.text)")
        let (t, _, errors) = standardSession()
        #expect(t.runFile(path) == .unreadable)
        #expect(errors.text == "error: cannot read '\(path)': \(reason)\n")
    }

    @Test("load reads a FIFO (a script from a pipe, as `load` of a process substitution)")
    func loadFIFO() throws {
        let dir = try temporaryFolder("load-fifo")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/script.sps"
        try #require(mkfifo(path, 0o600) == 0)
        feed(path, "from_pipe = 41\n")
        let (s, out, err) = standardSession()
        #expect(s.run("load \"\(path)\"\nprint (from_pipe + 1)", name: "fifo.sps") == .success, "\(err.text)")
        #expect(out.text == "42\n")
    }

    @Test("a script that is a device is refused before reading (64), with the reason")
    func runFileDevice() {
        let (s, _, err) = standardSession()
        #expect(s.runFile("/dev/zero") == .unreadable)
        #expect(err.text == "error: cannot read '/dev/zero': it is not a regular file (it is a character device)\n")
        #expect(RunOutcome.unreadable.exitCode == 64)
    }

    @Test("sps /dev/zero exits 64 at once; sps FIFO (process substitution) runs the script",
          .enabled(if: PseudoTerminalTests.binary != nil, "needs the sps binary"))
    func binaryReaders() throws {
        let zero = try runSPS(["/dev/zero"])
        #expect(zero.status == 64)
        #expect(zero.err.contains("cannot read '/dev/zero': it is not a regular file (it is a character device)"), "\(zero.err)")

        let dir = try temporaryFolder("sps-fifo")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/fifo"
        try #require(mkfifo(path, 0o600) == 0)
        feed(path, "print (6 * 7)\n")
        let piped = try runSPS([path])
        #expect(piped.status == 0, "\(piped.err)")
        #expect(piped.out == "42\n")
    }
}

// MARK: - Writers: save

@Suite("File safety: save")
struct SaveSafetyTests {
    @Test("save refuses a path ending in '/', an empty path and a FIFO; nothing is created or replaced")
    func oddDestinations() throws {
        let dir = try temporaryFolder("save-odd")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try #require(mkfifo(dir + "/pipe", 0o644) == 0)
        let (s, out, err) = standardSession()
        #expect(s.run("d = spurious n=10", name: "setup.sps") == .success)
        #expect(s.run("save d \"\(dir)/x/\"", name: "slash.sps") == .runtimeError)
        #expect(err.text.contains("cannot write '\(dir)/x/': the path ends in '/'; name a file"), "\(err.text)")
        #expect(s.run("save d \"\"", name: "empty.sps") == .runtimeError)
        #expect(err.text.contains("cannot write '': empty path; name a file"), "\(err.text)")
        #expect(s.run("save d \"\(dir)/pipe\"", name: "fifo.sps") == .runtimeError)
        #expect(err.text.contains("cannot write '\(dir)/pipe': it is a FIFO (named pipe), not a regular file"), "\(err.text)")
        #expect(names(dir) == ["pipe"])
        #expect(fileType(dir + "/pipe") == S_IFIFO)
        #expect(s.run("print \"alive\"", name: "next.sps") == .success)
        #expect(out.text.hasSuffix("alive\n"))
    }

    @Test("save through a symbolic link writes its target and keeps a 0600 file 0600")
    func saveThroughLink() throws {
        let dir = try temporaryFolder("save-link")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: dir + "/data.csv"))
        chmod(dir + "/data.csv", 0o600)
        try #require(symlink("data.csv", dir + "/latest.csv") == 0)
        let (s, _, err) = standardSession()
        #expect(s.run("d = spurious n=10\nsave d \"\(dir)/latest.csv\"", name: "save.sps") == .success, "\(err.text)")
        #expect(fileType(dir + "/latest.csv") == S_IFLNK)
        let text = try String(contentsOfFile: dir + "/data.csv", encoding: .utf8)
        #expect(text.hasPrefix("x1,x2,x3,y\n"))
        var info = stat()
        stat(dir + "/data.csv", &info)
        #expect(info.st_mode & 0o777 == 0o600)
        #expect(names(dir) == ["data.csv", "latest.csv"])
    }
}

// MARK: - History

/// A reader whose history file can never be written.
private final class FailingHistoryReader: LineReader {
    var lines: [String]
    init(_ lines: [String]) { self.lines = lines }
    func readLine(prompt: String) -> String? { lines.isEmpty ? nil : lines.removeFirst() }
    func addHistory(_ entry: String) {}
    var historyWriteFailure: FileWriteError? { FileWriteError(path: "/full/history", reason: "No space left on device") }
}

@Suite("File safety: history")
struct HistorySafetyTests {
    /// Entries read back from a history file by libedit itself.
    static func loadWithLibedit(_ path: String) throws -> [String] {
        let h = try #require(sps_history_init(5000))
        defer { history_end(h) }
        #expect(sps_history_load(h, path) >= 0)
        var entries: [String] = []
        var next = sps_history_oldest(h)
        while let entry = next {
            entries.append(String(cString: entry))
            next = sps_history_newer(h)
        }
        return entries
    }

    @Test("the history file sps writes is read back by libedit exactly (spaces, tabs, newlines, backslashes, UTF-8)")
    func formatRoundTrip() throws {
        let dir = try temporaryFolder("history-format")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let entries = ["x = 1", "print \"a\\tb\"", "def f x {\n\treturn x * 2\n}", "s = \"\\\\040 is not a space\"",
                       "say \"héllo — 世界 🙂\"", "bell = \"\u{7}\u{7F}\"", "  leading and trailing  ", "a\\", "\\"]
        let path = dir + "/history"
        #expect(LibeditLineReader.saveHistory(entries, to: path) == nil)
        #expect(try Self.loadWithLibedit(path) == entries)
        var info = stat()
        stat(path, &info)
        #expect(info.st_mode & 0o077 == 0, "a new history file is private to its owner")
        #expect(names(dir) == ["history"])
    }

    @Test("a history write that cannot be made leaves the old history whole and says why")
    func failedWriteKeepsHistory() throws {
        // /dev/full as the history: refused as a device (never turned into a file).
        let full = try #require(LibeditLineReader.saveHistory(["x = 1"], to: "/dev/full"))
        #expect(full.message == "cannot write '/dev/full': it is a character device, not a regular file; sps writes only regular files")
        #expect(fileType("/dev/full") == S_IFCHR)
        // A read-only history file keeps its 2,000 entries.
        let dir = try temporaryFolder("history-kept")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/history"
        let old = (0..<2000).map { "entry_number_\($0) = \($0)" }
        #expect(LibeditLineReader.saveHistory(old, to: path) == nil)
        chmod(path, 0o400)
        #expect(LibeditLineReader.saveHistory(old + ["new"], to: path) != nil)
        #expect(try Self.loadWithLibedit(path) == old)
        #expect(names(dir) == ["history"])
    }

    @Test("a history that is a device is neither read (libedit would read /dev/zero forever) nor written")
    func deviceHistoryIsLeftAlone() {
        #expect(LibeditLineReader.historyFileRefusal("/dev/zero")?.message
                == "cannot write '/dev/zero': it is a character device, not a regular file; history is kept for this session only")
        #expect(LibeditLineReader.historyFileRefusal("/no/such/history") == nil)
    }

    @Test("SPS_HISTORY=/dev/zero: the prompt starts, warns once, and works",
          .enabled(if: PseudoTerminalTests.available, "needs the sps binary and a pseudo-terminal"))
    func deviceHistoryAtThePrompt() throws {
        let binary = try #require(PseudoTerminalTests.binary)
        let shell = try Terminal.shell(binary, history: "/dev/zero")
        try shell.waitFor("sps> ")
        shell.type("print (40 + 2)\r")
        try shell.waitFor("42\r\n")
        #expect(shell.screen.contains("warning: history: cannot write '/dev/zero': it is a character device"), "\(shell.screen)")
        shell.type("quit\r")
        #expect(shell.waitForExit() == 0)
    }

    @Test("a failing history write is reported once per session, on the error output; entries still run")
    func warnsOnce() {
        let out = BufferSink(), err = BufferSink()
        let session = Session.standard(output: out, errors: err)
        let repl = REPL(session: session, reader: FailingHistoryReader(["a = 1", "print (a + 1)", "print (a + 2)"]))
        repl.run()
        #expect(out.text == "2\n3\n")
        let warnings = err.text.components(separatedBy: "warning: history: cannot write '/full/history': No space left on device")
        #expect(warnings.count == 2, "\(err.text)")
        #expect(err.text.contains("the file keeps its earlier entries"))
    }

    @Test("on a disk that fills up (a file size limit), the prompt warns once and the 2,000-entry history survives",
          .enabled(if: PseudoTerminalTests.available, "needs the sps binary and a pseudo-terminal"),
          // ThreadSanitizer's own runtime dies with SIGBUS at start-up under a file-size limit (`ulimit -f 8` and
          // `sps -e 'print 1'` is enough), before any sps code runs.
          .enabled(if: ProcessInfo.processInfo.environment["TSAN_OPTIONS"] == nil, "TSan cannot start under ulimit -f"))
    func fullDiskAtThePrompt() throws {
        let binary = try #require(PseudoTerminalTests.binary)
        let dir = try temporaryFolder("history-fsize")
        let scripts = try temporaryFolder("history-fsize-wrapper")
        defer {
            try? FileManager.default.removeItem(atPath: dir)
            try? FileManager.default.removeItem(atPath: scripts)
        }
        let history = dir + "/history"
        let old = (0..<2000).map { "entry_number_\($0) = \($0)" }
        #expect(LibeditLineReader.saveHistory(old, to: history) == nil)
        let before = try Data(contentsOf: URL(fileURLWithPath: history))
        #expect(before.count > 40_000)
        // Files may grow to 8 blocks (at most 8 KiB) in the shell: every history write fails with EFBIG.
        let wrapper = scripts + "/sps-small-disk"
        try Data("#!/bin/sh\ntrap '' XFSZ\nulimit -f 8\nexec '\(binary)'\n".utf8).write(to: URL(fileURLWithPath: wrapper))
        chmod(wrapper, 0o755)

        let shell = try Terminal.shell(wrapper, history: history)
        try shell.waitFor("sps> ")
        shell.type("first_value = 20\r")
        try shell.waitFor("warning: history: cannot write '\(history)': File too large")
        try shell.waitFor("sps> ", after: "first_value = 20")
        shell.type("print (first_value + 22)\r")
        try shell.waitFor("42\r\n")
        shell.type("quit\r")
        #expect(shell.waitForExit() == 0)
        #expect(shell.screen.components(separatedBy: "warning: history").count == 2, "\(shell.screen)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: history)) == before)
        #expect(names(dir) == ["history"])
    }
}

// MARK: - Standard output and the command line

@Suite("File safety: standard output and -e", .enabled(if: PseudoTerminalTests.binary != nil, "needs the sps binary"))
struct CommandLineSafetyTests {
    @Test("a failed write to standard output is an error on stderr and exit 70")
    func fullStandardOutput() throws {
        let dir = try temporaryFolder("stdout-full")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("print 1\nprint 2\n".utf8).write(to: URL(fileURLWithPath: dir + "/x.sps"))
        for arguments in [[dir + "/x.sps"], ["-e", "print 1"]] {
            let r = try runSPS(arguments, stdoutPath: "/dev/full")
            #expect(r.status == 70, "\(arguments)")
            #expect(r.err == "error: cannot write to standard output: No space left on device; sps goes on, and exits with status 70\n", "\(r.err)")
        }
        // A script that writes nothing does not fail; one with a syntax error keeps its 65.
        #expect(try runSPS(["-e", "x = 1"], stdoutPath: "/dev/full").status == 0)
        #expect(try runSPS(["-e", "print 1\nx = ("], stdoutPath: "/dev/full").status == 65)
        #expect(try runSPS(["--help-markdown"], stdoutPath: "/dev/full").status == 70)
    }

    @Test("several -e run as lines of one script, in order; errors name their line")
    func severalE() throws {
        let r = try runSPS(["-e", "a = 20", "-e", "print (a + 1)", "-e", "print (a * 2)"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out == "21\n40\n")
        let bad = try runSPS(["-e", "print 1", "-e", "print nope"])
        #expect(bad.status == 70)
        #expect(bad.out == "1\n")
        #expect(bad.err.hasPrefix("<command line>:2:"), "\(bad.err)")
    }

    @Test("a script and -e together are a usage error (64), not a silently skipped file; --help says so")
    func scriptAndE() throws {
        let dir = try temporaryFolder("script-and-e")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("print \"file\"\n".utf8).write(to: URL(fileURLWithPath: dir + "/x.sps"))
        let r = try runSPS([dir + "/x.sps", "-e", "print 2"])
        #expect(r.status == 64)
        #expect(r.out.isEmpty)
        #expect(r.err.contains("give either a script (\(dir)/x.sps) or -e text, not both"), "\(r.err)")
        let help = try runSPS(["--help"])
        let words = help.out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("Several -e are joined as lines of one script"), "\(help.out)")
        #expect(words.contains("-e and a script file cannot be given together"), "\(help.out)")
    }
}
