@testable import SPSBindings
import Foundation
import Testing
import SPSLanguage
@testable import SPSShell

/// Tab completion: what the completer offers for the text before the cursor.
@Suite("Completion")
struct CompletionTests {
    func completer(_ setup: String) -> Completer {
        let (s, _, err) = makeStandardSession()
        let outcome = s.run(setup, name: "setup")
        precondition(outcome == .success, err.text)
        return Completer(interpreter: s.interpreter)
    }

    /// A session with a dataset, a table, a model, a loop and an optimizer, as the session had.
    static let setup = """
        seed 0
        train = spurious n=50
        m = mlp 3 [4] 1
        o = adam lr=0.01
        o2 = sgd lr=0.1
        study = repeat seeds=0..1 { record iid=1 ood=2 }
        l = loop m train
        model_a = 1
        model_b = 2
        """

    @Test func commandsAndVariables() {
        let c = completer("seed 0\nmodel_a = 1\nmodel_b = 2")
        #expect(c.complete("fi").candidates == ["filter", "fish", "fishr", "fit", "fit_linear"])
        #expect(c.complete("fit").candidates == ["fit", "fit_linear"])
        #expect(c.complete("print mod").candidates == ["model_a", "model_b"])
        #expect(c.complete("print mod").commonPrefix == "model_")
        #expect(c.complete("").candidates == [])
        #expect(c.complete("x = model_").candidates == ["model_a", "model_b", "model_parts"])
    }

    @Test func membersAfterADot() {
        let c = completer("seed 0\nm = linear 3 1\nr = {alpha: 1, beta: {gamma: 2}}")
        #expect(c.complete("m.we").candidates == ["weight"])
        #expect(c.complete("print (m.we").candidates == ["weight"])
        #expect(c.complete("r.").candidates == ["alpha", "beta"])
        #expect(c.complete("r.beta.g").candidates == ["gamma"])
        #expect(c.complete("nosuch.x").candidates == [])
    }

    @Test("members after an index: m.layers[0].we, a table row, a record's field")
    func membersAfterAnIndex() {
        let c = completer(CompletionTests.setup + "\nrs = [{alpha: 1}, {beta: 2}]")
        #expect(c.complete("m.layers[0].we").candidates == ["weight"])
        #expect(c.complete("print m.layers[-1].b").candidates == ["bias"])
        #expect(c.complete("rs[1].").candidates == ["beta"])
        #expect(c.complete("study[0].i").candidates == ["iid"])
        #expect(c.complete("m.layers[9].we").candidates == [])
        #expect(c.complete("m.layers[i].we").candidates == [])
    }

    @Test func keywordArgumentsOfTheCommandBeingTyped() {
        let c = completer("seed 0\nm = linear 3 1\ntrain = spurious n=10\n# doc\ndef go speed=1 { speed }")
        #expect(c.complete("fit m train ep").candidates == ["epochs="])
        #expect(c.complete("l = fit m train epochs=3 sh").candidates == ["shuffle="])
        #expect(!c.complete("fit m train epochs=3 ep").candidates.contains("epochs="))
        #expect(c.complete("go sp").candidates.first == "speed=")
        #expect(c.complete("print (fit m train bat").candidates == ["batch="])
    }

    @Test("a keyword's value: column names of the data given, not keyword names")
    func columnNamesForAKeywordValue() {
        let c = completer(CompletionTests.setup)
        #expect(c.complete("plot scatter train x=x").candidates == ["x1", "x2", "x3"])
        #expect(c.complete("plot scatter train x=x1 y=").candidates == ["x1", "x2", "x3", "y"])
        #expect(c.complete("plot box study cols=[").candidates == ["iid", "ood", "seed"])
        #expect(c.complete("plot box study cols=[iid, ").candidates == ["ood", "seed"])
        #expect(c.complete("summary study by=s").candidates == ["seed"])
        #expect(c.complete("plot line l.history y=[tr").candidates == ["train_loss"])
        #expect(c.complete("select train [x1, x").candidates == ["x2", "x3"])
    }

    @Test("a column of no dataset in particular: every dataset's columns")
    func columnNamesWithoutAData() {
        let c = completer(CompletionTests.setup + "\nother = spurious n=5")
        #expect(c.complete("noise x").candidates == ["x1", "x2", "x3"])
        #expect(c.complete("fit m train aug=(permute x").candidates == ["x1", "x2", "x3"])
    }

    @Test("fixed choices: loss=, act=, metric=, the kind after plot, record off")
    func fixedChoices() {
        let c = completer(CompletionTests.setup)
        #expect(c.complete("fit m train loss=h").candidates == ["huber"])
        #expect(c.complete("fit m train loss=").candidates == ["huber", "l1", "mae", "mse"])
        #expect(c.complete("mlp 3 [4] 1 act=").candidates == ["leaky_relu", "relu", "sigmoid", "tanh"])
        #expect(c.complete("fit m train metric=[r").candidates == ["r2", "rmse"])
        #expect(c.complete("plot s").candidates == ["scatter"])
        #expect(c.complete("plot h").candidates == ["hist", "histogram"])
        #expect(c.complete("record o").candidates == ["off"])
        #expect(c.complete("help fi").candidates == ["filter", "fish", "fishr", "fit", "fit_linear"])
    }

    @Test("variables of the parameter's type: optimizers for optim=, datasets for data, models for a model")
    func variablesOfTheRightType() {
        let c = completer(CompletionTests.setup)
        #expect(c.complete("fit m train optim=").candidates == ["o", "o2"])
        #expect(c.complete("fit m data=").candidates == ["train"])
        #expect(c.complete("fit m ").candidates == ["train"])
        #expect(c.complete("fit ").candidates == ["m"])
        #expect(c.complete("summary ").candidates == ["study"])
    }

    @Test("no keywords given already (by name or by position), no if/in as arguments")
    func nothingGivenAlreadyAndNoStatementKeywords() {
        let c = completer(CompletionTests.setup + "\ninfo = 3")
        let keywords = c.complete("fit m train ").candidates
        #expect(!keywords.contains("model=") && !keywords.contains("data="))
        #expect(keywords.contains("epochs=") && keywords.contains("loss="))
        #expect(!c.complete("fit m train loss=mse ").candidates.contains("loss="))
        #expect(c.complete("print i").candidates == ["info"])
        #expect(c.complete("fit m train epochs=i").candidates == ["info"])
        let atStart = c.complete("i").candidates
        #expect(atStart.contains("if") && atStart.contains("info") && !atStart.contains("in"))
        #expect(c.complete("fit m ep").candidates == ["epochs="])
    }

    @Test func pathsInsideQuotes() throws {
        let dir = temporaryPath("dir")
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
        try "".write(toFile: dir + "/script.sps", atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let c = completer("")
        #expect(c.complete("load \"\(dir)/sc").candidates == ["\(dir)/script.sps\""])
        let both = c.complete("load \"\(dir)/s")
        #expect(both.candidates == ["\(dir)/script.sps\"", "\(dir)/sub/"])
        #expect(both.listing == ["script.sps", "sub/"])
        #expect(c.complete("load \"\(dir)/").candidates.count == 2)
        #expect(c.complete("# load \"\(dir)/s").candidates.isEmpty)
    }

    @Test("a unique completion takes a space, except after =, . or a directory's /")
    func uniqueCompletionSpace() {
        func takesSpace(_ candidate: String) -> Bool {
            Completer.Result(word: "", candidates: [candidate]).uniqueCompletionTakesSpace
        }
        #expect(takesSpace("huber"))
        #expect(takesSpace("dir/file.sps\""))
        #expect(!takesSpace("epochs="))
        #expect(!takesSpace("dir/"))
        #expect(!Completer.Result(word: "", candidates: ["x1", "x2"]).uniqueCompletionTakesSpace)
    }

    @Test func manyGlobalsComplete() {
        let c = completer((0..<5000).map { "v\($0) = \($0)" }.joined(separator: "\n"))
        #expect(c.complete("print v499").candidates.count == 11)
        #expect(c.complete("print v4999").candidates == ["v4999"])
    }
}
