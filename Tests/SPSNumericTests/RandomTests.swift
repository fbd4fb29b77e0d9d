import Testing
import SPSNumeric

/// The generators against published reference outputs, determinism, and stream independence.
@Suite struct RandomTests {
    @Test func splitMixMatchesReferenceOutputs() {
        // Vigna's reference SplitMix64 with seed 1234567.
        var generator = SplitMix64(state: 1234567)
        let expected: [UInt64] = [6457827717110365317, 3203168211198807973, 9817491932198370423, 4593380528125082431, 16408922859458223821]
        #expect((0..<5).map { _ in generator.next() } == expected)
    }

    @Test func xoshiroMatchesAnIndependentImplementation() {
        // Computed by a separate Python implementation of xoshiro256** seeded through SplitMix64(42).
        var generator = Xoshiro256StarStar(seed: 42)
        let expected: [UInt64] = [1546998764402558742, 6990951692964543102, 12544586762248559009, 17057574109182124193, 18295552978065317476]
        #expect((0..<5).map { _ in generator.next() } == expected)
    }

    @Test func sameSeedGivesBitIdenticalStreams() {
        var a = RandomStream(seed: 7, purpose: .data), b = RandomStream(seed: 7, purpose: .data)
        for _ in 0..<1000 { #expect(a.nextNormal().bitPattern == b.nextNormal().bitPattern) }
    }

    @Test func purposesAndIndicesGiveDifferentStreams() {
        var streams = StreamPurpose.allCases.map { RandomStream(seed: 3, purpose: $0) }
        streams.append(RandomStream(seed: 3, purpose: .data, index: 1))
        streams.append(RandomStream(seed: 4, purpose: .data))
        let firsts = streams.indices.map { streams[$0].nextBits() }
        #expect(Set(firsts).count == firsts.count)
    }

    @Test func drawingFromOneStreamLeavesAnotherUnchanged() {
        // The point of purpose streams: an augmentation drawing numbers must not move the initial weights.
        var initialization = RandomStream(seed: 11, purpose: .initialization)
        let before = (0..<10).map { _ in initialization.nextUniform() }
        var augmentation = RandomStream(seed: 11, purpose: .augmentation)
        for _ in 0..<500 { _ = augmentation.nextNormal() }
        var again = RandomStream(seed: 11, purpose: .initialization)
        #expect((0..<10).map { _ in again.nextUniform() } == before)
    }

    @Test func streamsArePairwiseUncorrelated() {
        var a = RandomStream(seed: 0, purpose: .data), b = RandomStream(seed: 0, purpose: .shuffle)
        let n = 20_000
        var sum = 0.0
        for _ in 0..<n { sum += a.nextNormal() * b.nextNormal() }
        // The sample correlation of independent normals has standard deviation 1/sqrt(n) ≈ 0.007.
        #expect(abs(sum / Double(n)) < 0.035)
    }

    @Test func normalsHaveUnitMomentsAndNormalTails() {
        var rng = RandomStream(seed: 5, purpose: .user)
        let n = 100_000
        var values: [Double] = []
        values.reserveCapacity(n)
        for _ in 0..<n { values.append(rng.nextNormal()) }
        let mean = values.reduce(0, +) / Double(n)
        let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n - 1)
        #expect(abs(mean) < 0.015)          // 4.7 standard errors
        #expect(abs(variance - 1) < 0.02)   // 4.5 standard errors
        let beyondTwo = Double(values.filter { abs($0) > 2 }.count) / Double(n)
        #expect(abs(beyondTwo - 0.0455) < 0.004)
    }

    @Test func uniformsStayInRangeAndIntegersAreUnbiased() {
        var rng = RandomStream(seed: 9, purpose: .user)
        var counts = [Int](repeating: 0, count: 3)
        for _ in 0..<30_000 {
            let u = rng.nextUniform()
            #expect(u >= 0 && u < 1)
            counts[rng.nextInt(below: 3)] += 1
        }
        for count in counts { #expect(abs(count - 10_000) < 400) }
    }

    @Test func shuffleIsAPermutation() {
        var rng = RandomStream(seed: 1, purpose: .shuffle)
        var values = Array(0..<100)
        rng.shuffle(&values)
        #expect(values.sorted() == Array(0..<100))
        #expect(values != Array(0..<100))
    }
}
