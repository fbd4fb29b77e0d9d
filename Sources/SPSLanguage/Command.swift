import SPSAutodiff
import SPSNumeric

/// The type a command parameter accepts; the interpreter checks it before calling.
public indirect enum ParameterType: Sendable, CustomStringConvertible {
    case any, number, integer, string, bool, list, record, tensor, block, callable
    /// A number or a tensor (elementwise math).
    case numeric
    /// A list, a range, or a tensor: anything with elements.
    case sequence
    /// A column name: a bare identifier is taken as the name itself, not looked up — unless it is a local variable
    /// (a parameter of the enclosing def, …), which passes its value (see `BareName.columnNames`); a string works too.
    case columnName
    /// A list of column names (`[x, z]`), or a single one.
    case columnNames
    /// A native object of the given type name.
    case object(String)
    /// Any of several types.
    case oneOf([ParameterType])
    /// Either nil or the given type.
    case optional(ParameterType)

    /// Whether a value fits.
    public func accepts(_ v: Value) -> Bool {
        switch (self, v) {
        case (.any, _): return true
        case (.number, .number), (.string, .string), (.bool, .bool), (.list, .list), (.record, .record),
             (.tensor, .tensor), (.block, .closure): return true
        case (.integer, .number): return v.integer != nil
        case (.numeric, .number), (.numeric, .tensor): return true
        case (.tensor, .native(let o)), (.numeric, .native(let o)), (.sequence, .native(let o)): return o is Variable
        case (.sequence, .list), (.sequence, .range), (.sequence, .tensor): return true
        case (.callable, .closure), (.callable, .command): return true
        case (.callable, .native(let o)): return o.typeName != ""
        case (.columnName, .string): return true
        case (.columnNames, .string): return true
        case (.columnNames, .list(let xs)): return xs.allSatisfy { $0.string != nil }
        case (.object(let name), .native(let o)): return o.typeName == name
        case (.oneOf(let ts), _): return ts.contains { $0.accepts(v) }
        case (.optional, .nil): return true
        case (.optional(let t), _): return t.accepts(v)
        default: return false
        }
    }

    /// How the type is named in help and errors.
    public var description: String {
        switch self {
        case .any: return "any value"
        case .number: return "number"
        case .integer: return "integer"
        case .string: return "string"
        case .bool: return "bool"
        case .list: return "list"
        case .record: return "record"
        case .tensor: return "tensor"
        case .block: return "block"
        case .callable: return "command"
        case .numeric: return "number or tensor"
        case .sequence: return "list, range or tensor"
        case .columnName: return "column name"
        case .columnNames: return "column names"
        case .object(let n): return n
        case .oneOf(let ts): return ts.map(\.description).joined(separator: " or ")
        case .optional(let t): return "\(t) or nil"
        }
    }
}

/// One parameter of a native command.
public struct Parameter: Sendable {
    /// The name, used for `name=value` and in help.
    public var name: String
    /// The accepted type.
    public var type: ParameterType
    /// The default; `nil` makes the parameter required (unless `optional`).
    public var defaultValue: Value?
    /// True when the parameter may be left out entirely (the command sees `nil`).
    public var isOptional: Bool
    /// True when the parameter may be given by position (otherwise only as `name=value`).
    public var isPositional: Bool
    /// True for a last positional parameter that collects all remaining positional arguments into a list.
    public var isVariadic: Bool
    /// A unit shown in help (`samples`, `epochs`).
    public var unit: String?
    /// A one-line description.
    public var summary: String
    /// What Tab completion offers for the value where the type alone does not say (nil: what the type implies).
    public var completion: ValueCompletion? = nil

    /// A positional parameter (also accepted as `name=value`).
    public static func positional(_ name: String, _ type: ParameterType, default value: Value? = nil,
                                  optional: Bool = false, unit: String? = nil, _ summary: String = "") -> Parameter {
        Parameter(name: name, type: type, defaultValue: value, isOptional: optional, isPositional: true,
                  isVariadic: false, unit: unit, summary: summary)
    }

    /// A keyword-only parameter (`name=value`).
    public static func keyword(_ name: String, _ type: ParameterType, default value: Value? = nil,
                               optional: Bool = false, unit: String? = nil, _ summary: String = "") -> Parameter {
        Parameter(name: name, type: type, defaultValue: value, isOptional: optional, isPositional: false,
                  isVariadic: false, unit: unit, summary: summary)
    }

    /// A variadic positional parameter: takes every remaining positional argument (as a list).
    public static func variadic(_ name: String, _ type: ParameterType, _ summary: String = "") -> Parameter {
        Parameter(name: name, type: type, defaultValue: nil, isOptional: true, isPositional: true,
                  isVariadic: true, unit: nil, summary: summary)
    }

    /// True when the interpreter takes a bare identifier argument as a name (a local variable passes its value).
    var takesNames: Bool {
        switch type {
        case .columnName, .columnNames: return true
        case .optional(let t): return Parameter(name: "", type: t, defaultValue: nil, isOptional: true, isPositional: true,
                                                isVariadic: false, unit: nil, summary: "").takesNames
        case .oneOf(let ts): return ts.contains { Parameter(name: "", type: $0, defaultValue: nil, isOptional: true, isPositional: true,
                                                            isVariadic: false, unit: nil, summary: "").takesNames }
        default: return false
        }
    }
}

/// What Tab completion offers for a parameter's value beyond its type: a bare name that is not a column.
public enum ValueCompletion: Sendable, Equatable {
    /// One of these words (`loss=`: mse, l1, huber; the kind after `plot`).
    case choices([String])
    /// The name of a command, def or variable (`help fit`).
    case names
}

extension Parameter {
    /// The same parameter, completed at the prompt with these fixed words.
    public func choices(_ words: [String]) -> Parameter { completing(.choices(words)) }

    /// The same parameter, completed at the prompt as `completion` says.
    public func completing(_ completion: ValueCompletion) -> Parameter {
        var copy = self
        copy.completion = completion
        return copy
    }
}

/// The body of a native command.
public typealias CommandBody = (inout Arguments) throws(RuntimeError) -> Value

/// A native command: a name, checked parameters, documentation and a body.
public final class Command: @unchecked Sendable {
    /// The name users type.
    public let name: String
    /// The parameters: positional ones in order, then keyword-only ones.
    public let parameters: [Parameter]
    /// A one-line summary for `help` listings.
    public let summary: String
    /// Longer help text.
    public let help: String
    /// An example of use.
    public let example: String
    /// The topic `help` lists it under (`values`, `math`, `tensors`, `data`, `training` …).
    public let topic: String
    /// The implementation.
    public let body: CommandBody
    /// A fast path for one-number math functions (`sqrt x`): skips argument bookkeeping in loops.
    public let numberFunction: (@Sendable (Double) -> Double)?
    /// True when `name=value` arguments beyond the declared parameters are accepted and passed on in
    /// `Arguments.extraKeywords` (`repeat seeds=0..9 sigma=[0, 10]`, `record iid=… ood=…`).
    public let acceptsExtraKeywords: Bool
    /// The indices of the positional parameters, in order (computed once: every call fills them).
    let positionalIndices: [Int]

    /// Creates a command.
    public init(_ name: String, topic: String = "general", summary: String, help: String = "", example: String = "",
                parameters: [Parameter] = [], numberFunction: (@Sendable (Double) -> Double)? = nil,
                acceptsExtraKeywords: Bool = false,
                body: @escaping CommandBody) {
        self.name = name
        self.parameters = parameters
        self.summary = summary
        self.help = help
        self.example = example
        self.topic = topic
        self.body = body
        self.numberFunction = numberFunction
        self.acceptsExtraKeywords = acceptsExtraKeywords
        self.positionalIndices = parameters.indices.filter { parameters[$0].isPositional }
    }

    /// The usage line: `fit model data epochs=1 …`.
    public var usage: String {
        var parts = [name]
        for p in parameters {
            if p.isVariadic { parts.append("\(p.name)…") }
            else if p.isPositional && p.defaultValue == nil && !p.isOptional { parts.append(p.name) }
            else if p.isPositional { parts.append("[\(p.name)]") }
            else if let d = p.defaultValue { parts.append("\(p.name)=\(d.repr)") }
            else { parts.append("\(p.name)=…") }
        }
        return parts.joined(separator: " ")
    }
}

/// The checked arguments a native command receives, by parameter.
public struct Arguments {
    /// The command being called.
    public let command: Command
    /// One entry per parameter (defaults filled in; nil when an optional parameter was not given).
    public var values: [Value?]
    /// The interpreter running the call (output, random streams, running blocks).
    public let interpreter: Interpreter
    /// Where the call is.
    public let location: SourceLocation?
    /// Keyword arguments beyond the declared parameters, in the order written (for commands that accept them).
    public var extraKeywords: [(String, Value)] = []
    /// Where each argument is written, by parameter (nil for a default, and when Swift code calls).
    public var locations: [SourceLocation?] = []
    /// Where each value collected by the variadic parameter is written, in order.
    public var variadicLocations: [SourceLocation?] = []

    /// Where the argument for parameter `name` is written (the start of its expression), or nil when it was not
    /// written (a default) or Swift code called. Errors about one argument use it, so the caret points at the
    /// argument rather than at the command: `RuntimeError("…", at: args.location(of: "n"))`.
    public func location(of name: String) -> SourceLocation? {
        guard let i = command.parameters.firstIndex(where: { $0.name == name }), i < locations.count else { return nil }
        return locations[i]
    }

    func position(_ name: String) -> Int {
        guard let i = command.parameters.firstIndex(where: { $0.name == name }) else {
            preconditionFailure("command \(command.name) has no parameter \(name)")
        }
        return i
    }

    /// The value of a parameter (nil when an optional one was not given).
    public subscript(_ name: String) -> Value? {
        get { values[position(name)] }
        set { values[position(name)] = newValue }
    }

    /// A parameter that must be present.
    public func value(_ name: String) throws(RuntimeError) -> Value {
        guard let v = self[name], !v.isNil else { throw RuntimeError("\(command.name) needs argument '\(name)'") }
        return v
    }

    /// A number parameter.
    public func number(_ name: String) throws(RuntimeError) -> Double {
        let v = try value(name)
        guard let n = v.number else { throw RuntimeError("argument '\(name)' of \(command.name) must be a number, got \(v.described)", at: location(of: name)) }
        return n
    }

    /// An integer parameter.
    public func integer(_ name: String) throws(RuntimeError) -> Int {
        let v = try value(name)
        guard let n = v.integer else { throw RuntimeError("argument '\(name)' of \(command.name) must be an integer, got \(v.described)", at: location(of: name)) }
        return n
    }

    /// A string (or column name) parameter.
    public func string(_ name: String) throws(RuntimeError) -> String {
        let v = try value(name)
        guard let s = v.string else { throw RuntimeError("argument '\(name)' of \(command.name) must be a string, got \(v.described)", at: location(of: name)) }
        return s
    }

    /// A bool parameter.
    public func bool(_ name: String) throws(RuntimeError) -> Bool {
        let v = try value(name)
        guard case .bool(let b) = v else { throw RuntimeError("argument '\(name)' of \(command.name) must be true or false, got \(v.described)", at: location(of: name)) }
        return b
    }

    /// A tensor parameter (numbers and lists of numbers are converted).
    public func tensor(_ name: String) throws(RuntimeError) -> Tensor {
        do throws(RuntimeError) {
            return try Interpreter.toTensor(try value(name), what: "argument '\(name)' of \(command.name)")
        } catch {
            throw location(of: name).map { error.located($0) } ?? error
        }
    }

    /// A list of column names (a single name becomes a one-element list).
    public func names(_ name: String) throws(RuntimeError) -> [String] {
        switch try value(name) {
        case .string(let s): return [s]
        case .list(let xs): return xs.compactMap(\.string)
        case let v: throw RuntimeError("argument '\(name)' of \(command.name) must be column names, got \(v.described)", at: location(of: name))
        }
    }

    /// The values collected by a variadic parameter.
    public func rest(_ name: String) -> [Value] {
        if case .list(let xs)? = self[name] { return xs.values }
        return []
    }
}
