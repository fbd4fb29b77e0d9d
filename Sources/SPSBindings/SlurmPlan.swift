import Foundation

/// The pure parts of running a study on Slurm: how runs are grouped into array tasks, how a set of task ids is
/// written for `--array`, and the text of the job script. Nothing here touches a file or a process.
public enum SlurmPlan {
    /// The runs of each task: task `k` runs the jobs `k * perTask ..< min((k + 1) * perTask, runs)`, so the
    /// tasks together run every job once, in the study's order.
    public static func tasks(runs: Int, perTask: Int) -> [Range<Int>] {
        guard runs > 0, perTask > 0 else { return [] }
        return stride(from: 0, to: runs, by: perTask).map { $0 ..< min($0 + perTask, runs) }
    }

    /// The default number of runs per task: one task per run up to 100 runs, and at most 100 tasks beyond (a run
    /// takes milliseconds to seconds; a task costs the scheduler and a start of sps).
    public static func defaultPerTask(runs: Int) -> Int {
        max(1, (runs + 99) / 100)
    }

    /// Task ids as `--array` takes them: consecutive ids as ranges (`0-3,7,9-10`), then `%P` when at most `atOnce`
    /// may run at once.
    public static func arraySpec(_ ids: [Int], atOnce: Int? = nil) -> String {
        var parts: [String] = []
        var index = 0
        let sorted = Array(Set(ids)).sorted()
        while index < sorted.count {
            var end = index
            while end + 1 < sorted.count, sorted[end + 1] == sorted[end] + 1 { end += 1 }
            parts.append(end == index ? "\(sorted[index])" : "\(sorted[index])-\(sorted[end])")
            index = end + 1
        }
        return parts.joined(separator: ",") + (atOnce.map { "%\($0)" } ?? "")
    }

    /// The seeds of `runs`, as a report names them: `3, 4, 5` (at most `limit`, then `…`).
    public static func seedList(_ seeds: [Int], limit: Int = 12) -> String {
        let shown = seeds.prefix(limit).map(String.init).joined(separator: ", ")
        return seeds.count > limit ? shown + ", … (\(seeds.count) runs)" : shown
    }

    /// What the job script asks of Slurm (each is an `#SBATCH` line when given).
    public struct Request: Sendable, Equatable {
        /// The job's name (`--job-name`).
        public var name: String
        /// The tasks to run (`--array`, e.g. `0-3%2`).
        public var array: String
        /// CPUs per task (`--cpus-per-task`): the threads a task's runs use.
        public var cpus: Int
        /// `--partition`, `--time`, `--mem`, `--account` as written.
        public var partition: String?
        public var time: String?
        public var mem: String?
        public var account: String?
        /// Further `sbatch` options, one per line (`--qos=high`).
        public var extra: [String] = []

        /// A request for `array` under `name`.
        public init(name: String, array: String, cpus: Int = 1, partition: String? = nil, time: String? = nil,
                    mem: String? = nil, account: String? = nil, extra: [String] = []) {
            self.name = name
            self.array = array
            self.cpus = cpus
            self.partition = partition
            self.time = time
            self.mem = mem
            self.account = account
            self.extra = extra
        }
    }

    /// The job script: `#SBATCH` lines for `request`, each task's output in `folder/logs/task-N.out`, run from
    /// `workingDirectory` (relative paths in the script mean what they meant where it was submitted), and `sps`
    /// started as a worker on the task's share of the runs.
    public static func jobScript(_ request: Request, sps: String, folder: String, workingDirectory: String,
                                 study: String) -> String {
        var lines = ["#!/bin/bash",
                     "# Written by sps for the study \(oneLine(study)).",
                     "# Each array task runs sps as a worker on its share of the study's runs and writes them to",
                     "# \(folder)/results/task-N.json; the session that submitted it (or `collect`) makes the table.",
                     "# To submit it by hand: sbatch \(shellQuoted(folder + "/job.sh"))",
                     "#SBATCH --job-name=\(request.name)",
                     "#SBATCH --array=\(request.array)",
                     "#SBATCH --ntasks=1",
                     "#SBATCH --cpus-per-task=\(request.cpus)",
                     "#SBATCH --output=\(folder)/logs/task-%a.out",
                     "#SBATCH --chdir=\(workingDirectory)"]
        if let partition = request.partition { lines.append("#SBATCH --partition=\(partition)") }
        if let time = request.time { lines.append("#SBATCH --time=\(time)") }
        if let mem = request.mem { lines.append("#SBATCH --mem=\(mem)") }
        if let account = request.account { lines.append("#SBATCH --account=\(account)") }
        for option in request.extra { lines.append("#SBATCH \(option)") }
        lines.append("exec \(shellQuoted(sps)) --slurm-worker \(shellQuoted(folder)) --slurm-task \"$SLURM_ARRAY_TASK_ID\"")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` quoted for bash: as it is when it is made only of safe characters, else in single quotes.
    public static func shellQuoted(_ text: String) -> String {
        let safe = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+=:,@%")
        if !text.isEmpty, text.unicodeScalars.allSatisfy({ safe.contains($0) }) { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// A statement on one line (its first line, with `…` when it goes on), for a comment.
    static func oneLine(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard let first = lines.first else { return "repeat" }
        return "`" + first.trimmingCharacters(in: .whitespaces) + (lines.count > 1 ? " …" : "") + "`"
    }

    /// A Slurm job name made of the script's name: letters, digits, `-` and `_` only, at most 40 characters.
    /// At the prompt (`<stdin:3>`, `<command line>`) the name is `sps-session`, whichever entry the study is in.
    public static func jobName(script: String) -> String {
        guard !script.hasPrefix("<") else { return "sps-session" }
        let base = URL(fileURLWithPath: script).deletingPathExtension().lastPathComponent
        let cleaned = String(base.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" ? Character($0) : "_" })
        let trimmed = cleaned.trimmingCharacters(in: CharacterSet(charactersIn: "_"))
        return "sps-" + String((trimmed.isEmpty ? "study" : trimmed).prefix(36))
    }
}
