import Testing
@testable import SPSLanguage

/// Token kinds of a source, without the trailing newline/eof.
func kinds(_ text: String) -> [TokenKind] {
    var lexer = Lexer(file: SourceFile(name: "t", text: text))
    return lexer.tokenize().map(\.kind).filter { $0 != .eof }
}

@Suite("Lexer")
struct LexerTests {
    @Test func namesNumbersAndOperators() {
        #expect(kinds("x = 3 + 4.5e-1") == [.name, .assign, .number, .plus, .number, .newline])
        #expect(kinds("a ** b @ c") == [.name, .starstar, .name, .at, .name, .newline])
        #expect(kinds("a == b != c <= d >= e") == [.name, .equal, .name, .notEqual, .name, .lessEqual, .name, .greaterEqual, .name, .newline])
    }

    @Test func rangesAreNotDecimals() {
        #expect(kinds("0..9") == [.number, .dotdot, .number, .newline])
        #expect(kinds("0..<n") == [.number, .dotdotless, .name, .newline])
        var lexer = Lexer(file: SourceFile(name: "t", text: "1.5"))
        #expect(lexer.tokenize().first?.number == 1.5)
    }

    @Test func keywords() {
        #expect(kinds("if else for in while break continue def return and or not true false nil") ==
                [.kwIf, .kwElse, .kwFor, .kwIn, .kwWhile, .kwBreak, .kwContinue, .kwDef, .kwReturn, .kwAnd, .kwOr,
                 .kwNot, .kwTrue, .kwFalse, .kwNil, .newline])
    }

    @Test func newlinesInsideBracketsAreIgnored() {
        #expect(kinds("(1\n+ 2)") == [.lparen, .number, .plus, .number, .rparen, .newline])
        #expect(kinds("[1,\n2]") == [.lbracket, .number, .comma, .number, .rbracket, .newline])
        #expect(kinds("{\nx\n}") == [.lbrace, .newline, .name, .newline, .rbrace, .newline])
    }

    @Test func backslashContinues() {
        #expect(kinds("a \\\n b") == [.name, .name, .newline])
    }

    @Test func commentsAreSkippedAndRecorded() {
        var lexer = Lexer(file: SourceFile(name: "t", text: "# doc\nx # trailing"))
        #expect(lexer.tokenize().map(\.kind) == [.name, .newline, .eof])
        #expect(lexer.comments[1] == "doc")
        #expect(lexer.comments[2] == nil)
    }

    @Test func spaceBeforeIsRecorded() {
        var lexer = Lexer(file: SourceFile(name: "t", text: "m[0] f [1]"))
        let tokens = lexer.tokenize()
        #expect(tokens[1].kind == .lbracket && !tokens[1].spaceBefore)
        #expect(tokens[5].kind == .lbracket && tokens[5].spaceBefore)
    }

    @Test func stringPiecesAndEscapes() {
        var lexer = Lexer(file: SourceFile(name: "t", text: #""a\n{x + 1}\{b""#))
        let t = lexer.tokenize()[0]
        #expect(t.kind == .string)
        #expect(t.pieces.count == 3)
        if case .text(let s) = t.pieces[0] { #expect(s == "a\n") } else { Issue.record("expected text") }
        if case .code = t.pieces[1] {} else { Issue.record("expected code") }
        if case .text(let s) = t.pieces[2] { #expect(s == "{b") } else { Issue.record("expected text") }
    }

    @Test func unterminatedStringEndsEarly() {
        var lexer = Lexer(file: SourceFile(name: "t", text: "\"abc"))
        _ = lexer.tokenize()
        #expect(lexer.endedEarly)
        #expect(lexer.errors.first?.message == "unterminated string")
    }

    @Test func columnsCountCharacters() {
        var lexer = Lexer(file: SourceFile(name: "t", text: "\"π\" x"))
        let tokens = lexer.tokenize()
        #expect(tokens[1].column == 5)
    }

    @Test func unexpectedCharacterIsReported() {
        var lexer = Lexer(file: SourceFile(name: "t", text: "a $ b"))
        _ = lexer.tokenize()
        #expect(lexer.errors.map(\.message) == ["unexpected character '$'"])
    }
}
