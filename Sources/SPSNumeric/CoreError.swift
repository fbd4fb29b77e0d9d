/// An error from the numeric or training core (tensor, data, training, configuration, file), with the message
/// a user sees.
///
/// Every error type the core throws conforms. The core never prints or decorates: the message is one line, with
/// no `error:` prefix and no source location. The language bindings turn any of them into the language's
/// runtime error in one place (`RuntimeError(_: any CoreError)`), keeping the message word for word.
public protocol CoreError: Error, CustomStringConvertible {
    /// What went wrong, in words a user can act on.
    var message: String { get }
}

extension CoreError {
    /// The message itself, so `"\(error)"` and `error.message` never differ.
    public var description: String { message }
}
