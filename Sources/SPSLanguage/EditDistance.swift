/// "Did you mean …" suggestions by edit distance.
public enum Suggestions {
    /// The Levenshtein distance between two strings (by Unicode scalar).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// The closest candidate within a distance that grows with the name's length, if any.
    public static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        let limit = max(1, min(3, name.count / 3 + 1))
        var best: (String, Int)?
        for c in candidates where c != name {
            let d = editDistance(name.lowercased(), c.lowercased())
            guard d <= limit else { continue }
            if let b = best, d > b.1 || (d == b.1 && c >= b.0) { continue }
            best = (c, d)
        }
        return best?.0
    }

    /// `"; did you mean 'x'?"` or the empty string.
    public static func hint(for name: String, in candidates: some Sequence<String>) -> String {
        guard let c = closest(to: name, in: candidates) else { return "" }
        return "; did you mean '\(c)'?"
    }
}
