import Testing
import SPSNumeric
@testable import SPSLanguage

/// The interpreter's shortcuts for common shapes (issue 23) mean exactly what the general rules mean: reading and
/// setting a list element or record field held in a variable, appending one value, comparing with `nil`, strings
/// and bools, and the nesting check answered from the bounds lists and records keep. Each case runs the shortcut's shape and a shape the
/// general path takes, and compares values, value semantics and errors with their columns.
@Suite("Interpreter fast paths")
struct FastPathTests {
    /// What a script printed, or its error as `line:column: message`.
    func located(_ text: String) -> String { run(text, located: true) }

    @Test func readingAnElementOfAVariable() {
        // A local, a global read in a def, a negative position, a computed index, and the general path (a call).
        #expect(located("def f xs i { xs[i] + xs[-1] + xs[i + 1] }\nprint (f [1, 2, 3] 0)") == "6\n")
        #expect(located("g = [5, 6]\ndef f i { g[i] * g[1] }\nprint (f 0) ([7, 8][1])") == "30 8\n")
        // Anything but a whole number in range is the general rule's business, with its message and column.
        #expect(located("def f xs { xs[3] }\nf [1, 2]") == "1:15: index 3 is out of range for list of length 2")
        #expect(located("def f xs i { xs[i] }\nf [1, 2] 0.5").hasPrefix("1:17: list index must be an integer"))
        #expect(located("def f xs i { xs[i] }\nprint (f \"abc\" 1) (f (0..<5) 2) (f [1, 2, 3] (1..<3))") == "b 2 [2, 3]\n")
        #expect(located("def f { nope[0] }\nf()").hasPrefix("1:9: unknown name 'nope'"))
    }

    @Test func settingAnElementOrFieldOfAVariable() {
        // Lists and records stay values: the other name keeps its contents.
        #expect(located("def f { xs = [1, 2]; ys = xs; xs[0] = 9; xs[-1] = 8; [xs, ys] }\nprint (f())") == "[[9, 8], [1, 2]]\n")
        #expect(located("g = [1, 2]\nh = g\ndef f { g[1] = 5 }\nf()\nprint g h") == "[1, 5] [1, 2]\n")
        #expect(located("r = {a: 1}\ns = r\nr.a = 2\nr.b = 3\nprint r s") == "{a: 2, b: 3} {a: 1}\n")
        // A container value still has its nesting checked (the general path), and errors keep their columns: an
        // index out of range points at the index, an error about the target at the target.
        #expect(located("xs = [0]\nxs[0] = [1]\nprint xs") == "[[1]]\n")
        #expect(located("def f { xs = [1]; xs[2] = 0 }\nf()") == "1:22: index 2 is out of range for list of length 1")
        #expect(located("def f { n = 1; n[0] = 2 }\nf()") == "1:16: cannot assign to an index of a number")
        #expect(located("def f { nope[0] = 1 }\nf()").hasPrefix("1:9: unknown name 'nope'"))
    }

    @Test func appendingOneValue() {
        #expect(located("def f { xs = [1]; ys = xs; xs = append xs 2; [xs, ys] }\nprint (f())") == "[[1, 2], [1]]\n")
        #expect(located("g = []\nfor i in 0..<3 { g = append g i }\nprint g") == "[0, 1, 2]\n")
        // Evaluating the value reassigns the variable: the append is to the list as it was first read.
        #expect(located("g = [1]\ndef h { g = [7]; 2 }\ng = append g (h())\nprint g") == "[1, 2]\n")
        #expect(located("def f { xs = [1]; xs = append xs [2]; xs }\nprint (f())") == "[1, [2]]\n")
    }

    @Test func comparingWithNilStringsAndBools() {
        #expect(located("print ([1] == nil) (nil == nil) (nil != 0) (\"a\" == \"a\") (\"a\" != \"b\") (true == false)") == "false true true true true false\n")
        #expect(located("print ({a: 1} == nil) (nil == \"\") (1 == \"1\")") == "false false false\n")
        #expect(located("t = tensor [1, 2]\nprint (t == nil) (nil != t)") == "false true\n")
        #expect(located("if [1] == nil { print 1 } else { print 2 }") == "2\n")
    }

    @Test func operatorsOnNumbersAndOnAnythingElse() {
        // Each operator's own node: numbers peeked from locals, constants and nested operations, one side peeked, and
        // the general rule for strings, lists and tensors, with its errors at the operator's column.
        #expect(located("def f a b { [a + b, a - b, a * b, a / b, a % b, a ** b, a < b, a <= b, a > b, a >= b, a == b, a != b] }\nprint (f 7 2)") == "[9, 5, 14, 3.5, 1, 49, false, false, true, true, false, true]\n")
        #expect(located("def f a { (a + 1) * 2 - a / 4 % 3 }\nprint (f 8) (f -8)") == "16 -15\n")
        #expect(located("print (\"a\" + \"b\") ([1] + [2]) (\"ab\" < \"b\") (\"x\" == \"x\") (sum ((tensor [1, 2]) * 2))") == "ab [1, 2] true true 6\n")
        #expect(located("def f a { a - 1 }\nf \"s\"") == "1:11: '-' cannot be applied to string and number")
        #expect(located("def f a { 1 < a }\nf [1]") == "1:11: '<' cannot be applied to number and list")
    }

    @Test func bodiesEndingInANameOrExpression() {
        // The last line of a def is its value (a number, a list, a def's own value), also when an earlier `return`
        // is taken; a captured variable set to a number, a list and a number again holds each in turn.
        #expect(located("def g { 5 }\ndef f x { if x > 0 { return x }; n = [x]; n }\nprint (f 2) (f -1) (g()) g") == "2 [-1] 5 <def g>\n")
        // A bare name that is a def runs it.
        #expect(located("def counter { n = [0]; def next { n = 1; n = n + 1; n }; next }\nprint (counter())") == "2\n")
        #expect(located("def outer { n = 1; def set v { n = v; n }; [set 4, set [1], set 2.5] }\nprint (outer())") == "[4, [1], 2.5]\n")
        #expect(located("k = 3\ndef f { k }\ndef h { vars }\nprint (f())") == "3\n")
    }

    @Test func nestingCheckedFromBoundsAndByWalking() {
        // A tree built from just-built subtrees (answered from the bounds the lists keep) has the right depth …
        #expect(located("def make d { if d == 0 { return [nil, nil] }; [make(d - 1), make(d - 1)] }\nt = make 6\nprint (len t) (len t[0][0][0][0][0][0])") == "2 2\n")
        // … and a value deeper than the limit is refused, with thousands of other lists made in between.
        let deep = """
        a = [1]
        for i in 0..<9998 { a = [a] }
        for i in 0..<5000 { b = [[i]] }
        c = [a]
        d = [c]
        """
        #expect(located(deep) == "5:5: this list would nest lists or records more than \(Limits.maxNesting) levels deep")
        #expect(Limits.nestingDepth(of: .list([.list([.number(1)]), .list([])]), atMost: 10) == 2)
    }
}
