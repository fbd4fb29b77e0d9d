import Testing
import SPSNumeric
@testable import SPSTraining

/// Classification metrics, DomainBed's model selection methods, and results reports (issue 19).
@Suite struct ModelSelectionTests {
    // MARK: - Classification metrics

    /// One logit per row: positive predicts class 1; a label above 0.5 is class 1; NaN is never a hit.
    @Test func binaryAccuracyCountsPositiveLogitsAsClassOne() throws {
        let logits = Tensor([2, -1, 0, 0.5, .nan]), labels = Tensor([1, 0, 1, -1, 0])
        // hits: 2→1 yes, -1→0 yes, 0→0 vs 1 no, 0.5→1 vs -1 (class 0) no, NaN no
        #expect(try Metric.accuracy.value(logits, labels) == 0.4)
        #expect(abs(try Metric.error_rate.value(logits, labels) - 0.6) < 1e-12)
    }

    /// Several scores per row: the argmax (first on ties) against class numbers; a label outside 0…k−1 is an error.
    @Test func multiclassAccuracyTakesTheArgmax() throws {
        let scores = try Tensor(shape: [3, 3], storage: [2, 0, -1, 0, 1, 1, 5, 5, 0])
        #expect(try Metric.accuracy.value(scores, Tensor([0, 2, 0])) == 2.0 / 3.0)
        #expect(throws: TensorError.self) { try Metric.accuracy.value(scores, Tensor([0, 3, 0])) }
        #expect(throws: TensorError.self) { try Metric.accuracy.value(scores, Tensor([0, 0.5, 0])) }
        #expect(throws: TensorError.self) { try Metric.accuracy.value(Tensor([1, 2]), Tensor([0, 1, 1])) }
    }

    /// The regression metrics are unchanged, and only accuracy and R² are better when larger.
    @Test func regressionMetricsAndDirections() throws {
        #expect(try Metric.mse.value(Tensor([1, 2]), Tensor([0, 0])) == 2.5)
        #expect(Metric.allCases.filter(\.higherIsBetter) == [.r2, .accuracy])
        #expect(Metric.allCases.filter(\.isClassification) == [.accuracy, .error_rate])
    }

    // MARK: - Model selection

    /// A study table: trial seeds 0 and 1, settings 0…2; val, oracle and test chosen so each method picks
    /// a different setting.
    static func study() throws -> Table {
        var t = Table([])
        for seed in 0..<2 {
            for draw in 0..<3 {
                let val = [0.2, 0.1, 0.3][draw], oracle = [0.5, 0.4, 0.05][draw]
                try t.append(row: [("seed", .number(Double(seed))), ("draw", .number(Double(draw))), ("val", .number(val)),
                                   ("oracle", .number(oracle)), ("test", .number(Double(10 * draw + seed)))])
            }
        }
        return t
    }

    @Test func trainingDomainAndOraclePickTheBestSettingPerTrial() throws {
        let picked = try ModelSelection(groupBy: ["seed"]).select(try Self.study(), methods: [.training, .oracle])
        #expect(picked.columnNames == ["method", "seed", "draw", "val", "test"])
        #expect(picked.column("method")?.values == .strings(["training", "training", "oracle", "oracle"]))
        #expect(picked.numbers("draw") == [1, 1, 2, 2])
        #expect(picked.numbers("test") == [10, 11, 20, 21])
        var maximizing = ModelSelection(groupBy: ["seed"])
        maximizing.higherIsBetter = true
        #expect(try maximizing.select(try Self.study(), methods: [.training]).numbers("draw") == [2, 2])
    }

    /// Leave-one-out: a setting's score is the mean over the environments left out; its test value comes from its
    /// run without one; a setting missing an environment is no candidate; rows leaving out the test env are ignored.
    @Test func leaveOneOutAveragesTheLeftOutEnvironments() throws {
        var t = Table([])
        // test env 0; environments 1 and 2 left out in turn. Setting 0: 0.1, 0.9 (mean 0.5); setting 1: 0.3, 0.3
        // (mean 0.3); setting 2: 0.0 but no run leaving out 2.
        let runs: [(Double, Double, Double, Double)] = [  // draw, val_env, val, test
            (0, -1, 9, 100), (0, 1, 0.1, .nan), (0, 2, 0.9, .nan),
            (1, -1, 9, 101), (1, 1, 0.3, .nan), (1, 2, 0.3, .nan), (1, 0, -5, .nan),
            (2, -1, 0, 102), (2, 1, 0.0, .nan),
        ]
        for (draw, env, val, test) in runs {
            try t.append(row: [("test_env", .number(0)), ("draw", .number(draw)), ("val_env", .number(env)),
                               ("val", .number(val)), ("test", .number(test))])
        }
        let picked = try ModelSelection(groupBy: ["test_env"]).select(t, methods: [.loo, .training])
        #expect(picked.numbers("draw") == [1, 2])
        #expect(picked.numbers("val") == [0.3, 0])
        #expect(picked.numbers("test") == [101, 102])
    }

    /// pool: a setting's score is its mean over the group's runs; every run of the chosen setting is listed with its seed.
    @Test func pooledSelectionAveragesOverDataSeeds() throws {
        var selection = ModelSelection(groupBy: [])
        selection.pool = true
        let picked = try selection.select(try Self.study(), methods: [.oracle])
        #expect(picked.columnNames == ["method", "seed", "draw", "val", "test"])
        #expect(picked.numbers("seed") == [0, 1])
        #expect(picked.numbers("draw") == [2, 2])
        #expect(picked.numbers("test") == [20, 21])
        // Seed 0 alone would pick setting 0; averaged with seed 1, setting 1 wins.
        var t = Table([])
        for (seed, draw, val) in [(0.0, 0.0, 0.1), (0, 1, 0.2), (1, 0, 0.9), (1, 1, 0.2)] {
            try t.append(row: [("seed", .number(seed)), ("draw", .number(draw)), ("val", .number(val)), ("test", .number(seed + 10 * draw))])
        }
        let pooled = try selection.select(t, methods: [.training])
        #expect(pooled.numbers("draw") == [1, 1])
        #expect(pooled.numbers("val")?.allSatisfy { abs($0 - 0.2) < 1e-12 } == true)
        #expect(pooled.numbers("test") == [10, 11])
    }

    /// Checkpoints: training picks each run's checkpoint with the best val, oracle its last checkpoint, and
    /// leave-one-out the step whose mean over the left-out environments is best (DomainBed's run_acc).
    @Test func checkpointsArePickedPerRunAsDomainBedDoes() throws {
        var t = Table([])
        // one trial; settings 0 and 1, steps 1…3. Setting 0's val is best at step 2 (0.2); setting 1's at step 3
        // (0.1), so training picks setting 1 at step 3. Oracle: the last step's oracle value, 0.6 vs 0.5 → setting 1.
        // Leave-one-out (environments 1 and 2 left out): setting 0 averages 0.15 at step 1; setting 1 never below
        // 0.4, so loo picks setting 0 at step 1.
        let rows: [(Double, Double, Double, Double, Double, Double)] = [  // draw, step, val_env, val, oracle, test
            (0, 1, -1, 0.5, 0.1, 101), (0, 2, -1, 0.2, 0.2, 102), (0, 3, -1, 0.4, 0.6, 103),
            (1, 1, -1, 0.9, 0.0, 111), (1, 2, -1, 0.8, 0.0, 112), (1, 3, -1, 0.1, 0.5, 113),
            (0, 1, 1, 0.1, .nan, .nan), (0, 2, 1, 0.9, .nan, .nan), (0, 1, 2, 0.2, .nan, .nan), (0, 2, 2, 0.9, .nan, .nan),
            (1, 1, 1, 0.4, .nan, .nan), (1, 2, 1, 0.5, .nan, .nan), (1, 1, 2, 0.6, .nan, .nan), (1, 2, 2, 0.5, .nan, .nan),
            // step 3 of setting 1 leaves out only environment 1, so it is no candidate for loo
            (1, 3, 1, 0.0, .nan, .nan),
        ]
        for (draw, step, env, val, oracle, test) in rows {
            try t.append(row: [("draw", .number(draw)), ("step", .number(step)), ("val_env", .number(env)),
                               ("val", .number(val)), ("oracle", .number(oracle)), ("test", .number(test))])
        }
        var selection = ModelSelection(groupBy: [])
        selection.checkpoint = "step"
        let picked = try selection.select(t, methods: [.training, .oracle, .loo])
        #expect(picked.columnNames == ["method", "draw", "step", "val", "test"])
        #expect(picked.column("method")?.values == .strings(["training", "oracle", "loo"]))
        #expect(picked.numbers("draw") == [1, 1, 0])
        #expect(picked.numbers("step") == [3, 3, 1])
        let vals = try #require(picked.numbers("val"))
        #expect(zip(vals, [0.1, 0.5, 0.15]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(picked.numbers("test") == [113, 113, 101])
        // Two rows of one run at one step are an error naming the step.
        try t.append(row: [("draw", .number(0)), ("step", .number(2)), ("val_env", .number(-1)), ("val", .number(0)),
                           ("oracle", .number(0)), ("test", .number(0))])
        #expect(throws: DataError("selection: two rows with draw=0 have step=2; add the column that tells their runs apart to by= (or pool=true to average them)")) {
            try selection.select(t, methods: [.training])
        }
        // A row without a checkpoint is an error too.
        try t.append(row: [("draw", .number(0)), ("step", .number(.nan)), ("val_env", .number(-1)), ("val", .number(0)),
                           ("oracle", .number(0)), ("test", .number(0))])
        #expect(throws: DataError("selection: the checkpoint column 'step' has no value in row 16")) {
            try selection.select(t, methods: [.training])
        }
    }

    @Test func selectionErrorsNameTheProblem() throws {
        let t = try Self.study()
        // Without seed in by=, two runs of one setting fall in the one group.
        #expect(throws: DataError.self) { try ModelSelection(groupBy: []).select(t, methods: [.training]) }
        #expect(throws: DataError("selection: leave-one-out needs a column 'val_env' telling which training environment each run left out (negative for the run that leaves out only the test environment)")) {
            try ModelSelection(groupBy: ["seed"]).select(t, methods: [.loo])
        }
        var missing = ModelSelection(groupBy: ["seed"])
        missing.validation = "accuracy"
        #expect(throws: DataError.self) { try missing.select(t, methods: [.training]) }
    }

    // MARK: - Reports

    /// DomainBed's standard error: the standard deviation with n in the denominator, over √n.
    @Test func cellsHoldTheMeanAndDomainBedsStandardError() {
        let cell = ResultsReport.Cell([1, 2, 3])
        #expect(cell.mean == 2)
        #expect(abs(cell.error - (2.0 / 3.0).squareRoot() / 3.0.squareRoot()) < 1e-12)
        #expect(ResultsReport.Cell([4]).error == 0)
    }

    static func results() throws -> Table {
        var t = Table([])
        for (method, algorithm, dataset, test) in [("training", "erm", "a", 1.0), ("training", "erm", "a", 3.0), ("training", "irm", "a", 2.0),
                                                   ("training", "erm", "b_1", 0.5), ("oracle", "erm", "a", 0.25)] {
            try t.append(row: [("method", .string(method)), ("algorithm", .string(algorithm)), ("dataset", .string(dataset)), ("test", .number(test))])
        }
        return t
    }

    @Test func markdownReportHasASectionPerMethod() throws {
        let report = ResultsReport(rows: "algorithm", columns: "dataset", value: "test")
        let text = report.markdown(try report.sections(try Self.results()))
        #expect(text == """
        **Model selection: training-domain validation set**

        | algorithm | a | b_1 | Avg |
        | --- | ---: | ---: | ---: |
        | erm | 2.00 ± 0.71 | 0.50 ± 0.00 | 1.25 |
        | irm | 2.00 ± 0.00 | X | X |

        **Model selection: test-domain validation set (oracle)**

        | algorithm | a |
        | --- | ---: |
        | erm | 0.25 ± 0.00 |
        """)
    }

    @Test func latexReportEscapesLabelsAndScales() throws {
        var report = ResultsReport(rows: "algorithm", columns: "dataset", value: "test")
        report.digits = 1
        report.scale = 100
        report.average = false
        let text = report.latex(try report.sections(try Self.results()))
        #expect(text.contains("\\textbf{algorithm} & \\textbf{a} & \\textbf{b\\_1} \\\\"))
        #expect(text.contains("erm & 200.0 $\\pm$ 70.7 & 50.0 $\\pm$ 0.0 \\\\"))
        #expect(text.contains("% Model selection: test-domain validation set (oracle)"))
        #expect(text.hasPrefix("% Model selection: training-domain validation set\n\\begin{tabular}{lcc}\n\\toprule\n"))
    }

    @Test func reportTableAndMissingColumns() throws {
        let report = ResultsReport(rows: "algorithm", columns: "dataset", value: "test")
        let table = report.table(try report.sections(try Self.results()))
        #expect(table.columnNames == ["method", "algorithm", "a", "b_1", "Avg"])
        #expect(table.column("b_1")?.values == .strings(["0.50 ± 0.00", "X", "X"]))
        #expect(throws: DataError.self) { try ResultsReport(rows: "algo", columns: nil, value: "test").sections(try Self.results()) }
    }
}
