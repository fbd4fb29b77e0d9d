import SPSBindings
import SPSLanguage

/// Formats diagnostics the one greppable way: `file:line:col: error: message`, the source line, a caret under
/// the column, and for runtime errors the chain of `def` calls.
///
/// Diagnostics quote what they were given — a CSV field, a column name, a string from the source, a file name —
/// so every piece of text passes through `visible` here, in one place: control characters are shown as escapes
/// (`\e`, `\t`, `\u{7}`) instead of reaching the terminal, where an escape sequence could recolour, move the
/// cursor or retitle the window. Newlines in a message are kept (a message may span lines); what the user prints
/// with `print` is their own output and is not touched.
public enum DiagnosticRenderer {
    /// The text with control characters shown as escapes: `\t`, `\r`, `\e` (escape), `\0`, and `\u{7}` for the
    /// rest, including DEL, the C1 controls (U+0080–U+009F, which some terminals obey), bidirectional overrides
    /// and other invisible format characters. `\n` is kept unless `keepNewlines` is false.
    public static func visible(_ text: String, keepNewlines: Bool = true) -> String {
        // Most messages hold nothing to escape: return them as they are.
        guard text.unicodeScalars.contains(where: { escape($0, keepNewlines: keepNewlines) != nil }) else { return text }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if let escaped = escape(scalar, keepNewlines: keepNewlines) { out += escaped } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// How a scalar is shown in a diagnostic when it cannot be shown as itself; nil when it can.
    static func escape(_ scalar: Unicode.Scalar, keepNewlines: Bool = true) -> String? {
        switch scalar.value {
        case 0x0A: return keepNewlines ? nil : "\\n"
        case 0x09: return "\\t"
        case 0x0D: return "\\r"
        case 0x1B: return "\\e"
        case 0x00: return "\\0"
        case 0x20...0x7E: return nil
        case 0x00...0x1F, 0x7F...0x9F: return hex(scalar)
        // Joiners shape emoji and scripts that need them; they move nothing.
        case 0x200C, 0x200D: return nil
        default:
            switch scalar.properties.generalCategory {
            case .format, .lineSeparator, .paragraphSeparator, .control: return hex(scalar)
            default: return nil
            }
        }
    }

    static func hex(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }

    /// How many terminal columns a scalar takes: 0 for combining marks and joiners, 2 for wide (East Asian,
    /// emoji) ones, 1 for the rest (an estimate: terminals differ on some emoji sequences).
    static func width(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if scalar.properties.isEmojiPresentation { return 2 }
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// The source line (control characters escaped) and a caret under the column.
    ///
    /// Columns count Unicode scalars, as the lexer does; the caret line has as many spaces as the text before the
    /// column takes on screen, so it stays under the right character after a tab (shown `\t`), an escape or a
    /// wide character.
    static func excerpt(_ location: SourceLocation) -> String {
        let line = location.file.line(location.line)
        guard !line.isEmpty else { return "" }
        var shown = "", caret = ""
        for (i, scalar) in line.unicodeScalars.enumerated() {
            let before = i < location.column - 1
            if let escaped = escape(scalar, keepNewlines: false) {
                shown += escaped
                if before { caret += String(repeating: " ", count: escaped.count) }
            } else {
                shown.unicodeScalars.append(scalar)
                if before { caret += String(repeating: " ", count: width(scalar)) }
            }
        }
        return "\n    \(shown)\n    \(caret)^"
    }

    /// One syntax error.
    public static func render(_ error: SyntaxError) -> String {
        visible("\(error.location): error: \(error.message)") + excerpt(error.location)
    }

    /// All syntax errors of one parse, one after another.
    public static func render(_ errors: SyntaxErrors) -> String {
        errors.errors.map(render).joined(separator: "\n")
    }

    /// A runtime error with its call chain.
    public static func render(_ error: RuntimeError) -> String {
        var out: String
        if let location = error.location {
            out = visible("\(location): error: \(error.message)") + excerpt(location)
        } else {
            out = visible("error: \(error.message)")
        }
        for entry in error.trace {
            var line = "\n  in \(entry.function == "block" ? "a block" : "def \(entry.function)")"
            if let site = entry.callSite { line += ", called at \(site)" }
            out += visible(line)
        }
        return out
    }
}
