import SPSBindings
import SPSLanguage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tab completion at the prompt: command and variable names, members after `.`, keyword arguments of the
/// command being typed, and file paths inside quotes.
///
/// It only looks names up (globals, the registry, member lists) and never runs user code, so it is instant on big
/// sessions.
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
    }

    /// Creates a completer over a session's interpreter.
    public init(interpreter: Interpreter) { self.interpreter = interpreter }

    static let languageKeywords = ["if", "else", "for", "in", "while", "def", "return", "break", "continue",
                                   "true", "false", "nil", "and", "or", "not"]

    /// Completes the text before the cursor.
    public func complete(_ text: String) -> Result {
        let scan = Scan(text)
        if let open = scan.openString {
            let partial = String(text[open...].dropFirst())
            return Result(word: partial, candidates: Completer.paths(partial))
        }
        let chars = Array(text)
        var start = chars.count
        while start > 0, Completer.isNameCharacter(chars[start - 1]) { start -= 1 }
        let word = String(chars[start...])
        if start > 0, chars[start - 1] == ".", !(start > 1 && chars[start - 2] == ".") {
            var chainStart = start - 1
            while chainStart > 0, Completer.isNameCharacter(chars[chainStart - 1]) || chars[chainStart - 1] == "." {
                chainStart -= 1
            }
            let chain = String(chars[chainStart..<(start - 1)]).split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            return Result(word: word, candidates: members(of: chain).filter { $0.hasPrefix(word) }.sorted())
        }
        if let first = word.first, first.isNumber { return Result(word: word, candidates: []) }
        var candidates = Set<String>()
        let segment = scan.segmentWords(before: start)
        if let command = currentCommand(segment) {
            let given = Set(segment.compactMap { w -> String? in
                guard let eq = w.firstIndex(of: "="), eq != w.startIndex else { return nil }
                return String(w[..<eq])
            })
            for name in keywordNames(of: command) where name.hasPrefix(word) && !given.contains(name) {
                candidates.insert(name + "=")
            }
            // Every positional slot is filled: only keywords can come next.
            if let index = segment.lastIndex(of: command), !candidates.isEmpty,
               let slots = positionalSlots(of: command),
               segment[(index + 1)...].filter({ !$0.contains("=") }).count >= slots {
                return Result(word: word, candidates: candidates.sorted())
            }
        }
        for name in interpreter.globals.names where name.hasPrefix(word) && interpreter.global(name) != nil {
            candidates.insert(name)
        }
        for k in Completer.languageKeywords where k.hasPrefix(word) { candidates.insert(k) }
        if word.isEmpty && candidates.count > 0 && segment.isEmpty { return Result(word: word, candidates: []) }
        return Result(word: word, candidates: candidates.sorted())
    }

    // MARK: - Pieces

    static func isNameCharacter(_ c: Character) -> Bool { c == "_" || c.isLetter || c.isNumber }

    /// The command the segment applies: its first word, or the first word after a lone `=` (an assignment).
    func currentCommand(_ words: [String]) -> String? {
        var candidates: [String] = []
        if let first = words.first { candidates.append(first) }
        if let eq = words.firstIndex(of: "="), eq + 1 < words.count { candidates.append(words[eq + 1]) }
        for name in candidates.reversed() where interpreter.registry.commands[name] != nil || interpreter.registry.userDefs[name] != nil {
            return name
        }
        return nil
    }

    /// Keyword argument names of a native command or user def.
    func keywordNames(of name: String) -> [String] {
        if let d = interpreter.registry.userDefs[name] { return d.parameters }
        guard let c = interpreter.registry.commands[name] else { return [] }
        return c.parameters.filter { !$0.isVariadic }.map(\.name)
    }

    /// How many positional arguments a command takes (nil when it takes any number).
    func positionalSlots(of name: String) -> Int? {
        if let d = interpreter.registry.userDefs[name] { return d.parameters.count }
        guard let c = interpreter.registry.commands[name], !c.parameters.contains(where: \.isVariadic) else { return nil }
        return c.parameters.filter(\.isPositional).count
    }

    /// Member names of `a.b.c` (globals and members only; nothing is called).
    func members(of chain: [String]) -> [String] {
        guard let head = chain.first, !head.isEmpty, var value = interpreter.global(head) else { return [] }
        for name in chain.dropFirst() {
            guard !name.isEmpty, let next = member(name, of: value) else { return [] }
            value = next
        }
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
        let expanded = directory.hasPrefix("~/") ? (String(cString: getenv("HOME") ?? strdup("")) + directory.dropFirst()) : directory
        guard let dir = opendir(expanded) else { return [] }
        defer { closedir(dir) }
        var out: [String] = []
        while let entry = readdir(dir), out.count < 5000 {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
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

/// A light scan of the text before the cursor: whether a string is open, and the words of the innermost
/// application (after the last unclosed bracket or `;`).
struct Scan {
    /// Where an unclosed string starts (its `"`), if any.
    var openString: String.Index?
    /// Offsets (in characters) where each open bracket's contents start, innermost last.
    var segmentStart = 0
    let characters: [Character]

    init(_ text: String) {
        characters = Array(text)
        var stack: [Int] = [0]
        var inString = false
        var stringStart: String.Index?
        var index = text.startIndex
        var i = 0
        var escaped = false
        while index < text.endIndex {
            let c = text[index]
            if inString {
                if escaped { escaped = false }
                else if c == "\\" { escaped = true }
                else if c == "\"" { inString = false; stringStart = nil }
            } else if c == "#" {
                break
            } else if c == "\"" {
                inString = true
                stringStart = index
            } else if c == "(" || c == "[" || c == "{" {
                stack.append(i + 1)
            } else if c == ")" || c == "]" || c == "}" {
                if stack.count > 1 { stack.removeLast() }
            } else if c == ";" || c == "," || c == "\n" {
                stack[stack.count - 1] = i + 1
            }
            index = text.index(after: index)
            i += 1
        }
        openString = inString ? stringStart : nil
        segmentStart = stack.last ?? 0
    }

    /// The space-separated words of the current segment before `end` (a character offset), with `a = b` and
    /// `k=v` kept apart (`=` alone is a word) and bracketed parts skipped.
    func segmentWords(before end: Int) -> [String] {
        guard segmentStart < end else { return [] }
        var words: [String] = []
        var current = ""
        var depth = 0
        for c in characters[segmentStart..<end] {
            if c == "(" || c == "[" || c == "{" { depth += 1; continue }
            if c == ")" || c == "]" || c == "}" { depth = max(0, depth - 1); continue }
            if depth > 0 { continue }
            if c == " " || c == "\t" {
                if !current.isEmpty { words.append(current); current = "" }
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
