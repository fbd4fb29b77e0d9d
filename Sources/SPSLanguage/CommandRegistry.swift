/// Documentation for every command a session knows: native commands and the user's own `def`s.
///
/// `help` (a later shell command) reads it; the interpreter records each top-level `def` here with the comment
/// written directly above it.
public final class CommandRegistry: @unchecked Sendable {
    /// A user `def` as help shows it.
    public struct UserDef: Sendable {
        /// The name.
        public let name: String
        /// Parameter names in order.
        public let parameters: [String]
        /// The usage line, e.g. `f a b k=…`.
        public let usage: String
        /// The comment above the `def`, if any.
        public let doc: String?
        /// Where it was defined.
        public let location: SourceLocation
    }

    /// Native commands by name.
    public private(set) var commands: [String: Command] = [:]
    /// User defs by name.
    public private(set) var userDefs: [String: UserDef] = [:]

    /// Creates an empty registry.
    public init() {}

    /// A registry for an isolated run: the same native commands, its own table of defs (a run's `def` or `load`
    /// must not change what the session or another run sees).
    public func isolatedCopy() -> CommandRegistry {
        let copy = CommandRegistry()
        copy.commands = commands
        copy.userDefs = userDefs
        return copy
    }

    /// Adds (or replaces) a native command.
    public func add(_ command: Command) { commands[command.name] = command }

    func addUserDef(_ proto: FunctionProto) {
        var usage = [proto.name]
        for (i, p) in proto.parameterNames.enumerated() { usage.append(proto.defaults[i] == nil ? p : "\(p)=…") }
        userDefs[proto.name] = UserDef(name: proto.name, parameters: proto.parameterNames,
                                       usage: usage.joined(separator: " "), doc: proto.doc, location: proto.location)
    }

    /// Native command names grouped by topic, each sorted.
    public var topics: [(String, [Command])] {
        Dictionary(grouping: commands.values, by: \.topic)
            .map { ($0.key, $0.value.sorted { $0.name < $1.name }) }
            .sorted { $0.0 < $1.0 }
    }

    /// Every command name (native and user), for completion and suggestions.
    public var allNames: [String] { Array(commands.keys) + Array(userDefs.keys) }
}
