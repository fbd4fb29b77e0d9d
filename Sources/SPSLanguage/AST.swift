/// The syntax tree: plain data produced by the parser and consumed by the compiler.

/// Binary operators, loosest to tightest: `or`, `and`, comparisons, `..`/`..<`, `+ -`, `* / % @`, `**`.
public enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%", power = "**", matmul = "@"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case and = "and", or = "or"
}

/// Unary operators.
public enum UnaryOperator: String, Sendable {
    case negate = "-", not = "not"
}

/// An argument in an application: positional, or `name=value`.
public struct Argument: Sendable {
    /// The keyword, for `name=value`.
    public var label: String?
    /// The value.
    public var value: Expr
    /// Where the keyword is written, for errors about it (an unknown keyword, one given twice).
    public var labelLocation: SourceLocation? = nil
}

/// A piece of an interpolated string.
public enum InterpolationPiece: Sendable {
    case text(String)
    case expr(Expr)
}

/// An expression with its location.
public struct Expr: Sendable {
    /// What kind of expression.
    public indirect enum Kind: Sendable {
        case number(Double)
        case string(String)
        case interpolation([InterpolationPiece])
        case bool(Bool)
        case `nil`
        case name(String)
        case list([Expr])
        case record([(String, Expr)])
        case block(Block)
        case range(Expr, Expr, inclusive: Bool)
        case unary(UnaryOperator, Expr)
        case binary(BinaryOperator, Expr, Expr)
        case member(Expr, String)
        case index(Expr, [Expr])
        /// `f a b k=v` (juxtaposition) or `f(a, b)` / `f()` (`parenthesized`).
        case apply(Expr, [Argument], parenthesized: Bool)
    }
    /// The kind and its parts.
    public var kind: Kind
    /// Where the expression starts.
    public var location: SourceLocation
    /// Where an error about the expression itself points when not at its start: the member name of `a.b`.
    public var focus: SourceLocation? = nil
}

/// A braced list of statements; a block written as a value may take parameters: `{ m b -> mse (m b.x) b.y }`.
public struct Block: Sendable {
    /// The statements.
    public var statements: [Stmt]
    /// The names before `->`, for a block that takes arguments (empty for `{ … }`).
    public var parameters: [String] = []
}

/// A parameter of a `def`: a name and, for keyword parameters, a default.
public struct ParameterDecl: Sendable {
    /// The name.
    public var name: String
    /// The default value's expression, if any.
    public var defaultValue: Expr?
}

/// `def name params { body }` with the comment lines directly above it.
public struct FunctionDecl: Sendable {
    /// The command name.
    public var name: String
    /// The parameters in order.
    public var parameters: [ParameterDecl]
    /// The body.
    public var body: Block
    /// The comment directly above the `def`, if any (becomes its help).
    public var doc: String?
}

/// A statement with its location and the byte range of its source text.
public struct Stmt: Sendable {
    /// What kind of statement.
    public indirect enum Kind: Sendable {
        case expression(Expr)
        /// `target = value`, or `target op= value` when `op` is set.
        case assign(Expr, BinaryOperator?, Expr)
        case def(FunctionDecl)
        case `if`(Expr, Block, Stmt?)
        case `for`(String, Expr, Block)
        case `while`(Expr, Block)
        case `break`
        case `continue`
        case `return`(Expr?)
        /// A bare block used as a statement (an `else` branch).
        case block(Block)
    }
    /// The kind and its parts.
    public var kind: Kind
    /// Where the statement starts.
    public var location: SourceLocation
    /// The byte offset just past the statement's source.
    public var end: Int
}
