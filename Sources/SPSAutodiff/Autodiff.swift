import SPSNumeric
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Reverse-mode differentiation over the graph that recorded variables form.
///
/// One walk serves both uses: `gradients` returns the gradients of an output with respect to chosen variables as
/// values (PyTorch's `torch.autograd.grad`), and `backward` adds the gradients of every parameter reached into
/// its `gradient` (PyTorch's `loss.backward()`), which is what an optimizer step reads. Only the part of the graph
/// between the output and the variables asked for is visited, in reverse topological order, each node once.
public enum Autodiff {
    /// The gradients of `output` with respect to each of `targets`.
    ///
    /// `output` must hold one element unless `seed` (the gradient with respect to the output, of its shape) is
    /// given. With `create` the gradients are themselves recorded, so they can be differentiated again. A target
    /// the output does not depend on is an error (naming its position) unless `allowUnused`, which gives zeros.
    public static func gradients(of output: Variable, wrt targets: [Variable], seed: Variable? = nil, create: Bool = false,
                                 allowUnused: Bool = false) throws(AutodiffError) -> [Variable] {
        let walk = nextWalk()
        // A backward rule may itself ask for gradients (a model's forward rebuilt for gradients of gradients): what
        // this walk marks on shared variables is put back when it ends.
        let previousTargets = targets.map { ($0.targetOf, $0.walkGradient) }
        for target in targets { target.targetOf = walk }
        var marks = Marks(saving: Walks.active)
        Walks.enter()
        defer {
            Walks.leave()
            marks.restore()
            for (target, previous) in zip(targets, previousTargets) { (target.targetOf, target.walkGradient) = previous }
        }
        try run(walk, from: output, seed: seed, create: create, accumulating: false, marks: &marks) { $0.targetOf == walk }
        var result: [Variable] = []
        for (position, target) in targets.enumerated() {
            if let g = target.walkGradient {
                result.append(g)
            } else if allowUnused {
                result.append(Variable(constant: Tensor.zeros(target.shape)))
            } else {
                throw AutodiffError("the value does not depend on target \(position + 1)\(target.name.isEmpty ? "" : " (\(target.name))")", unusedTarget: position)
            }
        }
        return result
    }

    /// Adds the gradient of `output` with respect to every parameter it depends on into that parameter's
    /// `gradient`.
    public static func backward(_ output: Variable, seed: Variable? = nil) throws(AutodiffError) {
        let walk = nextWalk()
        var marks = Marks(saving: Walks.active)
        Walks.enter()
        defer {
            Walks.leave()
            marks.restore()
        }
        try run(walk, from: output, seed: seed, create: false, accumulating: true, marks: &marks) { $0.node == nil }
        for u in marks.order {
            let failure: TensorError? = u._withUnsafeGuaranteedRef { leaf in
                guard leaf.node == nil, let g = leaf.walkGradient else { return nil }
                leaf.walkGradient = nil
                do throws(TensorError) { try leaf.accumulateGradient(g.value) } catch { return error }
                return nil
            }
            if let failure { throw AutodiffError(failure.message) }
        }
    }

    /// How many walks are running on this thread (one inside another's backward rule makes two).
    enum Walks {
        private static let key: pthread_key_t = {
            var key = pthread_key_t()
            pthread_key_create(&key, nil)
            return key
        }()

        /// True while a walk is running on this thread.
        static var active: Bool { pthread_getspecific(key) != nil }
        static func enter() { pthread_setspecific(key, UnsafeRawPointer(bitPattern: depth + 1)) }
        static func leave() { pthread_setspecific(key, depth > 1 ? UnsafeRawPointer(bitPattern: depth - 1) : nil) }
        private static var depth: Int { Int(bitPattern: pthread_getspecific(key)) }
    }

    /// A number no walk has used yet.
    static func nextWalk() -> Int { walkCounter.add(1, ordering: .relaxed).newValue }
    private static let walkCounter = Atomic<Int>(0)

    /// The variables one walk visited, each after everything it depends on, with the marks they had before it, so
    /// a walk nested in a backward rule leaves the marks of the walk around it as they were.
    struct Marks {
        /// The visited variables in topological order (unretained: the walk's output keeps them alive).
        var order: [Unmanaged<Variable>]
        /// The visited variables in the order first seen, with their marks before the walk.
        var seen: [Saved]

        /// True when the marks must be put back: this walk runs inside another one's backward rule. A walk with
        /// none around it (a training step) leaves its marks, which no later walk reads (each has its own number).
        let saving: Bool

        /// Room for a training step's small graph without growing.
        init(saving: Bool) {
            self.saving = saving
            order = []
            order.reserveCapacity(16)
            seen = []
            if saving { seen.reserveCapacity(16) }
        }

        /// Notes a variable's marks before the walk changes them.
        mutating func save(_ v: Variable) {
            if saving { seen.append(Saved(variable: v, walk: v.walk, leadsToTarget: v.leadsToTarget, gradient: v.walkGradient)) }
        }

        /// A visited variable and the marks it had.
        struct Saved {
            let variable: Variable
            let walk: Int
            let leadsToTarget: Bool
            let gradient: Variable?
        }

        /// Puts every visited variable's marks back.
        func restore() {
            for p in seen { (p.variable.walk, p.variable.leadsToTarget, p.variable.walkGradient) = (p.walk, p.leadsToTarget, p.gradient) }
        }
    }

    /// Walks the graph from `output` back to the variables `isTarget` accepts, leaving each target's gradient in its
    /// `walkGradient` (every other variable's is cleared), and the variables visited in `marks`.
    static func run(_ walk: Int, from output: Variable, seed: Variable?, create: Bool, accumulating: Bool,
                    marks: inout Marks, isTarget: (Variable) -> Bool) throws(AutodiffError) {
        guard output.requiresGrad else {
            throw AutodiffError("the value does not carry gradients: it was not computed from a parameter (make one with `param`)")
        }
        let start: Variable
        if let seed {
            guard seed.shape == output.shape else {
                throw AutodiffError("the seed gradient has shape \(Tensor.format(shape: seed.shape)) but the value has shape \(Tensor.format(shape: output.shape))")
            }
            start = seed
        } else {
            guard output.count == 1 else {
                throw AutodiffError("a gradient needs a single number (a loss); this value has shape \(Tensor.format(shape: output.shape)): reduce it with sum or mean first")
            }
            start = Variable(constant: Tensor.ones(output.shape))
        }
        topologicalOrder(from: output, walk: walk, into: &marks)
        // `output` keeps every variable of the order alive (through the nodes' inputs) for the whole walk, so the
        // order and the loops below hold them without counting references.
        try withExtendedLifetime(output) { () throws(AutodiffError) in
            // Which variables lead to a target: only those get gradients.
            for u in marks.order {
                u._withUnsafeGuaranteedRef { v in
                    v.walkGradient = nil
                    var leads = isTarget(v)
                    if !leads, let node = v.node {
                        for input in node.inputs where input.walk == walk && input.leadsToTarget {
                            leads = true
                            break
                        }
                    }
                    v.leadsToTarget = leads
                }
            }
            output.walkGradient = start
            for u in marks.order.reversed() {
                let failure = u._withUnsafeGuaranteedRef { v in
                    propagate(from: v, walk: walk, create: create, accumulating: accumulating, isTarget: isTarget)
                }
                if let failure { throw failure }
            }
        }
    }

    /// One step of the reverse sweep: passes `v`'s gradient through its operation's backward rule into the
    /// gradients of its inputs. Returns the error that stops the walk, if any (returned, not thrown, so the caller
    /// can hold `v` without counting a reference).
    private static func propagate(from v: Variable, walk: Int, create: Bool, accumulating: Bool,
                                  isTarget: (Variable) -> Bool) -> AutodiffError? {
        guard v.leadsToTarget, let g = v.walkGradient else { return nil }
        if !isTarget(v) { v.walkGradient = nil }
        guard let node = v.node else { return nil }
        let inputs = node.inputs
        var needed = Needed(count: inputs.count)
        var any = false
        for i in inputs.indices {
            let input = inputs[i]
            if input.requiresGrad && input.walk == walk && input.leadsToTarget {
                needed[i] = true
                any = true
            }
        }
        guard any else { return nil }
        for stamp in node.versions where inputs[stamp.input].version != stamp.version {
            let input = inputs[stamp.input]
            return AutodiffError("\(input.name.isEmpty ? "a value" : "'\(input.name)'") used by \(node.operation) was changed after \(node.operation) ran; compute the result again before asking for its gradient")
        }
        let context = BackwardContext(create: create, accumulating: accumulating, needed: needed)
        let inputGrads: [Variable?]
        do throws(TensorError) {
            if create {
                inputGrads = try Recording.on { () throws(TensorError) in try node.backward(g, inputs, v, context) }
            } else {
                // The rule sees the recorded inputs, but with recording off nothing it computes is recorded.
                inputGrads = try Recording.off { () throws(TensorError) in try node.backward(g, inputs, v, context) }
            }
        } catch {
            return AutodiffError("the gradient of \(node.operation) failed: \(error.message)")
        }
        for index in inputs.indices where needed[index] {
            guard index < inputGrads.count, let gi = inputGrads[index] else { continue }
            let input = inputs[index]
            guard gi.shape == input.shape || gi.count == input.count else {
                return AutodiffError("internal error: the gradient of \(node.operation) for input \(index + 1) has shape \(Tensor.format(shape: gi.shape)), the input \(Tensor.format(shape: input.shape))")
            }
            do throws(TensorError) {
                let shaped = gi.shape == input.shape ? gi : try gi.reshaped(input.shape)
                if let previous = input.walkGradient {
                    input.walkGradient = try previous + shaped
                } else {
                    input.walkGradient = shaped
                }
            } catch {
                return AutodiffError(error.message)
            }
        }
        return nil
    }

    /// The variables `output` depends on through recorded operations, each after everything it depends on
    /// (iterative depth-first search: graphs may be very deep), marked as visited by `walk`. The order holds them
    /// unretained: `output` keeps them alive.
    static func topologicalOrder(from output: Variable, walk: Int, into marks: inout Marks) {
        /// A variable on the search stack and the next of its inputs to visit.
        struct Frame {
            let variable: Unmanaged<Variable>
            var next: Int
        }
        var stack: [Frame] = []
        stack.reserveCapacity(16)
        stack.append(Frame(variable: .passUnretained(output), next: 0))
        marks.save(output)
        output.walk = walk
        withExtendedLifetime(output) {
            while var top = stack.popLast() {
                let input: Unmanaged<Variable>? = top.variable._withUnsafeGuaranteedRef { v in
                    guard let node = v.node, top.next < node.inputs.count else { return nil }
                    return .passUnretained(node.inputs[top.next])
                }
                guard let input else {
                    marks.order.append(top.variable)
                    continue
                }
                top.next += 1
                stack.append(top)
                input._withUnsafeGuaranteedRef { v in
                    if v.requiresGrad && v.walk != walk {
                        marks.save(v)
                        v.walk = walk
                        stack.append(Frame(variable: input, next: 0))
                    }
                }
            }
        }
    }

    /// `target += addend` for tensors of one shape (or one element count), in place.
    static func addInPlace(_ target: inout Tensor, _ addend: Tensor) throws(TensorError) {
        guard target.count == addend.count else {
            throw TensorError("cannot add a gradient of shape \(Tensor.format(shape: addend.shape)) to one of shape \(Tensor.format(shape: target.shape))")
        }
        addend.withUnsafeBufferPointer { a in
            target.withUnsafeMutableBufferPointer { t in
                for i in 0..<t.count { t[i] += a[i] }
            }
        }
    }
}
