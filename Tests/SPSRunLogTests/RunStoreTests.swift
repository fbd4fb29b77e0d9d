import Foundation
import GRDB
import Testing
@testable import SPSRunLog

/// A fresh folder for one test's store, removed at the end.
final class TemporaryFolder {
    let path: String
    init() {
        path = NSTemporaryDirectory() + "sps-runlog-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

func makeStudy(pid: Int64 = ProcessIdentity.current.pid, start: Int64 = ProcessIdentity.current.start, runs: Int = 4,
               fingerprint: String = "f") -> StudyRecord {
    StudyRecord(command: "s = repeat seeds=0..3 { record x=seed }", grid: [GridAxis(name: "sigma", values: ["0", "10"])],
                params: [NamedCell("scale", .number(2))], seeds: [0, 1, 2, 3], scriptName: "s.sps", scriptText: "text",
                scriptHash: SHA256.hex("text"), fingerprint: fingerprint, spsVersion: "0.1.0", commandLine: "sps s.sps",
                host: ProcessIdentity.current.host, pid: pid, processStart: start, started: 1000, runCount: runs)
}

@Suite struct RunStoreTests {
    /// The folder of a store's path, found without Foundation's `deletingLastPathComponent`, which traps on a bare
    /// name (`runs store="m"` crashed the shell; found by fuzz-run).
    @Test func folderOfAPath() throws {
        #expect(RunStore.folder(of: "m") == "")
        #expect(RunStore.folder(of: "runs.db") == "")
        #expect(RunStore.folder(of: "a/b.db") == "a")
        #expect(RunStore.folder(of: "a//b.db") == "a")
        #expect(RunStore.folder(of: "/x.db") == "/")
        #expect(RunStore.folder(of: "/home/u/.sps/runs.db") == "/home/u/.sps")
        #expect(RunStore.folder(of: "dir/sub/") == "dir")
        #expect(RunStore.folder(of: "/") == "/")
        // A path in a folder that does not exist is an error naming the folder, not a crash.
        #expect(throws: RunLogError.self) { try RunStore(path: "no-such-folder-\(UUID().uuidString)/runs.db") }
    }

    @Test func studiesAndRunsRoundTrip() throws {
        let folder = TemporaryFolder()
        let store = try RunStore(path: folder.path + "/runs.db")
        let study = try store.insert(makeStudy())
        let id = try #require(study.id)
        let ids = try store.write(study: id, starts: [RunStore.Start(job: 0, seed: 0, grid: [NamedCell("sigma", .number(0))], time: 1),
                                                       RunStore.Start(job: 1, seed: 1, grid: [NamedCell("sigma", .number(0))], time: 1)],
                                  ends: [RunStore.End(job: 0, status: .finished, message: nil,
                                                      recorded: [NamedCell("x", .number(.nan)), NamedCell("name", .text("a"))],
                                                      history: StoredTable(columns: [.init(name: "epoch", numbers: [1, 2])]), time: 2)],
                                  known: [:])
        #expect(ids.count == 2)
        // Job 1 ends in a later batch: its row is updated.
        _ = try store.write(study: id, starts: [], ends: [RunStore.End(job: 1, status: .failed, message: "boom", recorded: [], history: nil, time: 3)],
                            known: ids)
        try store.end(study: id, status: .finished, message: nil, table: StoredTable(columns: [.init(name: "x", numbers: [.nan, 1])]))
        let runs = try store.runs(RunQuery(study: id))
        #expect(runs.map(\.run.status) == [.finished, .failed])
        #expect(runs[0].recorded.count == 2)
        #expect(runs[0].recorded[0].value.number?.isNaN == true)
        #expect(runs[0].recorded[1] == NamedCell("name", .text("a")))
        #expect(runs[0].run.history?.columns[0].numbers == [1, 2])
        #expect(runs[1].run.message == "boom")
        let reopened = try #require(try store.study(id))
        #expect(reopened.status == .finished)
        #expect(reopened.params == [NamedCell("scale", .number(2))])
        #expect(reopened.resultTable?.columns[0].numbers?[1] == 1)
        #expect(try store.latestStudy(fingerprint: "f")?.id == id)
        #expect(try store.statusCounts(studies: [id]) == [id: [.finished: 1, .failed: 1]])
    }

    @Test func filtersAndSorts() throws {
        let store = try RunStore(path: RunStore.memory)
        let id = try #require(try store.insert(makeStudy()).id)
        let starts = (0..<10).map { RunStore.Start(job: $0, seed: $0, grid: [NamedCell("sigma", .number(Double($0 % 2 * 10)))], time: 0) }
        let ends = (0..<10).map { RunStore.End(job: $0, status: .finished, message: nil, recorded: [NamedCell("ood", .number(Double(10 - $0)))], history: nil, time: 1) }
        _ = try store.write(study: id, starts: starts, ends: ends, known: [:])
        let tens = try store.runs(RunQuery(study: id, equals: [NamedCell("sigma", .number(10))], sort: "ood"))
        #expect(tens.map(\.run.seed) == [9, 7, 5, 3, 1])
        let top = try store.runs(RunQuery(sort: "ood", descending: true, limit: 2))
        #expect(top.map(\.run.seed) == [0, 1])
        #expect(try store.runs(RunQuery(equals: [NamedCell("seed", .number(4))])).count == 1)
        #expect(try store.runs(RunQuery(status: .failed)).isEmpty)
    }

    @Test func deadProcessStudiesAreMarkedInterruptedOnOpen() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/runs.db"
        do {
            let store = try RunStore(path: path)
            // A process that has ended: a child that exited (and was waited for).
            let child = Process()
            child.executableURL = URL(fileURLWithPath: "/bin/true")
            try child.run()
            child.waitUntilExit()
            let dead = try #require(try store.insert(makeStudy(pid: Int64(child.processIdentifier), start: 1)).id)
            let alive = try #require(try store.insert(makeStudy()).id)
            for study in [dead, alive] {
                _ = try store.write(study: study, starts: [RunStore.Start(job: 0, seed: 0, grid: [], time: 0),
                                                           RunStore.Start(job: 1, seed: 1, grid: [], time: 0)],
                                    ends: [RunStore.End(job: 0, status: .finished, message: nil, recorded: [], history: nil, time: 1)], known: [:])
            }
        }
        let store = try RunStore(path: path)
        #expect(store.recoveredRuns == 1)
        let studies = try store.studies()
        #expect(studies.map(\.status) == [.running, .interrupted])
        #expect(try store.runs(RunQuery(study: studies[1].id)).map(\.run.status) == [.finished, .interrupted])
        #expect(try store.runs(RunQuery(study: studies[0].id)).map(\.run.status) == [.finished, .running])
    }

    @Test func aFileThatIsNotAStoreGivesAClearMessage() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/runs.db"
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        #expect(throws: RunLogError.self) { try RunStore(path: path) }
        do {
            _ = try RunStore(path: path)
        } catch {
            #expect(error.message.contains("is not a readable run log"), "\(error.message)")
        }
    }

    @Test func aMissingFolderGivesAClearMessage() {
        do {
            _ = try RunStore(path: "/no/such/folder/runs.db")
            Issue.record("opened a store in a missing folder")
        } catch {
            #expect(error.message == "run log: cannot open '/no/such/folder/runs.db': the folder '/no/such/folder' does not exist")
        }
    }

    @Test func aLockedStoreGivesAClearMessage() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/runs.db"
        let store = try RunStore(path: path)
        let id = try #require(try store.insert(makeStudy()).id)
        // Another connection holds the write lock.
        let other = try DatabaseQueue(path: path)
        try other.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            let waiting = try RunStore(path: path, busyTimeout: 0.2)
            do throws(RunLogError) {
                try waiting.end(study: id, status: .finished, message: nil, table: nil)
                Issue.record("wrote through a lock")
            } catch {
                #expect(error.message.contains("is locked by another process"), "\(error.message)")
            }
            try db.execute(sql: "ROLLBACK")
        }
    }

    @Test func twoWritersAtOnceLoseNothing() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/runs.db"
        let stores = [try RunStore(path: path), try RunStore(path: path)]
        let studies = try stores.map { try #require(try $0.insert(makeStudy()).id) }
        let loggers = zip(stores, studies).map { StudyLogger(store: $0, studyID: $1, batchSize: 7, interval: 0.01) }
        DispatchQueue.concurrentPerform(iterations: 2) { w in
            for job in 0..<300 {
                loggers[w].started(RunStore.Start(job: job, seed: job, grid: [], time: 0))
                loggers[w].ended(RunStore.End(job: job, status: .finished, message: nil, recorded: [NamedCell("x", .number(Double(job)))], history: nil, time: 1))
            }
        }
        for logger in loggers { #expect(logger.finish(status: .finished, message: nil, table: nil) == nil) }
        for study in studies {
            let runs = try stores[0].runs(RunQuery(study: study))
            #expect(runs.count == 300)
            #expect(runs.allSatisfy { $0.run.status == .finished && $0.recorded.first?.value == .number(Double($0.run.seed)) })
        }
    }

    @Test func mlflowBatchesStayWithinTheLimits() {
        let history = StoredTable(columns: [.init(name: "epoch", numbers: (1...700).map(Double.init)),
                                            .init(name: "loss", numbers: (1...700).map { 1 / Double($0) }),
                                            .init(name: "rmse", numbers: (1...700).map { 2 / Double($0) })])
        let grid = (0..<150).map { NamedCell("g\($0)", .number(Double($0))) }
        let entry = RunEntry(run: RunRecord(id: 1, studyID: 1, job: 0, seed: 3, status: .finished, started: 0, ended: 1, history: history),
                             grid: grid, recorded: [NamedCell("ood", .number(0.5))])
        let tags = (0..<130).map { MLflowExport.KeyValue(key: "t\($0)", value: "v") }
        let batches = MLflowExport.batches(for: entry, study: nil, tags: tags, runID: "r")
        for batch in batches {
            #expect(batch.metrics.count <= 1000 && batch.params.count <= 100 && batch.tags.count <= 100)
            #expect(batch.metrics.count + batch.params.count + batch.tags.count <= 1000)
        }
        #expect(batches.reduce(0) { $0 + $1.metrics.count } == 1 + 2 * 700)
        #expect(batches.reduce(0) { $0 + $1.params.count } == 151)
        #expect(batches.reduce(0) { $0 + $1.tags.count } == 130)
        let steps = batches.flatMap(\.metrics).filter { $0.key == "history.loss" }.map(\.step)
        #expect(steps == (1...700).map(Int64.init))
    }
}

/// The MLflow export's requests (libcurl, opened when the first is made) fail with what the user can act on.
@Suite struct MLflowRequestTests {
    @Test func aServerThatIsNotThereIsNamedWithCurlsReason() {
        var sent = MLflowExport.Sent()
        let export = MLflowExport(url: "http://127.0.0.1:1")
        #expect(throws: RunLogError.self) { try export.request("GET", "experiments/get-by-name?experiment_name=x", body: nil, sent: &sent) }
        do {
            _ = try export.request("POST", "runs/search", body: Data("{}".utf8), sent: &sent)
            Issue.record("a request to a closed port succeeded")
        } catch {
            #expect(error.message.hasPrefix("mlflow: cannot reach http://127.0.0.1:1: "), "\(error.message)")
            #expect(error.message.contains("onnect"), "\(error.message)")
        }
        #expect(sent.requests == 0)
    }

    @Test func anAddressThatIsNoServerIsRefusedBeforeAnyRequest() {
        var sent = MLflowExport.Sent()
        for url in ["nonsense", "ftp://127.0.0.1:5000", "http://"] {
            do {
                _ = try MLflowExport(url: url).request("GET", "x", body: nil, sent: &sent)
                Issue.record("\(url) was taken for a server")
            } catch {
                #expect(error.message.contains("is not a server address"), "\(url): \(error.message)")
            }
        }
    }
}
