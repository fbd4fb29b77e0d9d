/// "Did you mean …" suggestions by edit distance.
///
/// Bounded work: a candidate whose length differs from the name's by more than the allowed distance is skipped
/// without comparing, the comparison itself only fills the diagonal band that distance allows and stops as soon
/// as every cell in a row is over it, and names longer than `maxNameLength` get no suggestion at all. So two
/// 100,000-character names cost nothing, and a name against N candidates costs at most N × length × 7 steps.
public enum Suggestions {
    /// Names longer than this (in Unicode scalars) get no suggestion and are never suggested: a typo in such a
    /// name is not what a suggestion can help with.
    public static let maxNameLength = 256

    /// The edit distance between two strings (by Unicode scalar): Levenshtein's insertions, deletions and
    /// substitutions, plus swapping two neighbouring letters as one edit (the optimal string alignment distance),
    /// so `pirnt` is one edit from `print`.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        return distance(x, y, atMost: max(x.count, y.count))
    }

    /// The edit distance (see `editDistance`) between two scalar arrays if it is at most `limit`, else `limit + 1`.
    ///
    /// Fills only the cells within `limit` of the diagonal (others are over the limit anyway) and gives up when a
    /// whole row is over it: O(min(|x|, |y|) × limit) steps.
    static func distance(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar], atMost limit: Int) -> Int {
        let m = x.count, n = y.count
        if abs(m - n) > limit { return limit + 1 }
        if m == 0 || n == 0 { return max(m, n) }
        let over = limit + 1
        // previous[j] and current[j]: distance between x[0..<i] and y[0..<j], capped at `over`.
        var previous = (0...n).map { min($0, over) }
        var current = [Int](repeating: over, count: n + 1)
        // The row before `previous`, for swapped neighbours; its band covers every cell read from it.
        var beforePrevious = [Int](repeating: over, count: n + 1)
        for i in 1...m {
            let low = max(1, i - limit), high = min(n, i + limit)
            current[0] = min(i, over)
            if low > 1 { current[low - 1] = over }
            var rowMin = current[0]
            for j in low...high {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] { d = min(d, beforePrevious[j - 2] + 1) }
                current[j] = min(d, over)
                rowMin = min(rowMin, current[j])
            }
            if high < n { current[high + 1] = over }
            if rowMin > limit { return over }
            swap(&beforePrevious, &previous)
            swap(&previous, &current)
        }
        return previous[n]
    }

    /// The closest candidate within a distance that grows with the name's length, if any. Among candidates at
    /// the same distance, one that starts with the name's first letter wins (`sqr` → `sqrt`, not `qr`), then the
    /// first alphabetically.
    public static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(name.lowercased().unicodeScalars)
        guard target.count <= maxNameLength else { return nil }
        let limit = max(1, min(3, name.count / 3 + 1))
        var best: (String, Int, sameStart: Bool)?
        for c in candidates where c != name {
            // A candidate of more than 4 × (maxNameLength + limit) UTF-8 bytes has more scalars than that
            // quarter, and lowercasing never removes one: skip it without reading it.
            if c.utf8.count > 4 * (maxNameLength + limit) { continue }
            let other = Array(c.lowercased().unicodeScalars)
            guard other.count <= maxNameLength, abs(other.count - target.count) <= limit else { continue }
            let d = distance(target, other, atMost: limit)
            guard d <= limit else { continue }
            let sameStart = other.first == target.first
            if let b = best, d > b.1 || (d == b.1 && (b.sameStart && !sameStart || b.sameStart == sameStart && c >= b.0)) { continue }
            best = (c, d, sameStart)
        }
        return best?.0
    }

    /// The message for a name nothing defines: `unknown name 'z'`, then how sps writes it when it is another
    /// language's spelling (`None`, `True`, `lambda`, `import` …), else a "did you mean" among `candidates`.
    public static func unknownName(_ name: String, in candidates: some Sequence<String>) -> String {
        if let sps = otherLanguages[name] { return "unknown name '\(name)'; \(sps)" }
        return "unknown name '\(name)'\(hint(for: name, in: candidates))"
    }

    /// Words that Python, JavaScript, C or R programmers write for what sps spells another way.
    static let otherLanguages: [String: String] = {
        var table: [String: String] = [:]
        for word in ["None", "null", "NULL", "nullptr", "undefined", "NA"] { table[word] = "sps writes it 'nil'" }
        for word in ["True", "TRUE"] { table[word] = "sps writes it 'true'" }
        for word in ["False", "FALSE"] { table[word] = "sps writes it 'false'" }
        for word in ["function", "func", "fn"] { table[word] = "a function is written 'def name params { … }'" }
        table["lambda"] = "an anonymous function is a block: { x -> x * 2 }"
        table["elif"] = "write 'else if'"
        for word in ["import", "require"] { table[word] = "run another script with 'load \"file.sps\"'" }
        return table
    }()

    /// `"; did you mean 'x'?"` or the empty string.
    public static func hint(for name: String, in candidates: some Sequence<String>) -> String {
        guard let c = closest(to: name, in: candidates) else { return "" }
        return "; did you mean '\(c)'?"
    }
}
