import SPSBindings
import SPSLanguage

/// The text `help` shows and the generated `docs/commands.md`, both made from the command registry.
public enum HelpText {
    // MARK: - Listing

    /// `help`: every command by topic with its one-line summary, then the user's defs.
    public static func overview(_ registry: CommandRegistry, style: TerminalStyle = .plain) -> String {
        let width = max(8, (registry.commands.keys.map(\.count) + registry.userDefs.keys.map(\.count)).max() ?? 8)
        var out = "Commands by topic; `help <name>` shows one in full.\n"
        for (topic, commands) in registry.topics {
            out += "\n" + style.header(topic) + "\n"
            for c in commands { out += "  " + pad(c.name, width) + "  " + c.summary + "\n" }
        }
        let defs = registry.userDefs.values.sorted { $0.name < $1.name }
        if !defs.isEmpty {
            out += "\n" + style.header("your defs") + "\n"
            for d in defs {
                out += "  " + pad(d.name, width) + "  " + (d.doc.map(firstLine) ?? style.dim("(no comment above the def)")) + "\n"
            }
        }
        out += "\n" + style.dim("Keys: Tab completes · ↑/↓ and Ctrl-R search history · Ctrl-C cancels the line or stops a command · Ctrl-D leaves") + "\n"
        return out
    }

    /// The prompt's keys, for the README and `docs/commands.md`.
    public static let keys = """
        | key | does |
        | --- | --- |
        | Tab | complete a command, variable, member after `.` (`m.we` → `m.weight`), keyword argument of the command being typed (`fit m train ep` → `epochs=`), or a file path inside quotes; when several fit, Tab lists them |
        | ← → / Ctrl-B Ctrl-F | move by character; Alt-B Alt-F (or Ctrl-←/→) by word; Home/End or Ctrl-A Ctrl-E to the ends |
        | Backspace, Ctrl-D, Ctrl-K, Ctrl-U, Ctrl-W | delete before / under the cursor, to the end, the whole line, the word before |
        | ↑ ↓ / Ctrl-P Ctrl-N | previous / next history entry (a multi-line entry comes back as one) |
        | Ctrl-R | search the history backwards as you type |
        | Ctrl-C | cancel the line being typed; while a command runs, stop it at the next safe point (the session keeps its variables); three times in a row ends sps at once |
        | Ctrl-D | on an empty line, leave sps (like `quit`) |
        | Ctrl-L | clear the screen |
        | Enter | run the entry, or continue on a `...` line while a bracket, brace or string is open |

        History is kept in `~/.sps_history` (or the file `SPS_HISTORY` names; empty turns it off), saved after every
        entry. Colour is used on a terminal unless `NO_COLOR` is set. `~/.editrc` can rebind keys (libedit syntax,
        program name `sps`).
        """

    // MARK: - One command

    /// `help <name>` for a native command: usage, summary, details, arguments with defaults and units, example.
    public static func command(_ c: Command, style: TerminalStyle = .plain) -> String {
        var out = style.header(c.usage) + "\n" + c.summary + "\n"
        if !c.help.isEmpty { out += "\n" + c.help + "\n" }
        if !c.parameters.isEmpty {
            out += "\n" + style.header("Arguments") + "\n"
            let rows = c.parameters.map { p in [argumentName(p), typeText(p), defaultText(p), p.summary] }
            out += aligned(rows, indent: "  ")
        }
        if c.acceptsExtraKeywords { out += "  " + style.dim("also takes other name=value keywords (see above)") + "\n" }
        if !c.example.isEmpty {
            out += "\n" + style.header("Example") + "\n"
            out += c.example.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
        out += "\n" + style.dim("topic: \(c.topic)") + "\n"
        return out
    }

    /// `help <name>` for a user def: its usage, the comment above it and where it is defined.
    public static func userDef(_ d: CommandRegistry.UserDef, style: TerminalStyle = .plain) -> String {
        var out = style.header(d.usage) + "\n"
        if let doc = d.doc { out += doc + "\n" } else { out += style.dim("(no comment above the def; a comment there becomes its help)") + "\n" }
        out += "\n" + style.dim("def, defined at \(d.location)") + "\n"
        return out
    }

    /// Help for a name: a native command, a user def, or an error with suggestions.
    public static func lookup(_ name: String, in registry: CommandRegistry, style: TerminalStyle = .plain) throws(RuntimeError) -> String {
        if let d = registry.userDefs[name] { return userDef(d, style: style) }
        if let c = registry.commands[name] { return command(c, style: style) }
        throw RuntimeError("help: no command or def named '\(name)'\(Suggestions.hint(for: name, in: registry.allNames))")
    }

    // MARK: - Markdown

    /// `docs/commands.md`: every native command by topic, from the same data `help` uses.
    public static func markdown(_ registry: CommandRegistry) -> String {
        var out = """
            # Commands

            Every built-in command, by topic. This page is generated from the command registry — the same data
            `help` and `help <name>` show at the prompt — by `sps --help-markdown > docs/commands.md`; a test
            fails when it is out of date. Your own `def`s get help from the comment directly above them.


            """
        out += "## At the prompt\n\n" + keys + "\n\n## Commands by topic\n\n"
        let topics = registry.topics
        out += topics.map { topic, commands in
            "- **\(topic)**: " + commands.map { "[`\($0.name)`](#\(anchor($0.name)))" }.joined(separator: ", ")
        }.joined(separator: "\n") + "\n"
        for (topic, commands) in topics {
            out += "\n## \(topic)\n"
            for c in commands {
                out += "\n### \(c.name)\n\n"
                out += "```\n\(c.usage)\n```\n\n"
                out += sentence(c.summary) + "\n"
                if !c.help.isEmpty { out += "\n" + c.help + "\n" }
                if !c.parameters.isEmpty {
                    out += "\n| argument | type | default | description |\n| --- | --- | --- | --- |\n"
                    for p in c.parameters {
                        let cells = [argumentName(p), typeText(p), defaultText(p), p.summary].map(tableCell)
                        out += "| `\(cells[0])` | \(cells[1]) | \(cells[2]) | \(cells[3]) |\n"
                    }
                }
                if c.acceptsExtraKeywords { out += "\nAlso takes other `name=value` keywords (see above).\n" }
                if !c.example.isEmpty { out += "\nExample:\n\n```\n\(c.example)\n```\n" }
            }
        }
        return out
    }

    // MARK: - Pieces

    static func argumentName(_ p: Parameter) -> String {
        if p.isVariadic { return p.name + "…" }
        return p.isPositional ? p.name : p.name + "="
    }

    static func typeText(_ p: Parameter) -> String {
        var text = p.type.description
        if let unit = p.unit { text += " (\(unit))" }
        return text
    }

    static func defaultText(_ p: Parameter) -> String {
        if let d = p.defaultValue { return "default \(d.repr)" }
        if p.isVariadic || p.isOptional { return "optional" }
        return "required"
    }

    static func firstLine(_ text: String) -> String {
        String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
    }

    static func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst() + (text.hasSuffix(".") ? "" : ".")
    }

    static func anchor(_ name: String) -> String {
        name.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }

    static func tableCell(_ text: String) -> String {
        text.replacingAll("|", with: "\\|").replacingAll("\n", with: " ")
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    /// Rows of cells in aligned columns (the last column is not padded).
    static func aligned(_ rows: [[String]], indent: String) -> String {
        guard let columns = rows.map(\.count).max() else { return "" }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        return rows.map { row in
            var line = indent
            for (i, cell) in row.enumerated() {
                line += i == row.count - 1 ? cell : pad(cell, widths[i]) + "  "
            }
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n") + "\n"
    }
}

extension String {
    /// Every occurrence of `target` replaced (without Foundation).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let r = rest.firstRange(of: target) {
            out += rest[..<r.lowerBound] + replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
