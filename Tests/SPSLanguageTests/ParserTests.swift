import Testing
@testable import SPSLanguage

/// The S-expression of a parsed source, or the error messages.
func tree(_ text: String) -> String {
    switch Parser.parse(SourceFile(name: "t", text: text)) {
    case .success(let s): return ASTPrinter.print(s)
    case .failure(let e): return "error: " + e.errors.map(\.message).joined(separator: " | ")
    }
}

@Suite("Parser")
struct ParserTests {
    @Test(arguments: [
        ("x = 1 + 2 * 3", "(= x (+ 1 (* 2 3)))"),
        ("print x", "(apply print x)"),
        ("fit m train epochs=30", "(apply fit m train epochs=30)"),
        ("r = (rmse m ood) * 2", "(= r (* (apply rmse m ood) 2))"),
        ("[rmse m iid, rmse m ood]", "(list (apply rmse m iid) (apply rmse m ood))"),
        ("m.weight[0, 2]", "(index (. m weight) 0 2)"),
        ("f [1, 2]", "(apply f (list 1 2))"),
        ("t.lr = 5e-4", "(= (. t lr) 0.0005)"),
        ("print (a + b)", "(apply print (+ a b))"),
        ("print a + b", "(+ (apply print a) b)"),
        ("f -1", "(apply f -1)"),
        ("x - 1", "(- x 1)"),
        ("x-1", "(- x 1)"),
        ("-2 ** 2", "(- (** 2 2))"),
        ("2 ** 3 ** 2", "(** 2 (** 3 2))"),
        ("a < b and not c or d", "(or (and (< a b) (not c)) d)"),
        ("0..9", "(.. 0 9)"),
        ("0..<n - 1", "(..< 0 (- n 1))"),
        ("repeat seeds=0..9 { m = 1 }", "(apply repeat seeds=(.. 0 9) (block (= m 1)))"),
        ("f()", "(call f)"),
        ("f(1, k=2)", "(call f 1 k=2)"),
        ("r = {a: 1, b: [2]}", "(= r (record a: 1 b: (list 2)))"),
        ("b = { x }", "(= b (block x))"),
        ("e = {}", "(= e (record))"),
        ("x += 1", "(+= x 1)"),
        ("optim=(adam lr=1e-3)", "(= optim (apply adam lr=0.001))"),
        ("fit m d optim=(adam lr=1e-3)", "(apply fit m d optim=(apply adam lr=0.001))"),
        ("\"a {x + 1} b\"", "(str \"a \" (+ x 1) \" b\")"),
        ("noise x3 std=30", "(apply noise x3 std=30)"),
        ("a @ b", "(@ a b)"),
        ("w3=m.weight[0, 2]", "(= w3 (index (. m weight) 0 2))"),
        ("record iid=(rmse m iid) w3=m.weight[0, 2]", "(apply record iid=(apply rmse m iid) w3=(index (. m weight) 0 2))"),
    ])
    func expressions(_ source: String, _ expected: String) {
        #expect(tree(source) == expected)
    }

    @Test func statements() {
        #expect(tree("if x { a } else if y { b } else { c }") == "(if x (block a) (if y (block b) (block c)))")
        #expect(tree("for i in 0..<3 { print i }") == "(for i (..< 0 3) (block (apply print i)))")
        #expect(tree("while x < 3 { x += 1 }") == "(while (< x 3) (block (+= x 1)))")
        #expect(tree("def f a b=2 { return a + b }") == "(def f (a b=2) (block (return (+ a b))))")
        #expect(tree("a = 1; b = 2") == "(= a 1)\n(= b 2)")
        #expect(tree("for x in xs { break; continue }") == "(for x xs (block (break) (continue)))")
    }

    @Test func conditionDoesNotSwallowBlock() {
        #expect(tree("if f x { y }") == "(if (apply f x) (block y))")
        #expect(tree("for x in range 3 { y }") == "(for x (apply range 3) (block y))")
    }

    @Test func docCommentAttachesToDef() throws {
        let r = Parser.parse(SourceFile(name: "t", text: "# Adds.\n# Two lines.\ndef add a b { a + b }"))
        guard case .success(let s) = r, case .def(let f) = s[0].kind else {
            Issue.record("expected a def")
            return
        }
        #expect(f.doc == "Adds.\nTwo lines.")
    }

    @Test func recoveryReportsEveryError() {
        #expect(tree("x = (1 + )\nprint 1\ny = * 2") == "error: expected an expression, found ')' | expected an expression, found '*'")
    }

    @Test func incompleteInputIsFlagged() {
        for text in ["print (1 +", "def f {", "x = [1,", "s = \"abc", "x = 1 + \\"] {
            guard case .failure(let e) = Parser.parse(SourceFile(name: "t", text: text)) else {
                Issue.record("\(text) parsed")
                continue
            }
            #expect(e.isIncomplete, "\(text)")
        }
        guard case .failure(let e) = Parser.parse(SourceFile(name: "t", text: "x = )")) else { return }
        #expect(!e.isIncomplete)
    }

    @Test func nestingLimitIsAnError() {
        let deep = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        #expect(tree(deep).contains("nesting too deep"))
        let deepList = String(repeating: "[", count: 5_000)
        #expect(tree(deepList).contains("nesting too deep"))
        let deepString = String(repeating: "\"{", count: 1_000)
        #expect(tree(deepString).hasPrefix("error:"))
    }

    @Test func locationsPointAtTheProblem() {
        guard case .failure(let e) = Parser.parse(SourceFile(name: "f.sps", text: "x = 1\ny = (2 +)")) else { return }
        #expect(e.errors[0].description == "f.sps:2:9: error: expected an expression, found ')'")
    }
}
