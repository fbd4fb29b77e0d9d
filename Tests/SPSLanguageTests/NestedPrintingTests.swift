import Testing
import SPSNumeric
@testable import SPSLanguage

/// How lists and records print when they hold tensors and objects that take several lines.
@Suite struct NestedPrintingTests {
    @Test func smallTensorsStayOnOneLine() {
        #expect(run("print {w: tensor [[1, 2, 3]], b: tensor [0.5]}") == "{w: tensor [[1, 2, 3]], b: tensor [0.5000]}\n")
        #expect(run("print [tensor [1, 2], 3]") == "[tensor [1, 2], 3]\n")
    }

    @Test func aLargeTensorPutsEachEntryOnItsOwnLine() {
        #expect(run("print {big: zeros 2 12, n: 1}") == """
            {
              big: 2×12 Tensor{Float32}:
                 0  0  0  0  …  0  0  0  0
                 0  0  0  0  …  0  0  0  0
              n: 1
            }

            """)
    }

    @Test func nestedContainersCloseUnderTheirKey() {
        #expect(run("print [{a: zeros 11}, {a: 1}]") == """
            [
              {
                a: 11-element Tensor{Float32}:
                   0  0  0  0  …  0  0  0  0
              }
              {a: 1}
            ]

            """)
        #expect(run("print {outer: {inner: zeros 11}}") == """
            {
              outer: {
                inner: 11-element Tensor{Float32}:
                   0  0  0  0  …  0  0  0  0
              }
            }

            """)
    }

    @Test func errorMessagesNameAValueOnOneLine() {
        #expect(Value.tensor(Tensor([1, 2, 3])).described == "tensor of shape [3]")
        #expect(Value.number(3.5).described == "number 3.5")
        #expect(Value.string("a").described == "string \"a\"")
        #expect(Value.nil.described == "nil")
        #expect(!Value.list((0..<100).map { .number(Double($0)) }).described.contains("\n"))
    }

    @Test func selfNestingListsStayBounded() {
        let text = run("x = [1]\nfor i in 0..<40 { x = [x, x] }\nprint ((len (str x)) < 2200000)")
        #expect(text == "true\n")
    }
}
