import SPSNumeric
#if canImport(Glibc)
import Glibc
#endif

/// A tensor that carries gradients: a trainable parameter (a leaf) or the result of differentiable operations
/// on parameters (a node of the graph that `Autodiff` walks backwards).
///
/// This is PyTorch's design reduced to what sps needs: a value records how it was computed only when one of its
/// inputs requires gradients, so plain tensor code pays nothing. A leaf's `gradient` accumulates what `backward`
/// finds (the optimizers read it); `Autodiff.gradients` returns gradients as values instead and changes nothing.
/// Backward rules are written with the same differentiable operations, so gradients of gradients work when asked
/// for (`create`).
public final class Variable: @unchecked Sendable {
    /// The current value. Optimizers change a leaf's value in place; call `markChanged()` after doing so.
    public var value: Tensor
    /// The gradient accumulated by `Autodiff.backward` since the last `zeroGradient` (leaves only; empty otherwise).
    public var gradient: Tensor {
        get { storedGradient ?? Variable.noGradient }
        set { storedGradient = newValue }
        _modify {
            if storedGradient == nil { storedGradient = Variable.noGradient }
            yield &storedGradient!
        }
    }
    /// A leaf's gradient; nil for every other value, so making an operation's result touches no shared tensor (its
    /// reference counts would be contended by the threads of a `repeat`).
    private var storedGradient: Tensor?
    /// A short name for printing and errors (`weight`, `bias`, `w`); empty for intermediate results.
    public let name: String
    /// True when gradients flow to this value: a parameter, or a result computed from one.
    public let requiresGrad: Bool
    /// How the value was computed; nil for leaves and constants.
    public internal(set) var node: Node?
    /// Bumped whenever a leaf's value changes in place, so a gradient computed through an older value is refused.
    public private(set) var version = 0

    // What one walk of `Autodiff` keeps on each variable it visits instead of in hash tables: valid while `walk`
    // equals that walk's number (a walk never shares its variables with another thread: a `repeat` run has its own).
    /// The number of the last walk that visited this variable.
    var walk = 0
    /// True when a target of that walk is reachable from here (only then does this variable get a gradient).
    var leadsToTarget = false
    /// The gradient with respect to this variable found so far by that walk.
    var walkGradient: Variable?
    /// The number of the walk of `Autodiff.gradients` that asks for this variable's gradient.
    var targetOf = 0

    /// Creates a trainable parameter (a leaf) with a zero gradient of the same shape.
    public init(name: String, value: Tensor) {
        self.name = name
        self.value = value
        self.storedGradient = Tensor.zeros(value.shape)
        self.requiresGrad = true
    }

    /// Creates a constant: a value that carries no gradient (a detached copy, or a gradient computed without
    /// `create`).
    public init(constant value: Tensor) {
        self.name = ""
        self.value = value
        self.requiresGrad = false
    }

    /// Creates the result of an operation.
    init(value: Tensor, node: Node) {
        self.name = ""
        self.value = value
        self.requiresGrad = true
        self.node = node
    }

    /// A graph tens of thousands of operations deep (a sum built in a loop) is freed without recursion: each
    /// variable this one alone keeps alive gives up its node before it is released.
    deinit {
        guard let first = node else { return }
        node = nil
        // A chain (each operation's result used once: a loss) is followed without the array, which only holds
        // the other branches of a tree.
        var pending: [Node] = []
        var current: Node? = first
        while let n = current {
            current = nil
            var inputs = n.takeInputs()
            while var input = inputs.popLast() {
                if isKnownUniquelyReferenced(&input), let inner = input.node {
                    input.node = nil
                    if current == nil { current = inner } else { pending.append(inner) }
                }
            }
            if current == nil { current = pending.popLast() }
        }
    }

    /// The empty gradient of a value that keeps none (what `gradient` reads for a value that is not a leaf).
    static let noGradient = Tensor.zeros([0])

    /// True for a parameter or constant (not computed by a recorded operation).
    public var isLeaf: Bool { node == nil }
    /// The number of scalar values.
    public var count: Int { value.count }
    /// The shape of the value.
    public var shape: [Int] { value.shape }

    /// The same value as a constant, carrying no gradient.
    public var detached: Variable { Variable(constant: value) }

    /// Sets the gradient to zero.
    public func zeroGradient() {
        guard storedGradient?.shape == value.shape else { storedGradient = Tensor.zeros(value.shape); return }
        storedGradient!.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    }

    /// Makes the gradient zeros of the value's shape unless it already has that shape (a leaf's gradient does;
    /// after `value` changed shape it does not).
    public func ensureGradient() {
        if storedGradient?.shape != value.shape { storedGradient = Tensor.zeros(value.shape) }
    }

    /// Adds `addend` (of this value's element count) into the gradient, making it zeros of the value's shape first
    /// if it has another shape.
    func accumulateGradient(_ addend: Tensor) throws(TensorError) {
        ensureGradient()
        try Autodiff.addInPlace(&storedGradient!, addend)
    }

    /// Records that the value was changed in place (an optimizer step, an assignment).
    public func markChanged() { version &+= 1 }

    /// The name of the operation that made this value, or nil for a leaf.
    public var operation: String? { node?.operation }
}

/// How one recorded value was computed: the operation's name, its inputs, and its backward rule.
public final class Node: @unchecked Sendable {
    /// The operation's name, as errors show it (`matmul`, `exp`).
    public let operation: String
    /// The inputs, in the order the backward rule returns their gradients.
    public private(set) var inputs: [Variable]
    /// The versions of the inputs that are params when the operation ran (by position; computed values never
    /// change in place, so only params are checked).
    let versions: [ParamVersion]
    /// The version of the param at one input position.
    struct ParamVersion {
        let input: Int
        let version: Int
    }
    /// Gradients with respect to the inputs, given the gradient with respect to the output.
    let backward: Backward

    init(_ operation: String, inputs: [Variable], backward: @escaping Backward) {
        self.operation = operation
        self.inputs = inputs
        var versions: [ParamVersion] = []
        for (i, input) in inputs.enumerated() where input.requiresGrad && input.node == nil {
            versions.append(ParamVersion(input: i, version: input.version))
        }
        self.versions = versions
        self.backward = backward
    }

    /// Gives up the inputs (while tearing a graph down).
    func takeInputs() -> [Variable] {
        defer { inputs = [] }
        return inputs
    }
}

/// A backward rule: the gradients with respect to an operation's inputs (nil where an input gets none), given the
/// gradient with respect to its output.
///
/// The rule sees the inputs and the output as `inputs` and `output`, not as values it captured: when gradients of
/// gradients are wanted they are the recorded variables themselves, so what the rule computes is recorded too;
/// otherwise they are constants and nothing is recorded. A rule is written with `Variable`'s differentiable
/// operations and captures only plain data (shapes, axes).
public typealias Backward = (_ grad: Variable, _ inputs: [Variable], _ output: Variable, _ context: BackwardContext) throws(TensorError) -> [Variable?]

/// What a backward rule may need to know about the pass it is part of.
public struct BackwardContext: Sendable {
    /// True when the gradients must themselves be differentiable (gradients of gradients).
    public let create: Bool
    /// True during `Autodiff.backward`, which adds leaf gradients into their `gradient` (a training step).
    public let accumulating: Bool
    /// Which inputs need a gradient; a rule may skip the others (return nil for them).
    public let needed: Needed
}

/// Which inputs of an operation need a gradient: a bit per input (no allocation for up to 64 inputs; an operation
/// joining more, such as `stack` of many tensors, keeps the rest in an array).
public struct Needed: RandomAccessCollection, Sendable {
    public let count: Int
    private var bits: UInt64 = 0
    private var more: [Bool] = []

    /// None of `count` inputs needed yet.
    init(count: Int) {
        self.count = count
        if count > 64 { more = [Bool](filling: false, count: count - 64) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> Bool {
        get { position < 64 ? bits & (1 << UInt64(position)) != 0 : more[position - 64] }
        set {
            if position < 64 {
                if newValue { bits |= 1 << UInt64(position) } else { bits &= ~(1 << UInt64(position)) }
            } else {
                more[position - 64] = newValue
            }
        }
    }
}

extension Variable {
    /// The result of an operation on `inputs`: recorded with its backward rule when any input requires gradients
    /// (and recording is not switched off on this thread, see `Recording`), a constant otherwise.
    public static func record(_ operation: String, _ value: Tensor, _ inputs: [Variable], _ backward: @escaping Backward) -> Variable {
        if Recording.isOff { return Variable(constant: value) }
        for input in inputs where input.requiresGrad {
            return Variable(value: value, node: Node(operation, inputs: inputs, backward: backward))
        }
        return Variable(constant: value)
    }
}

/// Whether operations on this thread record what they need for gradients (PyTorch's grad mode, `torch.no_grad`).
///
/// Off while a backward rule runs for a pass that does not create a graph: the rule then computes plain values
/// from the very inputs it was given, and nothing it makes is recorded. Per thread, so the runs of a `repeat`
/// never see each other's setting.
public enum Recording {
    /// The thread's flag: set (non-nil) while recording is off.
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// True while recording is off on this thread.
    public static var isOff: Bool { pthread_getspecific(key) != nil }

    /// Runs `body` with recording off on this thread.
    public static func off<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        let previous = pthread_getspecific(key)
        pthread_setspecific(key, UnsafeRawPointer(bitPattern: 1))
        defer { pthread_setspecific(key, previous) }
        return try body()
    }

    /// Runs `body` with recording on (inside `off`, for a rule that builds a graph on purpose).
    public static func on<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        let previous = pthread_getspecific(key)
        pthread_setspecific(key, nil)
        defer { pthread_setspecific(key, previous) }
        return try body()
    }
}
