import SPSBindings
import SPSLanguage

/// Formats diagnostics the one greppable way: `file:line:col: error: message`, the source line, a caret under
/// the column, and for runtime errors the chain of `def` calls.
public enum DiagnosticRenderer {
    /// The source line and a caret under the column.
    static func excerpt(_ location: SourceLocation) -> String {
        let line = location.file.line(location.line)
        guard !line.isEmpty else { return "" }
        var caret = ""
        for (i, ch) in line.enumerated() where i < location.column - 1 {
            caret.append(ch == "\t" ? "\t" : " ")
        }
        return "\n    \(line)\n    \(caret)^"
    }

    /// One syntax error.
    public static func render(_ error: SyntaxError) -> String {
        "\(error.location): error: \(error.message)" + excerpt(error.location)
    }

    /// All syntax errors of one parse, one after another.
    public static func render(_ errors: SyntaxErrors) -> String {
        errors.errors.map(render).joined(separator: "\n")
    }

    /// A runtime error with its call chain.
    public static func render(_ error: RuntimeError) -> String {
        var out: String
        if let location = error.location {
            out = "\(location): error: \(error.message)" + excerpt(location)
        } else {
            out = "error: \(error.message)"
        }
        for entry in error.trace {
            out += "\n  in \(entry.function == "block" ? "a block" : "def \(entry.function)")"
            if let site = entry.callSite { out += ", called at \(site)" }
        }
        return out
    }
}
