/// Copies values for a run that must share no mutable state with the original (a `repeat` run on another thread).
///
/// Native objects (models, loops …) are replaced by their `isolatedCopy()`, and closures get their own cells,
/// wherever they sit: in a global, inside a list or record, or in a variable a block captured. An object reached
/// twice is copied once, so two names for one model still name one model in the copy. (fuzz-run found a block
/// nested in a `repeat` training a model it captured from the enclosing block: every parallel run trained the same
/// model at once, and its gradients were freed under another thread.)
public final class Isolation {
    private var natives: [ObjectIdentifier: any NativeObject] = [:]
    private var closures: [ObjectIdentifier: Closure] = [:]

    private let registry: CellRegistry

    /// An isolation with nothing copied yet, whose new cells are listed in `registry`.
    public init(registry: CellRegistry) { self.registry = registry }

    /// The value as the isolated run sees it.
    public func copy(_ value: Value) -> Value {
        switch value {
        case .native(let object):
            let id = ObjectIdentifier(object)
            if let done = natives[id] { return .native(done) }
            let copied = object.isolatedCopy() ?? object
            natives[id] = copied
            return .native(copied)
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

    /// The closure with its own cells, holding isolated copies of what it captured.
    public func copy(_ closure: Closure) -> Closure {
        let id = ObjectIdentifier(closure)
        if let done = closures[id] { return done }
        let cells = closure.capturedCells.map { _ in Cell(.nil, in: registry) }
        let copied = Closure(proto: closure.proto, upvalues: cells)
        closures[id] = copied  // before the cells: a def that captured itself refers to its copy
        for (cell, original) in zip(cells, closure.capturedCells) { cell.value = copy(original.value) }
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
