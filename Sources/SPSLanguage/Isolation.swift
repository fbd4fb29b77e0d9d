/// What a parallel run (`repeat`) may share with the session it was copied from, decided by each kind of object.
///
/// The one rule: a run never touches mutable state another run or the session can reach. Values are immutable
/// (numbers, strings, tensors, lists, records); a closure's captured variables are copied; a host object says which
/// of these it is. There is no default, so a new kind of object cannot be shared by accident.
public enum IsolationPolicy {
    /// The object never changes once made (a dataset, a table, a distribution): runs share it.
    case immutable
    /// The object changes (a model's weights): each run gets its own copy, made by the function. The isolation
    /// maps an object reached twice to one copy, so the function may copy what it holds through it.
    case copied((Isolation) -> any NativeObject)
    /// The object cannot be used by parallel runs (its state is tied to the session): inside a run, every use of
    /// it is an error with this message, which says what to do instead.
    case refused(String)
}

/// Copies values for a run that must share no mutable state with the original (a `repeat` run on another thread).
///
/// Host objects follow their `IsolationPolicy`, and closures get their own cells, wherever they sit: in a global,
/// inside a list or record, or in a variable a block captured. An object reached twice is copied once, so two names
/// for one model still name one model in the copy, and two closures that captured one variable still share it
/// (an algorithm's objective and the block that reads its state). (fuzz-run found a block nested in a `repeat` training a model it
/// captured from the enclosing block: every parallel run trained the same model at once, and its gradients were
/// freed under another thread.)
public final class Isolation {
    private var natives: [ObjectIdentifier: any NativeObject] = [:]
    private var closures: [ObjectIdentifier: Closure] = [:]
    /// Captured variables already copied: two closures that shared a variable share its copy.
    private var cells: [ObjectIdentifier: Cell] = [:]

    private let registry: CellRegistry

    /// An isolation with nothing copied yet, whose new cells are listed in `registry`.
    public init(registry: CellRegistry) { self.registry = registry }

    /// The value as the isolated run sees it.
    public func copy(_ value: Value) -> Value {
        switch value {
        case .native(let object):
            return .native(copy(object))
        case .closure(let closure):
            return .closure(copy(closure))
        case .list(let items):
            guard items.contains(where: Isolation.needsCopy) else { return value }
            return .list(items.map { copy($0) })
        case .record(let record):
            guard record.values.contains(where: Isolation.needsCopy) else { return value }
            return .record(Record(zip(record.keys, record.values.map { copy($0) }).map { ($0, $1) }))
        default:
            return value
        }
    }

    /// The host object as the isolated run sees it: itself, its copy, or a stand-in that refuses every use.
    public func copy(_ object: any NativeObject) -> any NativeObject {
        let id = ObjectIdentifier(object)
        if let done = natives[id] { return done }
        let copied: any NativeObject
        switch object.isolation {
        case .immutable: copied = object
        case .copied(let make): copied = make(self)
        case .refused(let message): copied = RefusedObject(typeName: object.typeName, message: message)
        }
        natives[id] = copied
        return copied
    }

    /// The closure with its own cells, holding isolated copies of what it captured.
    public func copy(_ closure: Closure) -> Closure {
        let id = ObjectIdentifier(closure)
        if let done = closures[id] { return done }
        var fresh: [(Cell, Cell)] = []
        let copiedCells = closure.capturedCells.map { original in
            if let done = cells[ObjectIdentifier(original)] { return done }
            let cell = Cell(.nil, in: registry)
            cells[ObjectIdentifier(original)] = cell
            fresh.append((cell, original))
            return cell
        }
        let copied = Closure(proto: closure.proto, upvalues: copiedCells)
        closures[id] = copied  // before the cells: a def that captured itself refers to its copy
        for (cell, original) in fresh { cell.value = copy(original.value) }
        return copied
    }

    /// True for values that may hold mutable state to copy.
    static func needsCopy(_ value: Value) -> Bool {
        switch value {
        case .native, .closure, .list, .record: return true
        default: return false
        }
    }
}

/// What a run sees in place of an object whose policy is `refused`: every use is an error with the object's
/// message (reading a member, indexing, applying it, passing it to a command).
public final class RefusedObject: NativeObject {
    public let typeName: String
    /// Why the object cannot be used here and what to do instead.
    public let message: String

    init(typeName: String, message: String) {
        self.typeName = typeName
        self.message = message
    }

    public var description: String { "\(typeName) (not available in this run: \(message))" }
    public var isolation: IsolationPolicy { .refused(message) }

    public func member(_ name: String, in interpreter: Interpreter) throws(RuntimeError) -> Value? {
        throw RuntimeError(message)
    }
    public func setMember(_ name: String, to value: Value, in interpreter: Interpreter) throws(RuntimeError) -> Bool {
        throw RuntimeError(message)
    }
    public func index(_ indices: [Value], in interpreter: Interpreter) throws(RuntimeError) -> Value {
        throw RuntimeError(message)
    }
    public func setIndex(_ indices: [Value], to value: Value, in interpreter: Interpreter) throws(RuntimeError) {
        throw RuntimeError(message)
    }
    public func call(_ arguments: [Value], keywords: [(String, Value)], in interpreter: Interpreter) throws(RuntimeError) -> Value? {
        throw RuntimeError(message)
    }
}

/// The host's own per-session state, carried by the interpreter for the host's commands (Wren's `userData`).
///
/// The language never looks inside; it only asks for the copy a parallel run starts with.
public protocol HostContext: AnyObject {
    /// The state a `repeat` run starts with: shares nothing mutable with this one.
    func isolatedCopy() -> any HostContext
}
