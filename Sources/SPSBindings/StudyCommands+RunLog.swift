import Foundation
import SPSLanguage
import SPSRunLog
import SPSTraining

// MARK: - Logging a study into the run log

extension StudyCommands {
    /// One study's entry in the run log: made when `repeat` has its jobs, told when each run starts and ends (off
    /// the workers' path: a `StudyLogger` writes in batches), and finished with the study's table.
    ///
    /// When the store cannot be opened or written, the study runs all the same: a note says why it is not logged.
    final class StudyLog: @unchecked Sendable {
        /// The sps version the log records.
        static let spsVersion = "0.1.0"

        let logger: StudyLogger
        let jobs: [Job]
        let gridNames: [String]
        let outcomes: [Outcome]
        let output: any OutputSink
        /// What identifies the study (script, seeds, grid, settings): a Slurm study's folder keeps it, so that
        /// `collect` adds runs only to this study.
        let fingerprint: String
        /// The table `repeat` returns, once it has one.
        var table: Table?
        var finished = false
        /// The Slurm job a `wait=false` study was submitted as: the study ends `submitted`, for `collect` to finish.
        var submittedAs: Int?
        /// Why the study is incomplete, when it is not Ctrl-C (`collect`: tasks that failed or did not come back).
        var incompleteBecause: String?
        /// Jobs the log already holds (an earlier `collect` of the same study): not logged again.
        var alreadyLogged: Set<Int> = []

        init(logger: StudyLogger, jobs: [Job], gridNames: [String], outcomes: [Outcome], output: any OutputSink,
             fingerprint: String) {
            self.logger = logger
            self.jobs = jobs
            self.gridNames = gridNames
            self.outcomes = outcomes
            self.output = output
            self.fingerprint = fingerprint
        }

        /// Starts logging a study into the session's run log (nil when it is off, or when the store fails: then a
        /// note says so and the study runs unlogged). With `resume`, the runs an earlier study of the same script,
        /// seeds and settings finished are taken from the log (their outcomes filled, as `resume=` with a table
        /// does) and the study goes on under that study's id.
        static func begin(_ args: Arguments, seeds: [Int], jobs: [Job], gridNames: [String], outcomes: [Outcome],
                          resume: Bool) throws(RuntimeError) -> StudyLog? {
            let interpreter = args.interpreter
            guard let session = interpreter.context.runLog else {
                if resume { throw RuntimeError("repeat: resume=true takes the finished runs from the run log, which this session does not keep; choose a store with runs store=\"path\"") }
                return nil
            }
            let opened: RunStore?
            do throws(RunLogError) {
                opened = try session.store()
            } catch {
                if resume { throw RuntimeError("repeat: resume=true cannot read the run log: \(error.message)") }
                interpreter.output.write("\(error.message); the study runs without being logged\n")
                return nil
            }
            guard let store = opened else {
                if resume { throw RuntimeError("repeat: resume=true takes the finished runs from the run log, which is off; choose a store with SPS_RUNS=path or runs store=\"path\"") }
                return nil
            }
            let source = Source(args.location)
            var grid: [GridAxis] = [], params: [NamedCell] = []
            for (name, value) in args.extraKeywords {
                if gridNames.contains(name) {
                    let values: [String] = if case .range(let r) = value { r.map { Value.number(Double($0)).repr } } else { (value.elements ?? [value]).map(\.repr) }
                    grid.append(GridAxis(name: name, values: values))
                } else {
                    params.append(NamedCell(name, storedCell(value)))
                }
            }
            let fingerprint = SHA256.hex([source.fingerprintText, seeds.map(String.init).joined(separator: ","),
                                          grid.map { "\($0.name)=\($0.values.joined(separator: "\u{1F}"))" }.joined(separator: "\u{1E}"),
                                          params.map { "\($0.name)=\($0.value)" }.joined(separator: "\u{1E}")].joined(separator: "\u{1D}"))
            let process = ProcessIdentity.current
            let commandLine = ProcessInfo.processInfo.arguments.joined(separator: " ")
            do throws(RunLogError) {
                var studyID: Int64?
                if resume {
                    if let earlier = try store.latestStudy(fingerprint: fingerprint), let id = earlier.id {
                        let taken = try fill(outcomes, jobs: jobs, from: store.runs(RunQuery(study: id)))
                        try store.reopen(study: id, by: process, commandLine: commandLine)
                        studyID = id
                        interpreter.output.write("repeat: resuming study \(id) of the run log: \(taken) of \(jobs.count) runs are done there; \(jobs.count - taken) run now\n")
                    } else {
                        interpreter.output.write("repeat: resume=true: the run log has no earlier study of this script with these seeds and settings; all \(jobs.count) runs run\n")
                    }
                }
                if studyID == nil {
                    let study = try store.insert(StudyRecord(
                        command: source.command, grid: grid, params: params, seeds: seeds, scriptName: source.name,
                        scriptText: source.text, scriptHash: SHA256.hex(source.text), fingerprint: fingerprint,
                        spsVersion: spsVersion, commandLine: commandLine, host: process.host, pid: process.pid,
                        processStart: process.start, started: Date().timeIntervalSince1970, runCount: jobs.count))
                    studyID = study.id
                }
                guard let studyID else { return nil }
                return StudyLog(logger: StudyLogger(store: store, studyID: studyID), jobs: jobs, gridNames: gridNames,
                                outcomes: outcomes, output: interpreter.output, fingerprint: fingerprint)
            } catch {
                if resume { throw RuntimeError("repeat: resume=true cannot read the run log: \(error.message)") }
                interpreter.output.write("\(error.message); the study runs without being logged\n")
                return nil
            }
        }

        /// Fills the outcomes of the jobs that `runs` (an earlier study's) finished or failed, latest attempt
        /// first; returns how many.
        static func fill(_ outcomes: [Outcome], jobs: [Job], from runs: [RunEntry]) -> Int {
            var taken = 0
            for entry in runs.reversed() where entry.run.status == .finished || entry.run.status == .failed {
                let job = entry.run.job
                guard jobs.indices.contains(job), jobs[job].seed == entry.run.seed, !outcomes[job].resumed else { continue }
                let outcome = outcomes[job]
                if entry.run.status == .failed {
                    outcome.failure = entry.run.message ?? "failed"
                } else {
                    outcome.record = entry.recorded.map { cell in
                        switch cell.value {
                        case .number(let x): (cell.name, Value.number(x))
                        case .text(let s): (cell.name, Value.string(s))
                        }
                    }
                }
                outcome.ran = true
                outcome.resumed = true
                taken += 1
            }
            return taken
        }

        /// Notes that job `index` started (on its worker: only a lock and an append).
        func started(_ index: Int) {
            let now = Date().timeIntervalSince1970
            let job = jobs[index]
            let grid = job.bindings.filter { gridNames.contains($0.0) }.map { NamedCell($0.0, storedCell($0.1)) }
            logger.started(RunStore.Start(job: index, seed: job.seed, grid: grid, time: now))
        }

        /// Notes that job `index` ended, with what it recorded and the history of its last training loop.
        func ended(_ index: Int, history: Table?) {
            let outcome = outcomes[index]
            let status: RunStatus = outcome.interrupted ? .interrupted : outcome.failure != nil ? .failed : .finished
            let recorded = status == .finished ? outcome.record.map { NamedCell($0.0, storedCell($0.1)) } : []
            logger.ended(RunStore.End(job: index, status: status, message: outcome.failure, recorded: recorded,
                                      history: history.map(storedTable), time: Date().timeIntervalSince1970))
        }

        /// Ends the study in the log (once): interrupted when some run did not run or was cut short, failed when
        /// `repeat` ended with an error before its table, else finished; a note if logging failed on the way.
        func finish() {
            guard !finished else { return }
            finished = true
            let incomplete = outcomes.contains { !$0.ran || $0.interrupted }
            var status: RunStatus = incomplete ? .interrupted : table == nil ? .failed : .finished
            var message: String? = switch status {
            case .interrupted: incompleteBecause ?? "stopped by Ctrl-C"
            case .failed: "repeat stopped with an error"
            default: nil
            }
            if incomplete, let job = submittedAs {
                status = .submitted
                message = "on Slurm as job \(job): collect \(job) adds its runs"
            }
            if let failure = logger.finish(status: status, message: message, table: table.map(storedTable)) {
                output.write("\(failure.message); the study's remaining runs are not in the log\n")
            }
        }
    }

    /// A value as the log keeps it: numbers, booleans and one-element tensors as numbers, strings as text, anything
    /// else as sps prints it.
    static func storedCell(_ value: Value) -> StoredCell {
        switch value {
        case .number(let x): .number(x)
        case .bool(let b): .number(b ? 1 : 0)
        case .string(let s): .text(s)
        case .tensor(let t) where t.count == 1: .number(Double.shortest(t.storage[0]))
        default: .text(value.repr)
        }
    }

    /// A table as the log keeps it.
    static func storedTable(_ table: Table) -> StoredTable {
        StoredTable(columns: table.columns.map { column in
            switch column.values {
            case .numbers(let v): StoredTable.Column(name: column.name, numbers: v)
            case .strings(let v): StoredTable.Column(name: column.name, texts: v)
            }
        })
    }

    /// The script a study came from: its name and text, and the statement that ran `repeat`.
    struct Source {
        var name = "<unknown>"
        var text = ""
        var command = "repeat"
        /// The script with the statement replaced by its call (`repeat …` without `name =`): what makes two studies
        /// the same whatever variable their tables go to.
        var sameStudyText = ""

        init(_ location: SourceLocation?) {
            guard let location else { return }
            name = location.file.name
            text = location.file.text
            command = text
            sameStudyText = text
            if case .success(let statements) = Parser.parse(location.file),
               let statement = statements.first(where: { $0.location.offset <= location.offset && location.offset < $0.end }) {
                command = location.file.text(from: statement.location.offset, to: statement.end)
                let call = command.replacingOccurrences(of: #"^\s*[A-Za-z_][A-Za-z0-9_]*\s*=(?!=)\s*"#, with: "", options: .regularExpression)
                sameStudyText = location.file.text(from: 0, to: statement.location.offset) + call
                    + location.file.text(from: statement.end, to: text.utf8.count)
            }
        }

        /// What identifies the study: the script as `sameStudyText`, without `resume=true` (or false), so that a
        /// study resumed is the same study.
        var fingerprintText: String {
            sameStudyText.replacingOccurrences(of: #"[ \t]*\bresume\s*=\s*(true|false)\b"#, with: "", options: .regularExpression)
        }
    }
}

extension SessionContext {
    /// Remembers `loop` as this run's last training loop, for the run log's per-epoch history; returns it. Only
    /// inside a `repeat` run, whose context (and with it the loop) is freed when the run ends.
    func remember(_ loop: LoopObject) -> LoopObject {
        if runDepth > 0 { lastLoopHistory = { loop.history } }
        return loop
    }
}
