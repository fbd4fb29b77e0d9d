import SPSNumeric
/// A syntax error found by the lexer or parser.
public struct SyntaxError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, in one line.
    public let message: String
    /// Where.
    public let location: SourceLocation

    /// Creates a syntax error.
    public init(_ message: String, at location: SourceLocation) {
        self.message = message
        self.location = location
    }

    /// `file:line:col: error: message`.
    public var description: String { "\(location): error: \(message)" }
}

/// All syntax errors of one parse, and whether the input simply ended too early.
public struct SyntaxErrors: Error, Sendable, CustomStringConvertible {
    /// The errors, in source order.
    public let errors: [SyntaxError]
    /// True when the input ended inside an open bracket, brace, string or after a `\`: a REPL asks for more input.
    public let isIncomplete: Bool

    /// One line per error.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

/// One `def` frame in a runtime error's call chain.
public struct TraceEntry: Sendable {
    /// The name of the `def` (or `block`) that was running.
    public let function: String
    /// Where it was called from.
    public let callSite: SourceLocation?
}

/// An error raised while running code (or by a native command).
///
/// Native commands throw it with just a message; the interpreter fills in the location of the call and, as the
/// error travels out of `def` calls, the chain of calls.
public struct RuntimeError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in one line.
    public var message: String
    /// Where, once known.
    public var location: SourceLocation?
    /// The `def` calls that were active, innermost first.
    public var trace: [TraceEntry] = []
    /// True when the error is the user's interrupt (Ctrl-C), not a failure.
    public var isInterrupt = false

    /// Creates an error with a message and optionally a location.
    public init(_ message: String, at location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }

    /// The error a stopped computation reports.
    public static func interrupted(at location: SourceLocation?) -> RuntimeError {
        var e = RuntimeError("interrupted", at: location)
        e.isInterrupt = true
        return e
    }

    /// The one conversion of an error from the numeric or training core (tensor, data, training, configuration,
    /// file) into a runtime error: the same message, word for word; the interpreter adds the location and trace.
    public init(_ error: any CoreError, at location: SourceLocation? = nil) {
        self.init(error.message, at: location)
    }

    /// Returns the error with a location filled in if it had none.
    public func located(_ loc: SourceLocation) -> RuntimeError {
        if location != nil { return self }
        var copy = self
        copy.location = loc
        return copy
    }

    /// `file:line:col: error: message` (or just `error: message` without a location).
    public var description: String {
        if let location { return "\(location): error: \(message)" }
        return "error: \(message)"
    }
}
