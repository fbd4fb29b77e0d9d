import SPSLanguage

/// What the comment above a prelude `def` declares: the summary, help, topic, typed parameters and example that a
/// native command states in Swift (see the header of `stdlib/prelude.sps` for the format).
///
/// ```
/// # run a loop to the end of the current epoch (n epochs with a count)
/// # @topic training
/// # @param loop Loop: the loop
/// # @param n integer (epochs): how many epochs
/// # @example epoch l
/// def epoch loop n=1 { … }
/// ```
struct PreludeSignature {
    var summary = ""
    var help = ""
    var topic = ""
    var parameters: [Parameter] = []
    var example = ""

    /// Reads the signature of `decl` from its doc comment; the message says what is missing or wrong.
    static func read(_ decl: FunctionDecl) -> Result<PreludeSignature, PreludeProblem> {
        func problem(_ message: String) -> Result<PreludeSignature, PreludeProblem> {
            .failure(PreludeProblem("def \(decl.name): \(message)"))
        }
        guard let doc = decl.doc else { return problem("no comment above it (its first line is the summary `help` lists)") }
        var signature = PreludeSignature()
        var prose: [String] = []
        var declared: [(name: String, keyword: Bool, type: ParameterType, unit: String?, summary: String)] = []
        var examples: [String] = []
        var inTags = false
        for line in doc.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            guard line.hasPrefix("@") else {
                if inTags && !line.isEmpty { return problem("the line '\(line)' follows the @ lines; help text goes above them") }
                if !inTags { prose.append(line) }
                continue
            }
            inTags = true
            let (tag, rest) = split(line.dropFirst(), at: " ")
            switch tag {
            case "topic":
                guard !rest.isEmpty else { return problem("@topic needs a topic name") }
                signature.topic = rest
            case "example":
                examples.append(rest)
            case "param", "keyword":
                let (name, afterName) = split(Substring(rest), at: " ")
                let (typeText, summary) = split(Substring(afterName), at: ": ")
                guard !name.isEmpty, !typeText.isEmpty else { return problem("write '@\(tag) name type: description', not '\(line)'") }
                let (typeName, unit) = unitSplit(typeText)
                guard let type = parameterType(typeName) else {
                    return problem("@\(tag) \(name): unknown type '\(typeName)' (integer, number, string, bool, list, record, tensor, block, command, column name, column names, any value, an object type such as Loop, or `A or B`)")
                }
                declared.append((name, tag == "keyword", type, unit, summary))
            default:
                return problem("unknown tag '@\(tag)' (use @topic, @param, @keyword or @example)")
            }
        }
        while prose.last?.isEmpty == true { prose.removeLast() }
        guard let summary = prose.first, !summary.isEmpty else { return problem("the comment has no summary line") }
        signature.summary = summary
        signature.help = prose.dropFirst().drop(while: \.isEmpty).joined(separator: "\n")
        signature.example = examples.joined(separator: "\n")
        guard !signature.topic.isEmpty else { return problem("no @topic line") }

        let names = decl.parameters.map(\.name)
        guard declared.map(\.name) == names else {
            return problem("the @param/@keyword lines name \(listed(declared.map(\.name))) but the def takes \(listed(names)), in that order")
        }
        if let k = declared.firstIndex(where: \.keyword), declared[k...].contains(where: { !$0.keyword }) {
            return problem("@param \(declared[k...].first { !$0.keyword }?.name ?? "") follows a @keyword line; keyword-only parameters come last")
        }
        for (d, p) in zip(declared, decl.parameters) {
            // A literal default is shown by `help` and filled in by the argument check; any other default is
            // left to the def (the parameter is then optional).
            let literal = p.defaultValue.flatMap(literalValue)
            let optional = p.defaultValue != nil && literal == nil
            signature.parameters.append(d.keyword
                ? .keyword(d.name, d.type, default: literal, optional: optional, unit: d.unit, d.summary)
                : .positional(d.name, d.type, default: literal, optional: optional, unit: d.unit, d.summary))
        }
        return .success(signature)
    }

    // MARK: - Pieces

    /// The text before the first `separator` and the text after it (all of it and "" when there is none).
    static func split(_ text: Substring, at separator: String) -> (String, String) {
        guard let r = text.firstRange(of: separator) else { return (String(text), "") }
        return (String(text[..<r.lowerBound]), trimmed(text[r.upperBound...]))
    }

    /// `integer (epochs)` → ("integer", "epochs").
    static func unitSplit(_ text: String) -> (String, String?) {
        guard text.hasSuffix(")"), let open = text.lastIndex(of: "(") else { return (text, nil) }
        let unit = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        return (trimmed(text[..<open]), unit)
    }

    /// The type `help` would show as `text`: a simple type, an object type (capitalized), or alternatives joined
    /// by ` or ` (`nil` among them makes the others optional).
    static func parameterType(_ text: String) -> ParameterType? {
        let simple: [String: ParameterType] = [
            "any value": .any, "any": .any, "number": .number, "integer": .integer, "string": .string, "bool": .bool,
            "list": .list, "record": .record, "tensor": .tensor, "block": .block, "command": .callable,
            "column name": .columnName, "column names": .columnNames,
        ]
        var types: [ParameterType] = []
        var allowsNil = false
        for part in text.split(separator: " or ").map({ trimmed($0) }) {
            if part == "nil" { allowsNil = true; continue }
            if let type = simple[part] {
                types.append(type)
            } else if let first = part.first, first.isUppercase, part.allSatisfy({ $0.isLetter || $0.isNumber }) {
                types.append(.object(part))
            } else {
                return nil
            }
        }
        guard let first = types.first else { return nil }
        let type = types.count == 1 ? first : .oneOf(types)
        return allowsNil ? .optional(type) : type
    }

    /// The value of a literal default (`1`, `-0.5`, `"mse"`, `true`), or nil for any other expression.
    static func literalValue(_ expr: Expr) -> Value? {
        switch expr.kind {
        case .number(let n): return .number(n)
        case .string(let s): return .string(s)
        case .bool(let b): return .bool(b)
        case .unary(.negate, let inner):
            if case .number(let n) = inner.kind { return .number(-n) }
            return nil
        case .interpolation(let pieces):
            var text = ""
            for piece in pieces {
                guard case .text(let t) = piece else { return nil }
                text += t
            }
            return .string(text)
        default:
            return nil
        }
    }

    /// `text` without leading and trailing spaces.
    static func trimmed(_ text: some StringProtocol) -> String {
        String(String(text.drop(while: { $0 == " " }).reversed()).drop(while: { $0 == " " }).reversed())
    }

    static func listed(_ names: [String]) -> String {
        names.isEmpty ? "nothing" : names.joined(separator: ", ")
    }
}
