/// A named piece of source text: a script file, a `-e` argument or one REPL entry.
///
/// Locations refer back to their source so diagnostics can show the offending line.
///
/// Line ends are made uniform once, here, so that the lexer, line numbers, the source excerpt of a diagnostic and
/// `--echo` all agree: `\r\n` (Windows) and a lone `\r` (classic Mac OS) become `\n`, as Python and Lua read
/// them, and a UTF-8 byte order mark at the start is dropped (so columns count from the first real character).
public final class SourceFile: Sendable {
    /// The name shown in diagnostics (`script.sps`, `<command line>`, `<stdin>`).
    public let name: String
    /// The full text, with `\n` line ends and no leading byte order mark.
    public let text: String
    /// The UTF-8 bytes of `text`, which the lexer reads.
    let bytes: [UInt8]
    /// Byte offsets at which each line starts (line 1 at index 0).
    let lineStarts: [Int]

    /// Creates a source from its name and text (`\r\n` and `\r` read as `\n`; a leading byte order mark is
    /// skipped).
    public init(name: String, text: String) {
        self.name = name
        var bytes = Array(text.utf8)
        if let normalized = SourceFile.normalized(bytes) {
            bytes = normalized
            self.text = String(decoding: bytes, as: UTF8.self)
        } else {
            self.text = text
        }
        self.bytes = bytes
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == 10 { starts.append(i + 1) }
        self.lineStarts = starts
    }

    /// The bytes with `\r\n` and a lone `\r` turned into `\n`, and without a leading UTF-8 byte order mark; nil
    /// when there is nothing to change.
    static func normalized(_ bytes: [UInt8]) -> [UInt8]? {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let start = bytes.starts(with: bom) ? bom.count : 0
        guard start > 0 || bytes.contains(13) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count - start)
        var i = start
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            if b == 13 {
                out.append(10)
                if i < bytes.count && bytes[i] == 10 { i += 1 }
            } else {
                out.append(b)
            }
        }
        return out
    }

    /// The text of a 1-based line, without its line terminator.
    public func line(_ number: Int) -> String {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] : bytes.count
        while end > start, bytes[end - 1] == 10 || bytes[end - 1] == 13 { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The source text between two byte offsets.
    public func text(from start: Int, to end: Int) -> String {
        let s = max(0, min(start, bytes.count)), e = max(s, min(end, bytes.count))
        return String(decoding: bytes[s..<e], as: UTF8.self)
    }
}

/// A position in a source: 1-based line and column (columns count Unicode scalars).
public struct SourceLocation: Sendable, CustomStringConvertible {
    /// The source this location is in.
    public let file: SourceFile
    /// The 1-based line.
    public let line: Int
    /// The 1-based column.
    public let column: Int
    /// The byte offset in the source.
    public let offset: Int

    /// Creates a location.
    public init(file: SourceFile, line: Int, column: Int, offset: Int) {
        self.file = file
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// `name:line:col`.
    public var description: String { "\(file.name):\(line):\(column)" }
}
