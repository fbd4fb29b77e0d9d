/// A grid of character cells, each with an optional series colour, that renders to text lines.
struct TerminalCanvas: Sendable {
    /// A cell style: no colour, a palette colour, or bold (titles).
    enum Style: Equatable, Sendable {
        case plain
        case series(Int)
        case bold
    }

    /// The number of columns.
    let width: Int
    /// The number of rows.
    let height: Int
    private var cells: [Character]
    private var styles: [Style]

    /// A blank canvas.
    init(width: Int, height: Int) {
        self.width = max(width, 0)
        self.height = max(height, 0)
        cells = Array(repeating: " ", count: self.width * self.height)
        styles = Array(repeating: .plain, count: self.width * self.height)
    }

    /// The character at a cell, or a space outside the canvas.
    subscript(column: Int, row: Int) -> Character {
        guard column >= 0, column < width, row >= 0, row < height else { return " " }
        return cells[row * width + column]
    }

    /// Puts one character at a cell; outside the canvas nothing happens.
    mutating func put(_ c: Character, column: Int, row: Int, style: Style = .plain) {
        guard column >= 0, column < width, row >= 0, row < height else { return }
        cells[row * width + column] = c
        styles[row * width + column] = style
    }

    /// Writes text from a cell rightwards, clipped to the canvas.
    mutating func write(_ text: String, column: Int, row: Int, style: Style = .plain) {
        var c = column
        for ch in text {
            put(ch, column: c, row: row, style: style)
            c += 1
        }
    }

    /// Writes text centred on the row (or on `start ..< start + span`), clipped to the canvas.
    mutating func writeCentered(_ text: String, row: Int, start: Int = 0, span: Int? = nil, style: Style = .plain) {
        let span = span ?? width
        let shown = TerminalText.truncated(text, to: span)
        write(shown, column: start + max(0, (span - shown.count) / 2), row: row, style: style)
    }

    /// Copies the set dots of a braille canvas onto the cells at an offset, with their colours.
    mutating func overlay(_ braille: BrailleCanvas, column: Int, row: Int, colored: Bool) {
        for r in 0..<braille.rows {
            for c in 0..<braille.columns {
                if let (ch, series) = braille.cell(column: c, row: r) {
                    put(ch, column: column + c, row: row + r, style: .series(series))
                }
            }
        }
    }

    /// The rows as text; with `color`, ANSI escape codes wrap runs of styled cells (spaces never start a new run,
    /// and every line ends with its colour reset). Lines are padded with spaces to exactly `width` columns.
    func lines(color: Bool) -> [String] {
        (0..<height).map { r in
            var line = ""
            let base = r * width
            var last = width - 1
            while last >= 0 && cells[base + last] == " " { last -= 1 }
            var current = Style.plain
            if last >= 0 {
                for c in 0...last {
                    let i = base + c
                    if color && cells[i] != " " && styles[i] != current {
                        if current != .plain { line += ANSI.reset }
                        line += ANSI.code(styles[i])
                        current = styles[i]
                    }
                    line.append(cells[i])
                }
            }
            if color && current != .plain { line += ANSI.reset }
            line += String(repeating: " ", count: width - 1 - last)
            return line
        }
    }
}

/// ANSI escape sequences for terminal colour.
enum ANSI {
    /// Resets all attributes.
    static let reset = "\u{1B}[0m"

    /// The escape sequence that starts a cell style.
    static func code(_ style: TerminalCanvas.Style) -> String {
        switch style {
        case .plain: ""
        case .bold: "\u{1B}[1m"
        case .series(let i): "\u{1B}[38;5;\(Palette.ansi256[i % Palette.ansi256.count])m"
        }
    }
}

/// Small helpers for fitting text into columns.
enum TerminalText {
    /// `text` cut to at most `width` characters, ending in `…` when cut.
    static func truncated(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        guard text.count > width else { return text }
        return String(text.prefix(width - 1)) + "…"
    }

    /// `text` right-aligned in `width` columns.
    static func padLeft(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
