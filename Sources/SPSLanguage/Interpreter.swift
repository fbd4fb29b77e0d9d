import SPSAutodiff
import SPSNumeric
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs compiled sps code. One interpreter per session; instantiate as many as needed (each is independent and
/// confined to the thread that uses it). `isolatedCopy()` gives a copy of the globals for parallel runs.
public final class Interpreter {
    /// The deepest allowed nesting of `def` calls; deeper recursion is an error, not a crash.
    public static let maxCallDepth = 10_000
    /// Value slots available to call frames (an interpreter's own stack; 24 MiB of address space).
    static let stackCapacity = 1 << 20

    /// Where the value stack's memory came from, so it is returned the same way.
    enum StackStorage {
        /// Address space mapped for this interpreter (pages are committed as slots are first used).
        case mapped
        /// Memory from the allocator (when no mapping could be made).
        case allocated
        /// The free top of another interpreter's stack, lent for a run that ends before that interpreter goes on
        /// (see `isolatedCopy(sharingStack:)`); given back by `returnStack(of:)`.
        case borrowed
    }

    let stack: UnsafeMutablePointer<Value>
    let stackStorage: StackStorage
    /// The slots `stack` has (fewer for a borrowed stack, none once it is given back).
    var stackSlots: Int
    var sp = 0
    /// Slots `0..<initializedSlots` are initialized; those from `sp` up hold nil (every frame leaves its slots nil),
    /// so a call writes its arguments into them without destroying what was there.
    var initializedSlots = 0
    var depth = 0
    /// The value of the `return` being carried out (nil otherwise). Set and taken by moving, which counts no
    /// reference (see `Frame.setReturnValue` and `runBody`).
    let returnSlot = UnsafeMutablePointer<Value>.allocate(capacity: 1)
    let emptyCells = UnsafeMutablePointer<Cell?>.allocate(capacity: 1)

    /// The global variables (including built-in commands).
    public let globals: Globals
    /// `globals` without reference counting, for the nodes that read and set globals (`globals` keeps it alive).
    unowned(unsafe) let fastGlobals: Globals
    /// Where `print` and echo output goes.
    public var output: any OutputSink
    /// Checked between loop iterations and calls; set it to stop running code.
    public let interrupt: InterruptFlag
    /// Loop iterations and `def` calls this interpreter may still run; when it is used up, running code stops with
    /// an error. Unlimited unless a host sets it (the fuzzer gives every input a budget).
    public var stepsRemaining = Int.max
    /// For an isolated copy: what was copied from the original, so a value reached again maps to the same copy.
    var isolation: Isolation?
    /// Every captured variable alive in this session and its isolated copies (see `CycleCollector`).
    public let cellRegistry: CellRegistry
    /// The number of live cells at which the next cycle collection runs; never for an isolated copy, whose
    /// siblings may be running on other threads.
    var nextCollection: Int
    /// The fewest live cells that start a cycle collection.
    static let minimumCollection = 4096
    /// Command documentation: built-ins and the user's `def`s.
    public let registry: CommandRegistry
    /// Called with the value of each top-level expression statement when set (REPL and echo mode).
    public var echo: ((Value) -> Void)?
    /// The global seed (`seed n`); random streams derive from it.
    public var seed: UInt64 = 0 {
        didSet { random = RandomStream(seed: seed, purpose: .user) }
    }
    /// The stream for the language's own random built-ins (`randn`, `rand`).
    public var random = RandomStream(seed: 0, purpose: .user)
    /// The host's state for its commands (streams, what a `repeat` run recorded, hooks); a run's copy starts with
    /// the host's `isolatedCopy()` of it.
    public var host: (any HostContext)?
    /// A reference to this interpreter that reads nil once it is gone (see `InterpreterLink`).
    public let link = InterpreterLink()

    /// Creates an interpreter with the core built-ins registered.
    public init(output: any OutputSink = BufferSink(), interrupt: InterruptFlag = InterruptFlag()) {
        guard let (stack, storage) = Interpreter.allocateStack() else {
            preconditionFailure("no memory for an interpreter's value stack (\(MemoryGuard.describe(bytes: Interpreter.stackBytes)))")
        }
        (self.stack, self.stackStorage, self.stackSlots) = (stack, storage, Interpreter.stackCapacity)
        let globals = Globals()
        self.globals = globals
        self.fastGlobals = globals
        self.output = output
        self.interrupt = interrupt
        self.registry = CommandRegistry()
        self.cellRegistry = CellRegistry()
        self.nextCollection = Interpreter.minimumCollection
        emptyCells.initialize(to: nil)
        returnSlot.initialize(to: .nil)
        link.target = self
        Builtins.registerAll(in: self)
    }

    /// A copy of `other` for an isolated run (see `isolatedCopy()`), with its own value stack or, when `borrowing`,
    /// the free top of `other`'s. Nil when no memory for a stack could be had.
    ///
    /// Only reads `other` (and registers new cells in its registry, which has a lock): several copies of one
    /// interpreter may be made at once on different threads, as long as nothing runs on `other` meanwhile.
    init?(copying other: Interpreter, borrowingStack borrowing: Bool) {
        if borrowing {
            stack = other.stack + other.sp
            stackStorage = .borrowed
            stackSlots = other.stackSlots - other.sp
            // The lent slots that `other` already initialized (to nil, as every frame leaves them) stay initialized.
            initializedSlots = max(0, other.initializedSlots - other.sp)
        } else {
            guard let (stack, storage) = Interpreter.allocateStack() else { return nil }
            (self.stack, self.stackStorage, self.stackSlots) = (stack, storage, Interpreter.stackCapacity)
        }
        // A run continues the calls that started it: the call-depth limit counts them too, so recursion through
        // `repeat` (a def whose run calls the def again) stops at `maxCallDepth` like any other.
        self.depth = other.depth
        let isolation = Isolation(registry: other.cellRegistry)
        self.isolation = isolation
        self.cellRegistry = other.cellRegistry
        self.nextCollection = Int.max
        let globals = other.globals.isolatedCopy(isolation)
        self.globals = globals
        self.fastGlobals = globals
        self.output = other.output
        self.interrupt = other.interrupt
        self.registry = other.registry.isolatedCopy()
        self.onDemand = other.onDemand
        self.host = other.host?.isolatedCopy()
        self.echo = nil
        self.stepsRemaining = other.stepsRemaining
        self.seed = other.seed
        self.random = other.random
        emptyCells.initialize(to: nil)
        returnSlot.initialize(to: .nil)
        link.target = self
    }

    deinit {
        link.target = nil
        if isolation == nil {
            // The session is over: drop its variables, then free the cycles only they kept reachable. (Cycles an
            // isolated copy made are collected by its original, which outlives it.)
            globals.releaseValues()
            host = nil
            returnSlot.pointee = .nil
            collectCycles()
        }
        if stackStorage != .borrowed {
            stack.deinitialize(count: initializedSlots)
            Interpreter.deallocateStack(stack, storage: stackStorage)
        }
        emptyCells.deinitialize(count: 1)
        emptyCells.deallocate()
        returnSlot.deinitialize(count: 1)
        returnSlot.deallocate()
    }

    /// An interpreter for running a block in isolation (e.g. on another thread): copies of the globals (each value
    /// by its isolation policy), of the user's defs and of the host's context; it shares the output, the interrupt
    /// flag and the native commands, and continues this one's call depth. Run it on one thread at a time.
    public func isolatedCopy() -> Interpreter {
        guard let copy = Interpreter(copying: self, borrowingStack: false) else {
            preconditionFailure("no memory for an interpreter's value stack (\(MemoryGuard.describe(bytes: Interpreter.stackBytes)))")
        }
        return copy
    }

    /// An isolated copy for one run (see `isolatedCopy()`), or an error when there is no memory for its stack.
    ///
    /// With `sharingStack`, the copy uses the free top of this interpreter's value stack instead of reserving its
    /// own 24 MiB, for a run that ends before this interpreter runs anything else (a `repeat` whose runs go one
    /// after another while it waits): runs nested inside runs then cost no address space, however deep. Call
    /// `returnStack(of:)` when the run is over. Copies of one interpreter may be made on several threads at once
    /// (they only read it), but a copy sharing the stack must be the only one running.
    public func isolatedCopy(sharingStack: Bool) throws(RuntimeError) -> Interpreter {
        guard let copy = Interpreter(copying: self, borrowingStack: sharingStack) else {
            throw RuntimeError("not enough memory for another run's interpreter (\(MemoryGuard.describe(bytes: Interpreter.stackBytes)) of address space for its stack)")
        }
        return copy
    }

    /// Takes back the stack lent to `copy` by `isolatedCopy(sharingStack: true)` once its run is over; the copy can
    /// run nothing more (its calls fail with "out of stack space"). Does nothing for a copy with its own stack.
    public func returnStack(of copy: Interpreter) {
        guard copy.stackStorage == .borrowed, copy.stack == stack + sp else { return }
        precondition(copy.sp == 0, "a run gave back its stack while a call was still running")
        // Slots the run initialized stay initialized (to nil): this interpreter deinitializes them at the end.
        initializedSlots = max(initializedSlots, sp + copy.initializedSlots)
        copy.initializedSlots = 0
        copy.stackSlots = 0
    }

    /// A value to run in an isolated copy: a def or block with its own copies of the variables it captured
    /// (globals are already copied by `isolatedCopy()`), models and other native objects copied wherever they sit.
    public func isolatedCopy(of value: Value) -> Value {
        (isolation ?? Isolation(registry: cellRegistry)).copy(value)
    }

    /// Frees reference cycles that nothing can reach any more (a def that captured a variable holding the def
    /// itself, …); returns how many captured variables it emptied. It runs by itself as the number of captured
    /// variables grows and when the interpreter is destroyed. An isolated copy never collects (its original does).
    @discardableResult public func collectCycles() -> Int {
        guard isolation == nil else { return 0 }
        let emptied = CycleCollector.collect(cellRegistry)
        nextCollection = max(Interpreter.minimumCollection, 2 * cellRegistry.count)
        return emptied
    }

    // MARK: - Commands and globals

    /// Registers a native command under its name (replacing any earlier one).
    public func register(_ command: Command) {
        registry.add(command)
        globals.set(command.name, .command(command), builtin: true)
    }

    /// Registers several native commands.
    public func register(_ commands: [Command]) { commands.forEach(register) }

    /// Sets a global variable.
    public func setGlobal(_ name: String, _ value: Value) { globals.set(name, value) }

    /// The value of a global variable, if defined.
    public func global(_ name: String) -> Value? { globals.get(name) }

    /// User-visible global variables (not built-in commands), in definition order.
    public var variables: [(String, Value)] {
        globals.names.indices.compactMap { i in
            globals.defined[i] && !globals.isBuiltin[i] ? (globals.names[i], globals.values[i]) : nil
        }
    }

    /// Commands a host defines only when they are first needed (the shell's built-in libraries written in sps):
    /// `beforeCompile` sees every program before it is compiled, so it can register what the program names;
    /// `everything` registers all of them (for `help`, completion and the generated docs). Shared by isolated
    /// copies; each registers into its own registry.
    public struct OnDemand: Sendable {
        public let beforeCompile: @Sendable (Interpreter, [Stmt]) -> Void
        public let everything: @Sendable (Interpreter) -> Void
        public init(beforeCompile: @escaping @Sendable (Interpreter, [Stmt]) -> Void, everything: @escaping @Sendable (Interpreter) -> Void) {
            self.beforeCompile = beforeCompile
            self.everything = everything
        }
    }

    /// See `OnDemand`; nil when every command is registered up front.
    public var onDemand: OnDemand?

    // MARK: - Running

    /// Parses and compiles source text. `asLibrary`: the text is a library of defs loaded into a running session
    /// (the shell's built-in libraries written in sps), whose defs must never assign to the user's globals: an
    /// assignment inside a def makes a local even when a global of that name exists.
    public func compile(_ file: SourceFile, asLibrary: Bool = false) -> Result<Program, SyntaxErrors> {
        switch Parser.parse(file) {
        case .failure(let e): return .failure(e)
        case .success(let statements): return compile(statements, file: file, asLibrary: asLibrary)
        }
    }

    /// Compiles parsed statements against this interpreter's globals (see `compile(_:asLibrary:)`).
    public func compile(_ statements: [Stmt], file: SourceFile, asLibrary: Bool = false) -> Result<Program, SyntaxErrors> {
        onDemand?.beforeCompile(self, statements)
        let compiler = Compiler(globals: globals, isLibrary: asLibrary)
        let (proto, nodes) = compiler.compileChunk(statements, file: file)
        if !compiler.errors.isEmpty { return .failure(SyntaxErrors(errors: compiler.errors, isIncomplete: false)) }
        return .success(Program(proto: proto, nodes: nodes, statements: statements, file: file))
    }

    /// The check between loop iterations and before calls: stops on an interrupt or when the step budget is used up.
    @inline(__always) func checkpoint(at location: SourceLocation?) throws(RuntimeError) {
        if interrupt.isRequested { throw .interrupted(at: location) }
        stepsRemaining &-= 1
        if stepsRemaining < 0 {
            stepsRemaining = 0
            throw RuntimeError("step budget used up (loop iterations and calls); the run was stopped", at: location)
        }
        if cellRegistry.count >= nextCollection { collectCycles() }
    }

    /// Runs a compiled program's top-level statements in order, calling `before` with each statement first.
    public func run(_ program: Program, before: ((Stmt) -> Void)? = nil) throws(RuntimeError) {
        let proto = program.proto
        let base = sp
        try reserve(proto.localCount, at: program.proto.location)
        let fp = stack + base
        sp = base + proto.localCount
        let cells = makeCells(proto.cellCount)
        let closure = Closure(proto: proto, upvalues: [])
        defer {
            release(fp, proto.localCount)
            sp = base
            freeCells(cells, proto.cellCount)
        }
        let frame = Frame(ip: self, fp: fp, closure: closure, cells: cells)
        for (i, node) in program.nodes.enumerated() {
            before?(program.statements[i])
            if interrupt.isRequested { throw .interrupted(at: program.statements[i].location) }
            _ = try node.exec(frame)
        }
        // A command may stop early on Ctrl-C and still return (fit returns its loop, so `l = fit …` binds it);
        // the run still ends as interrupted.
        if interrupt.isRequested, let last = program.statements.last { throw .interrupted(at: last.location) }
    }

    /// Parses, compiles and runs source text; syntax errors come back as `SyntaxErrors`, runtime ones as
    /// `RuntimeError`.
    public func run(_ file: SourceFile) throws(InterpreterError) {
        switch compile(file) {
        case .failure(let e): throw .syntax(e)
        case .success(let p):
            do throws(RuntimeError) { try run(p) } catch { throw .runtime(error) }
        }
    }

    /// Calls a def, block, command or callable object with arguments (for native commands that take blocks).
    public func call(_ callee: Value, _ arguments: [Value] = [], keywords: [(String, Value)] = [],
                     at location: SourceLocation? = nil) throws(RuntimeError) -> Value {
        switch callee {
        case .closure(let c):
            return try invoke(c, arguments, keywords, at: location)
        case .command(let cmd):
            return try callCommand(cmd, arguments.map { .value($0) }, keywords.map { ($0.0, .value($0.1)) },
                                   frame: nil, at: location)
        case .native(let o):
            if let r = try o.call(arguments, keywords: keywords, in: self) { return r }
            throw RuntimeError("a \(o.typeName) cannot be applied to arguments", at: location)
        default:
            throw RuntimeError("a \(callee.typeName) is not a command and cannot be applied to arguments", at: location)
        }
    }

    /// Runs a block and returns the variables it created at its top level, in order (e.g. columns of a model).
    public func runCapturingLocals(_ block: Closure) throws(RuntimeError) -> [(String, Value)] {
        var captured: [(String, Value)] = []
        _ = try invoke(block, [], [], at: nil) { frame in
            for (name, loc) in block.proto.topLocals {
                switch loc {
                case .local(let s): captured.append((name, frame.fp[s]))
                case .cell(let c): if let cell = frame.cells[c] { captured.append((name, cell.value)) }
                }
            }
        }
        return captured
    }

    // MARK: - Frames

    /// The address space an interpreter's own value stack takes.
    static var stackBytes: Int { stackCapacity * MemoryLayout<Value>.stride }

    /// Reserves address space for the value stack; pages are only committed as slots are first used, so an idle
    /// interpreter costs nothing and no allocator fills or poisons 24 MiB up front. Nil when neither a mapping nor
    /// the allocator can supply it (an address-space limit, `ulimit -v`).
    static func allocateStack() -> (UnsafeMutablePointer<Value>, StackStorage)? {
        #if canImport(Glibc)
        let flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE
        #else
        let flags = MAP_PRIVATE | MAP_ANON
        #endif
        if let raw = mmap(nil, stackBytes, PROT_READ | PROT_WRITE, flags, -1, 0), raw != MAP_FAILED {
            return (raw.bindMemory(to: Value.self, capacity: stackCapacity), .mapped)
        }
        // No mapping: the allocator's memory works the same (malloc, which reports failure, unlike `allocate`).
        guard let raw = malloc(stackBytes) else { return nil }
        return (raw.bindMemory(to: Value.self, capacity: stackCapacity), .allocated)
    }

    /// Returns the value stack's memory (its slots must already be deinitialized).
    static func deallocateStack(_ stack: UnsafeMutablePointer<Value>, storage: StackStorage) {
        switch storage {
        case .mapped: munmap(stack, stackBytes)
        case .allocated: free(stack)
        case .borrowed: break
        }
    }

    func reserve(_ count: Int, at location: SourceLocation?) throws(RuntimeError) {
        let needed = sp + count
        if needed > stackSlots {
            throw RuntimeError("out of stack space for local variables (too deep a recursion?)", at: location)
        }
        if needed > initializedSlots {
            (stack + initializedSlots).initialize(repeating: .nil, count: needed - initializedSlots)
            initializedSlots = needed
        }
    }

    @inline(__always) func release(_ fp: UnsafeMutablePointer<Value>, _ count: Int) {
        var i = 0
        while i < count {
            // A number, boolean or nil owns nothing: it is written over without the call that destroys a value.
            let p = fp + i
            if p.pointee.ownsNothing { p.initialize(to: .nil) } else { p.pointee = .nil }
            i += 1
        }
    }

    @inline(__always) func makeCells(_ count: Int) -> UnsafeMutablePointer<Cell?> {
        if count == 0 { return emptyCells }
        let p = UnsafeMutablePointer<Cell?>.allocate(capacity: count)
        p.initialize(repeating: nil, count: count)
        return p
    }

    @inline(__always) func freeCells(_ p: UnsafeMutablePointer<Cell?>, _ count: Int) {
        if count == 0 { return }
        p.deinitialize(count: count)
        p.deallocate()
    }

    /// Calls a closure with already evaluated arguments.
    func invoke(_ c: Closure, _ args: [Value], _ keywords: [(String, Value)], at location: SourceLocation?,
                inspect: ((Frame) -> Void)? = nil) throws(RuntimeError) -> Value {
        unowned(unsafe) let proto = c.proto  // kept alive by `c`; not counted (see CallNode.callClosure)
        let n = proto.parameterCount
        if args.count > n || depth >= Interpreter.maxCallDepth { try checkCall(c.proto, positional: args.count, at: location) }
        let base = sp
        let localCount = proto.localCount, cellCount = proto.cellCount
        try reserve(localCount, at: location)
        let fp = stack + base
        sp = base + localCount
        for (i, a) in args.enumerated() { fp[i] = a }
        let cells = makeCells(cellCount)
        let frame = Frame(ip: self, fp: fp, closure: c, cells: cells)
        depth += 1
        defer {
            depth -= 1
            release(fp, localCount)
            sp = base
            freeCells(cells, cellCount)
        }
        do throws(RuntimeError) {
            // Every parameter given by position, none captured: nothing to bind (the objective of a training loop).
            if args.count < n || !keywords.isEmpty || cellCount > 0 {
                var given = [Bool](repeating: false, count: n)
                for i in args.indices { given[i] = true }
                for (name, v) in keywords { fp[try keywordSlot(c.proto, name, &given, at: location)] = v }
                try finishArguments(c.proto, frame, given, at: location)
            }
            try checkpoint(at: location)
            let result = try runBody(proto.guardReturn, proto.bodyNodes, proto.finalReturn, frame)
            inspect?(frame)
            return result
        } catch {
            throw addTrace(error, c.proto, location)
        }
    }

    // MARK: - Binding arguments (shared by `invoke` and the call node's fast path)

    /// The checks before a def or block is entered: no more positional arguments than parameters, and no
    /// deeper nesting than `maxCallDepth`.
    @inline(__always) func checkCall(_ proto: FunctionProto, positional count: Int,
                                     at location: SourceLocation?) throws(RuntimeError) {
        let n = proto.parameterNames.count
        if count > n {
            throw RuntimeError("\(proto.kind == .block ? "a block" : "def \(proto.name)") takes \(n == 0 ? "no" : "at most \(n)") argument\(n == 1 ? "" : "s"), got \(count)", at: location)
        }
        if depth >= Interpreter.maxCallDepth {
            throw RuntimeError("\(Interpreter.tooManyCalls) (more than \(Interpreter.maxCallDepth)); is def \(proto.name) recursing without end?", at: location)
        }
    }

    /// How the error for calls nested deeper than `maxCallDepth` begins.
    static let tooManyCalls = "too many nested calls"

    /// True for the error of calls nested deeper than `maxCallDepth` (a recursion without end, perhaps through
    /// `repeat`, whose runs continue the depth of the call that started them).
    public static func isCallDepthError(_ error: RuntimeError) -> Bool { error.message.hasPrefix(tooManyCalls) }

    /// The parameter slot a keyword argument fills, marked as given; an unknown or repeated name is an error.
    @inline(__always) func keywordSlot(_ proto: FunctionProto, _ name: String, _ given: inout [Bool],
                                       at location: SourceLocation?) throws(RuntimeError) -> Int {
        guard let i = proto.parameterNames.firstIndex(of: name) else {
            throw RuntimeError("def \(proto.name) has no parameter '\(name)'\(Suggestions.hint(for: name, in: proto.parameterNames))", at: location)
        }
        if given[i] { throw RuntimeError("argument '\(name)' of def \(proto.name) given twice", at: location) }
        given[i] = true
        return i
    }

    /// Runs a call's body (a proto's `guardReturn`, `bodyNodes`, then its `finalReturn`) in its frame; the value of its `return`,
    /// or nil.
    ///
    /// Takes the proto's fields rather than the proto: callers hold it `unowned(unsafe)`, and passing it on would
    /// count a reference to it.
    @inline(__always) func runBody(_ guardReturn: FunctionProto.GuardReturn?, _ nodes: UnsafeMutableBufferPointer<Unmanaged<StmtNode>>,
                                   _ finalReturn: Unmanaged<ExprNode>?, _ frame: Frame) throws(RuntimeError) -> Value {
        if let g = guardReturn, try g.condition.guaranteed({ c throws(RuntimeError) in try c.evalBool(frame) }) {
            return try g.value.guaranteed { e throws(RuntimeError) in try e.eval(frame) }
        }
        switch try SPSLanguage.runBody(nodes, frame) {
        case .returnValue:
            let r = returnSlot.move()
            returnSlot.initialize(to: .nil)
            return r
        case .normal:
            guard let e = finalReturn else { return .nil }
            return try e.guaranteed { e throws(RuntimeError) in try e.eval(frame) }
        case .breakLoop, .continueLoop:
            return .nil
        }
    }

    /// Fills defaults, reports missing arguments and moves captured parameters into cells.
    @inline(__always) func finishArguments(_ proto: FunctionProto, _ frame: Frame, _ given: [Bool],
                                           at location: SourceLocation?) throws(RuntimeError) {
        for i in given.indices where !given[i] {
            guard let d = proto.defaults[i] else {
                throw RuntimeError("def \(proto.name) is missing argument '\(proto.parameterNames[i])'", at: location)
            }
            frame.fp[i] = try d.eval(frame)
        }
        if proto.cellCount > 0 {
            for (i, c) in proto.parameterCells.enumerated() {
                if let c { frame.cells[c] = Cell(frame.fp[i], in: cellRegistry) }
            }
        }
    }

    func addTrace(_ error: RuntimeError, _ proto: FunctionProto, _ location: SourceLocation?) -> RuntimeError {
        var e = error
        if e.location == nil { e.location = location }
        if e.trace.count < 50 {
            e.trace.append(TraceEntry(function: proto.kind == .block ? "block" : proto.name, callSite: location))
        }
        return e
    }

    // MARK: - Conversions

    /// Converts numbers, lists of numbers and lists of lists to a tensor.
    public static func toTensor(_ v: Value, what: String) throws(RuntimeError) -> Tensor {
        switch v {
        case .tensor(let t): return t
        case .number(let n): return Tensor(scalar: Float(n))
        case .native(let x as Variable):
            guard x.requiresGrad else { return x.value }
            throw RuntimeError("\(what) carries gradients, and this cannot be differentiated; use its value without gradients: detach x")
        case .range(let r):
            guard r.count <= Limits.maxTensorElements else {
                throw RuntimeError("\(what): the range \(v.repr) has \(r.count) elements; tensors hold at most \(Limits.maxTensorElements)")
            }
            try Limits.checkMemory(r.count &* 4, "a tensor from the range \(v.repr)")
            return Tensor(r.map { Float($0) })
        case .list(let xs):
            if xs.allSatisfy({ $0.number != nil }) { return Tensor(xs.map { Float($0.number ?? 0) }) }
            var rows: [[Float]] = []
            for x in xs {
                guard let inner = x.elements, inner.allSatisfy({ $0.number != nil }) else {
                    throw RuntimeError("\(what) must be a tensor, a number or a list of numbers (or of lists of numbers)")
                }
                rows.append(inner.map { Float($0.number ?? 0) })
            }
            do throws(TensorError) { return try Tensor(rows: rows) } catch { throw RuntimeError("\(what): \(error.message)") }
        default:
            throw RuntimeError("\(what) must be a tensor or a list of numbers, got \(v.typeName)")
        }
    }
}

/// A compiled program: its top-level statements ready to run.
public struct Program {
    let proto: FunctionProto
    let nodes: [StmtNode]
    /// The parsed top-level statements (for echo mode, which prints each before running it).
    public let statements: [Stmt]
    /// The source.
    public let file: SourceFile
}

/// A syntax error or a runtime error.
public enum InterpreterError: Error {
    case syntax(SyntaxErrors)
    case runtime(RuntimeError)
}
