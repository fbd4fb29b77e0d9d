/// The keywords of the language, as `help for`, `help if` … explain them (the commands explain themselves).
struct Keyword: Sendable {
    /// The keywords this entry explains (`if` and `else` together).
    let names: [String]
    /// The form it is written in.
    let syntax: String
    /// One line, lowercase like command summaries.
    let summary: String
    /// A few sentences.
    let details: String
    /// Code to try.
    let example: String

    /// Every entry, in the order `help language` lists them.
    static let entries: [Keyword] = [
        Keyword(names: ["if", "else"], syntax: "if condition { … } else if other { … } else { … }",
                summary: "run the first block whose condition is true",
                details: """
                    The condition must be true or false: `if 1 { … }` is an error (there is no "truthiness"), so compare \
                    instead (`if n > 0`). `else if` chains more conditions; `else` may start the next line. Variables made \
                    inside a block disappear when it ends.
                    """,
                example: "x = 3\nif x > 2 { print \"big\" } else { print \"small\" }"),
        Keyword(names: ["for", "in"], syntax: "for name in values { … }",
                summary: "run a block once per item of a list, range, string, record or tensor",
                details: """
                    The items are a list's elements, a range's integers, a string's characters, a record's keys, a \
                    vector's numbers or a matrix's rows. Each pass has fresh variables, so a def made in the loop keeps \
                    that pass's values. `break` leaves the loop, `continue` goes on to the next item.
                    """,
                example: "for s in 0..2 { seed s; print (sample (normal 0 1)) }\nfor k in {a: 1, b: 2} { print k }"),
        Keyword(names: ["while"], syntax: "while condition { … }",
                summary: "run a block again and again while a condition is true",
                details: """
                    The condition is checked before each pass and must be true or false. `break` leaves the loop, \
                    `continue` starts the next pass; Ctrl-C stops a loop that runs too long.
                    """,
                example: "n = 1\nwhile n < 100 { n = n * 2 }\nprint n"),
        Keyword(names: ["break", "continue"], syntax: "break · continue",
                summary: "leave the innermost for or while loop, or go on to its next pass",
                details: "Both act on the innermost `for` or `while` around them; outside a loop they are an error.",
                example: "for x in [3, -1, 4, 0, 5] {\n  if x < 0 { continue }\n  if x == 0 { break }\n  print x\n}"),
        Keyword(names: ["def", "return"], syntax: "def name a b k=default { … }",
                summary: "define a command of your own; return gives its result",
                details: """
                    Parameters without defaults come first; `k=value` gives a default, evaluated at each call. Arguments \
                    are given by position or as name=value, like the built-in commands. The result is the value of \
                    `return`, or of the last statement when it is an expression. A comment on the lines directly above \
                    the def becomes its `help`. A def is a value and keeps the variables around it (a closure).
                    """,
                example: "# Scales a value.\ndef scale x by=2 { x * by }\nprint (scale 3) (scale 3 by=10)"),
        Keyword(names: ["and", "or", "not"], syntax: "a and b · a or b · not a",
                summary: "logic on true and false",
                details: """
                    `and` and `or` stop early: `b` is not evaluated when `a` decides. All three need true or false; \
                    `not` binds looser than comparisons, so `not x > 3` is `not (x > 3)`.
                    """,
                example: "x = 5\nprint (x > 3 and x < 10) (not x > 3)"),
        Keyword(names: ["true", "false", "nil"], syntax: "true · false · nil",
                summary: "the two bools, and the value of nothing",
                details: """
                    Conditions, `and`, `or` and `not` take bools. `nil` is what statements and commands that return \
                    nothing give; an optional argument given as nil counts as not given (`aug=nil`).
                    """,
                example: "print (1 < 2) (type nil)"),
    ]

    /// Every keyword, in the order the overview lists them.
    static var listed: [String] { entries.flatMap(\.names) }
    /// Every keyword (for suggestions).
    static var names: [String] { listed }

    /// The entry explaining `name`, if it is a keyword.
    static func entry(for name: String) -> Keyword? { entries.first { $0.names.contains(name) } }
}
