import Foundation
import SPSLanguage
import SPSNumeric
import SPSRunLog
import SPSTraining

// MARK: - repeat … on="slurm"

extension StudyCommands {
    /// The keywords of `repeat` that say where and how a study runs on Slurm (taken out of the grid and settings
    /// when `on="slurm"`).
    struct SlurmOptions {
        static let keywords: Set<String> = ["on", "per_task", "at_once", "partition", "time", "mem", "account", "cpus",
                                            "folder", "wait", "dry_run", "sps", "sbatch"]
        var perTask: Int?
        var atOnce: Int?
        var partition: String?
        var time: String?
        var mem: String?
        var account: String?
        var cpus = 1
        var folder = "sps-slurm"
        var wait = true
        var dryRun = false
        var sps: String?
        var sbatch: [String] = []
        /// Where the call is, and each keyword's value in it (for errors).
        var call: SourceLocation?
        var written: [String: SourceLocation] = [:]

        func location(_ name: String) -> SourceLocation? { written[name] ?? call }
    }

    /// Where a study runs: here (`on="local"`, the default) or as a Slurm job array; and which top-level study of the
    /// session it is (1 for the first; 0 inside a run).
    enum Placement {
        case local
        case slurm(SlurmOptions)
    }

    /// Takes `on=` (and with `on="slurm"` the Slurm keywords) out of `args`' extra keywords, and counts the study
    /// among the session's top-level studies.
    static func placement(_ args: inout Arguments) throws(RuntimeError) -> (Placement, ordinal: Int) {
        let context = args.interpreter.context
        var ordinal = 0
        if context.runDepth == 0 {
            context.topLevelRepeats += 1
            ordinal = context.topLevelRepeats
        }
        guard let on = args.extraKeywords.first(where: { $0.0 == "on" })?.1 else { return (.local, ordinal) }
        let written = keywordLocations(args.location)
        guard let place = on.string, place == "local" || place == "slurm" else {
            throw RuntimeError("repeat: on= takes \"local\" (this machine's cores, the default) or \"slurm\" (a Slurm job array), got \(on.quotedInMessage)", at: written["on"] ?? args.location)
        }
        if place == "local" {
            args.extraKeywords.removeAll { $0.0 == "on" }
            return (.local, ordinal)
        }
        guard context.runDepth == 0 else {
            throw RuntimeError("repeat: on=\"slurm\" submits a study of the session, not one inside a run of another repeat", at: written["on"] ?? args.location)
        }
        var options = SlurmOptions(call: args.location, written: written)
        for (name, value) in args.extraKeywords where SlurmOptions.keywords.contains(name) {
            let at = written[name] ?? args.location
            func positive() throws(RuntimeError) -> Int {
                guard let n = value.integer, n > 0 else { throw RuntimeError("repeat: \(name)= takes a whole number of at least 1, got \(value.quotedInMessage)", at: at) }
                return n
            }
            func text(_ example: String) throws(RuntimeError) -> String {
                if let s = value.string, !s.isEmpty, !s.contains("\n") { return s }
                if let n = value.integer, n > 0 { return String(n) }
                throw RuntimeError("repeat: \(name)= takes a string, e.g. \(name)=\(example), got \(value.quotedInMessage)", at: at)
            }
            func flag() throws(RuntimeError) -> Bool {
                guard case .bool(let b) = value else { throw RuntimeError("repeat: \(name)= takes true or false, got \(value.quotedInMessage)", at: at) }
                return b
            }
            switch name {
            case "per_task": options.perTask = try positive()
            case "at_once": options.atOnce = try positive()
            case "cpus": options.cpus = try positive()
            case "partition": options.partition = try text("\"gpu\"")
            case "time": options.time = try text("\"01:30:00\"")
            case "mem": options.mem = try text("\"4G\"")
            case "account": options.account = try text("\"mylab\"")
            case "folder": options.folder = try text("\"sps-slurm\"")
            case "sps": options.sps = try text("\"/shared/bin/sps\"")
            case "wait": options.wait = try flag()
            case "dry_run": options.dryRun = try flag()
            case "sbatch":
                let items = value.elements ?? [value]
                for item in items {
                    guard let option = item.string, option.hasPrefix("-"), !option.contains("\n") else {
                        throw RuntimeError("repeat: sbatch= takes sbatch options as strings, e.g. sbatch=[\"--qos=high\"], got \(item.quotedInMessage)", at: at)
                    }
                    options.sbatch.append(option)
                }
            default: break
            }
        }
        args.extraKeywords.removeAll { SlurmOptions.keywords.contains($0.0) }
        return (.slurm(options), ordinal)
    }

    /// Where each keyword argument of the `repeat` call at `call` is written (its value's start), read from the
    /// call's tokens: the keywords at the call's own bracket level, up to its block.
    static func keywordLocations(_ call: SourceLocation?) -> [String: SourceLocation] {
        guard let call else { return [:] }
        var lexer = Lexer(file: call.file)
        let tokens = lexer.tokenize()
        guard var index = tokens.firstIndex(where: { $0.offset >= call.offset }) else { return [:] }
        var found: [String: SourceLocation] = [:]
        var depth = 0
        while index + 2 < tokens.count {
            let token = tokens[index]
            switch token.kind {
            case .lparen, .lbracket: depth += 1
            case .rparen, .rbracket: depth -= 1
            case .lbrace where depth == 0, .newline where depth == 0, .eof: return found
            case .lbrace: depth += 1
            case .rbrace: depth -= 1
            case .name where depth == 0 && tokens[index + 1].kind == .assign:
                let value = tokens[index + 2]
                if found[token.text] == nil {
                    found[token.text] = SourceLocation(file: call.file, line: value.line, column: value.column, offset: value.offset)
                }
            default: break
            }
            if depth < 0 { return found }
            index += 1
        }
        return found
    }

    /// What identifies a Slurm study: the script's code (as the run log's fingerprint reads it, without comments),
    /// where in it the call is, the seeds, the grid, the settings and the runs per task. Its folder is named by it, so the same study
    /// submitted again finds the results of its finished tasks.
    static func slurmKey(_ args: Arguments, seeds: [Int], gridNames: [String], perTask: Int) -> String {
        var grid: [String] = [], params: [String] = []
        for (name, value) in args.extraKeywords {
            if gridNames.contains(name) {
                let values: [String] = if case .range(let r) = value { r.map { Value.number(Double($0)).repr } } else { (value.elements ?? [value]).map(\.repr) }
                grid.append("\(name)=\(values.joined(separator: "\u{1F}"))")
            } else {
                params.append("\(name)=\(storedCell(value))")
            }
        }
        let (code, place) = studyCode(args.location)
        return SHA256.hex([code, "\(place)", seeds.map(String.init).joined(separator: ","),
                           grid.joined(separator: "\u{1E}"), params.joined(separator: "\u{1E}"), "per_task=\(perTask)"]
                          .joined(separator: "\u{1D}"))
    }

    /// The code of the script a study is in up to the end of its call, as its tokens (so comments, spacing and what
    /// comes after the study do not count) without the variable the table goes to, `resume=` and the Slurm keywords
    /// of the call (so a study resubmitted with a longer `time=` or another `partition=` is the same study); and
    /// how many tokens come before the call.
    static func studyCode(_ call: SourceLocation?) -> (code: String, place: Int) {
        guard let call else { return ("", 0) }
        var lexer = Lexer(file: call.file)
        let tokens = lexer.tokenize()
        var dropped = Set<Int>()
        var last = tokens.count - 1
        if let at = tokens.firstIndex(where: { $0.offset >= call.offset }) {
            // `name =` before the call, at the start of its statement.
            if at >= 2, tokens[at - 1].kind == .assign, tokens[at - 2].kind == .name,
               at == 2 || tokens[at - 3].kind == .newline || tokens[at - 3].kind == .semicolon {
                dropped.formUnion([at - 2, at - 1])
            }
            var index = at + 1, depth = 0
            var skipping = false
            while index < tokens.count {
                let token = tokens[index]
                if depth == 0 && (token.kind == .newline || token.kind == .eof) {
                    last = index
                    break
                }
                if depth == 0 && token.kind == .lbrace {
                    // The block: the call ends at its closing brace.
                    var inner = 0
                    last = index
                    while last < tokens.count {
                        if tokens[last].kind == .lbrace { inner += 1 }
                        if tokens[last].kind == .rbrace { inner -= 1 }
                        if inner == 0 { break }
                        last += 1
                    }
                    break
                }
                if depth == 0, token.kind == .name, index + 1 < tokens.count, tokens[index + 1].kind == .assign {
                    skipping = SlurmOptions.keywords.contains(token.text) || token.text == "resume"
                }
                switch token.kind {
                case .lparen, .lbracket, .lbrace: depth += 1
                case .rparen, .rbracket, .rbrace: depth -= 1
                default: break
                }
                if depth < 0 { break }
                if skipping { dropped.insert(index) }
                index += 1
            }
        }
        var code: [String] = [], place = 0
        for (index, token) in tokens.enumerated() where index <= last && token.kind != .newline && !dropped.contains(index) {
            code.append((token.spaceBefore ? " " : "") + token.text)
            if token.offset < call.offset { place += 1 }
        }
        return (code.joined(separator: "\u{1F}"), place)
    }

    /// Runs the study's jobs as a Slurm job array (or, in a worker's replay, reads the table it made from its
    /// folder), fills the outcomes from the tasks' results, and returns the table as a local study would.
    static func runOnSlurm(_ options: SlurmOptions, args: Arguments, ordinal: Int, seeds: [Int], jobs: [Job],
                           gridNames: [String], outcomes: [Outcome], log: StudyLog?) throws(RuntimeError) -> Value {
        let interpreter = args.interpreter
        let perTask = options.perTask ?? SlurmPlan.defaultPerTask(runs: jobs.count)
        let key = slurmKey(args, seeds: seeds, gridNames: gridNames, perTask: perTask)
        let source = Source(args.location)
        let cwd = FileManager.default.currentDirectoryPath
        var root = UserPath.expanded(options.folder)
        if !root.hasPrefix("/") { root = cwd + "/" + root }
        let folder = root + "/" + String(SlurmPlan.jobName(script: source.name).dropFirst(4)) + "-" + String(key.prefix(12))
        guard !folder.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" }) else {
            throw RuntimeError("repeat: the Slurm study's folder '\(folder)' has a space in its path, which #SBATCH lines cannot hold; choose another with folder=", at: options.location("folder"))
        }
        let study = SlurmFiles.Study(
            key: key, statement: source.command, script: source.name, entries: sessionEntries(args), ordinal: ordinal,
            workingDirectory: cwd, seeds: jobs.map(\.seed), gridNames: gridNames,
            grid: jobs.map { job in gridNames.map { name in job.bindings.first { $0.0 == name }.flatMap { SlurmFiles.Cell($0.1) } ?? .string("") } },
            perTask: perTask, cpus: options.cpus, atOnce: options.atOnce, wantHistory: log != nil)
        let tasks = study.tasks
        let shown = relative(folder, to: cwd)

        // In a worker's replay this study already ran (or runs) on the cluster: its table is what its folder holds.
        if SlurmWorker.active != nil {
            let collected = try SlurmCollector(folder: folder, study: study, interpreter: interpreter, shown: shown)
            collected.merge(into: outcomes, jobs: jobs, log: nil)
            return try slurmTable(collected, jobs: jobs, gridNames: gridNames, outcomes: outcomes, interpreter: interpreter, quiet: true)
        }

        for sub in [folder, folder + "/logs", folder + "/results", root + "/jobs"] { try makeFolder(sub) }
        let collector = try SlurmCollector(folder: folder, study: study, interpreter: interpreter, shown: shown)
        // Tasks whose every run is already in the table (resume=) need not run.
        let needed = tasks.indices.filter { task in !tasks[task].allSatisfy { outcomes[$0].resumed } }
        let inFlight = options.dryRun ? [:] : collector.inFlight()
        let missing = needed.filter { collector.results[$0] == nil && inFlight[$0] == nil }
        try SlurmFiles.write(study, to: folder + "/job.json")
        guard let spsPath = options.sps.map(UserPath.expanded) ?? spsExecutable() ?? (options.dryRun ? "sps" : nil) else {
            throw RuntimeError("repeat: on=\"slurm\" needs the path of sps on the cluster (this process is \(CommandLine.arguments.first ?? "not sps")); give it with sps=\"/shared/bin/sps\"", at: options.location("on"))
        }
        let request = SlurmPlan.Request(name: SlurmPlan.jobName(script: source.name), array: SlurmPlan.arraySpec(missing.isEmpty ? needed : missing, atOnce: options.atOnce),
                                        cpus: options.cpus, partition: options.partition, time: options.time, mem: options.mem,
                                        account: options.account, extra: options.sbatch)
        let script = SlurmPlan.jobScript(request, sps: spsPath, folder: folder, workingDirectory: cwd, study: source.command)
        do throws(FileWriteError) {
            try AtomicFile.write(script, to: folder + "/job.sh", newFileMode: 0o755)
        } catch {
            throw RuntimeError("repeat: \(error.message)", at: options.location("folder"))
        }
        let out = interpreter.output
        if options.dryRun {
            out.write("repeat: wrote \(shown)/job.sh (\(jobs.count) runs in \(tasks.count) \(tasks.count == 1 ? "task" : "tasks") of up to \(perTask); --array=\(request.array)); nothing was submitted\n")
            out.write("  submit it with: sbatch \(SlurmPlan.shellQuoted(shown + "/job.sh"))\n")
            out.write("  then make the table with: collect \"\(shown)\"\n")
            return .nil
        }
        var watched = inFlight
        if !missing.isEmpty {
            let job = try submit(folder: folder, tasks: missing, options: options, interpreter: interpreter)
            for task in missing { watched[task] = job }
            try collector.recordSubmission(job: job, tasks: missing)
            let reused = needed.count - missing.count
            out.write("repeat: submitted Slurm job \(job): \(jobs.count) runs in \(tasks.count) \(tasks.count == 1 ? "task" : "tasks") of up to \(perTask)"
                      + (reused > 0 ? " (\(missing.count) to run; \(reused) done or running already)" : "") + " — \(shown)\n")
            if !options.wait {
                if let log { try linkRunLog(log, folder: folder, job: job, interpreter: interpreter) }
                out.write("  it runs without this session; make the table with: collect \(job)   (or run this repeat again)\n")
                return .number(Double(job))
            }
        } else if !watched.isEmpty {
            let jobsText = Set(watched.values).sorted().map(String.init).joined(separator: ", ")
            out.write("repeat: \(watched.count) of \(tasks.count) tasks are still in Slurm's queue (job \(jobsText)); waiting for them — \(shown)\n")
            if !options.wait { return .number(Double(watched.values.max() ?? 0)) }
        }
        collector.watch(watched, total: jobs.count, cancelOnInterrupt: true)
        collector.merge(into: outcomes, jobs: jobs, log: log)
        return try slurmTable(collector, jobs: jobs, gridNames: gridNames, outcomes: outcomes, interpreter: interpreter, quiet: false)
    }

    /// The table of a Slurm study from its merged outcomes, with what failed reported and a note when it is partial.
    static func slurmTable(_ collector: SlurmCollector, jobs: [Job], gridNames: [String], outcomes: [Outcome],
                           interpreter: Interpreter, quiet: Bool) throws(RuntimeError) -> Value {
        let (table, rows, failures) = try studyTable(jobs: jobs, gridNames: gridNames, outcomes: outcomes, interpreter: interpreter)
        if let log = collector.log { log.table = table }
        let completed = outcomes.filter { $0.ran && !$0.interrupted }.count
        if completed < jobs.count {
            guard !quiet else { return .native(TableObject(table, note: "partial: \(rows) of \(jobs.count) runs")) }
            let report = collector.report(rows: rows, completed: completed, runs: jobs.count)
            interpreter.output.write(report.message)
            return .native(TableObject(table, note: report.note))
        } else if let first = failures.first, failures.count == jobs.count {
            throw RuntimeError("repeat: every run failed; the first: \(first)")
        }
        return .table(table)
    }

    /// The session to replay on the cluster: the entries the prompt (or the command line) ran, or else the script
    /// the call is in.
    static func sessionEntries(_ args: Arguments) -> [SlurmFiles.Entry] {
        if let entries = args.interpreter.context.sessionEntries?(), !entries.isEmpty {
            return entries.map { SlurmFiles.Entry(name: $0.name, text: $0.text) }
        }
        guard let file = args.location?.file else { return [] }
        return [SlurmFiles.Entry(name: file.name, text: file.text)]
    }

    /// This process's executable when it is sps (not a test runner), resolved.
    static func spsExecutable() -> String? {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
        return URL(fileURLWithPath: path).lastPathComponent == "sps" ? path : nil
    }

    /// `path` relative to `folder` when it is inside it.
    static func relative(_ path: String, to folder: String) -> String {
        path.hasPrefix(folder + "/") ? String(path.dropFirst(folder.count + 1)) : path
    }

    static func makeFolder(_ path: String) throws(RuntimeError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw RuntimeError("repeat: cannot make the Slurm study's folder '\(path)': \(error.localizedDescription)")
        }
    }

    /// Submits tasks `tasks` of the job script in `folder`; the job id, or Slurm's reason as an error pointed at the
    /// keyword it is about.
    static func submit(folder: String, tasks: [Int], options: SlurmOptions, interpreter: Interpreter) throws(RuntimeError) -> Int {
        let result = try SlurmTools.run("sbatch", ["--parsable", "--array=\(SlurmPlan.arraySpec(tasks, atOnce: options.atOnce))", folder + "/job.sh"],
                                        timeout: 120, interrupt: interpreter.interrupt)
        if result.stopped {
            throw RuntimeError(interpreter.interrupt.isRequested ? "repeat: stopped by Ctrl-C while sbatch was submitting; nothing is known to be submitted" : "repeat: sbatch did not answer in 120 s (is slurmctld running? is SLURM_CONF right?)", at: options.call)
        }
        guard result.status == 0, let job = Int(result.output.split(separator: ";").first?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") else {
            let reason = result.reason
            let lower = reason.lowercased()
            let about = ["partition", "time", "mem", "account", "cpus"].first { name in
                switch name {
                case "mem": lower.contains("memory") || lower.contains("--mem")
                case "cpus": lower.contains("cpu") || lower.contains("processor")
                default: lower.contains(name)
                }
            }
            let at = about.flatMap { options.written[$0 == "time" ? "time" : $0] } ?? options.call
            throw RuntimeError("repeat: Slurm refused the job: \(reason)", at: at)
        }
        return job
    }
}

// MARK: - Following a Slurm study

/// A Slurm study's folder seen from the session: the results its tasks wrote, what is still in Slurm's queue, the
/// wait (with the progress line, and Ctrl-C cancelling the array), and the report of the tasks that failed.
final class SlurmCollector {
    let folder: String
    let study: SlurmFiles.Study
    let interpreter: Interpreter
    /// The folder as messages show it.
    let shown: String
    /// The successful results, by task.
    var results: [Int: SlurmFiles.TaskResult] = [:]
    /// Why each task that ended without results failed.
    var failures: [Int: String] = [:]
    /// The array jobs of the tasks that failed.
    var failedJobs: [Int: Int] = [:]
    /// Set when Ctrl-C stopped the wait (and the array was cancelled).
    var cancelled: [Int] = []
    var log: StudyCommands.StudyLog?

    init(folder: String, study: SlurmFiles.Study, interpreter: Interpreter, shown: String) throws(RuntimeError) {
        self.folder = folder
        self.study = study
        self.interpreter = interpreter
        self.shown = shown
        for task in study.tasks.indices { try load(task) }
    }

    /// Reads task `task`'s results when they are there (and are this study's); true when they are.
    @discardableResult
    func load(_ task: Int) throws(RuntimeError) -> Bool {
        if results[task] != nil { return true }
        guard let result = try SlurmFiles.read(SlurmFiles.TaskResult.self, from: folder + "/results/task-\(task).json"),
              result.key == study.key else { return false }
        if let error = result.error {
            failures[task] = error
            return false
        }
        results[task] = result
        failures[task] = nil
        return true
    }

    /// The earlier submissions of this study.
    var submissions: [SlurmFiles.Submission] {
        ((try? SlurmFiles.read([SlurmFiles.Submission].self, from: folder + "/submitted.json")) ?? nil) ?? []
    }

    /// Notes a submission (and the job id's folder, for `collect JOBID`).
    func recordSubmission(job: Int, tasks: [Int]) throws(RuntimeError) {
        try SlurmFiles.write(submissions + [SlurmFiles.Submission(job: job, tasks: tasks, time: Date().timeIntervalSince1970)],
                             to: folder + "/submitted.json")
        do throws(FileWriteError) {
            try AtomicFile.write(folder + "\n", to: URL(fileURLWithPath: folder).deletingLastPathComponent().path + "/jobs/\(job)")
        } catch {
            throw RuntimeError("repeat: \(error.message)")
        }
    }

    /// The tasks without results that an earlier submission still has in Slurm's queue, with their job ids.
    func inFlight() -> [Int: Int] {
        let earlier = submissions
        guard !earlier.isEmpty, let queue = SlurmTools.queue(jobs: earlier.map(\.job)) else { return [:] }
        var found: [Int: Int] = [:]
        for submission in earlier {
            for task in submission.tasks where results[task] == nil && queue[submission.job]?[task] != nil {
                found[task] = submission.job
            }
        }
        return found
    }

    /// Waits until every task in `watched` (task → job id) has written its results or left Slurm's queue without
    /// them, showing the progress line; Ctrl-C cancels the watched jobs (`scancel`) when `cancelOnInterrupt`, or
    /// else only stops waiting.
    func watch(_ watched: [Int: Int], total: Int, cancelOnInterrupt: Bool) {
        guard !watched.isEmpty else { return }
        let reporter = interpreter.context.progress
        reporter?.begin()
        defer { reporter?.clear() }
        var open = Set(watched.keys)
        var absentSince: [Int: Date] = [:]
        var states: [Int: String] = [:]
        var lastQueue = Date.distantPast
        while !open.isEmpty {
            if interpreter.interrupt.isRequested {
                if cancelOnInterrupt {
                    let jobs = Set(open.compactMap { watched[$0] }).sorted()
                    _ = try? SlurmTools.run("scancel", jobs.map(String.init), timeout: 30)
                    cancelled = open.sorted()
                }
                return
            }
            for task in open where (try? load(task)) == true || failures[task] != nil {
                open.remove(task)
                if results[task] == nil { failedJobs[task] = watched[task] }
            }
            if Date().timeIntervalSince(lastQueue) >= 1, !open.isEmpty {
                lastQueue = Date()
                if let queue = SlurmTools.queue(jobs: Array(Set(watched.values))) {
                    for task in open {
                        if let job = watched[task], let state = queue[job]?[task] {
                            states[task] = state
                            absentSince[task] = nil
                        } else if let since = absentSince[task] {
                            // Gone from the queue for a while without results: it failed (the grace covers a
                            // shared file system that shows the results a moment late).
                            if Date().timeIntervalSince(since) > 3, (try? load(task)) != true {
                                let job = watched[task] ?? 0
                                let ending = SlurmTools.ending(job: job, task: task)
                                failures[task] = failures[task] ?? "ended without writing its results" + (ending.map { ": \($0)" } ?? "") + lastLogLine(task)
                                failedJobs[task] = job
                                open.remove(task)
                            }
                        } else {
                            absentSince[task] = Date()
                            states[task] = "ENDING"
                        }
                    }
                }
            }
            if let reporter {
                let tasks = study.tasks
                let done = results.keys.reduce(0) { $0 + tasks[$1].count }
                let running = open.filter { ["RUNNING", "COMPLETING", "CONFIGURING", "ENDING"].contains(states[$0] ?? "") }.count
                let failed = watched.keys.filter { failures[$0] != nil }.count
                var progress = TrainingProgress.runs(done: done, total: total)
                progress.detail = "tasks: \(open.count - running) pending, \(running) running, \(watched.count - open.count - failed) done, \(failed) failed"
                reporter.update(progress)
            }
            usleep(200_000)
        }
    }

    /// Gives each task that was submitted, is not in Slurm's queue (`inFlight`) and has no results the reason it
    /// failed (how Slurm says it ended, and the last line of its log).
    func diagnose(besides inFlight: [Int: Int]) {
        for submission in submissions {
            for task in submission.tasks where results[task] == nil && inFlight[task] == nil && study.tasks.indices.contains(task) {
                failedJobs[task] = submission.job
                if let error = failures[task], !error.hasPrefix("ended without writing its results") { continue }
                let ending = SlurmTools.ending(job: submission.job, task: task)
                failures[task] = "ended without writing its results" + (ending.map { ": \($0)" } ?? "") + lastLogLine(task)
            }
        }
    }

    /// `; its log ends: …` with the last line of task `task`'s Slurm output, when there is one.
    func lastLogLine(_ task: Int) -> String {
        guard let text = try? String(contentsOfFile: folder + "/logs/task-\(task).out", encoding: .utf8) else { return "" }
        guard let last = text.split(separator: "\n").last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { return "" }
        return "; its log (\(shown)/logs/task-\(task).out) ends: \(last.trimmingCharacters(in: .whitespaces))"
    }

    /// Fills the outcomes of the runs the tasks' results hold (runs already taken from `resume=` are kept), and
    /// logs them into `log` with the times they ran at.
    func merge(into outcomes: [StudyCommands.Outcome], jobs: [StudyCommands.Job], log: StudyCommands.StudyLog?) {
        self.log = log
        for task in results.keys.sorted() {
            for run in results[task]?.runs ?? [] where jobs.indices.contains(run.job) && jobs[run.job].seed == run.seed {
                let outcome = outcomes[run.job]
                guard !outcome.resumed else { continue }
                outcome.ran = true
                outcome.failure = run.failure
                outcome.record = run.record.map { ($0.name, $0.cell.value) }
                outcome.output = run.output
                outcome.started = run.started
                outcome.ended = run.ended
                log?.loggedFromSlurm(run.job, history: run.history.map(SlurmFiles.table))
            }
        }
    }

    /// What the user reads when some runs did not come back: each failed task with its seeds, and how to finish.
    func report(rows: Int, completed: Int, runs: Int) -> (message: String, note: String) {
        let tasks = study.tasks
        var message = ""
        let missing = tasks.indices.filter { results[$0] == nil }
        for task in missing where failures[task] != nil || cancelled.contains(task) {
            let seeds = tasks[task].map { study.seeds[$0] }
            let job = failedJobs[task].map { "of job \($0) " } ?? ""
            let why = cancelled.contains(task) ? "cancelled by Ctrl-C" : "failed: \(failures[task] ?? "")"
            message += "repeat: task \(task) \(job)(runs \(tasks[task].lowerBound + 1)-\(tasks[task].upperBound), seeds \(SlurmPlan.seedList(seeds))) \(why)\n"
        }
        let pending = missing.filter { failures[$0] == nil && !cancelled.contains($0) }
        if !pending.isEmpty {
            message += "repeat: \(pending.count) \(pending.count == 1 ? "task has" : "tasks have") no results yet (tasks \(SlurmPlan.arraySpec(pending)))\n"
        }
        let stopped = cancelled.isEmpty ? "" : "stopped by Ctrl-C (the array is cancelled); "
        message += "repeat: \(stopped)\(completed) of \(runs) runs came back; the table holds \(rows) and is marked partial.\n"
        message += "  Run the same repeat again to submit only task\(missing.count == 1 ? "" : "s") \(SlurmPlan.arraySpec(missing)) (the finished tasks are kept in \(shown)).\n"
        let note = "partial: \(rows) of \(runs) runs; tasks \(SlurmPlan.arraySpec(missing)) missing; run the same repeat again to finish it"
        return (message, note)
    }
}

extension StudyCommands.StudyLog {
    /// Logs job `index`, run on the cluster, with the times it ran at (its outcome is filled).
    func loggedFromSlurm(_ index: Int, history: Table?) {
        guard !alreadyLogged.contains(index) else { return }
        let job = jobs[index], outcome = outcomes[index]
        let grid = job.bindings.filter { gridNames.contains($0.0) }.map { NamedCell($0.0, StudyCommands.storedCell($0.1)) }
        logger.started(RunStore.Start(job: index, seed: job.seed, grid: grid, time: outcome.started))
        let status: RunStatus = outcome.failure != nil ? .failed : .finished
        let recorded = status == .finished ? outcome.record.map { NamedCell($0.0, StudyCommands.storedCell($0.1)) } : []
        logger.ended(RunStore.End(job: index, status: status, message: outcome.failure, recorded: recorded,
                                  history: history.map(StudyCommands.storedTable), time: outcome.ended))
    }
}

// MARK: - collect

/// Where a Slurm study submitted with `wait=false` was logged (`runlog.json` in its folder): `collect` adds the runs
/// there and ends the study.
struct SlurmRunLogLink: Codable {
    /// The run log's file, as an absolute path.
    var store: String
    /// The study's id in it.
    var study: Int64
    /// The study's fingerprint, checked before anything is added.
    var fingerprint: String
}

extension StudyCommands {
    /// Marks a study submitted with `wait=false` as on Slurm and writes where it is logged into its folder. Not for
    /// a store that lives in memory (no other session can reach it).
    static func linkRunLog(_ log: StudyLog, folder: String, job: Int, interpreter: Interpreter) throws(RuntimeError) {
        log.submittedAs = job
        guard let path = interpreter.context.runLog?.path, path != ":memory:" else { return }
        try SlurmFiles.write(SlurmRunLogLink(store: path, study: log.logger.studyID, fingerprint: log.fingerprint),
                             to: folder + "/runlog.json")
    }

    /// The run log entry of a study submitted with `wait=false`, reopened for `collect` to add its runs (the ones
    /// an earlier `collect` added are not added again); nil, with a note when it cannot be, when the study was not
    /// logged, this session logs nothing, or the log no longer holds the study.
    static func reopenedLog(folder: String, jobs: [Job], gridNames: [String], outcomes: [Outcome],
                            interpreter: Interpreter) -> StudyLog? {
        let out = interpreter.output
        guard let link = try? SlurmFiles.read(SlurmRunLogLink.self, from: folder + "/runlog.json"),
              let session = interpreter.context.runLog, session.path != nil else { return nil }
        do throws(RunLogError) {
            let store = try session.path == link.store ? session.store() : RunStore(path: link.store, busyTimeout: session.busyTimeout)
            guard let store, let study = try store.study(link.study), study.fingerprint == link.fingerprint else {
                out.write("collect: the run log '\(link.store)' no longer holds this study (study \(link.study)); its runs are not logged\n")
                return nil
            }
            let logged = try store.runs(RunQuery(study: link.study)).filter { $0.run.status == .finished || $0.run.status == .failed }
            try store.reopen(study: link.study, by: ProcessIdentity.current, commandLine: ProcessInfo.processInfo.arguments.joined(separator: " "))
            let log = StudyLog(logger: StudyLogger(store: store, studyID: link.study), jobs: jobs, gridNames: gridNames,
                               outcomes: outcomes, output: out, fingerprint: link.fingerprint)
            log.alreadyLogged = Set(logged.map(\.run.job))
            return log
        } catch {
            out.write("collect: \(error.message); the study's runs are not logged\n")
            return nil
        }
    }

    static let collect = Command(
        "collect", topic: "studies", summary: "the table of a Slurm study, by its job id or folder (after repeat … on=\"slurm\" wait=false)",
        help: """
        `repeat … on="slurm" wait=false` submits a study and returns its Slurm job id at once; `collect JOBID` (or
        `collect "sps-slurm/name-…"`, the study's folder) waits for the tasks still in Slurm's queue, showing their
        progress, and returns the table the study's repeat would have returned: the same rows in the same order,
        the same values bit for bit. Ctrl-C stops waiting (the job goes on: collect it again later, or scancel it).
        Tasks that failed are reported with their runs' seeds, and the table is marked partial; run the study's
        repeat again to submit only those tasks. With wait=false, collect returns at once with the tasks done so far.
        The job id is looked up in folder= (the folder the studies were submitted into). A study submitted from a
        session that logs is in the run log as `submitted`; collect adds the runs that came back (each once, however
        often it is collected) and ends it `finished`, or `interrupted` when tasks failed; while tasks are still
        queued it stays `submitted`.
        """,
        example: "job = repeat seeds=0..99 on=\"slurm\" per_task=25 wait=false {\n  record x=(rand)\n}\nt = collect job",
        parameters: [.positional("study", .oneOf([.integer, .string]), "the job id sbatch gave, or the study's folder"),
                     .keyword("folder", .string, default: .string("sps-slurm"), "where the studies were submitted (for a job id)"),
                     .keyword("wait", .bool, default: .bool(true), "wait for the tasks still in Slurm's queue")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let interpreter = args.interpreter
        let cwd = FileManager.default.currentDirectoryPath
        var folder: String
        let given = try args.value("study")
        if let job = given.integer {
            var root = UserPath.expanded(try args.string("folder"))
            if !root.hasPrefix("/") { root = cwd + "/" + root }
            guard let text = try? String(contentsOfFile: root + "/jobs/\(job)", encoding: .utf8) else {
                throw RuntimeError("collect: no Slurm study with job id \(job) in '\(relative(root, to: cwd))' (give the folder it was submitted into with folder=, or the study's own folder)", at: args.location(of: "study"))
            }
            folder = text.trimmingCharacters(in: .whitespacesAndNewlines)
        } else {
            folder = UserPath.expanded(given.string ?? "")
            if !folder.hasPrefix("/") { folder = cwd + "/" + folder }
        }
        let shown = relative(folder, to: cwd)
        guard let study = try SlurmFiles.read(SlurmFiles.Study.self, from: folder + "/job.json") else {
            throw RuntimeError("collect: '\(shown)' is not a Slurm study's folder (it has no job.json)", at: args.location(of: "study"))
        }
        let jobs = zip(study.seeds, study.grid).map { seed, cells in Job(seed: seed, bindings: zip(study.gridNames, cells.map(\.value)).map { ($0, $1) }) }
        let outcomes = jobs.map { _ in Outcome() }
        let collector = try SlurmCollector(folder: folder, study: study, interpreter: interpreter, shown: shown)
        var watched = collector.inFlight()
        if try args.bool("wait") {
            if !watched.isEmpty {
                let jobsText = Set(watched.values).sorted().map(String.init).joined(separator: ", ")
                interpreter.output.write("collect: waiting for \(watched.count) of \(study.tasks.count) tasks in Slurm's queue (job \(jobsText))\n")
                collector.watch(watched, total: jobs.count, cancelOnInterrupt: false)
                if interpreter.interrupt.isRequested {
                    interpreter.output.write("collect: stopped waiting (Ctrl-C); the job goes on: collect it again later, or scancel \(jobsText)\n")
                } else {
                    watched = [:]
                }
            }
        }
        collector.diagnose(besides: watched)
        // A study submitted with wait=false from a session that logs: its runs and table go into that study.
        let log = reopenedLog(folder: folder, jobs: jobs, gridNames: study.gridNames, outcomes: outcomes, interpreter: interpreter)
        defer { log?.finish() }
        collector.merge(into: outcomes, jobs: jobs, log: log)
        if let log {
            if let job = watched.values.max() {
                log.submittedAs = job
            } else {
                log.incompleteBecause = "collect: \(outcomes.filter { $0.ran && !$0.interrupted }.count) of \(jobs.count) runs came back"
            }
        }
        return try slurmTable(collector, jobs: jobs, gridNames: study.gridNames, outcomes: outcomes, interpreter: interpreter, quiet: false)
    }
}
