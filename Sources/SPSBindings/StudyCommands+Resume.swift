import Dispatch
import Foundation
import SPSLanguage
import SPSTraining

// MARK: - Progress of a study

/// The progress line of a running study: `███░░ 35%  eta 12s  70 of 200 runs`, redrawn every 100 ms by a thread
/// of its own (runs can be long, and the workers are busy running them), from the study's count of finished runs.
final class StudyProgress: @unchecked Sendable {
    let reporter: any ProgressReporter
    let study: StudyCommands.Study
    let total: Int
    let stopRequested = DispatchSemaphore(value: 0)
    let stopped = DispatchSemaphore(value: 0)
    var running = false

    init(_ reporter: any ProgressReporter, study: StudyCommands.Study, total: Int) {
        self.reporter = reporter
        self.study = study
        self.total = total
    }

    /// Starts timing and redrawing (the reporter shows nothing for the first half second).
    func start() {
        reporter.begin()
        running = true
        Thread.detachNewThread { [self] in
            while stopRequested.wait(timeout: .now() + .milliseconds(100)) == .timedOut {
                reporter.update(.runs(done: study.finished.load(ordering: .relaxed), total: total))
            }
            stopped.signal()
        }
    }

    /// Stops redrawing, waits for the redrawing thread, and removes the line.
    func stop() {
        guard running else { return }
        running = false
        stopRequested.signal()
        stopped.wait()
        // The final count (a reporter that draws shows it only if it is drawing by now).
        reporter.update(.runs(done: study.finished.load(ordering: .relaxed), total: total))
        reporter.clear()
    }
}

// MARK: - Finishing a study that Ctrl-C stopped

extension StudyCommands {
    /// A study stopped by Ctrl-C: what its partial table says, and `resume=`, which finishes it from that table.
    enum Resumption {
        /// Marks the jobs whose rows are in `table` (the partial table of this same study) as done, with the
        /// row's recorded values, so that only the other jobs run.
        ///
        /// A row is matched to a job by its seed and grid values; a row that matches no job of this study, or a
        /// table without the study's columns, is an error (it is the partial table of another study).
        static func fill(_ outcomes: [Outcome], jobs: [Job], gridNames: [String], from table: Table) throws(RuntimeError) {
            guard let seedIndex = table.columnNames.firstIndex(of: "seed"), case .numbers = table.columns[seedIndex].values else {
                throw RuntimeError("repeat: resume= takes the table a repeat returned (with a seed column); this one has \(describe(table.columnNames))")
            }
            var keyIndices = [seedIndex]
            for name in gridNames {
                guard let index = table.columnNames.firstIndex(of: name) else {
                    throw RuntimeError("repeat: resume= has no column '\(name)'; it takes the partial table of this same study (its columns are \(describe(table.columnNames)))")
                }
                keyIndices.append(index)
            }
            var jobByKey: [String: Int] = [:]
            for (index, job) in jobs.enumerated() {
                var cells: [Table.Cell] = [.number(Double(job.seed))]
                for name in gridNames {
                    guard let value = job.bindings.first(where: { $0.0 == name })?.1 else { continue }
                    cells.append(try cell(value, name))
                }
                jobByKey[key(cells)] = index
            }
            let recorded = table.columns.indices.filter { !keyIndices.contains($0) }
            for row in 0..<table.rowCount {
                let cells = keyIndices.map { table.cell(row: row, column: $0) }
                let run = zip(["seed"] + gridNames, cells).map { name, cell in
                    name == "seed" ? "seed \(text(cell))" : "\(name)=\(text(cell))"
                }.joined(separator: ", ")
                guard let index = jobByKey[key(cells)] else {
                    throw RuntimeError("repeat: resume= has a row for \(run), which is not a run of this study; resume= takes the partial table of this same repeat (same seeds= and grid)")
                }
                let outcome = outcomes[index]
                guard !outcome.resumed else { throw RuntimeError("repeat: resume= has two rows for \(run)") }
                outcome.record = recorded.map { column in
                    switch table.cell(row: row, column: column) {
                    case .number(let x): (table.columns[column].name, .number(x))
                    case .string(let s): (table.columns[column].name, .string(s))
                    }
                }
                outcome.ran = true
                outcome.resumed = true
            }
        }

        /// A lookup key for a run's seed and grid cells.
        static func key(_ cells: [Table.Cell]) -> String {
            cells.map { cell in
                switch cell {
                case .number(let x): "n\(x)"
                case .string(let s): "s\(s)"
                }
            }.joined(separator: "\u{1F}")
        }

        static func text(_ cell: Table.Cell) -> String {
            switch cell {
            case .number(let x): Value.number(x).repr
            case .string(let s): Value.string(s).repr
            }
        }

        static func describe(_ names: [String]) -> String { names.isEmpty ? "no columns" : names.joined(separator: ", ") }

        /// What the user reads after Ctrl-C stopped a study: how many runs finished, that the table holds only
        /// those, and the exact command that runs the others; and the note the partial table shows above itself.
        static func report(finished: Int, rows: Int, of total: Int, cutShort: Int, call: SourceLocation?) -> (message: String, note: String) {
            let command = resumeCommand(call: call)
            var message = "repeat: stopped by Ctrl-C after \(finished) of \(total) runs"
            if cutShort > 0 { message += " (\(cutShort) cut short \(cutShort == 1 ? "is" : "are") left out)" }
            let missing = total - rows
            let table = command.map { "`\($0.name)`" } ?? "The table"
            message += ".\n\(table) holds only the \(rows) finished \(rows == 1 ? "run" : "runs") and is marked partial."
            if let command {
                message += " To run the other \(missing) and complete it:\n"
                message += command.text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") + "\n"
            } else {
                message += "\nTo finish it, keep it (t = _) and run the same repeat with resume=t added: only the \(missing) missing runs run.\n"
            }
            let note = "partial: \(rows) of \(total) runs; stopped by Ctrl-C, finish with repeat resume=…"
            return (message, note)
        }

        /// The statement that called `repeat` when it is `name = repeat …` at the top level of its source, with
        /// `resume=name` added (or its `resume=` pointed at `name`): the command that finishes the study.
        static func resumeCommand(call: SourceLocation?) -> (text: String, name: String)? {
            guard let call, case .success(let statements) = Parser.parse(call.file) else { return nil }
            guard let statement = statements.first(where: { $0.location.offset <= call.offset && call.offset < $0.end }),
                  case .assign(let target, nil, let value) = statement.kind, case .name(let name) = target.kind,
                  value.location.offset == call.offset, case .apply(let callee, let arguments, false) = value.kind,
                  case .name("repeat") = callee.kind
            else { return nil }
            let start = statement.location.offset
            var bytes = Array(call.file.text(from: start, to: statement.end).utf8)
            if let given = arguments.first(where: { $0.label == "resume" }) {
                guard case .name(let old) = given.value.kind else { return nil }
                let from = given.value.location.offset - start
                guard from >= 0, from + old.utf8.count <= bytes.count else { return nil }
                bytes.replaceSubrange(from..<(from + old.utf8.count), with: Array(name.utf8))
            } else {
                let after = call.offset - start + "repeat".utf8.count
                guard after <= bytes.count else { return nil }
                bytes.insert(contentsOf: Array(" resume=\(name)".utf8), at: after)
            }
            return (String(decoding: bytes, as: UTF8.self), name)
        }
    }
}
