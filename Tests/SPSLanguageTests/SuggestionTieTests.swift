import SPSLanguage
import Testing

/// "Did you mean": swapped letters count as one edit, and at equal distance a candidate with the same first letter
/// wins — so the linear-algebra commands (`qr`, `pinv`) do not steal suggestions for `sqrt` and `print`.
@Suite struct SuggestionTieTests {
    @Test func swappedNeighboursAreOneEdit() {
        #expect(Suggestions.editDistance("pirnt", "print") == 1)
        #expect(Suggestions.editDistance("ab", "ba") == 1)
        #expect(Suggestions.editDistance("abc", "ca") == 3)  // optimal string alignment: no edit of a swapped pair
        #expect(Suggestions.editDistance("kitten", "sitting") == 3)
    }

    @Test func tiesPreferTheSameFirstLetterThenTheAlphabet() {
        #expect(Suggestions.closest(to: "pirnt", in: ["pinv", "print", "qr"]) == "print")
        #expect(Suggestions.closest(to: "sqr", in: ["qr", "sqrt", "str"]) == "sqrt")
        #expect(Suggestions.closest(to: "k40", in: ["k10", "k0", "k4"]) == "k0")
    }
}
