/// A reference to an interpreter that does not keep it alive and reads nil once the interpreter is gone.
///
/// What a `weak` reference gives, without its cost: a weak reference gives the interpreter a side table, and every
/// counted reference to an object with one takes the runtime's slow path — on every call and frame of every
/// program the interpreter runs. Objects that outlive a command and must find its interpreter again (a loop's
/// objective, a layer written in sps) hold the interpreter's `link` instead; the interpreter clears it when it ends.
/// Like the interpreter, a link is used from one thread at a time.
public final class InterpreterLink: @unchecked Sendable {
    /// The interpreter, while it lives.
    public var interpreter: Interpreter? { target }

    unowned(unsafe) var target: Interpreter?

    init() {}
}
