import Foundation
import SPSRunLog

/// What `sps-bench runlog` measured: writing a store of `runs` runs through the study logger, and a filtered,
/// sorted query over it (one grid value of one study, sorted by a recorded number), as the median of 21.
struct RunLogReport: Encodable {
    var benchmark = "runlog"
    var runs: Int
    var writeSeconds: Double
    var queryMs: Double
    var queryRows: Int
    var unfilteredStudyMs: Double
    var peakRssMb: Double
}

/// `sps-bench runlog [--runs N]`: a temporary store of N runs (default 100,000) in 10 studies, each run with a grid
/// value and two recorded numbers, written through `StudyLogger` as `repeat` writes them; then the query.
func runLogBench() {
    let args = CommandLine.arguments
    let runs = args.firstIndex(of: "--runs").flatMap { args.indices.contains($0 + 1) ? Int(args[$0 + 1]) : nil } ?? 100_000
    let folder = NSTemporaryDirectory() + "sps-bench-runlog-\(getpid())"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    do {
        let store = try RunStore(path: folder + "/runs.db")
        let studies = 10, perStudy = runs / studies
        let process = ProcessIdentity.current
        let writeStart = Date()
        var lastStudy: Int64 = 0
        for s in 0..<studies {
            let study = try store.insert(StudyRecord(command: "bench", grid: [GridAxis(name: "sigma", values: ["0", "10", "30", "100"])],
                                                     params: [], seeds: Array(0..<perStudy / 4), scriptName: "bench", scriptText: "",
                                                     scriptHash: "", fingerprint: "bench\(s)", spsVersion: "bench", commandLine: "",
                                                     host: process.host, pid: process.pid, processStart: process.start,
                                                     started: Date().timeIntervalSince1970, runCount: perStudy))
            guard let id = study.id else { return }
            lastStudy = id
            let logger = StudyLogger(store: store, studyID: id)
            for job in 0..<perStudy {
                let sigma = Double([0, 10, 30, 100][job % 4])
                logger.started(RunStore.Start(job: job, seed: job / 4, grid: [NamedCell("sigma", .number(sigma))], time: 0))
                logger.ended(RunStore.End(job: job, status: .finished, message: nil,
                                          recorded: [NamedCell("iid", .number(Double(job % 97) / 97)), NamedCell("ood", .number(Double(job % 89) / 89))],
                                          history: nil, time: 1))
            }
            if let failure = logger.finish(status: .finished, message: nil, table: nil) { throw failure }
        }
        let writeSeconds = Date().timeIntervalSince(writeStart)
        func median(_ body: () throws -> Int) rethrows -> (Double, Int) {
            var times: [Double] = [], rows = 0
            for _ in 0..<21 {
                let start = Date()
                rows = try body()
                times.append(Date().timeIntervalSince(start) * 1000)
            }
            return (times.sorted()[10], rows)
        }
        let (queryMs, rows) = try median {
            try store.runs(RunQuery(study: lastStudy, equals: [NamedCell("sigma", .number(10))], sort: "ood", limit: 100)).count
        }
        let (studyMs, _) = try median { try store.runs(RunQuery(study: lastStudy)).count }
        print(json(RunLogReport(runs: studies * perStudy, writeSeconds: writeSeconds, queryMs: queryMs, queryRows: rows,
                                unfilteredStudyMs: studyMs, peakRssMb: peakRSSMegabytes())))
    } catch {
        print(json(FailureReport(benchmark: "runlog", error: "\(error)")))
    }
}
