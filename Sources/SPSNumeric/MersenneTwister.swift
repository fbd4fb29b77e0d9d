/// MT19937, the Mersenne Twister of Matsumoto and Nishimura (1998), seeded as CPython's `random` module seeds it.
///
/// sps's own streams use xoshiro256** (`RandomStream`); this generator exists to reproduce numbers that published
/// scripts drew with Python's `random`, such as InvarianceUnitTests' hyperparameter draws. `random.seed(n)` for an
/// integer n uses `init_by_array` with the 32-bit words of |n| (least significant first; `[0]` for 0), and
/// `random.random()` joins the top 27 and 26 bits of two outputs into a 53-bit fraction.
public struct MersenneTwister: Sendable {
    private static let n = 624, m = 397
    private var state = [UInt32](repeating: 0, count: 624)
    private var index = 625

    /// The generator `random.seed(seed)` gives in CPython (for an integer seed; a negative one counts as |seed|).
    public init(pythonSeed seed: Int64) {
        var magnitude = seed.magnitude
        var key: [UInt32] = []
        repeat {
            key.append(UInt32(truncatingIfNeeded: magnitude))
            magnitude >>= 32
        } while magnitude != 0
        initialize(by: key)
    }

    /// The reference `init_genrand`: fills the state from one 32-bit seed.
    private mutating func initialize(seed: UInt32) {
        state[0] = seed
        for i in 1..<Self.n {
            state[i] = 1_812_433_253 &* (state[i - 1] ^ (state[i - 1] >> 30)) &+ UInt32(i)
        }
        index = Self.n
    }

    /// The reference `init_by_array`: mixes a key of 32-bit words into the state.
    private mutating func initialize(by key: [UInt32]) {
        initialize(seed: 19_650_218)
        var i = 1, j = 0
        for _ in 0..<max(Self.n, key.count) {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_664_525)) &+ key[j] &+ UInt32(j)
            i += 1; j += 1
            if i >= Self.n { state[0] = state[Self.n - 1]; i = 1 }
            if j >= key.count { j = 0 }
        }
        for _ in 0..<(Self.n - 1) {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_566_083_941)) &- UInt32(i)
            i += 1
            if i >= Self.n { state[0] = state[Self.n - 1]; i = 1 }
        }
        state[0] = 0x8000_0000  // the most significant bit is 1, so the state is never all zero
    }

    /// The next 32 tempered bits (`genrand_uint32`).
    public mutating func next32() -> UInt32 {
        if index >= Self.n { twist() }
        var y = state[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    /// A Double in [0, 1) with 53 random bits, as CPython's `random.random()` makes it.
    public mutating func nextUniform() -> Double {
        let a = Double(next32() >> 5), b = Double(next32() >> 6)
        return (a * 67_108_864 + b) * (1 / 9_007_199_254_740_992)
    }

    /// Regenerates the 624 words of state.
    private mutating func twist() {
        for k in 0..<Self.n {
            let y = (state[k] & 0x8000_0000) | (state[(k + 1) % Self.n] & 0x7FFF_FFFF)
            state[k] = state[(k + Self.m) % Self.n] ^ (y >> 1) ^ ((y & 1) == 0 ? 0 : 0x9908_B0DF)
        }
        index = 0
    }
}
