/// xoshiro256**, the 64-bit generator of Blackman and Vigna (2018), seeded through SplitMix64.
///
/// Published at prng.di.unimi.it; period 2^256 − 1. The same seed gives the same sequence on every machine.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    @usableFromInline var s0, s1, s2, s3: UInt64

    /// Seeds the four state words from one 64-bit seed with SplitMix64, as the authors recommend.
    public init(seed: UInt64) {
        var sm = SplitMix64(state: seed)
        s0 = sm.next(); s1 = sm.next(); s2 = sm.next(); s3 = sm.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }  // the all-zero state is the one forbidden state
    }

    /// The next 64 random bits.
    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    @usableFromInline @inline(__always)
    func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny generator used to expand seeds and mix stream keys.
public struct SplitMix64: Sendable {
    public var state: UInt64

    public init(state: UInt64) { self.state = state }

    /// The next 64 mixed bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// What a random stream is for; each purpose gets its own independent stream from the global seed.
///
/// Deriving streams by purpose keeps experiments comparable: adding an augmentation draws from the
/// `augmentation` stream and leaves the initial weights (`initialization`) and batch order (`shuffle`) unchanged.
public enum StreamPurpose: String, Sendable, CaseIterable {
    case data, initialization, shuffle, augmentation, split, dropout, user
}

/// A seeded source of uniform and normal variates for one purpose.
///
/// The stream's generator is seeded with SplitMix64-mixing of (global seed, FNV-1a hash of the purpose's name,
/// index), so streams for different purposes or indices are statistically independent and stable across
/// versions and machines.
public struct RandomStream: Sendable {
    @usableFromInline var generator: Xoshiro256StarStar
    @usableFromInline var spareNormal: Double?

    /// Creates the stream for `purpose` (and sub-stream `index`, e.g. a run or a dataset number) from a seed.
    public init(seed: UInt64, purpose: StreamPurpose, index: UInt64 = 0) {
        self.init(seed: seed, key: purpose.rawValue, index: index)
    }

    /// Creates a stream keyed by any name (for user-defined purposes).
    public init(seed: UInt64, key: String, index: UInt64 = 0) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a 64-bit offset basis
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        var mixer = SplitMix64(state: seed ^ hash)
        let a = mixer.next()
        var mixer2 = SplitMix64(state: a ^ (index &* 0xD1B5_4A32_D192_ED03))
        generator = Xoshiro256StarStar(seed: mixer2.next())
    }

    /// The next 64 random bits.
    @inlinable
    public mutating func nextBits() -> UInt64 { generator.next() }

    /// A uniform Double in [0, 1) with 53 random bits.
    @inlinable
    public mutating func nextUniform() -> Double {
        Double(nextBits() >> 11) * 0x1.0p-53
    }

    /// A standard normal variate by the Marsaglia polar method (a rejection form of Box–Muller).
    ///
    /// Pairs of uniforms in the unit disc give two independent normals; the second is kept for the next call.
    public mutating func nextNormal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        while true {
            let u = 2 * nextUniform() - 1, v = 2 * nextUniform() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                let factor = (-2 * _log(s) / s).squareRoot()
                spareNormal = v * factor
                return u * factor
            }
        }
    }

    /// A uniform integer in `0..<bound` without modulo bias (Lemire's method).
    @inlinable
    public mutating func nextInt(below bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        let b = UInt64(bound)
        var product = nextBits().multipliedFullWidth(by: b)
        if product.low < b {
            let threshold = (0 &- b) % b
            while product.low < threshold { product = nextBits().multipliedFullWidth(by: b) }
        }
        return Int(product.high)
    }

    /// Shuffles `values` in place with Fisher–Yates, drawing from this stream.
    @inlinable
    public mutating func shuffle<T>(_ values: inout [T]) {
        var i = values.count - 1
        while i > 0 {
            let j = nextInt(below: i + 1)
            values.swapAt(i, j)
            i -= 1
        }
    }
}

#if canImport(Glibc)
import Glibc
@usableFromInline func _log(_ x: Double) -> Double { Glibc.log(x) }
#elseif canImport(Darwin)
import Darwin
@usableFromInline func _log(_ x: Double) -> Double { Darwin.log(x) }
#endif
