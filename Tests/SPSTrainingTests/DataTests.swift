import Foundation
import Testing
import SPSNumeric
import SPSTestSupport
@testable import SPSTraining

/// Dataset operations, CSV, augmentations, least squares and model files.
@Suite struct DataTests {
    func spurious(_ rows: Int, factor: Distribution = .constant(0.2), seed: UInt64 = 0) -> Dataset {
        var rng = RandomStream(seed: seed, purpose: .data)
        return SpuriousGenerator(factor: factor).generate(rows: rows, rng: &rng)
    }

    func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("sps-test-\(getpid())-\(name)").path
    }

    @Test func columnsRowsAndSelection() throws {
        let d = spurious(10)
        #expect(d.columnNames == ["x1", "x2", "x3", "y"])
        #expect(try d.column(named: "y") == d.target)
        #expect(try d.column(named: "x3").count == 10)
        #expect(throws: DataError("no column named 'x4'; the columns are x1, x2, x3, y")) { try d.column(named: "x4") }
        #expect(d.head(3).count == 3)
        let picked = try d.select(["x3", "x1"])
        #expect(picked.featureNames == ["x3", "x1"])
        #expect(try picked.column(named: "x1") == d.column(named: "x1"))
    }

    @Test func splitIsAPartitionAndSeeded() throws {
        let d = spurious(100)
        var a = RandomStream(seed: 1, purpose: .split), b = RandomStream(seed: 1, purpose: .split)
        let (train, test) = try d.split(fraction: 0.8, rng: &a)
        let (train2, _) = try d.split(fraction: 0.8, rng: &b)
        #expect(train.count == 80 && test.count == 20)
        #expect(train.target == train2.target)
        #expect((train.target.storage + test.target.storage).sorted() == d.target.storage.sorted())
        #expect(throws: DataError.self) { try d.split(fraction: 1.5, rng: &a) }
    }

    @Test func concatTagsEnvironments() throws {
        let both = try Dataset.concat([spurious(3), spurious(2, seed: 1)])
        #expect(both.count == 5)
        #expect(both.environment == [0, 0, 0, 1, 1])
    }

    @Test func standardizeUsesStatisticsFromOneSet() throws {
        let train = spurious(1000), other = spurious(1000, factor: .constant(0.1), seed: 3)
        let stats = Standardization(measuring: train)
        let scaled = try stats.apply(to: train)
        for name in scaled.featureNames {
            let s = Summary(try scaled.column(named: name).storage.map(Double.init))
            #expect(abs(s.mean) < 1e-5)
            #expect(abs(s.std - 1) < 1e-3)
        }
        // Applied to another set, x3 (with a stronger spurious factor) is not at unit scale.
        let otherScaled = try stats.apply(to: other)
        #expect(Summary(try otherScaled.column(named: "x3").storage.map(Double.init)).std > 1.5)
    }

    @Test func describeReportsStatisticsAndCorrelation() throws {
        let table = spurious(20_000).describe()
        #expect(table.columnNames == ["column", "count", "mean", "std", "min", "25%", "50%", "75%", "max", "corr_y"])
        let means = try #require(table.numbers("mean")), corr = try #require(table.numbers("corr_y"))
        #expect(abs(means[3] - 3) < 0.05)       // y has mean 3
        #expect(abs(corr[2] - 0.9713) < 0.005)  // x3's closed-form correlation at factor 0.2
        #expect(corr[3] == 1)
    }

    @Test func domainRandomizationDrawsCoverTheirRange() throws {
        // With f ~ U(0.02, 1) the ratio (x3 - noise) / y is 1/f; check x3/y spans the range implied.
        var rng = RandomStream(seed: 0, purpose: .data)
        var generator = SpuriousGenerator(factor: .uniform(low: 0.02, high: 1))
        generator.spuriousNoise = 0
        let d = generator.generate(rows: 20_000, rng: &rng)
        let f = zip(d.target.storage, try d.column(named: "x3").storage).map { Double($0) / Double($1) }
        #expect(f.min()! >= 0.02 - 1e-4 && f.max()! <= 1 + 1e-4)
        #expect(f.min()! < 0.03 && f.max()! > 0.99)
        #expect(abs(Summary(f).mean - 0.51) < 0.01)
    }

    @Test func augmentationsTouchOnlyTheirColumn() throws {
        let d = spurious(500)
        for augmentation in [Augmentation.noise(column: "x3", std: .constant(30), probability: 1),
                             .scale(column: "x3", by: .uniform(low: 0.5, high: 2), probability: 1),
                             .permute(column: "x3", probability: 1), .dropout(column: "x3", rate: 0.5, probability: 1)] {
            var rng = RandomStream(seed: 0, purpose: .augmentation)
            let out = try augmentation.resolve(features: d.featureNames).apply(to: d, rng: &rng)
            #expect(out.target == d.target, "\(augmentation)")
            #expect(try out.column(named: "x1") == d.column(named: "x1"))
            #expect(try out.column(named: "x2") == d.column(named: "x2"))
            #expect(try out.column(named: "x3") != d.column(named: "x3"), "\(augmentation)")
        }
        var rng = RandomStream(seed: 0, purpose: .augmentation)
        let permuted = try Augmentation.permute(column: "x3", probability: 1).resolve(features: d.featureNames).apply(to: d, rng: &rng)
        #expect(try permuted.column(named: "x3").storage.sorted() == d.column(named: "x3").storage.sorted())
        #expect(throws: DataError.self) { try Augmentation.noise(column: "x9", std: .constant(1), probability: 1).resolve(features: d.featureNames) }
    }

    @Test func leastSquaresRecoversTheGeneratingCoefficients() throws {
        var rng = RandomStream(seed: 0, purpose: .data)
        var generator = SpuriousGenerator()
        generator.spuriousNoise = 1e6  // drown x3 so the fit is y ≈ x1 + 2 x2 + 3
        let fit = try LeastSquaresFit(generator.generate(rows: 20_000, rng: &rng))
        #expect(abs(fit.weights[0] - 1) < 0.03 && abs(fit.weights[1] - 2) < 0.03 && abs(fit.intercept - 3) < 0.03)
        #expect(abs(fit.weights[2]) < 1e-3)
        let baseline = try LeastSquaresFit(spurious(5000))
        #expect(baseline.weights[2] > 0.1)  // on the baseline data the best linear fit leans on x3
    }

    @Test func csvRoundTripAndErrorsWithLineNumbers() throws {
        let path = temporaryPath("round.csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let d = spurious(50)
        try CSVFile.write(d, path: path)
        let back = try CSVFile.read(path: path, target: "y")
        #expect(back.featureNames == d.featureNames)
        #expect(back.features == d.features && back.target == d.target)

        #expect(throws: DataError("<csv>:3: expected 3 fields, got 2")) {
            try CSVFile.parse("a,b,y\n1,2,3\n4,5\n", target: "y")
        }
        #expect(throws: DataError("<csv>:4: column 'b' has 'x', which is not a number")) {
            try CSVFile.parse("a,b,y\n1,2,3\n\n4,x,6\n", target: "y")
        }
        let quoted = try CSVFile.parse("\"a, first\",y\n\"1\",2\n\n3,nan\n", target: "y")
        #expect(quoted.featureNames == ["a, first"] && quoted.count == 2 && quoted.target.storage[1].isNaN)
        #expect(throws: DataError.self) { try CSVFile.read(path: "/nonexistent/file.csv", target: "y") }
    }

    @Test func failedWritesLeaveExistingFilesIntact() throws {
        let path = temporaryPath("keep.txt")
        try "original".write(toFile: path, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: FileWriteError.self) { try AtomicFile.write("x", to: "/nonexistent-folder/out.csv") }
        try AtomicFile.write("replaced", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "replaced")
    }

    @Test func modelFilesRoundTripArchitectureAndWeights() throws {
        var rng = RandomStream(seed: 0, purpose: .initialization)
        let model = Sequential.mlp(sizes: [3, 5, 1], activation: .leakyrelu, rng: &rng)
        let path = temporaryPath("model.json")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ModelFile.save(model, path: path)
        let loaded = try ModelFile.load(path: path)
        #expect(loaded.description == model.description)
        for (a, b) in zip(loaded.parameters, model.parameters) { #expect(a.value == b.value) }
        #expect(throws: DataError.self) { try ModelFile.decode(Data("{\"format\": \"other\"}".utf8)) }
    }

    @Test func tablesWriteAsQuotedCSV() throws {
        let path = temporaryPath("table.csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let table = Table([Table.Column("name", strings: ["a, b", "say \"hi\""]), Table.Column("x", numbers: [1, 2.5])])
        try CSVFile.write(table, path: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "name,x\n\"a, b\",1.0\n\"say \"\"hi\"\"\",2.5\n")
    }

    @Test func tablesPrintAlignedAndTruncated() throws {
        var table = Table([Table.Column("epoch", numbers: [1, 2]), Table.Column("loss", numbers: [0.51234, 12.5])])
        try table.append(row: [("epoch", .number(3)), ("loss", .number(.nan)), ("note", .string("late"))])
        #expect(table.description == """
        epoch     loss  note
        ─────  ───────  ────
            1   0.5123
            2  12.5000
            3      NaN  late
        """)
        let long = Table([Table.Column("i", numbers: (0..<100).map(Double.init))])
        #expect(long.render(maxWidth: 80, maxRows: 5).split(separator: "\n").count == 8)
    }
}
