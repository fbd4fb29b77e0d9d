import Foundation
import SPSBindings

/// `sps --slurm-worker FOLDER --slurm-task N`: one array task of a Slurm study (see `SlurmWorker`).
public enum SlurmWorkerSession {
    /// Replays the submitting session's entries in `session` until the study's `repeat` has written this task's
    /// results; returns the exit status (0 when the results are written, 1 when the task failed, with its reason
    /// in the results file for the submitting session to report, 70 when not even that could be written).
    public static func run(folder: String, task: Int, session: Session) -> Int32 {
        let worker: SlurmWorker
        do {
            worker = try SlurmWorker.begin(folder: folder, task: task)
        } catch {
            session.errorOutput.write("error: \(error.message)\n")
            return 70
        }
        session.errorOutput.write("sps slurm worker: task \(task) of \(worker.study.script) (runs \(worker.share.lowerBound + 1)-\(worker.share.upperBound)), replaying \(worker.study.entries.count) \(worker.study.entries.count == 1 ? "entry" : "entries")\n")
        for entry in worker.study.entries {
            _ = session.run(entry.text, name: entry.name)
            if worker.finished { return 0 }
            if worker.reached || session.quitRequested { break }
        }
        let reason: String
        if worker.reached, let error = session.lastError {
            reason = DiagnosticRenderer.render(error).split(separator: "\n").first.map(String.init) ?? error.message
        } else if session.quitRequested {
            reason = "the script stopped (quit) before it reached the study"
        } else {
            reason = "the replayed session ended before it reached the study (repeat number \(worker.study.ordinal) of the session); did the script change after it was submitted?"
        }
        session.errorOutput.write("error: \(reason)\n")
        if let note = worker.fail(reason) {
            session.errorOutput.write("error: \(note)\n")
            return 70
        }
        return 1
    }
}
