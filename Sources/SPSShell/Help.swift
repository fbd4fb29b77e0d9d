import SPSBindings
import SPSLanguage
import SPSNumeric

/// The text `help` shows and the generated `docs/commands.md`, both made from the command registry.
public enum HelpText {
    // MARK: - Answering `help`

    /// What `help` prints: the overview with no name; else, for `name`, the first of: a command or def, a
    /// variable (its type, shape, members and the commands that take it), a topic (`linear_algebra` for a topic
    /// named with spaces), a keyword of the language, `commands` (every command with its summary); otherwise an
    /// error with suggestions.
    public static func respond(to name: String?, in interpreter: Interpreter, style: TerminalStyle = .plain) throws(RuntimeError) -> String {
        interpreter.onDemand?.everything(interpreter)  // help covers the libraries that load on first use
        let registry = interpreter.registry
        guard let name else { return overview(registry, style: style, width: DisplayWidth.columns ?? 80) }
        if registry.userDefs[name] != nil || registry.commands[name] != nil { return try lookup(name, in: registry, style: style) }
        if let value = interpreter.variables.last(where: { $0.0 == name })?.1 {
            return variable(name, value, registry: registry, style: style)
        }
        if name == "commands" { return all(registry, style: style) }
        if name == "exit", registry.commands["quit"] != nil {
            return style.dim("`exit` is the same as `quit`:") + "\n\n" + (try lookup("quit", in: registry, style: style))
        }
        if let (topicName, commands) = registry.topics.first(where: { $0.0 == name || $0.0.replacingAll(" ", with: "_") == name }) {
            return topic(topicName, commands, style: style)
        }
        if name == "language" || name == "keywords" { return language(style: style) }
        if let entry = Keyword.entry(for: name) { return keyword(entry, style: style) }
        let candidates = registry.allNames + registry.topics.map(\.0) + Keyword.names + interpreter.variables.map(\.0) + ["commands", "language", "exit"]
        throw RuntimeError("help: no command, def, variable, topic or keyword named '\(name)'\(Suggestions.hint(for: name, in: candidates))")
    }

    // MARK: - Listing

    /// `help`: the topics, each with its commands' names wrapped to `width`, then the language keywords and the
    /// user's defs — one screen; `help <topic>` and `help <name>` say more.
    public static func overview(_ registry: CommandRegistry, style: TerminalStyle = .plain, width: Int = 80) -> String {
        var rows = registry.topics.map { ($0.0, $0.1.map(\.name)) }
        rows.append(("language", Keyword.listed))
        let defs = registry.userDefs.keys.sorted()
        if !defs.isEmpty { rows.append(("your defs", defs)) }
        let labelWidth = (rows.map(\.0.count).max() ?? 8) + 2
        var out = "Commands by topic. `help fit` explains a command, `help data` a topic,\n"
            + "`help for` a keyword, `help m` a variable, `help commands` every summary.\n\n"
        for (label, names) in rows {
            let lines = wrap(names, width: max(20, width - labelWidth - 2))
            for (i, line) in lines.enumerated() {
                out += "  " + (i == 0 ? style.header(pad(label, labelWidth)) : String(repeating: " ", count: labelWidth)) + line + "\n"
            }
        }
        out += "\n" + style.dim("Keys: Tab completes · ↑/↓ and Ctrl-R search history · Ctrl-D leaves") + "\n"
        out += style.dim("      Ctrl-C cancels the line, or stops a running command") + "\n"
        return out
    }

    /// `help commands`: every command by topic with its one-line summary, then the keywords and the user's defs.
    public static func all(_ registry: CommandRegistry, style: TerminalStyle = .plain) -> String {
        var out = "Every command by topic; `help <name>` shows one in full.\n"
        for (topic, commands) in registry.topics {
            out += "\n" + listing(topic, commands, registry: registry, style: style)
        }
        out += "\n" + style.header("language") + "\n"
        let width = max(8, Keyword.names.map(\.count).max() ?? 8)
        for entry in Keyword.entries { out += "  " + pad(entry.names.joined(separator: " "), width + 8) + "  " + entry.summary + "\n" }
        let defs = registry.userDefs.values.sorted { $0.name < $1.name }
        if !defs.isEmpty {
            out += "\n" + style.header("your defs") + "\n"
            for d in defs {
                out += "  " + pad(d.name, 12) + "  " + (d.doc.map(firstLine) ?? style.dim("(no comment above the def)")) + "\n"
            }
        }
        return out
    }

    /// `help <topic>`: the topic's commands, one line each.
    public static func topic(_ name: String, _ commands: [Command], style: TerminalStyle = .plain) -> String {
        listing(name, commands, registry: nil, style: style) + "\n" + style.dim("`help <name>` shows one in full.") + "\n"
    }

    static func listing(_ topic: String, _ commands: [Command], registry: CommandRegistry?, style: TerminalStyle) -> String {
        let width = max(8, commands.map(\.name.count).max() ?? 8)
        var out = style.header(topic) + "\n"
        for c in commands { out += "  " + pad(c.name, width) + "  " + c.summary + "\n" }
        return out
    }

    /// How wide help paragraphs are: the terminal's width, at most 100 columns (100 when unknown).
    static var paragraphWidth: Int { min(DisplayWidth.columns ?? 100, 100) }

    /// `text` reflowed into lines of at most `width` characters: the lines of a paragraph are joined and broken
    /// again at spaces (a longer word stays whole); blank lines and indented lines (examples, tables) stay as
    /// they are.
    static func wrapText(_ text: String, width: Int = paragraphWidth) -> String {
        var lines: [String] = []
        var paragraph: [String] = []
        func flush() {
            if !paragraph.isEmpty { lines += wrap(paragraph, width: max(20, width)) }
            paragraph = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty || line.first == " " {
                flush()
                lines.append(String(line))
            } else {
                paragraph += line.split(separator: " ").map(String.init)
            }
        }
        flush()
        return lines.joined(separator: "\n")
    }

    /// Names joined by spaces in lines of at most `width` characters.
    static func wrap(_ names: [String], width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for name in names {
            if !line.isEmpty && line.count + 1 + name.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + name
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
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
        var out = style.header(HelpText.wrapUsage(c.usage)) + "\n" + c.summary + "\n"
        if !c.help.isEmpty { out += "\n" + wrapText(c.help) + "\n" }
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

    // MARK: - A variable

    /// `help m` for a variable: its type and shape, its value (the first lines), its members, and the commands
    /// that take a value of its type first.
    public static func variable(_ name: String, _ value: Value, registry: CommandRegistry, style: TerminalStyle = .plain) -> String {
        if case .closure(let c) = value, c.proto.kind == .def, let d = registry.userDefs[c.proto.name] {
            return style.header("\(name) is the def \(d.name)") + "\n\n" + userDef(d, style: style)
        }
        var out = style.header("\(name): \(kind(of: value))") + "\n"
        let shown = value.repr.split(separator: "\n", omittingEmptySubsequences: false)
        let limit = 12
        for line in shown.prefix(limit) { out += "  " + String(line.prefix(200)) + "\n" }
        if shown.count > limit { out += "  " + style.dim("… (\(shown.count - limit) more lines; type \(name) to see it all)") + "\n" }
        let members = value.memberNames
        var rows: [[String]] = []
        if !members.isEmpty { rows.append(["members", members.joined(separator: ", ")]) }
        let users = commands(taking: value, in: registry)
        if !users.isEmpty { rows.append(["used by", users.joined(separator: ", ")]) }
        if !rows.isEmpty { out += "\n" + aligned(rows, indent: "  ") }
        return out
    }

    /// A value's type in words with its size: `Model, 4 parameters`, `tensor of shape [2, 3] (Float32)`.
    static func kind(of value: Value) -> String {
        switch value {
        case .number: return "number"
        case .string(let s): return "string of \(s.count) character\(s.count == 1 ? "" : "s")"
        case .bool: return "bool"
        case .nil: return "nil"
        case .list(let xs): return "list of \(xs.count) item\(xs.count == 1 ? "" : "s")"
        case .range(let r): return "range of \(r.count) integer\(r.count == 1 ? "" : "s")"
        case .record(let r): return "record with \(r.keys.count) field\(r.keys.count == 1 ? "" : "s")"
        case .tensor(let t): return "tensor of shape \(Tensor.format(shape: t.shape)) (Float32)"
        case .closure(let c): return c.proto.kind == .block ? "block (run it with \u{60}b()\u{60})" : c.proto.signature
        case .command(let c): return "the command \(c.name)"
        case .native(let o): return o.typeName + (o.shape.isEmpty ? "" : ", \(o.shape)")
        }
    }

    /// The commands whose first argument takes `value`'s kind of object (`fit`, `rmse` … for a Model).
    static func commands(taking value: Value, in registry: CommandRegistry) -> [String] {
        guard case .native(let o) = value else { return [] }
        func names(_ type: ParameterType) -> Bool {
            switch type {
            case .object(let n): return n == o.typeName
            case .oneOf(let ts): return ts.contains(where: names)
            case .optional(let t): return names(t)
            default: return false
            }
        }
        return registry.commands.values.filter { c in
            c.parameters.first { $0.isPositional }.map { names($0.type) } ?? false
        }.map(\.name).sorted()
    }

    // MARK: - The language

    /// `help language`: the keywords, one line each.
    static func language(style: TerminalStyle) -> String {
        var out = style.header("language") + "\n"
        let rows = Keyword.entries.map { [$0.names.joined(separator: " "), $0.summary] }
        out += aligned(rows, indent: "  ")
        return out + "\n" + style.dim("`help for` (or any keyword) explains it with an example; docs/language.md has the whole language.") + "\n"
    }

    /// `help for`: a keyword's syntax, what it does and an example.
    static func keyword(_ entry: Keyword, style: TerminalStyle) -> String {
        var out = style.header(entry.syntax) + "\n" + entry.summary + "\n\n" + wrapText(entry.details) + "\n"
        out += "\n" + style.header("Example") + "\n"
        out += entry.example.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") + "\n"
        out += "\n" + style.dim(entry.names.count > 1 ? "keywords: \(entry.names.joined(separator: ", "))" : "keyword") + "\n"
        return out
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
        out += "- **language** (keywords, `help for`): " + Keyword.entries.map { entry in
            "[" + entry.names.map { "`\($0)`" }.joined(separator: " ") + "](#\(entry.names.joined(separator: "-")))"
        }.joined(separator: ", ") + "\n"
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
        out += "\n## language\n\nThe keywords, as `help for`, `help if` … explain them; [language.md](language.md) has the whole language.\n"
        for entry in Keyword.entries {
            out += "\n### \(entry.names.joined(separator: ", "))\n\n```\n\(entry.syntax)\n```\n\n"
            out += sentence(entry.summary) + "\n\n" + entry.details + "\n"
            out += "\nExample:\n\n```\n\(entry.example)\n```\n"
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

extension HelpText {
    /// A command's usage line, broken before an argument where it would pass 120 columns; later lines are indented
    /// under the first argument.
    static func wrapUsage(_ usage: String, width: Int = 120) -> String {
        guard usage.count > width else { return usage }
        let words = usage.split(separator: " ", omittingEmptySubsequences: false)
        let indent = String(repeating: " ", count: (words.first?.count ?? 0) + 1)
        var lines: [String] = [], line = ""
        for word in words {
            if line.isEmpty { line = String(word); continue }
            if line.count + 1 + word.count > width {
                lines.append(line)
                line = indent + word
            } else {
                line += " " + word
            }
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }
}
