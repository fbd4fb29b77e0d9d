/// The kinds of token the lexer produces.
public enum TokenKind: Equatable, Sendable {
    case name, number, string, newline, eof
    case lparen, rparen, lbracket, rbracket, lbrace, rbrace
    case comma, colon, semicolon, dot, dotdot, dotdotless
    case assign, plusAssign, minusAssign, starAssign, slashAssign
    case plus, minus, star, slash, percent, starstar, at
    case equal, notEqual, less, lessEqual, greater, greaterEqual
    case kwIf, kwElse, kwFor, kwIn, kwWhile, kwBreak, kwContinue, kwDef, kwReturn
    case kwAnd, kwOr, kwNot, kwTrue, kwFalse, kwNil

    /// Reserved words and their kinds.
    static let keywords: [String: TokenKind] = [
        "if": .kwIf, "else": .kwElse, "for": .kwFor, "in": .kwIn, "while": .kwWhile, "break": .kwBreak,
        "continue": .kwContinue, "def": .kwDef, "return": .kwReturn, "and": .kwAnd, "or": .kwOr, "not": .kwNot,
        "true": .kwTrue, "false": .kwFalse, "nil": .kwNil,
    ]
}

/// One piece of a string literal: literal text or an interpolated `{expression}`.
public enum StringPiece: Sendable {
    /// Literal text, escapes already applied.
    case text(String)
    /// An interpolated expression: the byte range of its source (between the braces) and the line it starts on.
    case code(start: Int, end: Int, line: Int)
}

/// A token: its kind, its text, where it is, and whether whitespace precedes it.
public struct Token: Sendable {
    /// The kind.
    public var kind: TokenKind
    /// The source text of the token (for names, the name).
    public var text: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column.
    public var column: Int
    /// The byte offset of the first character.
    public var offset: Int
    /// The byte offset just past the last character.
    public var end: Int
    /// True when whitespace (or a line start) comes right before the token: `f [1]` versus `m[1]`.
    public var spaceBefore: Bool
    /// The value of a number token.
    public var number: Double = 0
    /// The pieces of a string token.
    public var pieces: [StringPiece] = []
}
