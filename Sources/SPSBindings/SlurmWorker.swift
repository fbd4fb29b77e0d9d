import Foundation
import SPSLanguage
import SPSNumeric

/// One array task of a Slurm study, in the `sps --slurm-worker FOLDER --slurm-task N` process that runs it.
///
/// The worker replays the session that submitted the study (its entries, from `job.json`); the top-level `repeat`
/// whose place in the replay is the study's (`ordinal`) runs only this task's runs, writes them to
/// `results/task-N.json` and stops the replay. Other studies in the replay run as they did in the session, except
/// Slurm studies, whose tables are read from their folders (nothing is submitted from a worker).
public final class SlurmWorker: @unchecked Sendable {
    /// The study's folder.
    public let folder: String
    /// The task this process runs.
    public let task: Int
    /// The study, as the submitting session wrote it.
    public let study: SlurmFiles.Study
    /// Set once the study's `repeat` has started in the replay.
    public internal(set) var reached = false
    /// Set once this task's results are written: the replay stops.
    public internal(set) var finished = false
    let started = Date().timeIntervalSince1970

    init(folder: String, task: Int, study: SlurmFiles.Study) {
        self.folder = folder
        self.task = task
        self.study = study
    }

    static let current = Locked<SlurmWorker?>(nil)

    /// The worker of this process, when it is one.
    public static var active: SlurmWorker? { current.withLock { $0 } }

    /// Reads the study in `folder` and makes this process task `task`'s worker; returns the entries to replay.
    public static func begin(folder: String, task: Int) throws(RuntimeError) -> SlurmWorker {
        guard let study = try SlurmFiles.read(SlurmFiles.Study.self, from: folder + "/job.json") else {
            throw RuntimeError("slurm worker: no study in '\(folder)' (its job.json is missing)")
        }
        guard study.version == SlurmFiles.version else {
            throw RuntimeError("slurm worker: '\(folder)/job.json' was written by another version of sps (format \(study.version), this sps reads \(SlurmFiles.version))")
        }
        guard study.tasks.indices.contains(task) else {
            throw RuntimeError("slurm worker: the study in '\(folder)' has tasks 0-\(study.tasks.count - 1), not \(task)")
        }
        let worker = SlurmWorker(folder: folder, task: task, study: study)
        current.withLock { $0 = worker }
        return worker
    }

    /// The runs of this task (job indices of the study).
    public var share: Range<Int> { study.tasks[task] }

    /// Writes the task's failure (the session could not be rebuilt, or the study's statement failed), so that the
    /// submitting session reports it with the task's seeds; returns a note when even that cannot be written.
    public func fail(_ message: String) -> String? {
        let result = SlurmFiles.TaskResult(key: study.key, task: task, runs: [], error: message, host: Self.host)
        do throws(RuntimeError) {
            try SlurmFiles.write(result, to: folder + "/results/task-\(task).json")
            return nil
        } catch {
            return error.message
        }
    }

    /// This machine's name.
    static var host: String { ProcessInfo.processInfo.hostName }

    /// Called by each top-level `repeat` of the replay: this task's share when it is the study (after checking that
    /// it is the study that was submitted), nil for another study.
    func share(ordinal: Int, key: String, runs: Int) throws(RuntimeError) -> Range<Int>? {
        guard ordinal == study.ordinal else { return nil }
        reached = true
        guard key == study.key, runs == study.seeds.count else {
            throw RuntimeError("slurm worker: the study at this place of the replayed script is not the one submitted (\(runs) runs, key \(key.prefix(12)); submitted: \(study.seeds.count) runs, key \(study.key.prefix(12))); did the script change after it was submitted?")
        }
        return share
    }

    /// Writes the outcomes of this task's runs to `results/task-N.json` and marks the worker finished.
    func finish(jobs: [StudyCommands.Job], outcomes: [StudyCommands.Outcome]) throws(RuntimeError) {
        var runs: [SlurmFiles.Run] = []
        for index in share {
            let outcome = outcomes[index]
            guard outcome.ran, !outcome.interrupted else {
                throw RuntimeError("slurm worker: run \(index) (seed \(jobs[index].seed)) did not finish (stopped)")
            }
            var record: [SlurmFiles.Named] = []
            for (name, value) in outcome.record {
                guard let cell = SlurmFiles.Cell(value) else {
                    throw RuntimeError("record: \(name) must be a number or a string, got \(value.typeName)")
                }
                record.append(SlurmFiles.Named(name, cell))
            }
            runs.append(SlurmFiles.Run(job: index, seed: jobs[index].seed, failure: outcome.failure, record: record,
                                       output: outcome.output, history: outcome.history.map(SlurmFiles.columns),
                                       started: outcome.started, ended: outcome.ended))
        }
        let result = SlurmFiles.TaskResult(key: study.key, task: task, runs: runs, error: nil, host: Self.host)
        try SlurmFiles.write(result, to: folder + "/results/task-\(task).json")
        finished = true
    }
}
