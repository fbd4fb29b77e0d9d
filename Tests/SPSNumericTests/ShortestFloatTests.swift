import Testing
import SPSNumeric

/// `Double.shortest`: Float32 values become numbers that print in their shortest form and convert back exactly.
@Suite struct ShortestFloatTests {
    @Test func printsTheFloatsShortestDecimal() {
        #expect(Double.shortest(Float(0.1)) == 0.1)
        #expect(Double.shortest(Float(-2.4337520599365234)).description == "-2.433752")
        #expect(Double.shortest(Float(6.7007269859313965)).description == "6.700727")
        #expect(Double.shortest(3) == 3)
        #expect(Double.shortest(-0.0).sign == .minus)
        #expect(Double.shortest(.infinity) == .infinity)
        #expect(Double.shortest(.nan).isNaN)
    }

    @Test func convertsBackToTheSameFloat() {
        var stream = RandomStream(seed: 7, key: "shortest-float-test")
        var samples: [Float] = [.leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude, 16_777_217, 1e-45, 3.4e38, 0.3]
        for _ in 0..<20_000 { samples.append(Float(bitPattern: UInt32(truncatingIfNeeded: stream.nextBits()))) }
        for x in samples where x.isFinite {
            let d = Double.shortest(x)
            #expect(Float(d) == x, "\(x) → \(d)")
            #expect(d.description.count <= Double(x).description.count, "\(x) → \(d)")
        }
    }

    @Test func measuredQuantitiesKeepFloat32Precision() {
        #expect(Double.atFloat32Precision(0.27172790563106536).description == "0.27172792")
        #expect(Double.atFloat32Precision(1e300) == 1e300)
        #expect(Double.atFloat32Precision(.nan).isNaN)
        #expect(Double.atFloat32Precision(5) == 5)
    }
}
