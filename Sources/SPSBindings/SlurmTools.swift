import Dispatch
import Foundation
import SPSLanguage

/// Slurm's command-line tools (`sbatch`, `squeue`, `scancel`, `scontrol`), run as child processes: their status,
/// output and error output, with a time limit and the session's Ctrl-C honoured while they run.
enum SlurmTools {
    /// What a tool printed and how it ended.
    struct Result {
        var status: Int32
        var output: String
        var errors: String
        /// True when the time limit (or Ctrl-C) stopped it.
        var stopped = false

        /// The error output's lines without blanks, joined by `; `: what Slurm said.
        var reason: String {
            let lines = (errors + "\n" + (status == 0 ? "" : output)).split(separator: "\n")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return lines.isEmpty ? "exit status \(status)" : lines.joined(separator: "; ")
        }
    }

    /// The full path of `tool` on the `PATH`, or nil.
    static func find(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = folder + "/" + tool
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs `tool` with `arguments`, waiting at most `timeout` seconds (and stopping it at Ctrl-C when
    /// `interrupt` is given); throws when the tool is not installed or cannot start.
    static func run(_ tool: String, _ arguments: [String], timeout: Double = 60,
                    interrupt: InterruptFlag? = nil) throws(RuntimeError) -> Result {
        guard let executable = find(tool) else {
            throw RuntimeError("\(tool) is not on the PATH: on=\"slurm\" needs Slurm's commands (sbatch, squeue, scancel); run sps where they work, e.g. on the cluster's login node")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw RuntimeError("cannot start \(tool): \(error.localizedDescription)")
        }
        // The pipes are read while the tool runs, so a tool that prints much never blocks on a full pipe.
        final class Box: @unchecked Sendable { var data = Data() }
        let outBox = Box(), errBox = Box(), group = DispatchGroup()
        for (pipe, box) in [(out, outBox), (err, errBox)] {
            group.enter()
            DispatchQueue.global().async {
                box.data = pipe.fileHandleForReading.readDataToEndOfFile()
                group.leave()
            }
        }
        let deadline = Date().addingTimeInterval(timeout)
        var stopped = false
        while process.isRunning {
            if Date() > deadline || interrupt?.isRequested == true {
                process.terminate()
                stopped = true
                break
            }
            usleep(10_000)
        }
        process.waitUntilExit()
        group.wait()
        return Result(status: process.terminationStatus, output: String(decoding: outBox.data, as: UTF8.self),
                      errors: String(decoding: errBox.data, as: UTF8.self), stopped: stopped)
    }

    /// The state of each task of the array jobs `jobs` that Slurm still lists (pending, running, completing…),
    /// by job and task id; nil when `squeue` did not answer.
    static func queue(jobs: [Int]) -> [Int: [Int: String]]? {
        guard !jobs.isEmpty else { return [:] }
        // All of this user's jobs, so that a job Slurm has forgotten is no error.
        guard let result = try? run("squeue", ["--me", "--noheader", "--array", "--format=%F %K %T"], timeout: 30),
              result.status == 0, !result.stopped else { return nil }
        var states: [Int: [Int: String]] = [:]
        let wanted = Set(jobs)
        for line in result.output.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 3, let job = Int(fields[0]), wanted.contains(job) else { continue }
            let state = String(fields[2])
            for task in taskIDs(String(fields[1])) { states[job, default: [:]][task] = state }
        }
        return states
    }

    /// The task ids in squeue's `%K` field: `3`, or a pending array's `[2-5%2]`, `2,4`.
    static func taskIDs(_ field: String) -> [Int] {
        var text = field
        if let percent = text.firstIndex(of: "%") { text = String(text[..<percent]) }
        text = text.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        var ids: [Int] = []
        for part in text.split(separator: ",") {
            let bounds = part.split(separator: "-").compactMap { Int($0) }
            if bounds.count == 2, bounds[0] <= bounds[1] { ids.append(contentsOf: bounds[0]...bounds[1]) }
            else if bounds.count == 1 { ids.append(bounds[0]) }
        }
        return ids
    }

    /// How Slurm says task `task` of job `job` ended (`FAILED, exit code 1:0`), when it still remembers.
    static func ending(job: Int, task: Int) -> String? {
        guard let result = try? run("scontrol", ["--oneliner", "show", "job", "\(job)_\(task)"], timeout: 10),
              result.status == 0 else { return nil }
        func field(_ name: String) -> String? {
            guard let range = result.output.range(of: " \(name)=") else { return nil }
            return String(result.output[range.upperBound...].prefix { $0 != " " && $0 != "\n" })
        }
        guard let state = field("JobState") else { return nil }
        var text = state
        if let reason = field("Reason"), reason != "None" { text += " (\(reason))" }
        if let code = field("ExitCode"), code != "0:0" { text += ", exit code \(code)" }
        return text
    }
}
