@testable import SPSBindings
import Foundation
import SPSLanguage
@testable import SPSShell
import Testing

/// The prelude (`stdlib/prelude.sps`): it loads, each of its defs runs, and its commands behave as native ones do
/// at the prompt: help, completion, `vars`, assignment to their names, `repeat`, and where their errors point.
@Suite("Prelude")
struct PreludeTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("stdlib/prelude.sps")

    /// A standard session (with the prelude) and its output and error sinks.
    static func session() -> (Session, BufferSink, BufferSink) {
        let out = BufferSink(), err = BufferSink()
        return (Session.standard(output: out, errors: err), out, err)
    }

    /// A session with the native commands and `text` as its prelude, and what loading it found.
    static func session(prelude text: String) -> (Session, BufferSink, BufferSink, Prelude.Loaded) {
        let out = BufferSink(), err = BufferSink()
        let s = Session(output: out, errors: err)
        s.registerCommands(TrainingLibrary())
        s.registerCommands(ShellLibrary())
        return (s, out, err, Prelude(text: text).load(into: s.interpreter))
    }

    /// A loop over 200 rows in batches of 50: four steps an epoch.
    static let setup = "seed 0\ntrain = spurious n=200\nm = linear 3 1\nl = loop m train batch=50\n"

    /// One exercise per prelude def, run after `setup`: the script and its whole output. A def added to the prelude
    /// needs an entry here (`everyDefRuns` fails without one).
    static let exercises: [String: (script: String, output: String)] = [
        "epoch": ("epoch l\nprint l.epoch l.step\nepoch l 2\nprint l.epoch\nstep l\nepoch l\nprint l.epoch l.step\nepoch l 0\nprint l.epoch",
                  "1 4\n3\n4 16\n4\n"),
        "until": ("print (until l { l.epoch >= 3 })\nprint (until l max=5 { l.epoch >= 3 })\nprint (until l max=-1 { true })\n"
                  + "print (until l max=2 { l.step >= 20 })",
                  "3\n3\n3\n5\n"),
    ]

    // MARK: - Loading

    @Test func theBuiltInPreludeIsStdlibPreludeSps() throws {
        let onDisk = try String(contentsOf: Self.file, encoding: .utf8)
        #expect(Prelude.builtInText == onDisk, "the binary's prelude differs from stdlib/prelude.sps: rebuild")
    }

    @Test func loadsWithoutProblems() {
        let (_, _, _, loaded) = Self.session(prelude: Prelude.builtInText)
        #expect(loaded.problems.isEmpty, "\(loaded.problems.joined(separator: "\n"))")
        #expect(loaded.commands.map(\.name) == ["epoch", "until"])
        let (_, out, err) = Self.session()
        #expect(out.text.isEmpty && err.text.isEmpty, "\(err.text)")
    }

    @Test func everyDefRuns() {
        let (_, _, _, loaded) = Self.session(prelude: Prelude.builtInText)
        #expect(!loaded.commands.isEmpty)
        for command in loaded.commands {
            guard let exercise = Self.exercises[command.name] else {
                Issue.record("prelude def '\(command.name)' has no exercise in PreludeTests.exercises")
                continue
            }
            let (s, out, err) = Self.session()
            #expect(s.run(Self.setup + exercise.script, name: "\(command.name).sps") == .success, "\(command.name): \(err.text)")
            #expect(out.text == exercise.output, "\(command.name)")
            // Every def also runs through its help example.
            #expect(!command.example.isEmpty, "\(command.name) has no @example")
        }
    }

    @Test func helpExamplesRun() {
        let (_, _, _, loaded) = Self.session(prelude: Prelude.builtInText)
        for command in loaded.commands {
            let (s, _, err) = Self.session()
            // Batches of one row and an IID set named ood: the examples' conditions come true within their limits.
            let outcome = s.run(Self.setup + "ood = spurious n=200\nl = loop m train batch=1 eval=[ood]\nstep l\n" + command.example, name: "example.sps")
            #expect(outcome == .success, "\(command.name): \(err.text)")
        }
    }

    @Test func epochIsRunWithAnEpochCount() {
        let (a, outA, _) = Self.session()
        let (b, outB, _) = Self.session()
        #expect(a.run(Self.setup + "step l 3\nepoch l 3\nprint l.history m.weight", name: "a.sps") == .success)
        #expect(b.run(Self.setup + "step l 3\nrun l epochs=3\nprint l.history m.weight", name: "b.sps") == .success)
        #expect(outA.text == outB.text && !outA.text.isEmpty)
    }

    // MARK: - Like a native command

    @Test func helpAndTheReferenceShowThePreludeCommands() throws {
        let (s, out, _) = Self.session()
        let help = try HelpText.lookup("epoch", in: s.interpreter.registry)
        #expect(help.hasPrefix("epoch loop [n]\nrun a loop to the end of the current epoch (n epochs with a count)\n"), "\(help)")
        #expect(help.contains("Written in sps, in the prelude (`stdlib/prelude.sps`)."))
        #expect(help.contains("  n     integer (epochs)  default 1  how many epochs"), "\(help)")
        #expect(help.contains("topic: training"))
        let until = try HelpText.lookup("until", in: s.interpreter.registry)
        #expect(until.hasPrefix("until loop condition max=1000\n"), "\(until)")
        #expect(s.run("help training", name: "help.sps") == .success)
        #expect(out.text.contains("\n  epoch ") && out.text.contains("\n  until "))
        #expect(!out.text.contains("your defs"))
        let markdown = HelpText.markdown(s.interpreter.registry)
        #expect(markdown.contains("\n### epoch\n\n```\nepoch loop [n]\n```\n"))
    }

    @Test func completionOffersThemAndTheirKeywords() {
        let (s, _, _) = Self.session()
        _ = s.run(Self.setup, name: "setup.sps")
        let completer = Completer(interpreter: s.interpreter)
        #expect(completer.complete("epo").candidates == ["epoch"])
        #expect(completer.complete("unt").candidates == ["until"])
        #expect(completer.complete("until l ma").candidates.contains("max="))
    }

    @Test func varsDoesNotListThem() {
        let (s, out, _) = Self.session()
        #expect(s.run(Self.setup + "vars", name: "vars.sps") == .success)
        let names = out.text.split(separator: "\n").map { $0.prefix { $0 != " " } }
        #expect(names.contains("l") && !names.contains("epoch") && !names.contains("until"), "\(out.text)")
        #expect(!s.interpreter.variables.contains { $0.0 == "epoch" || $0.0 == "until" })
    }

    @Test func assigningToTheirNamesWorksAsForNativeCommands() {
        // At top level the name is replaced (and becomes a variable); in a def it is a local.
        for name in ["step", "epoch"] {
            let (s, out, err) = Self.session()
            #expect(s.run("def f { \(name) = 1; \(name) }\nprint (f())\nprint (type \(name))\n\(name) = 3\nprint \(name)\nvars", name: "a.sps") == .success, "\(err.text)")
            #expect(out.text.hasPrefix("1\ncommand\n3\n"), "\(name): \(out.text)")
            #expect(out.text.contains("\n\(name) "), "\(name): \(out.text)")
        }
    }

    @Test func aUserVariableNamedLikeACommandTheyUseChangesNothing() {
        let (s, out, err) = Self.session()
        let script = Self.setup + "run = 3\nepoch l\nprint l.epoch\ndef run loop epochs=1 { print \"mine\" }\nepoch l\nprint (until l { l.epoch >= 3 })"
        #expect(s.run(script, name: "shadow.sps") == .success, "\(err.text)")
        #expect(out.text == "1\n3\n", "\(out.text)")
    }

    @Test func repeatRunsHaveThePrelude() {
        let (s, out, err) = Self.session()
        let script = "seed 0\ntrain = spurious n=200\n"
            + "t = repeat seeds=0..3 threads=2 { l = loop (linear 3 1) train batch=50; epoch l 2; record e=l.epoch u=(until l { l.epoch >= 3 }) }\n"
            + "print (sum t.e) (sum t.u)"
        #expect(s.run(script, name: "repeat.sps") == .success, "\(err.text)")
        #expect(out.text == "8 12\n", "\(out.text)")
    }

    @Test func interruptingEpochLeavesTheLoopResumable() {
        let (s, out, err) = Self.session()
        #expect(s.run("seed 0\nd = spurious n=5000\nl = loop (linear 3 1) d batch=1", name: "setup.sps") == .success)
        #expect(runInterrupted(s, "epoch l 100000", after: 0.2) == .runtimeError)
        #expect(err.text.hasPrefix("interrupted.sps:1:1: error: interrupted at epoch"), "\(err.text)")
        #expect(!err.text.contains("prelude"), "\(err.text)")
        #expect(s.run("before = l.step\nstep l 10\nprint (l.step == before + 10)", name: "resume.sps") == .success)
        #expect(out.text == "true\n", "\(out.text)")
    }

    // MARK: - Where errors point

    @Test func anErrorInsideAPreludeDefPointsAtTheCaller() {
        let (s, _, err) = Self.session()
        #expect(s.run(Self.setup + "epoch l -1", name: "user.sps") == .runtimeError)
        #expect(err.text == "user.sps:5:1: error: n must be >= 0, got -1\n    epoch l -1\n    ^\n", "\(err.text)")

        let (s2, _, err2) = Self.session()
        #expect(s2.run(Self.setup + "def go {\n  until l max=2 { false }\n}\ngo", name: "user.sps") == .runtimeError)
        #expect(err2.text == """
            user.sps:6:3: error: until: the condition was still false after 2 epochs (raise max=)
                  until l max=2 { false }
                  ^
              in def go, called at user.sps:8:1

            """, "\(err2.text)")
    }

    @Test func argumentsAreCheckedAsForANativeCommand() {
        let (s, _, err) = Self.session()
        #expect(s.run("epoch 3", name: "user.sps") == .runtimeError)
        #expect(err.text.hasPrefix("user.sps:1:7: error: argument 'loop' of epoch must be a Loop, got number 3"), "\(err.text)")
        err.clear()
        #expect(s.run(Self.setup + "epoch l 2.5", name: "user.sps") == .runtimeError)
        #expect(err.text.hasPrefix("user.sps:5:9: error: argument 'n' of epoch must be an integer, got number 2.5"), "\(err.text)")
        err.clear()
        #expect(s.run(Self.setup + "until l max=3", name: "user.sps") == .runtimeError)
        #expect(err.text.hasPrefix("user.sps:5:1: error: until is missing argument 'condition'"), "\(err.text)")
        err.clear()
        #expect(s.run(Self.setup + "epoch l epochs=3", name: "user.sps") == .runtimeError)
        #expect(err.text.contains("unknown argument 'epochs' for epoch"), "\(err.text)")
    }

    @Test func anErrorInTheUsersBlockPointsThereAndNamesTheCall() {
        let (s, _, err) = Self.session()
        #expect(s.run(Self.setup + "until l { zzyzx }", name: "user.sps") == .runtimeError)
        #expect(err.text.hasPrefix("user.sps:5:11: error: unknown name 'zzyzx'\n    until l { zzyzx }\n              ^\n"), "\(err.text)")
        #expect(err.text.hasSuffix("  in def until, called at user.sps:5:1\n"), "\(err.text)")
    }

    @Test func anErrorDeepInsideThePreludePointsAtTheCaller() {
        let text = "# a prelude\n\n# inner\n# @topic t\n# @param x any value: x\ndef inner x { x + \"a\" }\n\n"
            + "# wrapper\n# @topic t\n# @param x any value: x\ndef wrapper x { inner x }\n"
        let (s, _, err, loaded) = Self.session(prelude: text)
        #expect(loaded.problems.isEmpty, "\(loaded.problems)")
        #expect(s.run("x = 1\nwrapper x", name: "user.sps") == .runtimeError)
        #expect(err.text.hasPrefix("user.sps:2:1: error: "), "\(err.text)")
        #expect(!err.text.contains("prelude") && !err.text.contains(" in def"), "\(err.text)")
    }

    // MARK: - A broken prelude is found by the tests, not at a user's prompt

    @Test(arguments: [
        ("# p\n\n# f\n# @topic t\ndef f { (1 + }\n", "stdlib/prelude.sps:5:"),
        ("def f { 1 }\n", "must start with a comment line"),
        ("# p\nx = 1\n", "stdlib/prelude.sps:2:1: error: the prelude holds only defs"),
        ("# p\n\ndef f { 1 }\n", "def f: no comment above it"),
        ("# p\n\n# f\ndef f { 1 }\n", "def f: no @topic line"),
        ("# p\n\n# @topic t\ndef f { 1 }\n", "def f: the comment has no summary line"),
        ("# p\n\n# f\n# @topic t\n# @param y number: y\ndef f x { x }\n", "name y but the def takes x"),
        ("# p\n\n# f\n# @topic t\n# @param x numbr: x\ndef f x { x }\n", "unknown type 'numbr'"),
        ("# p\n\n# f\n# @topic t\n# @returns x\ndef f { 1 }\n", "unknown tag '@returns'"),
        ("# p\n\n# f\n# @topic t\n# @keyword a number: a\n# @param b number: b\ndef f a=1 b=2 { a }\n", "keyword-only parameters come last"),
        ("# p\n\n# f\n# @topic t\ndef run { 1 }\n", "def run: a native command has this name"),
        ("# p\n\n# f\n# @topic t\ndef f { sum = 1 }\n\n# g\n# @topic t\ndef g { sum [1] }\n", "def f assigns to 'sum'"),
        ("# p\n\n# f\n# @topic t\ndef f { g() }\n\n# g\n# @topic t\ndef g { 1 }\n", "uses 'g', which is defined below it"),
        ("# p\n\n# f\n# @topic t\ndef f { 1 }\n\n# f\n# @topic t\ndef f { 2 }\n", "def f is defined twice"),
        ("# p\n\n# f\n# @topic t\n# @param n integer: n\ndef f n { if n > 0 { f (n - 1) } }\n", "def f calls itself"),
    ])
    func problemsAreReported(_ text: String, _ expected: String) {
        let (_, _, _, loaded) = Self.session(prelude: text)
        #expect(loaded.problems.contains { $0.contains(expected) }, "\(loaded.problems)")
    }

    @Test func aBrokenPreludeIsReportedWhenASessionStarts() {
        let out = BufferSink(), err = BufferSink()
        let s = Session(output: out, errors: err)
        s.registerCommands(TrainingLibrary())
        s.registerCommands(Prelude(text: "# p\n\n# f\n# @topic t\ndef f { (1 + }\n"))
        #expect(err.text.hasPrefix("sps: the built-in library stdlib/prelude.sps did not load cleanly:\nstdlib/prelude.sps:5:"), "\(err.text)")
    }

    @Test func aLibraryLoadsWhenAProgramFirstNamesItsDefs() {
        let libraries = OnDemandLibraries([Prelude(text: "# lib\n\n# double\n# @topic t\n# @param x number: x\ndef double x { 2 * x }\n", fileName: "lib.sps")]) { _, _ in }
        let (s, out, err) = Self.session()
        s.interpreter.onDemand = libraries.hooks
        #expect(s.interpreter.registry.commands["double"] == nil)
        #expect(s.run("print 1", name: "a.sps") == .success)
        #expect(s.interpreter.registry.commands["double"] == nil, "a program that does not name it leaves it unloaded")
        #expect(s.run("print (double 4)", name: "b.sps") == .success, "\(err.text)")
        #expect(out.text == "1\n8\n")
        // A repeat run compiles nothing new, and sees the commands its session had when it started.
        #expect(s.run("r = repeat seeds=0..1 { record v=(double seed) }\nprint r.v", name: "c.sps") == .success, "\(err.text)")
        #expect(out.text.hasSuffix(" 0  2\n"), "\(out.text)")
    }

    /// A library that fails to load in a `repeat` run (here: the run's step budget runs out while it loads) is
    /// reported in that run's output, which the study writes out in order, never from the worker thread into the
    /// session's error output (two workers writing to it at once freed one string twice: found by fuzz-run).
    @Test func aLibraryThatFailsToLoadInARepeatRunIsReportedInTheRunsOutput() {
        let (s, out, err) = Self.session()
        s.interpreter.stepsRemaining = 8
        _ = s.run("r = repeat seeds=0..1 workers=2 { help \"irm\" }", name: "a.sps")
        #expect(!err.text.contains("did not load cleanly"), "\(err.text)")
        #expect(out.text.components(separatedBy: "did not load cleanly").count - 1 == 2, "\(out.text)")
    }

    @Test func aLibraryLoadedLateKeepsItsLocalsOffTheUsersGlobals() {
        // At the prompt the user's globals exist before a library first loads; the library's `risks = …` inside a
        // def must stay a local of the def (it once overwrote the user's `risks`).
        let (s, out, err) = Self.session()
        #expect(s.run("risks = \"mine\"\npenalty = 7", name: "a.sps") == .success)
        #expect(s.run("seed 0\ntrain = spurious n=200 factor=(uniform 0.05 1) envs=3\nm = linear 3 1\n"
                      + "fit m train epochs=1 batch=50 algo=(irm lambda=1)\nprint risks penalty", name: "b.sps") == .success, "\(err.text)")
        #expect(out.text == "mine 7\n", "\(out.text)")
    }

    @Test func aLocalMayBeNamedLikeANativeCommand() {
        // `scale` is f's own local: the library does not bind the native command, and the user's `scale` is untouched.
        let (s, out, err, loaded) = Self.session(prelude: "# p\n\n# f\n# @topic t\n# @param x number: x\ndef f x { scale = 2; scale * x }\n")
        #expect(loaded.problems.isEmpty, "\(loaded.problems)")
        #expect(s.run("print (f 3) (mean [1, 3])", name: "u.sps") == .success, "\(err.text)")
        #expect(out.text == "6 2\n")
    }

    @Test func everyBuiltInLibraryIsItsFileAndLoadsCleanly() throws {
        let root = Self.file.deletingLastPathComponent().deletingLastPathComponent()
        let (s, out, err) = Self.session()
        s.interpreter.onDemand?.everything(s.interpreter)
        #expect(out.text.isEmpty && err.text.isEmpty, "\(err.text)")
        for library in Prelude.builtIn.dropFirst() {
            for name in OnDemandLibraries.defNames(in: library.text) {
                #expect(s.interpreter.registry.commands[name] != nil, "\(library.fileName): def \(name) is not a command")
            }
        }
        for library in Prelude.builtIn {
            let onDisk = try String(contentsOf: root.appendingPathComponent(library.fileName), encoding: .utf8)
            #expect(library.text == onDisk, "the binary's \(library.fileName) differs from the file: rebuild")
        }
    }

    @Test func signaturesReadTypesUnitsAndDefaults() throws {
        let text = "# p\n\n# make a thing\n# More about it.\n# @topic t\n# @param d Dataset or Table: the data\n"
            + "# @param col column name: a column\n# @param k integer (rows): rows\n# @keyword by number or nil: scale\n"
            + "# @keyword f any value: computed\n# @example f d x\ndef thing d col k=5 by=nil f=(k * 2) { [col, k, by, f] }\n"
        let (s, out, err, loaded) = Self.session(prelude: text)
        #expect(loaded.problems.isEmpty, "\(loaded.problems)")
        let c = try #require(loaded.commands.first)
        #expect(c.usage == "thing d col [k] by=… f=…")
        #expect(c.help == "More about it.\n\nWritten in sps, in the prelude (`stdlib/prelude.sps`).")
        #expect(c.parameters.map { $0.type.description } == ["Dataset or Table", "column name", "integer", "number or nil", "any value"])
        #expect(c.parameters[2].unit == "rows")
        #expect(c.parameters[2].defaultValue?.number == 5)
        #expect(s.run("d = spurious n=10\nprint (thing d x3)\nprint (thing d y k=1 by=2 f=0)", name: "u.sps") == .success, "\(err.text)")
        #expect(out.text == "[\"x3\", 5, nil, 10]\n[\"y\", 1, 2, 0]\n", "\(out.text)")
    }
}
