import SPSNumeric

/// Why a gradient could not be computed.
public struct AutodiffError: CoreError, Equatable, Sendable {
    public let message: String
    /// The position of the target that the output does not depend on (for `unused`), so callers can point at it.
    public let unusedTarget: Int?

    /// Creates an error with a message.
    public init(_ message: String, unusedTarget: Int? = nil) {
        self.message = message
        self.unusedTarget = unusedTarget
    }
}
