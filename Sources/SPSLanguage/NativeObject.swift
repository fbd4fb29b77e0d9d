/// An object the host exposes to the language: a model, a dataset, a training loop, a table …
///
/// Conform a class and return it as `Value.native(obj)` from a command. Every requirement but `isolation` has a
/// default, so an object can start with `typeName`, `description` and its isolation policy and grow members,
/// indexing and calling later. Members the object lists in `memberNames` are what "did you mean" suggests from.
public protocol NativeObject: AnyObject {
    /// The type name shown in errors and `vars` (`Linear`, `Dataset`, `Loop`).
    var typeName: String { get }
    /// Constructor-form printing, e.g. `Linear(3 => 1)  # 4 parameters`.
    var description: String { get }
    /// Names of readable members, for "did you mean" and completion.
    var memberNames: [String] { get }
    /// Reads a member; return nil when there is no such member (the interpreter then reports it with a suggestion).
    func member(_ name: String, in interpreter: Interpreter) throws(RuntimeError) -> Value?
    /// Sets a member; return false when the member does not exist or cannot be set.
    func setMember(_ name: String, to value: Value, in interpreter: Interpreter) throws(RuntimeError) -> Bool
    /// `obj[i, j]`: the index values as written (numbers, ranges …).
    func index(_ indices: [Value], in interpreter: Interpreter) throws(RuntimeError) -> Value
    /// `obj[i] = v`.
    func setIndex(_ indices: [Value], to value: Value, in interpreter: Interpreter) throws(RuntimeError)
    /// Applying the object to arguments (`m x`: a model predicting); nil when the object cannot be applied.
    func call(_ arguments: [Value], keywords: [(String, Value)], in interpreter: Interpreter) throws(RuntimeError) -> Value?
    /// What a `repeat` run does with this object when the run starts from a copy of the session: share it, copy
    /// it, or refuse it. Required, with no default: every kind of object decides (see `IsolationPolicy`).
    var isolation: IsolationPolicy { get }
    /// The shape `vars` shows (`4 parameters`, `2000 rows × 3 features`); empty when there is none.
    var shape: String { get }
    /// About how much memory the object holds, in bytes, for `vars`; nil when not meaningful.
    var byteSize: Int? { get }
}

extension NativeObject {
    public var memberNames: [String] { [] }
    public func member(_ name: String, in interpreter: Interpreter) throws(RuntimeError) -> Value? { nil }
    public func setMember(_ name: String, to value: Value, in interpreter: Interpreter) throws(RuntimeError) -> Bool { false }
    public func index(_ indices: [Value], in interpreter: Interpreter) throws(RuntimeError) -> Value {
        throw RuntimeError("a \(typeName) cannot be indexed")
    }
    public func setIndex(_ indices: [Value], to value: Value, in interpreter: Interpreter) throws(RuntimeError) {
        throw RuntimeError("a \(typeName) does not support assignment to an index")
    }
    public func call(_ arguments: [Value], keywords: [(String, Value)], in interpreter: Interpreter) throws(RuntimeError) -> Value? { nil }
    public var shape: String { "" }
    public var byteSize: Int? { nil }
}

/// Receives everything the language prints. The host decides where it goes (a terminal, a buffer in tests).
public protocol OutputSink: AnyObject {
    /// Writes text exactly as given (`print` adds its own newline).
    func write(_ text: String)
}

/// An output sink that collects text in memory.
public final class BufferSink: OutputSink {
    /// Everything written so far.
    public private(set) var text = ""
    /// Creates an empty buffer.
    public init() {}
    /// Appends text.
    public func write(_ text: String) { self.text += text }
    /// Clears the buffer.
    public func clear() { text = "" }
}
