import SPSBindings
import SPSLanguage
import SPSNumeric

/// `sps --html handout.html lesson.sps`: the transcript of a run as one self-contained web page.
///
/// The page holds, in order, the narration (`say`), each statement after its prompt, what it printed, every plot
/// as inline SVG (drawn by SPSPlot's SVG renderer, whether echoed or printed), and errors; each `pause` ends a
/// part of the page. Comments are not shown, as in `--echo`. Nothing is fetched: no stylesheet, script, font or
/// image outside the page, and a Content-Security-Policy that forbids fetching anything. The page carries no date
/// or path beyond the script's name, so the same run gives the same bytes.
///
/// Recording tees the session's output and errors: the terminal still shows the transcript, the handout keeps
/// its structure (`HandoutSink`). Commands typed at a `--step` stop are not recorded.
public final class HTMLHandout {
    /// One piece of the page, in the order it happened.
    enum Block: Equatable {
        case statement(prompt: String, text: String)
        case output(String)
        case error(String)
        case narration(String)
        case plot(svg: String, label: String)
        case pause
    }

    /// The page's title: the script's name.
    public let title: String
    /// What the page shows so far.
    private(set) var blocks: [Block] = []

    /// An empty handout titled after the script.
    public init(title: String) {
        self.title = title
    }

    /// Routes the session's output and errors through the handout (they still reach where they went) and makes
    /// `print` hand plots to it as figures.
    public func record(_ session: Session) {
        session.output = HandoutSink(session.output, handout: self, isErrors: false)
        session.errorOutput = HandoutSink(session.errorOutput, handout: self, isErrors: true)
        if case .command(let print)? = session.interpreter.global("print") {
            session.register([Self.printShowingPlots(print)])
        }
    }

    /// Adds a piece; text written in several parts joins the piece before it.
    func append(_ block: Block) {
        switch (blocks.last, block) {
        case (.output(let before)?, .output(let more)):
            blocks[blocks.count - 1] = .output(before + more)
        case (.error(let before)?, .error(let more)):
            blocks[blocks.count - 1] = .error(before + more)
        default:
            blocks.append(block)
        }
    }

    /// `print` as built in, except that a plot among the values goes to the handout as a figure (the terminal
    /// still gets its drawing).
    static func printShowingPlots(_ original: Command) -> Command {
        Command(original.name, topic: original.topic, summary: original.summary, help: original.help,
                example: original.example, parameters: original.parameters) { (args: inout Arguments) throws(RuntimeError) in
            let values = args.rest("values")
            guard let sink = args.interpreter.output as? StructuredOutput,
                  values.contains(where: { $0.object is PlotObject }) else { return try original.body(&args) }
            var words: [String] = []
            for value in values {
                if let plot = value.object as? PlotObject {
                    if !words.isEmpty { sink.write(words.joined(separator: " ") + "\n") }
                    words = []
                    sink.plot(plot)
                } else {
                    words.append(value.description)
                }
            }
            if !words.isEmpty { sink.write(words.joined(separator: " ") + "\n") }
            return .nil
        }
    }

    // MARK: - Writing

    /// Why `path` cannot take the handout (checked before the script runs), or nil: the rules of every atomic
    /// write (a regular file or a new one, in a folder that exists; links followed).
    public static func unwritable(_ path: String) -> FileWriteError? {
        do throws(FileWriteError) {
            _ = try AtomicFile.destination(for: path)
            return nil
        } catch {
            return error
        }
    }

    /// Writes the page atomically (never half-written, never over something that is not a regular file).
    public func write(to path: String) throws(FileWriteError) {
        try AtomicFile.write(html, to: path)
    }

    /// How many plots the page shows.
    public var plotCount: Int {
        blocks.reduce(0) { count, block in if case .plot = block { count + 1 } else { count } }
    }

    /// The whole page.
    public var html: String {
        var body = ""
        var sectionOpen = false, stepOpen = false
        func closeStep() {
            if stepOpen { body += "</div>\n" }
            stepOpen = false
        }
        func openSection() {
            if !sectionOpen { body += "<section>\n" }
            sectionOpen = true
        }
        var previous: Block?
        for block in blocks {
            defer { previous = block }
            switch block {
            case .pause:
                closeStep()
                if sectionOpen { body += "</section>\n" }
                sectionOpen = false
                continue
            case .statement(let prompt, let text):
                closeStep()
                openSection()
                body += "<div class=\"step\">\n<pre class=\"in\">" + Self.statementHTML(text, prompt: prompt) + "</pre>\n"
                stepOpen = true
            case .narration(let text):
                if !stepOpen, sectionOpen, body.hasSuffix("</p>\n"), case .narration? = previous {
                    // Narration said line after line reads as one paragraph, broken where the script broke it.
                    body.removeLast("</p>\n".count)
                    body += "<br>\n" + Self.escape(text) + "</p>\n"
                    break
                }
                closeStep()
                openSection()
                body += "<p class=\"say\">" + Self.escape(text) + "</p>\n"
            case .output(let text):
                openSection()
                let plain = Self.withoutTrailingNewline(text)
                guard !plain.isEmpty else { continue }
                body += "<pre class=\"out\">" + Self.escape(plain) + "</pre>\n"
            case .error(let text):
                openSection()
                body += "<pre class=\"err\">" + Self.escape(Self.withoutTrailingNewline(text)) + "</pre>\n"
            case .plot(let svg, let label):
                openSection()
                body += "<figure class=\"plot\">\n" + Self.inlineSVG(svg, label: label) + "</figure>\n"
            }
        }
        closeStep()
        if sectionOpen { body += "</section>\n" }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="sps">
            <title>\(Self.escape(title))</title>
            <style>
            \(Self.stylesheet)
            </style>
            </head>
            <body>
            <main>
            <h1>\(Self.escape(title))</h1>
            \(body)</main>
            </body>
            </html>

            """
    }

    /// The page's look: readable text, statements and output in monospace, figures as wide as the text.
    static let stylesheet = """
        body { margin: 0; background: #fdfdfc; color: #1d1d1f; font: 17px/1.5 Georgia, 'DejaVu Serif', serif; }
        main { max-width: 52rem; margin: 0 auto; padding: 1.5rem 1.25rem 4rem; }
        h1 { font: 600 1.3rem/1.3 Helvetica, Arial, 'DejaVu Sans', sans-serif; color: #555; margin: 0 0 1rem; }
        section { border-top: 1px solid #ddd; padding-top: 0.5rem; margin-top: 1.5rem; }
        section:first-of-type { border-top: none; margin-top: 0; }
        p.say { margin: 1rem 0 0.5rem; padding-left: 1.1rem; text-indent: -1.1rem; }
        p.say::before { content: "▸ "; color: #2a7ab0; }
        pre { font: 13.5px/1.35 'DejaVu Sans Mono', Menlo, Consolas, monospace; margin: 0; padding: 0.35rem 0.6rem; overflow-x: auto; white-space: pre; }
        .step { margin: 0.6rem 0; }
        pre.in { background: #eef3f7; border-left: 3px solid #2a7ab0; }
        pre.in .prompt { color: #2a7ab0; user-select: none; }
        pre.out { background: #f6f6f4; border-left: 3px solid #ccc; }
        pre.err { background: #fdf0ef; border-left: 3px solid #c0392b; color: #8e2318; }
        figure.plot { margin: 0.6rem 0 1rem; }
        figure.plot svg { display: block; max-width: 100%; height: auto; border: 1px solid #e4e4e4; background: #fff; }
        @media print { body { background: #fff; } figure, .step { break-inside: avoid; } }
        """

    /// A statement with its prompt on the first line and `...  ` on the others.
    static func statementHTML(_ text: String, prompt: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { line in
            "<span class=\"prompt\">" + escape(line.offset == 0 ? prompt : "...  ") + "</span>" + escape(String(line.element))
        }.joined(separator: "\n")
    }

    /// The renderer's SVG document as an element of the page: without the XML declaration or the namespace
    /// attribute (the HTML parser supplies it), labelled for screen readers.
    static func inlineSVG(_ document: String, label: String) -> String {
        guard let start = document.range(of: "<svg") else { return "" }
        var svg = String(document[start.lowerBound...])
        let namespace = " xmlns=\"http://www.w3.org/2000/svg\""
        let labelled = " role=\"img\" aria-label=\"\(escape(label))\""
        if let r = svg.range(of: namespace) { svg.replaceSubrange(r, with: labelled) } else {
            svg.replaceSubrange(start.lowerBound..<svg.index(svg.startIndex, offsetBy: 4), with: "<svg" + labelled)
        }
        return svg.hasSuffix("\n") ? svg : svg + "\n"
    }

    static func withoutTrailingNewline(_ text: String) -> String {
        var s = Substring(text)
        while s.last == "\n" { s.removeLast() }
        return String(s)
    }

    /// Text made safe for HTML content and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}

/// The output (or error) sink of a session whose run becomes a handout: writes everything on to the terminal
/// (`terminal`) and records it in the handout, plain (colour codes removed), with its structure.
final class HandoutSink: StructuredOutput {
    /// Where the text goes on (standard output or error).
    let terminal: any OutputSink
    let handout: HTMLHandout
    let isErrors: Bool

    init(_ terminal: any OutputSink, handout: HTMLHandout, isErrors: Bool) {
        self.terminal = terminal
        self.handout = handout
        self.isErrors = isErrors
    }

    func write(_ text: String) {
        terminal.write(text)
        let plain = TerminalText.plain(text)
        handout.append(isErrors ? .error(plain) : .output(plain))
    }

    func statement(_ text: String, prompt: String) {
        terminal.write(Session.transcriptLines(text, prompt: prompt))
        handout.append(.statement(prompt: prompt, text: text))
    }

    func narration(_ text: String) {
        terminal.write(ClassroomCommands.narrationText(text))
        handout.append(.narration(TerminalText.plain(text)))
    }

    func plot(_ plot: PlotObject) {
        terminal.write(plot.description + "\n")
        handout.append(.plot(svg: plot.svg, label: plot.label))
    }

    func pause() {
        handout.append(.pause)
    }
}

extension PlotObject {
    /// What a plot shows, for a screen reader: `scatter plot: train`, `grid of 2 plots`.
    var label: String {
        switch content {
        case .single(let plot): return plot.title.isEmpty ? summary : "\(summary): \(plot.title)"
        case .figure(let figure): return figure.title.isEmpty ? summary : "\(summary): \(figure.title)"
        }
    }
}

/// Text as a terminal shows it, without the escape sequences that colour it.
enum TerminalText {
    /// The text without ANSI escape sequences (`ESC [ … letter`, and other two-byte `ESC x` sequences).
    static func plain(_ text: String) -> String {
        guard text.utf8.contains(0x1B) else { return text }
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let c = scalars.next() {
            guard c == "\u{1B}" else {
                out.append(c)
                continue
            }
            guard let next = scalars.next() else { break }
            if next == "[" {
                while let s = scalars.next(), !(0x40...0x7E).contains(s.value) {}
            }
        }
        return String(out)
    }
}
