import Testing
import SPSNumeric

/// Snapshots of summarised tensor printing (numpy/Julia style).
@Suite struct PrintingTests {
    @Test func smallIntegralMatrix() throws {
        let t = try Tensor(rows: [[1, 2], [30, 4]])
        #expect(t.description == """
        2×2 Tensor{Float32}:
          1   2
         30   4
        """)
    }

    @Test func fractionalVectorAndScalar() {
        #expect(Tensor([0.5, -1.25, 3]).description == """
        3-element Tensor{Float32}:
          0.5000  -1.2500   3.0000
        """)
        #expect(Tensor(scalar: 2).description == "2")
        #expect(Tensor(scalar: 2.5).description == "2.5")
    }

    @Test func largeMatrixShowsOnlyItsEdges() throws {
        let t = try Tensor(shape: [100, 12], storage: (0..<1200).map(Float.init))
        #expect(t.description == """
        100×12 Tensor{Float32}:
            0     1     2     3  …     8     9    10    11
           12    13    14    15  …    20    21    22    23
           24    25    26    27  …    32    33    34    35
           36    37    38    39  …    44    45    46    47
            ⋮     ⋮     ⋮     ⋮  ⋱     ⋮     ⋮     ⋮     ⋮
         1152  1153  1154  1155  …  1160  1161  1162  1163
         1164  1165  1166  1167  …  1172  1173  1174  1175
         1176  1177  1178  1179  …  1184  1185  1186  1187
         1188  1189  1190  1191  …  1196  1197  1198  1199
        """)
    }

    @Test func hugeTensorPrintsQuickly() {
        // Ten million elements print as a summary of a few lines.
        let t = Tensor.zeros([10_000_000])
        #expect(t.description.split(separator: "\n").count == 2)
    }

    @Test func specialValuesAndScientificNotation() {
        #expect(Tensor([Float.nan, .infinity, 1]).description.hasSuffix("NaN  Inf    1"))
        #expect(Tensor([1e-6, 2]).description.contains("1.0000e-06"))
    }
}

/// Tensors inside lists and records: one-line constructor form when small, header and grid otherwise.
@Suite struct InlineTensorPrintingTests {
    @Test func smallTensorsPrintOnOneLine() throws {
        #expect(Tensor([1, 2, 3]).inlineDescription == "tensor [1, 2, 3]")
        #expect(try Tensor(rows: [[0.5, -1.25], [3, 4]]).inlineDescription == "tensor [[0.5000, -1.2500], [3.0000, 4.0000]]")
        #expect(Tensor(scalar: 2.5).inlineDescription == "tensor 2.5")
    }

    @Test func largeTensorsHaveNoOneLineForm() throws {
        #expect(Tensor((0..<11).map(Float.init)).inlineDescription == nil)
        #expect(try Tensor(shape: [2, 2, 2], storage: (0..<8).map(Float.init)).inlineDescription == nil)
    }
}
