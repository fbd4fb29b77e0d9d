import Foundation
import SPSLanguage
import SPSTraining
import Testing
@testable import SPSBindings
@testable import SPSShell

/// The parts of `repeat … on="slurm"` that need no cluster: grouping runs into tasks, the `--array` text, the job
/// script, lossless results, and the whole path from a written job folder through the real `sps` worker to the
/// table, with each task run as Slurm would run it (`bash job.sh` with `SLURM_ARRAY_TASK_ID` set).
@Suite("Slurm studies without a cluster")
struct SlurmTests {
    @Test func tasksCoverEveryRunOnceInOrder() {
        #expect(SlurmPlan.tasks(runs: 30, perTask: 8) == [0..<8, 8..<16, 16..<24, 24..<30])
        #expect(SlurmPlan.tasks(runs: 3, perTask: 10) == [0..<3])
        #expect(SlurmPlan.tasks(runs: 0, perTask: 4).isEmpty)
        for runs in [1, 7, 30, 101, 3000] {
            for perTask in [1, 3, 8, 1000, 5000] {
                let tasks = SlurmPlan.tasks(runs: runs, perTask: perTask)
                #expect(tasks.flatMap { Array($0) } == Array(0..<runs))
                #expect(tasks.count == (runs + perTask - 1) / perTask)
                #expect(tasks.allSatisfy { $0.count <= perTask && !$0.isEmpty })
            }
        }
        #expect(SlurmPlan.defaultPerTask(runs: 30) == 1)
        #expect(SlurmPlan.defaultPerTask(runs: 3000) == 30)
        #expect(SlurmPlan.tasks(runs: 100_000, perTask: SlurmPlan.defaultPerTask(runs: 100_000)).count == 100)
    }

    @Test func arraySpecsAreRangesThenTheLimit() {
        #expect(SlurmPlan.arraySpec([0, 1, 2, 3], atOnce: 2) == "0-3%2")
        #expect(SlurmPlan.arraySpec([2]) == "2")
        #expect(SlurmPlan.arraySpec([6, 0, 1, 3, 5, 5]) == "0-1,3,5-6")
        #expect(SlurmTools.taskIDs("[2-5%2]") == [2, 3, 4, 5])
        #expect(SlurmTools.taskIDs("7") == [7] && SlurmTools.taskIDs("[1,3-4]") == [1, 3, 4])
    }

    @Test func theJobScriptAsksForWhatWasGiven() {
        let request = SlurmPlan.Request(name: "sps-study", array: "0-3%2", cpus: 2, partition: "debug", time: "00:10:00",
                                        mem: "2G", account: "lab", extra: ["--qos=high"])
        let script = SlurmPlan.jobScript(request, sps: "/opt/sps/bin/sps", folder: "/shared/sps-slurm/study-0123456789ab",
                                         workingDirectory: "/home/me/my project", study: "t = repeat seeds=0..29 on=\"slurm\" {\n  record x=1\n}")
        #expect(script == """
            #!/bin/bash
            # Written by sps for the study `t = repeat seeds=0..29 on="slurm" { …`.
            # Each array task runs sps as a worker on its share of the study's runs and writes them to
            # /shared/sps-slurm/study-0123456789ab/results/task-N.json; the session that submitted it (or `collect`) makes the table.
            # To submit it by hand: sbatch /shared/sps-slurm/study-0123456789ab/job.sh
            #SBATCH --job-name=sps-study
            #SBATCH --array=0-3%2
            #SBATCH --ntasks=1
            #SBATCH --cpus-per-task=2
            #SBATCH --output=/shared/sps-slurm/study-0123456789ab/logs/task-%a.out
            #SBATCH --chdir=/home/me/my project
            #SBATCH --partition=debug
            #SBATCH --time=00:10:00
            #SBATCH --mem=2G
            #SBATCH --account=lab
            #SBATCH --qos=high
            exec /opt/sps/bin/sps --slurm-worker /shared/sps-slurm/study-0123456789ab --slurm-task "$SLURM_ARRAY_TASK_ID"

            """)
        #expect(SlurmPlan.shellQuoted("it's here") == "'it'\\''s here'")
        #expect(SlurmPlan.jobName(script: "<stdin:3>") == "sps-session")
        #expect(SlurmPlan.jobName(script: "/a/b/sweep v2.sps") == "sps-sweep_v2")
    }

    @Test func resultsKeepEveryBit() throws {
        let numbers: [Double] = [0.1, -0.0, .nan, Double(bitPattern: 0x7FF8_0000_DEAD_BEEF), .infinity, -.infinity,
                                 .leastNonzeroMagnitude, .greatestFiniteMagnitude, 1 / 3, Double(Float(0.1))]
        let run = SlurmFiles.Run(job: 3, seed: 42, failure: nil,
                                 record: numbers.enumerated().map { SlurmFiles.Named("x\($0.offset)", .number($0.element)) }
                                     + [SlurmFiles.Named("s", .string("naïve \"quoted\"\n")), SlurmFiles.Named("b", .bool(true))],
                                 output: "printed\n", history: [SlurmFiles.Column(name: "loss", numbers: [.number(0.25)], strings: nil)],
                                 started: 1.5, ended: 2.5)
        let text = try SlurmFiles.json(SlurmFiles.TaskResult(key: "k", task: 1, runs: [run], error: nil, host: "h"))
        let back = try JSONDecoder().decode(SlurmFiles.TaskResult.self, from: Data(text.utf8))
        let cells = back.runs[0].record.prefix(numbers.count).map { cell -> UInt64 in
            if case .number(let x) = cell.cell { x.bitPattern } else { 0 }
        }
        #expect(cells == numbers.map(\.bitPattern))
        #expect(back.runs[0].record.suffix(2) == run.record.suffix(2))
        #expect(back.runs[0].output == "printed\n" && back.runs[0].history == run.history)
    }

    // MARK: - The whole path, with the real sps as the worker

    static let study = """
        seed 0
        train = spurious n=200
        t = repeat seeds=0..29 sigma=[0, 10] SLURM {
          m = linear 3 1
          fit m train epochs=2 aug=(noise x3 std=sigma)
          if seed == 3 { print "run of seed 3, sigma {sigma}" }
          record loss=(rmse m train) w=m.weight[0, 2] tag="s" big=(seed > 20) one=(randn 1)
        }
        """

    /// Runs `script` (named `study.sps`) in a fresh session; its output, errors and the session. (Paths in the
    /// scripts are absolute: tests run in parallel in one process, which has one working folder.)
    static func run(_ script: String) -> (output: String, errors: String, session: Session) {
        let out = BufferSink(), err = BufferSink()
        let session = Session.standard(output: out, errors: err)
        _ = session.run(script, name: "study.sps")
        return (out.text, err.text, session)
    }

    /// Every cell of a table as its bits (numbers) or text: equal only when the tables are identical.
    static func bits(_ value: Value?) -> [[String]] {
        guard let table = (value?.object as? TableObject)?.table else { return [] }
        return table.columns.map { column in
            switch column.values {
            case .numbers(let v): [column.name] + v.map { String($0.bitPattern, radix: 16) }
            case .strings(let v): [column.name] + v
            }
        }
    }

    /// Runs task `task` of the job script in `folder` as Slurm would: `bash job.sh` with the task id set.
    static func runTask(_ task: Int, folder: String, from workingDirectory: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [folder + "/job.sh"]
        var environment = ProcessInfo.processInfo.environment
        environment["SLURM_ARRAY_TASK_ID"] = "\(task)"
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func aStudyRunByWorkersGivesTheLocalTableBitForBit() throws {
        guard let binary = RobustnessFileTests.spsBinary() else {
            Issue.record("no sps binary next to the tests (build it first)")
            return
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("sps-slurm-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }

        let local = Self.run(Self.study.replacingOccurrences(of: " SLURM", with: ""))
        #expect(local.errors.isEmpty)
        let expected = Self.bits(local.session.interpreter.global("t"))
        #expect(expected.first?.count == 61)

        // Written, not submitted: the job folder, with the script a task runs.
        let slurm = Self.study.replacingOccurrences(of: "SLURM", with: "on=\"slurm\" per_task=16 dry_run=true folder=\"\(work)/jobs\" sps=\"\(binary)\"")
        let written = Self.run(slurm)
        #expect(written.errors.isEmpty)
        #expect(written.output.contains("60 runs in 4 tasks of up to 16; --array=0-3); nothing was submitted"))
        let studies = try FileManager.default.contentsOfDirectory(atPath: work + "/jobs").filter { $0.hasPrefix("study-") }
        try #require(studies.count == 1)
        let folder = work + "/jobs/" + studies[0]

        // Three tasks run; the table is partial, and says which task and seeds are missing.
        for task in [0, 1, 3] { #expect(try Self.runTask(task, folder: folder, from: work) == 0) }
        let partial = Self.run("t = collect \"\(folder)\"")
        #expect(partial.errors.isEmpty)
        #expect(partial.output.contains("44 of 60 runs came back; the table holds 44 and is marked partial"))
        #expect(partial.output.contains("(tasks 2)"))
        #expect((partial.session.interpreter.global("t")?.object as? TableObject)?.note?.contains("tasks 2 missing") == true)

        // The last task runs; the collected table is the local one, and so is what the runs printed.
        #expect(try Self.runTask(2, folder: folder, from: work) == 0)
        let collected = Self.run("t = collect \"\(folder)\"")
        #expect(collected.errors.isEmpty)
        #expect(Self.bits(collected.session.interpreter.global("t")) == expected)
        #expect(collected.output == local.output)

        // The same repeat again finds every task done: nothing to submit, the same table.
        let again = Self.run(slurm.replacingOccurrences(of: " dry_run=true", with: ""))
        #expect(again.errors.isEmpty)
        #expect(Self.bits(again.session.interpreter.global("t")) == expected)
    }

    @Test func collectNamesWhatIsMissing() {
        let notAStudy = Self.run("t = collect \"/tmp/sps-no-such-slurm-study\"")
        #expect(notAStudy.errors.contains("study.sps:1:13: error: collect: '/tmp/sps-no-such-slurm-study' is not a Slurm study's folder (it has no job.json)"))
        let noJob = Self.run("t = collect 4711 folder=\"/tmp/sps-no-such-slurm-folder\"")
        #expect(noJob.errors.contains("collect: no Slurm study with job id 4711 in '/tmp/sps-no-such-slurm-folder'"))
    }

    @Test func aTaskWhoseScriptChangedFailsWithTheReason() throws {
        guard let binary = RobustnessFileTests.spsBinary() else {
            Issue.record("no sps binary next to the tests (build it first)")
            return
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("sps-slurm-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let script = "t = repeat seeds=0..3 on=\"slurm\" per_task=2 dry_run=true folder=\"\(work)/jobs\" sps=\"\(binary)\" {\n  record x=seed\n}"
        _ = Self.run(script)
        let studies = try FileManager.default.contentsOfDirectory(atPath: work + "/jobs").filter { $0.hasPrefix("study-") }
        try #require(studies.count == 1)
        let folder = work + "/jobs/" + studies[0]
        // The session the task replays no longer reaches a study.
        var study = try #require(try SlurmFiles.read(SlurmFiles.Study.self, from: folder + "/job.json"))
        study.entries = [SlurmFiles.Entry(name: "study.sps", text: "x = 1")]
        try SlurmFiles.write(study, to: folder + "/job.json")
        #expect(try Self.runTask(1, folder: folder, from: work) == 1)
        let collected = Self.run("t = collect \"\(folder)\"")
        #expect(collected.output.contains("repeat: task 1 (runs 3-4, seeds 2, 3) failed: the replayed session ended before it reached the study"))
    }
}
