import SPSBindings
import SPSLanguage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tab completion at the prompt: what fits where the cursor is.
///
/// - at the start of a statement: commands, variables and the language's keywords;
/// - in an argument of a command: the keywords it has not been given yet (by name or by position) and the values
///   that fit the parameter being filled, read from its typed description (`SPSLanguage.Parameter`): column names
///   of the dataset or table the command is given (`plot scatter d x=`, `summary t by=`, `cols=[`), or of every
///   dataset when it names none (`noise x`); fixed choices (`loss=`, `act=`, the kind after `plot`); variables of
///   the parameter's type (`optim=` offers optimizers, a `Dataset` parameter datasets); never `if` or `in`;
/// - members after `.`, also after an index (`m.layers[0].we`);
/// - file paths inside quotes.
///
/// It only looks names up (globals, the registry, members and indices of values) and never runs user code, so it is
/// instant on big sessions.
public struct Completer {
    /// The interpreter whose variables and commands are offered.
    public let interpreter: Interpreter

    /// The word before the cursor that completion replaces, and what it could become.
    public struct Result: Equatable, Sendable {
        /// The text being completed (a suffix of the line before the cursor).
        public var word: String
        /// Full replacements for `word`, sorted; keyword arguments end in `=`, directories in `/`, files in `"`.
        public var candidates: [String]

        /// The longest text every candidate starts with.
        public var commonPrefix: String {
            guard var prefix = candidates.first else { return word }
            for c in candidates.dropFirst() {
                while !c.hasPrefix(prefix) { prefix.removeLast() }
            }
            return prefix
        }

        /// The candidates as a listing shows them: a path by its last part, without the closing quote.
        public var listing: [String] {
            candidates.map { candidate in
                guard candidate.hasSuffix("\"") || candidate.hasSuffix("/") else { return candidate }
                var name = Substring(candidate)
                if name.hasSuffix("\"") { name.removeLast() }
                let directory = name.hasSuffix("/")
                if directory { name.removeLast() }
                if let slash = name.lastIndex(of: "/") { name = name[name.index(after: slash)...] }
                return String(name) + (directory ? "/" : "")
            }
        }

        /// Whether inserting the only candidate should also insert a space: not after a keyword's `=`, a member's
        /// `.` or a directory's `/`, where more is typed next.
        public var uniqueCompletionTakesSpace: Bool {
            guard candidates.count == 1, let last = candidates[0].last else { return false }
            return last != "=" && last != "." && last != "/"
        }
    }

    /// Creates a completer over a session's interpreter.
    public init(interpreter: Interpreter) { self.interpreter = interpreter }

    /// Keywords that start a statement.
    static let statementKeywords = ["if", "else", "for", "while", "def", "return", "break", "continue"]
    /// Keywords that start a value.
    static let valueKeywords = ["true", "false", "nil", "not"]
    /// Keywords between values.
    static let infixKeywords = ["and", "or", "in"]

    /// Completes the text before the cursor.
    public func complete(_ text: String) -> Result {
        interpreter.onDemand?.everything(interpreter)  // names of the libraries that load on first use complete too
        let scan = Scan(text)
        if scan.inComment { return Result(word: "", candidates: []) }
        if let open = scan.openString {
            let partial = String(text[open...].dropFirst())
            return Result(word: partial, candidates: Completer.paths(partial))
        }
        let chars = Array(text)
        var start = chars.count
        while start > 0, Completer.isNameCharacter(chars[start - 1]) { start -= 1 }
        let word = String(chars[start...])
        if start > 0, chars[start - 1] == ".", !(start > 1 && chars[start - 2] == ".") {
            guard let chain = Completer.chainBefore(chars, dot: start - 1) else { return Result(word: word, candidates: []) }
            return Result(word: word, candidates: members(of: chain).filter { $0.hasPrefix(word) }.sorted())
        }
        if let first = word.first, first.isNumber { return Result(word: word, candidates: []) }
        return Result(word: word, candidates: Array(Set(candidates(scan, word: word)).filter { $0.hasPrefix(word) }).sorted())
    }

    // MARK: - Where the cursor is

    /// Candidates (before filtering by the word) for the innermost bracket the scan ended in.
    func candidates(_ scan: Scan, word: String) -> [String] {
        guard let frame = scan.frames.last else { return [] }
        let before = String(frame.current.dropLast(word.count))
        if frame.opener == "[", scan.frames.count > 1, before.isEmpty {
            // An element of a list: the value of the argument the list is given for, or an index.
            let parent = scan.frames[scan.frames.count - 2]
            if let keyword = Completer.keywordName(parent.current), let (command, args) = application(parent.words) {
                return elementValues(keyword: keyword, command: command, args: args, exclude: frame.elements)
            }
            if parent.current.isEmpty, let (command, args) = application(parent.words) {
                guard let parameter = nextPositional(command, args: args) else { return [] }
                return values(for: parameter, command: command, args: args, exclude: frame.elements)
            }
            return expressionNames()
        }
        if let keyword = Completer.keywordName(before) {
            guard let (command, args) = application(frame.words) else { return variableNames { _ in true } }
            return elementValues(keyword: keyword, command: command, args: args, exclude: [])
        }
        guard before.isEmpty else { return expressionNames() }
        let words = frame.words
        if words.isEmpty {
            // The start of a statement (or of a bracketed application).
            if word.isEmpty { return [] }
            return expressionStart() + (frame.opener == "(" ? [] : Completer.statementKeywords)
        }
        if Completer.isAssignmentOperator(words.last ?? "") { return expressionStart() }
        if let (command, args) = application(words) { return arguments(command, args: args, word: word) }
        return expressionNames()
    }

    /// What a command's argument can be: keywords it still lacks and values for its next positional parameter
    /// (only the values while that parameter is required and one of them fits what is typed).
    func arguments(_ command: Applied, args: [String], word: String) -> [String] {
        let keywords = remainingKeywords(command, args: args)
        guard let parameter = nextPositional(command, args: args) else { return keywords }
        let values = values(for: parameter, command: command, args: args, exclude: [])
        if parameter.isRequired && values.contains(where: { $0.hasPrefix(word) }) { return values }
        return keywords + values
    }

    /// The value of `keyword=` (or an element of its list).
    func elementValues(keyword: String, command: Applied, args: [String], exclude: [String]) -> [String] {
        guard let parameter = command.parameters.first(where: { $0.name == keyword }) else {
            return variableNames { _ in true }  // an extra keyword (`repeat sigma=`): any value
        }
        return values(for: parameter, command: command, args: args, exclude: exclude)
    }

    // MARK: - Commands and their parameters

    /// A command being applied: a native command or a user's def, with its parameters in one form.
    struct Applied {
        var name: String
        var parameters: [AppliedParameter]
        var native: Command?
    }

    /// A parameter as completion sees it.
    struct AppliedParameter {
        var name: String
        var isPositional: Bool
        var isVariadic: Bool
        var isRequired: Bool
        /// The native parameter (nil for a def's parameter, which takes any value).
        var native: SPSLanguage.Parameter?
    }

    /// The command a segment applies and its argument words: the first word, or the first after `name =`.
    func application(_ words: [String]) -> (Applied, [String])? {
        var at = 0
        if words.count >= 2, Completer.isAssignmentOperator(words[1]) { at = 2 }
        guard at < words.count, let applied = applied(words[at]) else { return nil }
        return (applied, Array(words[(at + 1)...]))
    }

    func applied(_ name: String) -> Applied? {
        if let d = interpreter.registry.userDefs[name] {
            let usage = d.usage.split(separator: " ").dropFirst()
            let parameters = d.parameters.enumerated().map { i, p in
                let hasDefault = i < usage.count && usage[usage.index(usage.startIndex, offsetBy: i)].hasSuffix("=…")
                return AppliedParameter(name: p, isPositional: true, isVariadic: false, isRequired: !hasDefault, native: nil)
            }
            return Applied(name: name, parameters: parameters, native: nil)
        }
        guard let c = interpreter.registry.commands[name] else { return nil }
        let parameters = c.parameters.map {
            AppliedParameter(name: $0.name, isPositional: $0.isPositional, isVariadic: $0.isVariadic,
                             isRequired: $0.defaultValue == nil && !$0.isOptional, native: $0)
        }
        return Applied(name: name, parameters: parameters, native: c)
    }

    /// The positional arguments among `args` (words that are not `name=value`).
    static func positionalArguments(_ args: [String]) -> [String] { args.filter { keywordName($0) == nil && keywordArgument($0) == nil } }

    /// The parameter the next positional argument fills (a variadic one keeps taking them), nil when none is left.
    func nextPositional(_ command: Applied, args: [String]) -> AppliedParameter? {
        let positional = command.parameters.filter(\.isPositional)
        let count = Completer.positionalArguments(args).count
        if count < positional.count {
            let parameter = positional[count]
            return given(command, args: args).contains(parameter.name) ? nil : parameter
        }
        if let last = positional.last, last.isVariadic { return last }
        return nil
    }

    /// Parameters already given, by name or by position.
    func given(_ command: Applied, args: [String]) -> Set<String> {
        var names = Set(args.compactMap(Completer.keywordArgument))
        let positional = command.parameters.filter { $0.isPositional && !$0.isVariadic }
        for parameter in positional.prefix(Completer.positionalArguments(args).count) { names.insert(parameter.name) }
        return names
    }

    /// `name=` for each parameter not given yet.
    func remainingKeywords(_ command: Applied, args: [String]) -> [String] {
        let given = given(command, args: args)
        return command.parameters.filter { !$0.isVariadic && !given.contains($0.name) }.map { $0.name + "=" }
    }

    // MARK: - Values that fit a parameter

    /// Values for a parameter: its fixed choices, or what its type accepts (column names, variables of a type).
    func values(for parameter: AppliedParameter, command: Applied, args: [String], exclude: [String]) -> [String] {
        guard let native = parameter.native else { return variableNames { _ in true } }
        let found: [String]
        switch native.completion {
        case .choices(let words)?: found = words
        case .names?: found = commandNames() + variableNames { _ in true }
        case nil: found = values(of: native.type, args: args)
        }
        return found.filter { !exclude.contains($0) }
    }

    func values(of type: ParameterType, args: [String]) -> [String] {
        switch type {
        case .optional(let t): return values(of: t, args: args)
        case .oneOf(let ts): return ts.flatMap { values(of: $0, args: args) }
        case .columnName, .columnNames: return columns(args)
        case .object(let name): return variableNames { if case .native(let o) = $0 { return o.typeName == name }; return false }
        case .block: return []
        case .any: return variableNames { _ in true } + ["true", "false", "nil"]
        case .callable:
            return Array(interpreter.registry.allNames) + variableNames { if case .closure = $0 { return true }; return false }
        case .bool: return ["true", "false"] + variableNames { if case .bool = $0 { return true }; return false }
        default: return variableNames { type.accepts($0) }
        }
    }

    /// Column names of the first dataset or table among the arguments (by position or by keyword); with none, of
    /// every dataset in the session.
    func columns(_ args: [String]) -> [String] {
        for arg in args {
            let text = Completer.keywordArgument(arg).map { String(arg.dropFirst($0.count + 1)) } ?? arg
            if let value = resolve(text), let names = Completer.columnNames(of: value) { return names }
        }
        var all: [String] = []
        for name in interpreter.globals.names {
            if case .native(let dataset as DatasetObject)? = interpreter.global(name) { all += Completer.columnNames(of: .native(dataset)) ?? [] }
        }
        return all
    }

    /// The columns of a dataset (with `env` when it has environments), a table, or a record of columns.
    static func columnNames(of value: Value) -> [String]? {
        switch value {
        case .native(let dataset as DatasetObject):
            return dataset.data.columnNames + (dataset.data.environment == nil ? [] : ["env"])
        case .native(let table as TableObject): return table.table.columnNames
        case .record(let record): return record.keys
        default: return nil
        }
    }

    /// The value a bare name or a member chain (`l.history`) stands for; nil for anything else.
    func resolve(_ text: String) -> Value? {
        guard let first = text.first, first.isLetter || first == "_",
              text.allSatisfy({ Completer.isNameCharacter($0) || $0 == "." }) else { return nil }
        return value(of: text.split(separator: ".", omittingEmptySubsequences: false).map { .member(String($0)) })
    }

    // MARK: - Names

    /// Native commands and defs.
    func commandNames() -> [String] { interpreter.registry.allNames }

    /// Variables (globals that are not commands or defs) whose value passes `fits`.
    func variableNames(_ fits: (Value) -> Bool) -> [String] {
        var out: [String] = []
        for name in interpreter.globals.names where interpreter.registry.userDefs[name] == nil {
            guard let value = interpreter.global(name) else { continue }
            if case .command = value { continue }
            if fits(value) { out.append(name) }
        }
        return out
    }

    /// Inside an expression: variables, commands and the expression keywords.
    func expressionNames() -> [String] { expressionStart() + Completer.infixKeywords }

    /// Where a value starts (after `name =`, or `(`): variables, commands, `true` …
    func expressionStart() -> [String] { variableNames { _ in true } + commandNames() + Completer.valueKeywords }

    static func isNameCharacter(_ c: Character) -> Bool { c == "_" || c.isLetter || c.isNumber }

    /// The `name` of a word that is exactly `name=` (a keyword whose value is being typed), else nil.
    static func keywordName(_ word: String) -> String? {
        guard word.hasSuffix("="), word.count > 1 else { return nil }
        let name = word.dropLast()
        guard let first = name.first, first.isLetter || first == "_", name.allSatisfy(isNameCharacter) else { return nil }
        return String(name)
    }

    /// The `name` of a `name=value` word (not `==`), else nil.
    static func keywordArgument(_ word: String) -> String? {
        guard let eq = word.firstIndex(of: "="), eq != word.startIndex else { return nil }
        let name = word[..<eq]
        let rest = word[word.index(after: eq)...]
        guard !rest.hasPrefix("="), let first = name.first, first.isLetter || first == "_", name.allSatisfy(isNameCharacter) else { return nil }
        return String(name)
    }

    static func isAssignmentOperator(_ word: String) -> Bool { ["=", "+=", "-=", "*=", "/="].contains(word) }

    // MARK: - Members

    /// One step of a member chain: `.name` or `[index]`.
    enum Step {
        case member(String)
        case index(Value)
    }

    /// The chain before the `.` at `dot` (`m.layers[0]` in `m.layers[0].we`), as steps; nil when it is not a
    /// chain of names, members and literal indices.
    static func chainBefore(_ chars: [Character], dot: Int) -> [Step]? {
        var i = dot
        var depth = 0
        while i > 0 {
            let c = chars[i - 1]
            if depth > 0 {
                if c == "]" { depth += 1 } else if c == "[" { depth -= 1 }
                i -= 1
                continue
            }
            if c == "]" { depth = 1; i -= 1; continue }
            if isNameCharacter(c) || c == "." { i -= 1; continue }
            break
        }
        guard depth == 0 else { return nil }
        return parseChain(Array(chars[i..<dot]))
    }

    /// Parses `a.b[0].c["k"]` into steps.
    static func parseChain(_ chars: [Character]) -> [Step]? {
        var steps: [Step] = []
        var i = 0
        func name() -> String? {
            let start = i
            while i < chars.count, isNameCharacter(chars[i]) { i += 1 }
            return i > start ? String(chars[start..<i]) : nil
        }
        guard let head = name(), let first = head.first, !first.isNumber else { return nil }
        steps.append(.member(head))
        while i < chars.count {
            if chars[i] == "." {
                i += 1
                guard let member = name() else { return nil }
                steps.append(.member(member))
            } else if chars[i] == "[" {
                guard let close = chars[i...].firstIndex(of: "]") else { return nil }
                let inside = String(chars[(i + 1)..<close]).trimmingSpaces
                i = close + 1
                if let n = Int(inside) { steps.append(.index(.number(Double(n)))) }
                else if inside.count >= 2, inside.hasPrefix("\""), inside.hasSuffix("\""), !inside.dropFirst().dropLast().contains("\"") {
                    steps.append(.index(.string(String(inside.dropFirst().dropLast()))))
                } else { return nil }
            } else {
                return nil
            }
        }
        return steps
    }

    /// The value at the end of a chain (globals, members and literal indices only; nothing is called).
    func value(of steps: [Step]) -> Value? {
        guard case .member(let head)? = steps.first, !head.isEmpty, var value = interpreter.global(head) else { return nil }
        for step in steps.dropFirst() {
            switch step {
            case .member(let name):
                guard !name.isEmpty, let next = member(name, of: value) else { return nil }
                value = next
            case .index(let index):
                guard let next = element(index, of: value) else { return nil }
                value = next
            }
        }
        return value
    }

    /// Member names of the value a chain ends at.
    func members(of steps: [Step]) -> [String] {
        guard let value = value(of: steps) else { return [] }
        switch value {
        case .native(let o): return o.memberNames
        case .record(let r): return r.keys
        case .tensor: return ["shape", "T", "rank", "count", "rows", "cols"]
        case .list: return ["count", "first", "last"]
        default: return []
        }
    }

    func member(_ name: String, of value: Value) -> Value? {
        switch value {
        case .record(let r): return r[name]
        case .native(let o):
            guard o.memberNames.contains(name) else { return nil }
            return try? o.member(name, in: interpreter)
        default: return nil
        }
    }

    func element(_ index: Value, of value: Value) -> Value? {
        switch (value, index) {
        case (.list(let xs), .number(let n)):
            let i = Int(n) < 0 ? Int(n) + xs.count : Int(n)
            return xs.indices.contains(i) ? xs[i] : nil
        case (.record(let r), .string(let key)): return r[key]
        case (.native(let o), _): return try? o.index([index], in: interpreter)
        default: return nil
        }
    }

    // MARK: - Paths

    /// Files and directories starting with `partial` (a path as typed inside quotes).
    static func paths(_ partial: String) -> [String] {
        let directory: String, prefix: String, base: String
        if let slash = partial.lastIndex(of: "/") {
            prefix = String(partial[...slash])
            directory = prefix
            base = String(partial[partial.index(after: slash)...])
        } else {
            prefix = ""
            directory = "."
            base = partial
        }
        let home = getenv("HOME").map { String(cString: $0) } ?? ""
        let expanded = directory.hasPrefix("~/") ? home + directory.dropFirst() : directory
        guard let dir = opendir(expanded) else { return [] }
        defer { closedir(dir) }
        var out: [String] = []
        while let entry = readdir(dir), out.count < 5000 {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            if name.hasPrefix(".") && !base.hasPrefix(".") { continue }
            guard name.hasPrefix(base) else { continue }
            var info = stat()
            let isDirectory = stat(expanded + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            out.append(prefix + name + (isDirectory ? "/" : "\""))
        }
        return out.sorted()
    }
}

/// A light scan of the text before the cursor: whether it ends in a string or a comment, and for each bracket
/// still open (innermost last) the words of its current segment.
struct Scan {
    /// One open bracket (or the top level).
    struct Frame {
        /// `(`, `[`, `{`, or a space for the top level.
        var opener: Character
        /// The finished words of the current segment (a bracketed part or a string is kept as `()`, `""`).
        var words: [String] = []
        /// The word being typed.
        var current = ""
        /// In a list: the elements already written (before the last comma).
        var elements: [String] = []
    }

    /// Where an unclosed string starts (its `"`), if any.
    var openString: String.Index?
    /// True when the text ends inside a comment.
    var inComment = false
    /// The open brackets, outermost (the top level) first.
    var frames: [Frame] = [Frame(opener: " ")]

    init(_ text: String) {
        var index = text.startIndex
        var escaped = false
        var stringStart: String.Index?
        while index < text.endIndex {
            let c = text[index]
            defer { index = text.index(after: index) }
            if stringStart != nil {
                if escaped { escaped = false }
                else if c == "\\" { escaped = true }
                else if c == "\"" {
                    stringStart = nil
                    frames[frames.count - 1].current += "\"\""
                }
                continue
            }
            if inComment {
                if c == "\n" { inComment = false; endSegment() }
                continue
            }
            switch c {
            case "#": inComment = true
            case "\"": stringStart = index
            case "(", "[", "{": frames.append(Frame(opener: c))
            case ")", "]", "}":
                if frames.count > 1 {
                    frames.removeLast()
                    frames[frames.count - 1].current += c == ")" ? "()" : c == "]" ? "[]" : "{}"
                }
            case " ", "\t", "\r": endWord()
            case "\n":
                if frames.count > 1 && frames[frames.count - 1].opener != "{" { endWord() } else { endSegment() }
            case ";": endSegment()
            case ",":
                let frame = frames[frames.count - 1]
                endSegment()
                frames[frames.count - 1].elements += (frame.words + [frame.current]).filter { !$0.isEmpty }
            default: frames[frames.count - 1].current.append(c)
            }
        }
        openString = stringStart
    }

    mutating func endWord() {
        let last = frames.count - 1
        if !frames[last].current.isEmpty { frames[last].words.append(frames[last].current) }
        frames[last].current = ""
    }

    mutating func endSegment() {
        let last = frames.count - 1
        frames[last].words = []
        frames[last].current = ""
    }
}
