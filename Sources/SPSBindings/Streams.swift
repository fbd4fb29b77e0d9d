import SPSLanguage
import SPSNumeric

/// Random streams for the training commands, derived from the session's seed by purpose and use.
///
/// The n-th command since the last `seed` that needs, say, initial weights gets the `initialization` stream
/// with index n. So adding an augmentation (which draws from `augmentation`) leaves the data, the initial
/// weights and the batch order exactly as they were, and `seed 0` replays a session exactly.
extension Interpreter {
    /// The next stream for `purpose`.
    func nextStream(_ purpose: StreamPurpose) -> RandomStream {
        let index = context.streamUses[purpose, default: 0]
        context.streamUses[purpose] = index + 1
        return RandomStream(seed: seed, purpose: purpose, index: index)
    }

    /// The next 64-bit seed for a component that derives its own streams (a training loop).
    func nextSeed(_ purpose: StreamPurpose) -> UInt64 {
        var stream = nextStream(purpose)
        return stream.nextBits()
    }

    /// Forgets every stream's use count (after `seed`).
    func resetStreams() {
        context.streamUses = [:]
    }

    /// The name of a global variable holding exactly this object, for labelling (`eval=[iid, ood]`).
    package func variableName(of object: AnyObject) -> String? {
        variables.first { name, value in
            if case .native(let o) = value { return o === object && !name.hasPrefix("_") }
            return false
        }?.0
    }
}
