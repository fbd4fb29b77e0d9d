import Testing
@testable import SPSLanguage

/// Issue 15: line ends other than `\n`, a byte order mark, the nesting limit the message names, and error messages
/// that contradict themselves.
@Suite("Source text, nesting limit and clear messages")
struct SourceAndNestingTests {
    // MARK: - Line ends and the byte order mark

    /// The lines and tokens of a source written with each kind of line end.
    @Test("\\r\\n and a lone \\r end lines as \\n does", arguments: ["\n", "\r\n", "\r"])
    func lineEnds(_ end: String) {
        let file = SourceFile(name: "t", text: ["x = 1", "y = x + 2", "print y"].joined(separator: end) + end)
        #expect(file.text == "x = 1\ny = x + 2\nprint y\n")
        #expect(file.line(2) == "y = x + 2")
        #expect(file.line(3) == "print y")
        var lexer = Lexer(file: file)
        let tokens = lexer.tokenize()
        #expect(lexer.errors.isEmpty)
        #expect(tokens.filter { $0.kind == .newline }.count == 3)
        let print = tokens.first { $0.text == "print" }
        #expect(print?.line == 3 && print?.column == 1)
    }

    @Test("mixed line ends count one line each; \\n\\r is two")
    func mixedLineEnds() {
        let file = SourceFile(name: "t", text: "a\r\nb\rc\nd\n\re")
        #expect(file.text == "a\nb\nc\nd\n\ne")
        #expect((1...6).map(file.line) == ["a", "b", "c", "d", "", "e"])
    }

    @Test("a syntax error in a CR-only file is reported at its own line and column")
    func errorLineInCROnlyFile() {
        guard case .failure(let e) = Parser.parse(SourceFile(name: "t", text: "x = 1\ry = 2\rz = (x +\r")) else {
            Issue.record("expected a syntax error")
            return
        }
        #expect(e.errors.first?.location.line == 4)
        guard case .failure(let e2) = Parser.parse(SourceFile(name: "t", text: "x = 1\ry = 2\rz = x )\r")) else {
            Issue.record("expected a syntax error")
            return
        }
        #expect(e2.errors.first?.location.line == 3)
        #expect(e2.errors.first?.location.column == 7)
    }

    @Test("a UTF-8 byte order mark at the start is skipped, and columns count from the first real character")
    func byteOrderMark() {
        let file = SourceFile(name: "t", text: "\u{FEFF}x = q\n")
        #expect(file.text == "x = q\n")
        #expect(file.line(1) == "x = q")
        var lexer = Lexer(file: file)
        let tokens = lexer.tokenize()
        #expect(lexer.errors.isEmpty)
        #expect(tokens.first?.kind == .name && tokens.first?.column == 1)
        #expect(tokens.first { $0.text == "q" }?.column == 5)
        // Only at the start: elsewhere it is an unexpected character.
        guard case .failure(let e) = Parser.parse(SourceFile(name: "t", text: "x = 1\n\u{FEFF}y = 2\n")) else {
            Issue.record("expected a syntax error")
            return
        }
        #expect(e.errors.first?.message == "unexpected character U+FEFF")
    }

    @Test("a file with CR line ends or a BOM runs every statement")
    func runsEverything() throws {
        for text in ["x = 1\ry = x + 41\ry\r", "\u{FEFF}x = 1\r\ny = x + 41\r\ny\r\n", "\u{FEFF}x = 1\ny = x + 41\ny"] {
            let interpreter = Interpreter()
            var echoed: [Value] = []
            interpreter.echo = { echoed.append($0) }
            guard case .success(let program) = interpreter.compile(SourceFile(name: "t", text: text)) else {
                Issue.record("\(text.debugDescription) does not compile")
                continue
            }
            try interpreter.run(program)
            #expect(echoed.map(\.repr) == ["42"], "\(text.debugDescription)")
        }
    }

    // MARK: - Lexer messages

    @Test("an unknown escape names the whole character after the backslash")
    func unknownEscapeOfAMultiByteCharacter() {
        guard case .failure(let e) = Parser.parse(SourceFile(name: "t", text: "x = \"a\\éb\"\n")) else {
            Issue.record("expected a syntax error")
            return
        }
        #expect(e.errors.map(\.message) == ["unknown escape '\\é' in string"])
        #expect(e.errors.first?.location.column == 7)
    }

    @Test("a backslash at the end of a line in a string says so, in one line")
    func backslashNewlineInString() {
        guard case .failure(let e) = Parser.parse(SourceFile(name: "t", text: "x = \"a\\\nb\"\n")) else {
            Issue.record("expected a syntax error")
            return
        }
        #expect(e.errors.count == 1)
        #expect(e.errors.first?.message.contains("\n") == false)
        #expect(e.errors.first?.message.contains("end of a line") == true)
    }

    // MARK: - Nesting limit

    /// Source nested `n` levels deep in one construct.
    static func nested(_ kind: String, _ n: Int) -> String {
        func r(_ s: String) -> String { String(repeating: s, count: n) }
        switch kind {
        case "paren": return "x = \(r("("))1\(r(")"))"
        case "list": return "x = \(r("["))1\(r("]"))"
        case "record": return "x = \(r("{a: "))1\(r("}"))"
        case "call": return "x = \(r("abs("))1\(r(")"))"
        case "index": return "x = y\(r("[y"))\(r("]"))"
        case "if": return "\(r("if true { "))x = 1\(r(" }"))"
        case "not": return "x = \(r("not "))true"
        case "minus": return "x = \(r("-"))1"
        case "power": return "x = \(r("2 ** "))1"
        case "interpolation": return "x = \(r("\"{"))1\(r("}\""))"
        default: return ""
        }
    }

    @Test("the nesting limit is the number the message names, for every kind of nesting",
          arguments: ["paren", "list", "record", "call", "index", "if", "not", "minus", "power", "interpolation"])
    func nestingLimit(_ kind: String) {
        let limit = Parser.maxDepth
        #expect(limit == 200)
        if case .failure(let e) = Parser.parse(SourceFile(name: "t", text: Self.nested(kind, limit))) {
            Issue.record("\(limit) levels of \(kind) should parse: \(e)")
        }
        guard case .failure(let e) = Parser.parse(SourceFile(name: "t", text: Self.nested(kind, limit + 1))) else {
            Issue.record("\(limit + 1) levels of \(kind) should be too deep")
            return
        }
        #expect(e.errors.map(\.message).contains { $0.hasPrefix("nesting too deep (more than \(limit) levels)") },
                "\(e.errors.map(\.message))")
    }

    @Test("nesting inside a def body counts the def's braces too")
    func nestingInsideADef() {
        let inner = String(repeating: "(", count: 199) + "1" + String(repeating: ")", count: 199)
        if case .failure(let e) = Parser.parse(SourceFile(name: "t", text: "def f {\n  \(inner)\n}\n")) {
            Issue.record("the def's brace and 199 parentheses are 200 levels: \(e)")
        }
        let deeper = "(" + inner + ")"
        guard case .failure = Parser.parse(SourceFile(name: "t", text: "def f {\n  \(deeper)\n}\n")) else {
            Issue.record("the def's brace and 200 parentheses are 201 levels")
            return
        }
    }

    // MARK: - Messages that contradict themselves

    func formatError(_ spec: String, _ value: Value) -> String? {
        do throws(RuntimeError) {
            _ = try Formatter.format(spec, [value])
            return nil
        } catch {
            return error.message
        }
    }

    @Test("format %d of nan or inf says it needs a finite number and names the value")
    func formatIntegerOfNaN() {
        for conversion in ["d", "i", "x", "X", "o"] {
            #expect(formatError("%\(conversion)", .number(.nan)) == "%\(conversion) needs a finite number, got nan; use %g or %f to show nan and inf")
            #expect(formatError("%5\(conversion)", .number(-.infinity))?.contains("needs a finite number, got -inf") == true)
        }
        #expect(formatError("%d", .string("a")) == "%d needs a number, got string \"a\"")
        #expect(formatError("%f", .bool(true)) == "%f needs a number, got bool true")
        #expect(formatError("%f", .number(.nan)) == nil)
        #expect(formatError("%d", .number(2.5)) == nil)
    }

    @Test("no message says it needs a number and got a number")
    func noNumberGotNumber() {
        for value: Value in [.number(.nan), .number(.infinity), .number(1e300), .number(-2.5)] {
            for spec in ["%d", "%x", "%f", "%e", "%g", "%s"] {
                guard let message = formatError(spec, value) else { continue }
                #expect(!message.contains("got number"), "\(spec) \(value.repr): \(message)")
            }
        }
    }
}
