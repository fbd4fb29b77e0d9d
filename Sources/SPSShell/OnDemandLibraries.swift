import SPSLanguage

/// The built-in libraries written in sps after the prelude (`Prelude.builtIn`: the invariance kit's algorithms
/// and benchmark generators), loaded into a session the first time a program names one of their defs.
///
/// Loading a library parses, checks and compiles it, which costs milliseconds a script that never uses it should
/// not pay at start-up. So a session starts with the prelude only, and the interpreter shows every program to
/// `beforeCompile` before compiling it (`Interpreter.OnDemand`): when the program reads a name a library defines,
/// that library (and the libraries before it, which it may use) is loaded first, so the program compiles against
/// its commands as if they had always been there. `help`, completion and the generated docs call `everything`.
/// What is loaded is read from the interpreter's registry, so a `repeat` run (its own registry) loads for itself.
final class OnDemandLibraries: Sendable {
    /// The libraries, in load order.
    let libraries: [Prelude]
    /// The names each library defines (its top-level `def` lines), without parsing it.
    let names: [Set<String>]
    /// Where a library that does not load cleanly into an interpreter is reported (a bug in sps, which the tests
    /// catch, or a run's budget spent while it loaded). It is called on the thread that loads, which for a `repeat`
    /// run is one of the study's workers: it writes to that interpreter's own output, never to a shared sink.
    let report: @Sendable (String, Interpreter) -> Void

    init(_ libraries: [Prelude], report: @escaping @Sendable (String, Interpreter) -> Void) {
        self.libraries = libraries
        names = libraries.map { OnDemandLibraries.defNames(in: $0.text) }
        self.report = report
    }

    /// The names of the top-level defs of a library's text: `def name …` at the start of a line. (A scan of the
    /// bytes: it runs at every start-up, where splitting the text into `Character`s costs milliseconds.)
    static func defNames(in text: String) -> Set<String> {
        var found = Set<String>()
        var text = text
        text.withUTF8 { bytes in
            let def: [UInt8] = Array("def ".utf8)
            var lineStart = 0
            while lineStart < bytes.count {
                var end = lineStart
                while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
                if end - lineStart > 4, bytes[lineStart..<lineStart + 4].elementsEqual(def) {
                    var k = lineStart + 4
                    while k < end, bytes[k] == UInt8(ascii: "_") || (bytes[k] | 0x20 >= UInt8(ascii: "a") && bytes[k] | 0x20 <= UInt8(ascii: "z"))
                        || (bytes[k] >= UInt8(ascii: "0") && bytes[k] <= UInt8(ascii: "9")) { k += 1 }
                    if k > lineStart + 4 { found.insert(String(decoding: bytes[(lineStart + 4)..<k], as: UTF8.self)) }
                }
                lineStart = end + 1
            }
        }
        return found
    }

    /// The hooks to give an interpreter.
    var hooks: Interpreter.OnDemand {
        Interpreter.OnDemand(beforeCompile: { [self] in beforeCompile($0, $1) }, everything: { [self] in load(through: libraries.count - 1, into: $0) })
    }

    /// Loads the libraries whose defs `statements` name (with those before them) into `interpreter`.
    func beforeCompile(_ interpreter: Interpreter, _ statements: [Stmt]) {
        // Once every library is in, programs need no walk over their syntax.
        guard !libraries.indices.allSatisfy({ isLoaded($0, in: interpreter) }) else { return }
        var uses = NameUse()
        for statement in statements { uses.visit(statement) }
        guard let last = libraries.indices.last(where: { !uses.read.isDisjoint(with: names[$0]) && !isLoaded($0, in: interpreter) }) else { return }
        load(through: last, into: interpreter)
    }

    /// True when library `index` has no defs or its defs are registered in `interpreter`.
    func isLoaded(_ index: Int, in interpreter: Interpreter) -> Bool {
        guard let name = names[index].first else { return true }
        return interpreter.registry.commands[name] != nil
    }

    /// Loads libraries 0 … `last` that are not loaded yet, in order.
    func load(through last: Int, into interpreter: Interpreter) {
        guard last >= 0 else { return }
        // A library's own program is compiled while it loads: it must not ask for itself.
        let hooks = interpreter.onDemand
        interpreter.onDemand = nil
        defer { interpreter.onDemand = hooks }
        for index in 0...last where !isLoaded(index, in: interpreter) {
            let problems = libraries[index].load(into: interpreter).problems
            if !problems.isEmpty {
                report("sps: the built-in library \(libraries[index].fileName) did not load cleanly:\n" + problems.joined(separator: "\n") + "\n",
                       interpreter)
            }
        }
    }
}
