/// Builds a syntax tree from tokens by recursive descent, recovering after errors at the next statement boundary so
/// that one run reports every syntax error.
///
/// Application binds tighter than every operator: `f a b + 1` is `(f a b) + 1`. Arguments are postfix expressions
/// (names, literals, parenthesised expressions, member access and indexing), optionally a range `a..b`, or
/// `name=value`. A `[` directly after an expression (no space) indexes it; with a space before it starts a list
/// argument. A `-` with a space before and none after starts a negative argument (`f -1`); otherwise it subtracts.
public struct Parser {
    /// How deeply brackets, braces and prefix operators may nest before the parser gives up with an error: each
    /// `(`, `[`, `{`, string interpolation, `not`, unary `-` and `**` is one level.
    public static let maxDepth = 200
    /// The most syntax errors one parse reports.
    public static let maxReportedErrors = 50

    enum Failure: Error { case recoverable, fatal }

    let file: SourceFile
    var tokens: [Token]
    var index = 0
    var errors: [SyntaxError] = []
    var comments: [Int: String]
    var depth: Int
    var noBlock = false
    var lastEnd = 0
    /// True while the next range parsed is an index entry, where a range may be open-ended (`xs[2..]`).
    var openRangeAllowed = false

    /// Parses a whole source into statements, or returns every syntax error in it.
    public static func parse(_ file: SourceFile) -> Result<[Stmt], SyntaxErrors> {
        var lexer = Lexer(file: file)
        let tokens = lexer.tokenize()
        var parser = Parser(file: file, tokens: tokens, lexer: lexer, depth: 0)
        let statements = parser.parseProgram()
        // A line the lexer already complained about gets no follow-on parser errors.
        let lexLines = Set(lexer.errors.map { $0.location.line })
        let parserErrors = parser.errors.filter { !lexLines.contains($0.location.line) }
        var all = (lexer.errors + parserErrors).sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
        if all.isEmpty { return .success(statements) }
        // Binary or garbled input can have an error every few bytes; each is shown with its source line, so
        // thousands of them (on one long line) would take quadratic time and bury the first, useful ones.
        if all.count > Parser.maxReportedErrors {
            let dropped = all.count - Parser.maxReportedErrors
            all.removeLast(dropped + 1)
            all.append(SyntaxError("too many syntax errors; \(dropped + 1) more not shown", at: all[all.count - 1].location))
        }
        let eofOffset = file.bytes.count
        let onlyAtEnd = lexer.endedEarly && parser.errors.allSatisfy { $0.location.offset >= eofOffset }
            && lexer.errors.allSatisfy { $0.message == "unterminated string" }
        return .failure(SyntaxErrors(errors: all, isIncomplete: onlyAtEnd))
    }

    init(file: SourceFile, tokens: [Token], lexer: Lexer, depth: Int) {
        self.file = file
        self.tokens = tokens
        self.comments = lexer.comments
        self.depth = depth
    }

    // MARK: - Tokens

    var tok: Token { tokens[index] }
    func peek(_ n: Int = 1) -> Token { tokens[min(index + n, tokens.count - 1)] }
    var atEnd: Bool { tok.kind == .eof }

    mutating func advance() -> Token {
        let t = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        lastEnd = t.end
        return t
    }

    func location(_ t: Token) -> SourceLocation {
        SourceLocation(file: file, line: t.line, column: t.column, offset: t.offset)
    }

    static func describe(_ t: Token) -> String {
        switch t.kind {
        case .eof: return "end of input"
        case .newline: return "end of line"
        case .string: return "a string"
        case .number: return "number \(t.text)"
        default: return "'\(t.text)'"
        }
    }

    mutating func fail(_ message: String, at t: Token? = nil) -> Failure {
        let t = t ?? tok
        errors.append(SyntaxError(message, at: location(t)))
        return .recoverable
    }

    mutating func expect(_ kind: TokenKind, _ what: String) throws(Failure) -> Token {
        if tok.kind == kind { return advance() }
        throw fail("expected \(what), found \(Parser.describe(tok))")
    }

    /// Consumes the token that closes the bracket `open`, or fails: `expected ',' or ']' in the list, found …`, and
    /// names the bracket left open — `(unclosed '[' opened at 3:5)` at the end of input, `(the '[' opened at 3:5 is
    /// still open)` when the culprit is on a later line than the bracket.
    mutating func expectClosing(_ kind: TokenKind, _ what: String, open: Token, namesOpening: Bool = false) throws(Failure) -> Token {
        if tok.kind == kind { return advance() }
        // The line break that ends the text counts as its end.
        let atEndOfInput = atEnd || (tok.kind == .newline && peek().kind == .eof)
        var message = "expected \(what), found \(Parser.describe(tok))"
        if atEndOfInput {
            message += " (unclosed '\(open.text)' opened at \(open.line):\(open.column))"
        } else if !namesOpening && tok.line > open.line {
            message += " (the '\(open.text)' opened at \(open.line):\(open.column) is still open)"
        }
        throw fail(message)
    }

    mutating func skipNewlines() { while tok.kind == .newline { _ = advance() } }
    mutating func skipSeparators() { while tok.kind == .newline || tok.kind == .semicolon { _ = advance() } }

    /// Goes one level deeper (a bracket, brace, interpolation or prefix operator), or fails at `maxDepth`.
    mutating func enter(at token: Token? = nil) throws(Failure) {
        depth += 1
        if depth > Parser.maxDepth {
            errors.append(SyntaxError("nesting too deep (more than \(Parser.maxDepth) levels); each bracket, block, `not`, unary `-` and `**` is one level", at: location(token ?? tok)))
            throw .fatal
        }
    }

    /// Skips to the next statement boundary at this nesting level (not past a `}` that closes the current block).
    mutating func synchronize() {
        var braces = 0
        while !atEnd {
            switch tok.kind {
            case .newline, .semicolon:
                if braces == 0 { return }
            case .lbrace: braces += 1
            case .rbrace:
                if braces == 0 { return }
                braces -= 1
            default: break
            }
            _ = advance()
        }
    }

    // MARK: - Statements

    mutating func parseProgram() -> [Stmt] {
        var statements: [Stmt] = []
        skipSeparators()
        while !atEnd {
            do {
                statements.append(try parseStatement())
                try expectStatementEnd(inBlock: false)
            } catch .recoverable {
                synchronize()
                if tok.kind == .rbrace { _ = advance() }
            } catch {
                return statements
            }
            skipSeparators()
        }
        return statements
    }

    mutating func expectStatementEnd(inBlock: Bool) throws(Failure) {
        switch tok.kind {
        case .newline, .semicolon, .eof: return
        case .rbrace where inBlock: return
        case .rbrace: throw fail("unexpected '}' with no open block")
        case .rparen, .rbracket: throw fail("unexpected '\(tok.text)' with no matching opening bracket")
        case .name where tok.text == "elif":
            throw fail("unexpected 'elif'; write 'else if'")
        default:
            throw fail("unexpected \(Parser.describe(tok)) after a complete statement; separate statements with a newline or ';'")
        }
    }

    mutating func parseStatement() throws(Failure) -> Stmt {
        let start = tok
        let loc = location(start)
        func stmt(_ k: Stmt.Kind) -> Stmt { Stmt(kind: k, location: loc, end: lastEnd) }
        switch start.kind {
        case .kwDef: return stmt(.def(try parseDef()))
        case .kwIf: return try parseIf()
        case .kwFor:
            _ = advance()
            let name = try expect(.name, "a loop variable name after 'for'")
            _ = try expect(.kwIn, "'in' after the loop variable")
            let seq = try parseCondition()
            let body = try parseBlock("the loop body")
            return stmt(.for(name.text, seq, body))
        case .kwWhile:
            _ = advance()
            let cond = try parseCondition()
            let body = try parseBlock("the loop body")
            return stmt(.while(cond, body))
        case .kwBreak: _ = advance(); return stmt(.break)
        case .kwContinue: _ = advance(); return stmt(.continue)
        case .kwReturn:
            _ = advance()
            switch tok.kind {
            case .newline, .semicolon, .eof, .rbrace: return stmt(.return(nil))
            default: return stmt(.return(try parseExpression()))
            }
        case .kwElse: throw fail("'else' without a matching 'if'")
        case .rbrace: throw fail("unexpected '}' with no open block")
        case .rparen, .rbracket: throw fail("unexpected '\(start.text)' with no matching opening bracket")
        default:
            let target = try parseExpression()
            let op: BinaryOperator?
            switch tok.kind {
            case .assign: op = nil
            case .plusAssign: op = .add
            case .minusAssign: op = .subtract
            case .starAssign: op = .multiply
            case .slashAssign: op = .divide
            default: return stmt(.expression(target))
            }
            let opToken = advance()
            switch target.kind {
            case .name, .member, .index: break
            default: throw fail("cannot assign to this expression; the left of '\(opToken.text)' must be a name, a member or an index", at: start)
            }
            let value = try parseExpression()
            return stmt(.assign(target, op, value))
        }
    }

    mutating func parseCondition() throws(Failure) -> Expr {
        let saved = noBlock
        noBlock = true
        defer { noBlock = saved }
        return try parseExpression()
    }

    mutating func parseIf() throws(Failure) -> Stmt {
        let start = advance()
        let cond = try parseCondition()
        let then = try parseBlock("the 'if' body")
        var otherwise: Stmt?
        var look = index
        while tokens[look].kind == .newline { look += 1 }
        if tokens[look].kind == .kwElse {
            skipNewlines()
            let elseToken = advance()
            if tok.kind == .kwIf {
                otherwise = try parseIf()
            } else {
                let b = try parseBlock("the 'else' body")
                otherwise = Stmt(kind: .block(b), location: location(elseToken), end: lastEnd)
            }
        }
        return Stmt(kind: .if(cond, then, otherwise), location: location(start), end: lastEnd)
    }

    mutating func parseDef() throws(Failure) -> FunctionDecl {
        let defToken = advance()
        let name = try expect(.name, "a command name after 'def'")
        var params: [ParameterDecl] = []
        var seen = Set<String>()
        while tok.kind == .name {
            let p = advance()
            if seen.contains(p.text) { throw fail("duplicate parameter '\(p.text)' in def \(name.text)", at: p) }
            seen.insert(p.text)
            if tok.kind == .assign {
                _ = advance()
                params.append(ParameterDecl(name: p.text, defaultValue: try parseArgumentValue()))
            } else {
                if params.last?.defaultValue != nil {
                    throw fail("parameter '\(p.text)' without a default follows one with a default", at: p)
                }
                params.append(ParameterDecl(name: p.text, defaultValue: nil))
            }
        }
        if tok.kind == .lparen && params.isEmpty {
            throw fail("def \(name.text): parameters are written without parentheses or commas: def \(name.text) x y { … }, or def \(name.text) { … } for none")
        }
        if tok.kind != .lbrace {
            throw fail("expected a parameter name or '{' to start the body of def \(name.text), found \(Parser.describe(tok))")
        }
        let body = try parseBlock("the def body")
        var docLines: [String] = []
        var line = defToken.line - 1
        while let c = comments[line] {
            docLines.insert(c, at: 0)
            line -= 1
        }
        return FunctionDecl(name: name.text, parameters: params, body: body,
                            doc: docLines.isEmpty ? nil : docLines.joined(separator: "\n"))
    }

    mutating func parseBlock(_ what: String) throws(Failure) -> Block {
        if tok.kind != .lbrace { throw fail("expected '{' to start \(what), found \(Parser.describe(tok))") }
        return try parseBlockBody()
    }

    /// Parses `{ statements }`, starting at the `{`.
    mutating func parseBlockBody(allowParameters: Bool = false) throws(Failure) -> Block {
        try enter(at: tok)
        defer { depth -= 1 }
        let open = advance()
        let savedNoBlock = noBlock
        noBlock = false
        defer { noBlock = savedNoBlock }
        var statements: [Stmt] = []
        let parameters = allowParameters ? try parseBlockParameters() : []
        skipSeparators()
        while tok.kind != .rbrace {
            if atEnd { throw fail("expected '}' to close the block opened at line \(open.line), found end of input (unclosed '{' opened at \(open.line):\(open.column))") }
            do {
                statements.append(try parseStatement())
                try expectStatementEnd(inBlock: true)
            } catch .recoverable {
                synchronize()
            }
            skipSeparators()
        }
        _ = advance()
        return Block(statements: statements, parameters: parameters)
    }

    /// The parameters of a block that takes arguments, `{ a b -> … }`: names, then `->` written as one arrow. An
    /// ordinary block (`{ a = 1 }`, `{ print a }`, `{ x - y }`) has none, and nothing is consumed.
    mutating func parseBlockParameters() throws(Failure) -> [String] {
        var j = index
        var names: [String] = []
        while tokens[j].kind == .name {
            names.append(tokens[j].text)
            j += 1
        }
        let arrow = tokens[j], head = tokens[min(j + 1, tokens.count - 1)]
        guard arrow.kind == .minus, head.kind == .greater, head.offset == arrow.offset + 1 else { return [] }
        var seen = Set<String>()
        for (k, name) in names.enumerated() where !seen.insert(name).inserted {
            throw fail("the block's parameter '\(name)' is named twice", at: tokens[index + k])
        }
        index = j + 2
        return names
    }

    // MARK: - Expressions

    /// Parses a full expression (lowest precedence: `or`).
    ///
    /// Not a level of nesting by itself: every way back into it from inside an expression passes a bracket, a
    /// brace, `not`, a unary minus or `**`, which count one level each, so that `maxDepth` is the number of
    /// brackets the error message names.
    mutating func parseExpression() throws(Failure) -> Expr {
        try parseOr()
    }

    mutating func binary(_ op: BinaryOperator, _ a: Expr, _ b: Expr) -> Expr {
        Expr(kind: .binary(op, a, b), location: a.location)
    }

    mutating func parseOr() throws(Failure) -> Expr {
        var e = try parseAnd()
        while tok.kind == .kwOr {
            _ = advance()
            e = binary(.or, e, try parseAnd())
        }
        return e
    }

    mutating func parseAnd() throws(Failure) -> Expr {
        var e = try parseNot()
        while tok.kind == .kwAnd {
            _ = advance()
            e = binary(.and, e, try parseNot())
        }
        return e
    }

    mutating func parseNot() throws(Failure) -> Expr {
        if tok.kind == .kwNot {
            let t = advance()
            try enter(at: t)
            defer { depth -= 1 }
            return Expr(kind: .unary(.not, try parseNot()), location: location(t))
        }
        return try parseComparison()
    }

    mutating func parseComparison() throws(Failure) -> Expr {
        var e = try parseRange()
        while true {
            let op: BinaryOperator
            switch tok.kind {
            case .equal: op = .equal
            case .notEqual: op = .notEqual
            case .less: op = .less
            case .lessEqual: op = .lessEqual
            case .greater: op = .greater
            case .greaterEqual: op = .greaterEqual
            default: return e
            }
            _ = advance()
            e = binary(op, e, try parseRange())
        }
    }

    /// range -> additive [(".." | "..<") additive]; in an index also additive ".." (open-ended: to the end)
    mutating func parseRange() throws(Failure) -> Expr {
        let open = openRangeAllowed
        openRangeAllowed = false
        let e = try parseAdditive()
        if tok.kind == .dotdot || tok.kind == .dotdotless {
            let t = advance()
            let inclusive = t.kind == .dotdot
            if open && inclusive && (tok.kind == .rbracket || tok.kind == .comma) {
                // The missing end: a nil at the start's location marks it (see `RangeNode.isOpenEnded`).
                return Expr(kind: .range(e, Expr(kind: .nil, location: e.location), inclusive: true), location: e.location)
            }
            return Expr(kind: .range(e, try parseAdditive(), inclusive: inclusive), location: e.location)
        }
        return e
    }

    /// index-entry -> (".." | "..<") [additive] | expression: a range may leave out its start (`xs[..<3]`, from
    /// the first item), its end (`xs[2..]`, to the last) or both (`t[.., 0]`, everything).
    mutating func parseIndexEntry() throws(Failure) -> Expr {
        guard tok.kind == .dotdot || tok.kind == .dotdotless else {
            openRangeAllowed = true
            defer { openRangeAllowed = false }
            return try parseExpression()
        }
        let t = advance()
        let inclusive = t.kind == .dotdot
        let start = Expr(kind: .number(0), location: location(t))
        if inclusive && (tok.kind == .rbracket || tok.kind == .comma) {
            return Expr(kind: .range(start, Expr(kind: .nil, location: location(t)), inclusive: true), location: location(t))
        }
        return Expr(kind: .range(start, try parseAdditive(), inclusive: inclusive), location: location(t))
    }

    mutating func parseAdditive() throws(Failure) -> Expr {
        var e = try parseMultiplicative()
        while tok.kind == .plus || tok.kind == .minus {
            let op: BinaryOperator = advance().kind == .plus ? .add : .subtract
            e = binary(op, e, try parseMultiplicative())
        }
        return e
    }

    mutating func parseMultiplicative() throws(Failure) -> Expr {
        var e = try parseUnary()
        while true {
            let op: BinaryOperator
            switch tok.kind {
            case .star: op = .multiply
            case .slash: op = .divide
            case .percent: op = .remainder
            case .at: op = .matmul
            default: return e
            }
            _ = advance()
            e = binary(op, e, try parseUnary())
        }
    }

    mutating func parseUnary() throws(Failure) -> Expr {
        if tok.kind == .minus {
            let t = advance()
            try enter(at: t)
            defer { depth -= 1 }
            let operand = try parseUnary()
            if case .number(let n) = operand.kind { return Expr(kind: .number(-n), location: location(t)) }
            return Expr(kind: .unary(.negate, operand), location: location(t))
        }
        return try parsePower()
    }

    mutating func parsePower() throws(Failure) -> Expr {
        let base = try parseApplication()
        if tok.kind == .starstar {
            let op = advance()
            try enter(at: op)
            defer { depth -= 1 }
            return binary(.power, base, try parseUnary())
        }
        return base
    }

    /// True when the current token can begin an argument of an application.
    func startsArgument() -> Bool {
        let t = tok
        switch t.kind {
        case .name, .number, .string, .kwTrue, .kwFalse, .kwNil: return true
        case .lparen, .lbracket: return t.spaceBefore
        case .lbrace: return !noBlock
        case .minus:
            let n = peek()
            guard t.spaceBefore, !n.spaceBefore else { return false }
            return n.kind == .number || n.kind == .name || n.kind == .lparen
        default: return false
        }
    }

    static func isApplicable(_ e: Expr) -> Bool {
        switch e.kind {
        case .name: return true
        case .member(let x, _), .index(let x, _): return isApplicable(x)
        default: return false
        }
    }

    mutating func parseApplication() throws(Failure) -> Expr {
        let head = try parsePostfix()
        // `help for`, `help if`, `help true`: a keyword alone after `help` is the word to explain, as a string.
        if case .name("help") = head.kind, TokenKind.keywords[tok.text] == tok.kind,
           [.newline, .semicolon, .eof, .rbrace].contains(peek().kind) {
            let word = advance()
            let argument = Argument(label: nil, value: Expr(kind: .string(word.text), location: location(word)))
            return Expr(kind: .apply(head, [argument], parenthesized: false), location: head.location)
        }
        guard Parser.isApplicable(head), startsArgument() else { return head }
        var args: [Argument] = []
        while startsArgument() {
            if tok.kind == .name && peek().kind == .assign {
                let labelToken = advance()
                _ = advance()
                args.append(Argument(label: labelToken.text, value: try parseArgumentValue(), labelLocation: location(labelToken)))
            } else {
                args.append(Argument(label: nil, value: try parseArgumentValue()))
            }
        }
        return Expr(kind: .apply(head, args, parenthesized: false), location: head.location)
    }

    /// An argument: a postfix expression, optionally negated (`-x`) or a range of two (`a..b`).
    mutating func parseArgumentValue() throws(Failure) -> Expr {
        let a = try parseArgumentAtom()
        if tok.kind == .dotdot || tok.kind == .dotdotless {
            let inclusive = advance().kind == .dotdot
            return Expr(kind: .range(a, try parseArgumentAtom(), inclusive: inclusive), location: a.location)
        }
        return a
    }

    mutating func parseArgumentAtom() throws(Failure) -> Expr {
        if tok.kind == .minus {
            let t = advance()
            try enter(at: t)
            defer { depth -= 1 }
            let operand = try parseArgumentAtom()
            if case .number(let n) = operand.kind { return Expr(kind: .number(-n), location: location(t)) }
            return Expr(kind: .unary(.negate, operand), location: location(t))
        }
        return try parsePostfix()
    }

    mutating func parsePostfix() throws(Failure) -> Expr {
        var e = try parsePrimary()
        while true {
            switch tok.kind {
            case .dot:
                _ = advance()
                guard tok.kind == .name || TokenKind.keywords[tok.text] != nil else {
                    throw fail("expected a member name after '.', found \(Parser.describe(tok))")
                }
                let nameToken = advance()
                e = Expr(kind: .member(e, nameToken.text), location: e.location, focus: location(nameToken))
            case .lbracket where !tok.spaceBefore:
                let open = advance()
                try enter(at: open)
                defer { depth -= 1 }
                let saved = noBlock
                noBlock = false
                defer { noBlock = saved }
                var idx: [Expr] = []
                while tok.kind != .rbracket {
                    idx.append(try parseIndexEntry())
                    if tok.kind == .comma { _ = advance() } else { break }
                }
                _ = try expectClosing(.rbracket, "',' or ']' in index", open: open)
                if idx.isEmpty { throw fail("an index needs at least one value between '[' and ']'", at: open) }
                e = Expr(kind: .index(e, idx), location: e.location)
            case .lparen where !tok.spaceBefore && Parser.isApplicable(e):
                let open = advance()
                try enter(at: open)
                defer { depth -= 1 }
                let saved = noBlock
                noBlock = false
                defer { noBlock = saved }
                var args: [Argument] = []
                while tok.kind != .rparen {
                    if tok.kind == .name && peek().kind == .assign {
                        let labelToken = advance()
                        _ = advance()
                        args.append(Argument(label: labelToken.text, value: try parseExpression(), labelLocation: location(labelToken)))
                    } else {
                        args.append(Argument(label: nil, value: try parseExpression()))
                    }
                    if tok.kind == .comma { _ = advance() } else { break }
                }
                _ = try expectClosing(.rparen, "',' or ')' in the argument list", open: open)
                e = Expr(kind: .apply(e, args, parenthesized: true), location: e.location)
            default:
                return e
            }
        }
    }

    mutating func parsePrimary() throws(Failure) -> Expr {
        let t = tok
        let loc = location(t)
        switch t.kind {
        case .number: _ = advance(); return Expr(kind: .number(t.number), location: loc)
        case .string: _ = advance(); return try stringExpr(t)
        case .kwTrue: _ = advance(); return Expr(kind: .bool(true), location: loc)
        case .kwFalse: _ = advance(); return Expr(kind: .bool(false), location: loc)
        case .kwNil: _ = advance(); return Expr(kind: .nil, location: loc)
        case .name: _ = advance(); return Expr(kind: .name(t.text), location: loc)
        case .lparen:
            _ = advance()
            try enter(at: t)
            defer { depth -= 1 }
            if tok.kind == .rparen { throw fail("empty parentheses; write f() directly after a name to call it with no arguments") }
            let saved = noBlock
            noBlock = false
            defer { noBlock = saved }
            let e = try parseExpression()
            _ = try expectClosing(.rparen, "')' to close the '(' at line \(t.line)", open: t, namesOpening: true)
            return e
        case .lbracket:
            _ = advance()
            try enter(at: t)
            defer { depth -= 1 }
            let saved = noBlock
            noBlock = false
            defer { noBlock = saved }
            var items: [Expr] = []
            while tok.kind != .rbracket {
                items.append(try parseExpression())
                if tok.kind == .comma { _ = advance() } else { break }
            }
            _ = try expectClosing(.rbracket, "',' or ']' in the list", open: t)
            return Expr(kind: .list(items), location: loc)
        case .lbrace:
            if isRecordAhead() { return try parseRecord() }
            return Expr(kind: .block(try parseBlockBody(allowParameters: true)), location: loc)
        case .eof, .newline:
            if let doubled = doubledSign(endingAt: index - 1) { throw doubled }
            throw fail("expected an expression, found \(Parser.describe(t))")
        default:
            if TokenKind.keywords[t.text] != nil {
                throw fail("expected an expression, found keyword '\(t.text)'")
            }
            if [.newline, .eof, .semicolon, .rparen, .rbrace].contains(peek().kind), let doubled = doubledSign(endingAt: index) {
                throw doubled
            }
            throw fail("expected an expression, found \(Parser.describe(t))")
        }
    }

    /// `x++` or `x--` (C, JavaScript), when tokens `last - 1` and `last` are the same sign written together: the
    /// error that says how sps writes it, at the first sign.
    mutating func doubledSign(endingAt last: Int) -> Failure? {
        guard last >= 1, last < tokens.count else { return nil }
        let first = tokens[last - 1], second = tokens[last]
        guard second.kind == .plus || second.kind == .minus, first.kind == second.kind, first.offset + 1 == second.offset else { return nil }
        return fail("sps has no '\(second.text)\(second.text)'; write x \(second.text)= 1", at: first)
    }

    /// A `{` starts a record when it is empty (`{}`) or its first entry is `name:` or `"key":`.
    func isRecordAhead() -> Bool {
        var j = index + 1
        while tokens[j].kind == .newline { j += 1 }
        let first = tokens[j].kind
        if first == .rbrace { return true }
        if first == .name || first == .string { return tokens[min(j + 1, tokens.count - 1)].kind == .colon }
        return false
    }

    mutating func parseRecord() throws(Failure) -> Expr {
        let open = advance()
        try enter(at: open)
        defer { depth -= 1 }
        var fields: [(String, Expr)] = []
        var seen = Set<String>()
        skipNewlines()
        while tok.kind != .rbrace {
            let keyToken = tok
            let key: String
            if tok.kind == .name {
                key = advance().text
            } else if tok.kind == .string, keyToken.pieces.allSatisfy({ if case .text = $0 { true } else { false } }) {
                _ = advance()
                key = keyToken.pieces.map { if case .text(let s) = $0 { s } else { "" } }.joined()
            } else {
                throw fail("expected a field name in the record, found \(Parser.describe(tok))")
            }
            if seen.contains(key) { throw fail("duplicate field '\(key)' in record", at: keyToken) }
            seen.insert(key)
            _ = try expect(.colon, "':' after the field name '\(key)'")
            skipNewlines()
            fields.append((key, try parseExpression()))
            skipNewlines()
            if tok.kind == .comma { _ = advance(); skipNewlines() } else { break }
        }
        skipNewlines()
        _ = try expectClosing(.rbrace, "',' or '}' in the record", open: open)
        return Expr(kind: .record(fields), location: location(open))
    }

    /// Turns a string token into a literal or an interpolation, parsing each `{…}`.
    mutating func stringExpr(_ t: Token) throws(Failure) -> Expr {
        let loc = location(t)
        if t.pieces.allSatisfy({ if case .text = $0 { true } else { false } }) {
            return Expr(kind: .string(t.pieces.map { if case .text(let s) = $0 { s } else { "" } }.joined()), location: loc)
        }
        var pieces: [InterpolationPiece] = []
        for p in t.pieces {
            switch p {
            case .text(let s): pieces.append(.text(s))
            case .code(let start, let end, let line):
                var lexer = Lexer(file: file, start: start, end: end, line: line)
                var sub = lexer.tokenize()
                // An interpolation is one expression: drop newlines the lexer saw as statement ends.
                sub.removeAll { $0.kind == .newline }
                errors += lexer.errors
                if sub.count == 1 {
                    errors.append(SyntaxError("empty '{}' in string; write \\{ for a literal brace", at: lexer.location(at: start)))
                    throw .recoverable
                }
                // An interpolation is one level deeper, like a bracket.
                try enter(at: t)
                defer { depth -= 1 }
                var parser = Parser(file: file, tokens: sub, lexer: lexer, depth: depth)
                let e: Expr
                do {
                    e = try parser.parseExpression()
                } catch {
                    errors += parser.errors
                    throw error
                }
                if !parser.atEnd {
                    _ = parser.fail("unexpected \(Parser.describe(parser.tok)) in string interpolation")
                }
                errors += parser.errors
                if !parser.errors.isEmpty { throw .recoverable }
                pieces.append(.expr(e))
            }
        }
        return Expr(kind: .interpolation(pieces), location: loc)
    }
}
