import Testing
import SPSLanguage
@testable import SPSShell

/// `help`: one screen of topics, a topic, a keyword, a variable, `exit`, one style of summaries.
@Suite("help")
struct HelpTests {
    /// What `help …` prints after `setup`, and what it reports as an error.
    func help(_ text: String, after setup: String = "") -> (out: String, err: String) {
        let (s, out, err) = makeStandardSession()
        _ = s.run(setup + (setup.isEmpty ? "" : "\n") + text, name: "t")
        return (out.text, err.text)
    }

    @Test func theOverviewFitsOneScreenAndNamesEveryCommand() {
        let text = help("help").out
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // One screen of a 50-line terminal (the invariance kit's libraries added two topics).
        #expect(lines.count <= 48, "help takes \(lines.count) lines")
        #expect(lines.allSatisfy { $0.count <= 80 }, "a line is wider than 80 columns")
        let words = Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
        for name in HelpDocsTests.registry().commands.keys { #expect(words.contains(name), "\(name) is not listed") }
        for keyword in ["if", "else", "for", "while", "def", "return", "break", "continue"] { #expect(words.contains(keyword)) }
    }

    @Test func aTopicListsItsCommandsWithSummaries() {
        let text = help("help training").out
        #expect(text.hasPrefix("training\n"))
        #expect(text.contains("  fit          train a model: make a loop and run it for some epochs\n"))
        #expect(!text.contains("spurious"))
    }

    @Test(arguments: ["for", "in", "if", "else", "while", "break", "continue", "def", "return", "and", "or", "not", "true", "false", "nil"])
    func everyKeywordIsExplainedWithAnExample(_ keyword: String) {
        let (out, err) = help("help \(keyword)")
        #expect(err.isEmpty, "\(err)")
        #expect(out.contains("\nExample\n"), "\(out)")
        #expect(out.contains(keyword))
    }

    @Test func keywordExamplesRun() {
        for entry in Keyword.entries {
            let (s, _, err) = makeStandardSession()
            _ = s.run(entry.example, name: "example")
            #expect(err.text.isEmpty, "the example for \(entry.names[0]) fails: \(err.text)")
        }
    }

    @Test func helpExitShowsQuit() {
        let text = help("help exit").out
        #expect(text.contains("`exit` is the same as `quit`"))
        #expect(text.contains("\nquit\n"))
    }

    @Test func aVariableIsDescribed() {
        let model = help("help m", after: "m = linear 3 1").out
        #expect(model.hasPrefix("m: Model, 4 parameters\n  Linear(3 => 1)  # 4 parameters\n"))
        #expect(model.contains("members  weight, bias, grad, layers, params, parameters, inputs, outputs"))
        #expect(model.contains("used by  ") && model.contains(" fit,") && model.contains(" rmse"))
        let tensor = help("help t", after: "t = zeros 2 3").out
        #expect(tensor.hasPrefix("t: tensor of shape [2, 3] (Float32)\n"))
        #expect(tensor.contains("members  shape, T, rank, count, rows, cols"))
        let record = help("help r", after: "r = {a: 1, b: \"x\"}").out
        #expect(record.hasPrefix("r: record with 2 fields\n  {a: 1, b: \"x\"}\n"))
        let def = help("help s", after: "# Scales a value.\ndef scale x { x * 2 }\ns = scale").out
        #expect(def.contains("Scales a value."))
    }

    @Test func aLongValueIsCut() {
        let text = help("help big", after: "big = mlp 3 [4, 4, 4, 4, 4, 4, 4] 1").out
        #expect(text.contains("more lines; type big to see it all"))
        #expect(text.split(separator: "\n").count < 20)
    }

    @Test func anUnknownNameSuggestsAndPointsAtTheName() {
        let err = help("help fti").err
        #expect(err.contains("t:1:6: error: help: no command, def, variable, topic or keyword named 'fti'; did you mean 'fit'?"), "\(err)")
    }

    @Test func helpCommandsListsEverySummary() {
        let text = help("help commands").out
        #expect(text.contains("  fit "))
        #expect(text.contains("train a model: make a loop and run it for some epochs"))
        #expect(text.contains("\nlanguage\n"))
    }

    /// Summaries are one style: a lowercase phrase without a final period (a proper name may start one).
    @Test func summariesShareOneStyle() {
        let properNames = ["Adam", "AdamW", "QR", "Moore–Penrose", "Pearson", "SGD", "OLS", "CSV", "SVG", "ReLU",
                           "Fish", "Fishr", "V-REx", "GroupDRO", "P("]
        for command in HelpDocsTests.registry().commands.values {
            let summary = command.summary
            #expect(!summary.hasSuffix("."), "\(command.name): \(summary)")
            let first = summary.prefix { $0 != " " && $0 != "," }
            let capitalised = first.first?.isUppercase ?? false
            let acronym = first.dropFirst().first?.isUppercase ?? false
            #expect(!capitalised || acronym || properNames.contains { first.hasPrefix($0) }, "\(command.name): \(summary)")
        }
    }

    @Test func helpParagraphsAreWrapped() {
        let text = help("help fit").out
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 120 }, "\(text)")
    }
}
