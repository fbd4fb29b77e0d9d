@testable import SPSBindings
import Foundation
import SPSLanguage
import SPSTestSupport
@testable import SPSShell
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `sps --html handout.html lesson.sps`: the page's structure (a snapshot), what it leaves out and escapes, how it
/// is written, and — in a real headless Chromium — that it renders, shows its plots and fetches nothing.
@Suite("HTML handouts")
struct HandoutTests {
    /// A short lesson with narration, output, an error, a pause and two plots (one echoed, one printed).
    static let lesson = """
        # Comments are not in the handout.
        say "A small world where x3 is spurious."
        say "Narration said line after line is one paragraph."
        seed 0
        train = spurious n=200 factor=0.2
        print (round (mean train.x3) digits=1)
        pause
        say "The scatter of x3 against y, and the histogram of x3:"
        plot scatter train x=x3 y=y
        p = plot hist train x3 bins=10
        print p
        say "Text is escaped: <b>bold</b> & \\"quoted\\""
        xs = [1, 2,
          3]
        xs;
        print "<script>alert(1)</script>"
        missing_name
        """

    /// The handout of a run of `text`, with what the terminal got.
    static func handout(of text: String, title: String = "lesson.sps") -> (HTMLHandout, RunOutcome, String, String) {
        let out = BufferSink(), err = BufferSink()
        let session = Session.standard(output: out, errors: err)
        let handout = HTMLHandout(title: title)
        handout.record(session)
        let outcome = session.run(text, name: title, echo: .transcript)
        return (handout, outcome, out.text, err.text)
    }

    /// The page with each inline SVG's content left out (the plots' drawings have their own snapshot tests in
    /// SPSPlotTests); the opening tag, with its size and label, stays.
    static func structure(_ html: String) -> String {
        var out = "", rest = Substring(html)
        while let start = rest.range(of: "<svg") {
            guard let tagEnd = rest[start.upperBound...].firstIndex(of: ">"),
                  let end = rest.range(of: "</svg>", range: tagEnd..<rest.endIndex) else { break }
            out += rest[..<start.lowerBound] + rest[start.lowerBound...tagEnd] + "…</svg>"
            rest = rest[end.upperBound...]
        }
        return out + rest
    }

    @Test("the page's structure: narration, statements, output, figures, errors, parts split at pause")
    func structureSnapshot() {
        let (handout, outcome, terminal, errors) = Self.handout(of: Self.lesson)
        #expect(outcome == .runtimeError)
        #expect(errors.contains("lesson.sps:17:"))
        #expect(handout.plotCount == 2)
        assertSnapshot(Self.structure(handout.html), named: "handout-lesson")
        // The terminal got the transcript: statements, narration once, plots as drawings.
        #expect(terminal.contains("sps> plot scatter train x=x3 y=y\n"))
        #expect(terminal.components(separatedBy: "A small world").count == 2)
        #expect(!terminal.contains("pause"))
    }

    @Test("nothing in the page points outside it, and user text is escaped")
    func selfContainedAndEscaped() {
        let html = Self.handout(of: Self.lesson).0.html
        for outside in ["://", "src=", "href=", "<link", "<script", "url(", "@import", "<img", "<iframe"] {
            #expect(!html.contains(outside), "the page contains \(outside)")
        }
        #expect(html.contains("Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\""))
        #expect(html.contains("Text is escaped: &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.components(separatedBy: "<svg").count == 3)
    }

    @Test("colour codes are left out of the page")
    func colourCodesRemoved() {
        #expect(TerminalText.plain("\u{1B}[36m42\u{1B}[0m and \u{1B}[1;32mok\u{1B}[0m") == "42 and ok")
        #expect(TerminalText.plain("plain") == "plain")
    }

    @Test("commands typed at a --step stop are not in the handout")
    func stopCommandsStayOffThePage() {
        let out = BufferSink(), err = BufferSink()
        let session = Session.standard(output: out, errors: err)
        let handout = HTMLHandout(title: "t.sps")
        handout.record(session)
        let stepper = Stepper(session: session, reader: ScriptedLineReader(["", "print \"inspected\"", "nope", ""]))
        stepper.install()
        #expect(session.run("x = 1\nprint \"shown\"", name: "t.sps", echo: .transcript) == .success)
        #expect(out.text.contains("inspected"))
        #expect(err.text.contains("unknown name 'nope'"))
        #expect(handout.html.contains("shown"))
        #expect(!handout.html.contains("inspected"))
        #expect(!handout.html.contains("nope"))
    }

    // MARK: - The command line

    static var binary: String? { PseudoTerminalTests.binary }

    /// A fresh folder for one test.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sps-handout-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("sps --html writes the page atomically and prints the transcript; it refuses what is not a regular file",
          .enabled(if: HandoutTests.binary != nil, "needs the sps binary"))
    func commandLine() throws {
        let sps = try #require(Self.binary)
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("lesson.sps").path
        try "say \"hi\"\nx = 2\nx * 21\nplot hist (tensor [1, 2, 2, 3])\n".write(toFile: script, atomically: true, encoding: .utf8)
        let page = folder.appendingPathComponent("handout.html").path
        try "old".write(toFile: page, atomically: true, encoding: .utf8)

        let run = try BoundedProcess.run([sps, "--html", page, script], timeout: 60)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.hasPrefix("\n▸ hi\nsps> x = 2\nsps> x * 21\n42\nsps> plot hist"))
        #expect(run.errors.contains("wrote \(page): the transcript with 1 plot"))
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<pre class=\"out\">42</pre>"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["handout.html", "lesson.sps"])

        // A folder, a device: refused before the script runs (nothing printed), with status 64.
        for target in [folder.path, "/dev/null"] {
            let refused = try BoundedProcess.run([sps, "--html", target, script], timeout: 60)
            #expect(refused.status == 64)
            #expect(refused.output == "")
            #expect(refused.errors.contains("error: --html: cannot write '\(target)'"), "\(refused.errors)")
        }
        // With -i, or without a script: a usage error.
        let interactive = try BoundedProcess.run([sps, "-i", "--html", page, script], timeout: 60)
        #expect(interactive.status == 64)
        #expect(interactive.errors.contains("leave out -i"))
    }

    // MARK: - In a real browser

    /// Debian's Chromium (`scripts/setup` installs it), or nil.
    static var chromium: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") + ["/usr/bin"] {
            for name in ["chromium", "chromium-browser"] where access("\(folder)/\(name)", X_OK) == 0 {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }

    /// Chromium, headless, with no sandbox (root), its own profile, no background traffic, every host name
    /// unresolvable and every request sent to a closed proxy port: a page that fetches anything gets nothing.
    static func chromiumArguments(profile: String, extra: [String]) -> [String] {
        ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile)", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
         "--disable-extensions", "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9"] + extra
    }

    /// The URLs a page asked for, from Chromium's NetLog: requests whose initiator is a page (Chromium's own
    /// background requests have none).
    static func pageRequests(netLog path: String) throws -> [String] {
        struct NetLog: Decodable {
            struct Constants: Decodable { let logEventTypes: [String: Int] }
            struct Event: Decodable {
                struct Params: Decodable { let url: String?; let initiator: String? }
                let type: Int
                let params: Params?
            }
            let constants: Constants
            let events: [Event]
        }
        let log = try JSONDecoder().decode(NetLog.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        let start = try #require(log.constants.logEventTypes["URL_REQUEST_START_JOB"])
        return log.events.compactMap { event in
            guard event.type == start, let url = event.params?.url, event.params?.initiator != "not an origin" else { return nil }
            return url
        }
    }

    @Test("the handout renders in headless Chromium: page styled, both plots drawn, nothing fetched",
          .enabled(if: HandoutTests.binary != nil, "needs the sps binary"),
          .enabled(if: HandoutTests.chromium != nil, "Chromium is not installed and could not be: scripts/setup installs it with apt-get install chromium"))
    func rendersInChromium() throws {
        let sps = try #require(Self.binary), chromium = try #require(Self.chromium)
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("lesson.sps").path
        try Self.lesson.write(toFile: script, atomically: true, encoding: .utf8)
        let page = folder.appendingPathComponent("handout.html").path
        let made = try BoundedProcess.run([sps, "--html", page, script], timeout: 60)
        #expect(made.status == 70, "the lesson ends with an error on purpose: \(made.errors)")
        let html = try String(contentsOfFile: page, encoding: .utf8)

        // The screenshot, with a NetLog of every request.
        let screenshot = folder.appendingPathComponent("page.png").path, netLog = folder.appendingPathComponent("net.json").path
        let shot = try BoundedProcess.run([chromium] + Self.chromiumArguments(profile: folder.appendingPathComponent("p1").path, extra: [
            "--window-size=900,2200", "--screenshot=\(screenshot)", "--log-net-log=\(netLog)", "file://\(page)"]), timeout: 90)
        #expect(shot.status == 0, "chromium: \(shot.errors)")
        let image = try PNGImage(Array(try Data(contentsOf: URL(fileURLWithPath: screenshot))))
        #expect(image.width == 900 && image.height == 2200)
        // The page's own colours: its background and the statements' boxes.
        #expect(image.count((0xFD, 0xFD, 0xFC), tolerance: 1) > 300_000, "the page background is missing")
        #expect(image.count((0xEE, 0xF3, 0xF7), tolerance: 2) > 5_000, "the statements' boxes are missing")
        // The histogram's bars (opaque, in the series colour) and the scatter's points (the same colour at the
        // opacity the SVG gives, over white).
        let bars = image.count((0x00, 0x72, 0xB2), tolerance: 6)
        #expect(bars > 20_000, "histogram bars: \(bars) pixels")
        let opacity = try #require(Self.firstAttribute("fill-opacity", of: "<circle", in: html).flatMap(Double.init))
        let blend = { (c: Int) in UInt8((Double(c) * opacity + 255 * (1 - opacity)).rounded()) }
        let points = image.count((blend(0x00), blend(0x72), blend(0xB2)), tolerance: 10)
        #expect(points > 1_000, "scatter points: \(points) pixels")
        #expect(try Self.pageRequests(netLog: netLog) == [], "the page fetched something")

        // The rendered DOM holds both figures, every point of the scatter (200 rows) and the 10 bars.
        let dom = try BoundedProcess.run([chromium] + Self.chromiumArguments(profile: folder.appendingPathComponent("p2").path, extra: [
            "--dump-dom", "file://\(page)"]), timeout: 90)
        #expect(dom.status == 0, "chromium: \(dom.errors)")
        #expect(dom.output.components(separatedBy: "<svg").count == 3)
        #expect(dom.output.components(separatedBy: "<circle").count == 201)
        #expect(dom.output.contains("<figure class=\"plot\">"))

        // The check can fail: a page with an outside image is caught asking for it.
        let control = folder.appendingPathComponent("control.html").path, controlLog = folder.appendingPathComponent("control.json").path
        try "<!DOCTYPE html><p>x</p><img src=\"http://handout-test.invalid/x.png\">".write(toFile: control, atomically: true, encoding: .utf8)
        let caught = try BoundedProcess.run([chromium] + Self.chromiumArguments(profile: folder.appendingPathComponent("p3").path, extra: [
            "--screenshot=\(folder.appendingPathComponent("control.png").path)", "--log-net-log=\(controlLog)", "file://\(control)"]), timeout: 90)
        #expect(caught.status == 0)
        #expect(try Self.pageRequests(netLog: controlLog).contains("http://handout-test.invalid/x.png"))
    }

    /// The value of `attribute` on the first element starting with `element` in `html`.
    static func firstAttribute(_ attribute: String, of element: String, in html: String) -> String? {
        guard let start = html.range(of: element), let end = html[start.upperBound...].firstIndex(of: ">") else { return nil }
        let tag = html[start.upperBound..<end]
        guard let a = tag.range(of: " \(attribute)=\"") else { return nil }
        return tag[a.upperBound...].split(separator: "\"", maxSplits: 1).first.map(String.init)
    }
}

/// Runs a program in its own process group with its output in files, for at most `timeout` seconds; then
/// (finished or not) kills whatever is left of the group, so no browser process outlives a test.
enum BoundedProcess {
    struct Result {
        /// The exit status; nil when the time ran out.
        let status: Int32?
        let output: String
        let errors: String
    }

    struct Failure: Error, CustomStringConvertible { let description: String }

    static func run(_ arguments: [String], timeout: Double) throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sps-process-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outPath = folder.appendingPathComponent("out").path, errPath = folder.appendingPathComponent("err").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        let environment = ProcessInfo.processInfo.environment.filter { $0.key != "COLUMNS" }.map { "\($0.key)=\($0.value)" } + ["NO_COLOR=1"]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw Failure(description: "could not start \(arguments[0]): \(String(cString: strerror(spawned)))") }
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32?
        while Date() < deadline {
            var raw: Int32 = 0
            if waitpid(pid, &raw, WNOHANG) == pid {
                status = (raw & 0x7f) == 0 ? (raw >> 8) & 0xff : 128 + (raw & 0x7f)
                break
            }
            usleep(20_000)
        }
        kill(-pid, SIGKILL)  // the whole group: a browser's helpers too
        if status == nil {
            var raw: Int32 = 0
            waitpid(pid, &raw, 0)
        }
        let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let errors = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        guard status != nil else {
            throw Failure(description: "\(arguments[0]) did not finish within \(Int(timeout)) s and was stopped; it wrote:\n\(errors)")
        }
        return Result(status: status, output: output, errors: errors)
    }
}
