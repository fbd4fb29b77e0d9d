/// Turns source text into tokens.
///
/// Newlines are tokens (they end statements) except inside `(` or `[`, where a line simply continues, and after a
/// `\` at the end of a line. Inside `{` they stay: blocks hold statements. Comments run from `#` to the end of the
/// line; full-line comments are kept so the parser can attach a comment above a `def` as its help.
public struct Lexer {
    let file: SourceFile
    let bytes: [UInt8]
    var pos: Int
    let end: Int
    var line: Int
    var lineStart: Int
    /// The last column computed, to continue from (see `column(at:)`).
    let columnCache = ColumnCache()
    var brackets: [UInt8] = []
    var sawSpace = true
    var tokens: [Token] = []
    /// Errors found while lexing.
    public private(set) var errors: [SyntaxError] = []
    /// Full-line comments by line number (text after `#`, trimmed).
    public private(set) var comments: [Int: String] = [:]
    /// True when the input ended inside a bracket, a string or after a trailing `\`.
    public private(set) var endedEarly = false

    /// Creates a lexer over a whole source.
    public init(file: SourceFile) {
        self.init(file: file, start: 0, end: file.bytes.count, line: 1)
    }

    /// Creates a lexer over a byte range of a source (used for `{…}` inside strings).
    init(file: SourceFile, start: Int, end: Int, line: Int) {
        self.file = file
        self.bytes = file.bytes
        self.pos = start
        self.end = end
        self.line = line
        self.lineStart = line - 1 < file.lineStarts.count ? file.lineStarts[line - 1] : 0
    }

    /// Lexes everything and returns the tokens, ending with `.eof`.
    public mutating func tokenize() -> [Token] {
        while true {
            skipSpaceAndComments()
            if pos >= end { break }
            lexToken()
        }
        if !brackets.isEmpty { endedEarly = true }
        if tokens.last.map({ $0.kind != .newline }) ?? false { add(.newline, from: pos, text: "") }
        add(.eof, from: pos, text: "")
        return tokens
    }

    // MARK: - Helpers

    func column(at offset: Int) -> Int {
        // Counting from the start of the line for every token is quadratic on a long line (a 100 000-character
        // line took minutes); tokens come left to right, so continue from the last position asked about.
        let cache = columnCache
        var c = 1
        var i = lineStart
        if cache.lineStart == lineStart && cache.offset <= offset {
            c = cache.column
            i = cache.offset
        }
        while i < offset && i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { c += 1 }
            i += 1
        }
        cache.lineStart = lineStart
        cache.offset = i
        cache.column = c
        return c
    }

    func location(at offset: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column(at: offset), offset: offset)
    }

    mutating func error(_ message: String, at offset: Int) {
        errors.append(SyntaxError(message, at: location(at: offset)))
    }

    func peek(_ ahead: Int = 0) -> UInt8 {
        let i = pos + ahead
        return i < end ? bytes[i] : 0
    }

    mutating func add(_ kind: TokenKind, from start: Int, text: String? = nil) {
        let t = Token(
            kind: kind, text: text ?? String(decoding: bytes[start..<pos], as: UTF8.self), line: line,
            column: column(at: start), offset: start, end: pos, spaceBefore: sawSpace)
        tokens.append(t)
        sawSpace = false
    }

    mutating func newline(at offset: Int) {
        // A newline matters only outside brackets or directly inside a brace (a block's statements).
        if brackets.isEmpty || brackets.last == UInt8(ascii: "{") {
            if let last = tokens.last, last.kind != .newline {
                tokens.append(
                    Token(kind: .newline, text: "\n", line: line, column: column(at: offset), offset: offset,
                          end: offset + 1, spaceBefore: sawSpace))
            }
        }
        line += 1
        lineStart = offset + 1
        sawSpace = true
    }

    mutating func skipSpaceAndComments() {
        while pos < end {
            let c = bytes[pos]
            if c == 32 || c == 9 || c == 13 {
                pos += 1
                sawSpace = true
            } else if c == 10 {
                newline(at: pos)
                pos += 1
            } else if c == UInt8(ascii: "#") {
                let start = pos
                let fullLine = tokens.last.map { $0.line != line || $0.kind == .newline } ?? true
                while pos < end && bytes[pos] != 10 { pos += 1 }
                if fullLine {
                    var text = String(decoding: bytes[(start + 1)..<pos], as: UTF8.self)
                    while text.first == " " { text.removeFirst() }
                    while text.last == " " || text.last == "\r" { text.removeLast() }
                    comments[line] = text
                }
            } else if c == UInt8(ascii: "\\") {
                // A backslash continues the line when only spaces or a comment follow it.
                var j = pos + 1
                while j < end && (bytes[j] == 32 || bytes[j] == 9 || bytes[j] == 13) { j += 1 }
                if j < end && bytes[j] == UInt8(ascii: "#") { while j < end && bytes[j] != 10 { j += 1 } }
                if j >= end {
                    endedEarly = true
                    pos = j
                } else if bytes[j] == 10 {
                    pos = j + 1
                    line += 1
                    lineStart = pos
                    sawSpace = true
                } else {
                    return
                }
            } else {
                return
            }
        }
    }

    // MARK: - Tokens

    mutating func lexToken() {
        let start = pos
        let c = bytes[pos]
        if isNameStart(c) {
            while pos < end && isNameChar(bytes[pos]) { pos += 1 }
            let text = String(decoding: bytes[start..<pos], as: UTF8.self)
            add(TokenKind.keywords[text] ?? .name, from: start, text: text)
            return
        }
        if isDigit(c) {
            lexNumber(start)
            return
        }
        if c == UInt8(ascii: "\"") {
            lexString(start)
            return
        }
        pos += 1
        let next = peek()
        func two(_ k: TokenKind) { pos += 1; add(k, from: start) }
        switch c {
        case UInt8(ascii: "("): brackets.append(c); add(.lparen, from: start)
        case UInt8(ascii: "["): brackets.append(c); add(.lbracket, from: start)
        case UInt8(ascii: "{"): brackets.append(c); add(.lbrace, from: start)
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
            if !brackets.isEmpty { brackets.removeLast() }
            add(c == UInt8(ascii: ")") ? .rparen : c == UInt8(ascii: "]") ? .rbracket : .rbrace, from: start)
        case UInt8(ascii: ","): add(.comma, from: start)
        case UInt8(ascii: ":"): add(.colon, from: start)
        case UInt8(ascii: ";"): add(.semicolon, from: start)
        case UInt8(ascii: "."):
            if next == UInt8(ascii: ".") {
                pos += 1
                if peek() == UInt8(ascii: "<") { two(.dotdotless) } else { add(.dotdot, from: start) }
            } else {
                add(.dot, from: start)
            }
        case UInt8(ascii: "="): next == UInt8(ascii: "=") ? two(.equal) : add(.assign, from: start)
        case UInt8(ascii: "!"):
            if next == UInt8(ascii: "=") { two(.notEqual) } else { error("unexpected '!'; use 'not' for negation", at: start) }
        case UInt8(ascii: "<"): next == UInt8(ascii: "=") ? two(.lessEqual) : add(.less, from: start)
        case UInt8(ascii: ">"): next == UInt8(ascii: "=") ? two(.greaterEqual) : add(.greater, from: start)
        case UInt8(ascii: "+"): next == UInt8(ascii: "=") ? two(.plusAssign) : add(.plus, from: start)
        case UInt8(ascii: "-"): next == UInt8(ascii: "=") ? two(.minusAssign) : add(.minus, from: start)
        case UInt8(ascii: "*"):
            if next == UInt8(ascii: "*") { two(.starstar) } else if next == UInt8(ascii: "=") { two(.starAssign) } else { add(.star, from: start) }
        case UInt8(ascii: "/"):
            if next == UInt8(ascii: "/") {
                // `// …` as in C or JavaScript: reported, then skipped like the comment it was meant to be.
                error("unexpected '//'; comments start with '#' (and a / b divides: floor (a / b) rounds down)", at: start)
                while pos < end && bytes[pos] != UInt8(ascii: "\n") { pos += 1 }
            } else {
                next == UInt8(ascii: "=") ? two(.slashAssign) : add(.slash, from: start)
            }
        // Operators of other languages, each answered with the sps way (one error for a doubled one).
        case UInt8(ascii: "&"):
            if next == UInt8(ascii: "&") { pos += 1 }
            error("unexpected '\(next == UInt8(ascii: "&") ? "&&" : "&")'; use 'and'", at: start)
        case UInt8(ascii: "|"):
            if next == UInt8(ascii: "|") { pos += 1 }
            error("unexpected '\(next == UInt8(ascii: "|") ? "||" : "|")'; use 'or'", at: start)
        case UInt8(ascii: "^"): error("unexpected '^'; use '**' for powers", at: start)
        case UInt8(ascii: "%"): add(.percent, from: start)
        case UInt8(ascii: "@"): add(.at, from: start)
        default:
            // Skip the whole (possibly multi-byte) character.
            while pos < end && bytes[pos] & 0xC0 == 0x80 { pos += 1 }
            let ch = String(decoding: bytes[start..<pos], as: UTF8.self)
            // Control and invisible characters are shown by code point: a raw NUL or ESC would garble the message.
            let shown = ch.unicodeScalars.allSatisfy({ $0.properties.generalCategory != .control && $0.properties.generalCategory != .format && !$0.properties.isWhitespace })
                ? "'\(ch)'" : ch.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true).leftPadded(to: 4) }.joined(separator: " ")
            error("unexpected character \(shown)", at: start)
            sawSpace = true
        }
    }

    func isNameStart(_ c: UInt8) -> Bool { Lexer.isNameStart(c) }
    func isNameChar(_ c: UInt8) -> Bool { Lexer.isNameChar(c) }
    func isDigit(_ c: UInt8) -> Bool { Lexer.isDigit(c) }

    static func isNameStart(_ c: UInt8) -> Bool {
        (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c == 95
    }
    static func isNameChar(_ c: UInt8) -> Bool { isNameStart(c) || isDigit(c) }
    static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    /// True when `text` lexes as one name: a letter or `_`, then letters, digits and `_` (keywords included).
    static func isName(_ text: String) -> Bool {
        guard let first = text.utf8.first, isNameStart(first) else { return false }
        return text.utf8.allSatisfy(isNameChar)
    }

    mutating func lexNumber(_ start: Int) {
        while pos < end && (isDigit(bytes[pos]) || bytes[pos] == 95) { pos += 1 }
        if peek() == UInt8(ascii: "."), isDigit(peek(1)) {
            pos += 1
            while pos < end && (isDigit(bytes[pos]) || bytes[pos] == 95) { pos += 1 }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            let sign = peek(1) == UInt8(ascii: "+") || peek(1) == UInt8(ascii: "-") ? 1 : 0
            if isDigit(peek(1 + sign)) {
                pos += 1 + sign
                while pos < end && isDigit(bytes[pos]) { pos += 1 }
            }
        }
        if pos < end && isNameStart(bytes[pos]) {
            while pos < end && isNameChar(bytes[pos]) { pos += 1 }
            error("malformed number '\(String(decoding: bytes[start..<pos], as: UTF8.self))'", at: start)
            add(.number, from: start)
            tokens[tokens.count - 1].number = .nan
            return
        }
        let text = String(decoding: bytes[start..<pos], as: UTF8.self)
        add(.number, from: start, text: text)
        tokens[tokens.count - 1].number = Double(text.filter { $0 != "_" }) ?? .nan
    }

    /// Lexes a string literal starting at the opening quote, splitting out `{…}` interpolations.
    mutating func lexString(_ start: Int) {
        let startLine = line
        let startColumn = column(at: start)
        pos += 1
        var pieces: [StringPiece] = []
        var text: [UInt8] = []
        var closed = false
        func flush() {
            if !text.isEmpty { pieces.append(.text(String(decoding: text, as: UTF8.self))) }
            text.removeAll()
        }
        while pos < end {
            let c = bytes[pos]
            if c == UInt8(ascii: "\"") { pos += 1; closed = true; break }
            if c == 10 {
                text.append(c)
                pos += 1
                line += 1
                lineStart = pos
                continue
            }
            if c == UInt8(ascii: "\\") {
                let e = peek(1)
                pos += 2
                switch e {
                case UInt8(ascii: "n"): text.append(10)
                case UInt8(ascii: "t"): text.append(9)
                case UInt8(ascii: "r"): text.append(13)
                case UInt8(ascii: "0"): text.append(0)
                case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "}"): text.append(e)
                case 0 where pos > end: pos = end
                default:
                    // Name the whole character after the backslash (`\é` is two bytes), and skip all of it.
                    let backslash = pos - 2
                    while pos < end && bytes[pos] & 0xC0 == 0x80 { pos += 1 }
                    let ch = String(decoding: bytes[(backslash + 1)..<min(pos, end)], as: UTF8.self)
                    if e == 10 {
                        error("unknown escape: '\\' at the end of a line in a string; a string may span lines without it", at: backslash)
                        line += 1
                        lineStart = pos
                    } else {
                        error("unknown escape '\\\(ch)' in string", at: backslash)
                    }
                }
                continue
            }
            if c == UInt8(ascii: "{") {
                flush()
                let codeStart = pos + 1
                let codeLine = line
                pos += 1
                var depth = 1
                while pos < end && depth > 0 {
                    let d = bytes[pos]
                    if d == UInt8(ascii: "{") { depth += 1 }
                    else if d == UInt8(ascii: "}") { depth -= 1; if depth == 0 { break } }
                    else if d == UInt8(ascii: "\"") { skipNestedString(); continue }
                    else if d == 10 { line += 1; lineStart = pos + 1 }
                    pos += 1
                }
                if depth > 0 { break }
                pieces.append(.code(start: codeStart, end: pos, line: codeLine))
                pos += 1
                continue
            }
            text.append(c)
            pos += 1
        }
        flush()
        if !closed {
            endedEarly = true
            errors.append(SyntaxError("unterminated string",
                                      at: SourceLocation(file: file, line: startLine, column: startColumn, offset: start)))
        }
        let t = Token(kind: .string, text: String(decoding: bytes[start..<min(pos, end)], as: UTF8.self),
                      line: startLine, column: startColumn, offset: start, end: pos, spaceBefore: sawSpace,
                      number: 0, pieces: pieces)
        tokens.append(t)
        sawSpace = false
    }

    /// Skips a string nested inside an interpolation (`"a {f "b"} c"`), including its own interpolations.
    mutating func skipNestedString() {
        pos += 1
        var depth = 0
        while pos < end {
            let c = bytes[pos]
            if c == UInt8(ascii: "\\") { pos += 2; continue }
            if c == 10 { line += 1; lineStart = pos + 1 }
            if c == UInt8(ascii: "{") { depth += 1 }
            if c == UInt8(ascii: "}") { depth -= 1 }
            if c == UInt8(ascii: "\"") && depth <= 0 { pos += 1; return }
            pos += 1
        }
    }
}

extension String {
    /// The string with leading zeros up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

/// The last column the lexer computed: where (line start, byte offset) and which column.
final class ColumnCache {
    var lineStart = -1
    var offset = 0
    var column = 1
}
