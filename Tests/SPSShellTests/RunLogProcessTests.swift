import Foundation
import SPSRunLog
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The run log across processes: the real `sps` logging into one store from two processes at once, killed with
/// SIGKILL in the middle of a study, and given a store that is not one.
@Suite("Run log: processes", .serialized)
struct RunLogProcessTests {
    /// A fresh folder, removed at the end.
    final class Folder {
        let path = NSTemporaryDirectory() + "sps-runlog-process-\(UUID().uuidString)"
        init() { try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    /// Starts `sps script` logging into `store`; standard output and error go to `out`.
    static func start(_ script: String, store: String, out: String) throws -> Process {
        let binary = try #require(PseudoTerminalTests.binary)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = [script]
        var environment = ProcessInfo.processInfo.environment
        environment["SPS_RUNS"] = store
        p.environment = environment
        FileManager.default.createFile(atPath: out, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: out))
        p.standardOutput = handle
        p.standardError = handle
        p.standardInput = FileHandle.nullDevice
        try p.run()
        return p
    }

    /// A study of `runs` runs, each busy for a while, recording its seed.
    static func script(runs: Int, work: Int) -> String {
        """
        study = repeat seeds=0..\(runs - 1) threads=1 {
          x = 0
          for i in 0..\(work) { x = x + 1 }
          record v=(seed * 2) x=x
        }
        print study.n
        """
    }

    @Test("two sps processes logging into one store at once lose nothing")
    func twoProcesses() throws {
        let folder = Folder()
        let store = folder.path + "/runs.db", script = folder.path + "/study.sps"
        try Self.script(runs: 200, work: 100_000).write(toFile: script, atomically: true, encoding: .utf8)
        let processes = try (0..<2).map { try Self.start(script, store: store, out: folder.path + "/out\($0).txt") }
        for p in processes { p.waitUntilExit() }
        for (i, p) in processes.enumerated() {
            let out = (try? String(contentsOfFile: folder.path + "/out\(i).txt", encoding: .utf8)) ?? ""
            #expect(p.terminationStatus == 0, "\(out)")
            #expect(out.contains("200"), "\(out)")
        }
        let log = try RunStore(path: store)
        let studies = try log.studies()
        #expect(studies.count == 2)
        #expect(studies.allSatisfy { $0.status == .finished })
        for study in studies {
            let runs = try log.runs(RunQuery(study: study.id))
            #expect(runs.count == 200)
            #expect(runs.allSatisfy { $0.run.status == .finished && $0.recorded.first?.value == .number(Double($0.run.seed * 2)) })
        }
    }

    @Test("kill -9 in the middle of a study: finished runs kept, the unfinished one interrupted; resume=true runs only the rest")
    func killed() throws {
        let folder = Folder()
        let store = folder.path + "/runs.db", script = folder.path + "/study.sps"
        let text = Self.script(runs: 40, work: 1_500_000)
        try text.write(toFile: script, atomically: true, encoding: .utf8)
        let p = try Self.start(script, store: store, out: folder.path + "/out.txt")
        // Wait (at most 60 s) until some runs are in the store, then kill.
        var finished = 0
        for _ in 0..<600 where finished < 3 {
            usleep(100_000)
            if FileManager.default.fileExists(atPath: store), let log = try? RunStore(path: store, busyTimeout: 1) {
                finished = (try? log.runs(RunQuery(status: .finished)).count) ?? 0
            }
        }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        #expect(finished >= 3)
        let log = try RunStore(path: store)
        let study = try #require(try log.studies().first)
        #expect(study.status == .interrupted)
        let runs = try log.runs(RunQuery(study: study.id))
        let kept = runs.filter { $0.run.status == .finished }
        #expect(kept.count >= 3 && kept.count < 40)
        #expect(runs.allSatisfy { $0.run.status == .finished || $0.run.status == .interrupted })
        #expect(kept.allSatisfy { $0.recorded.first?.value == .number(Double($0.run.seed * 2)) })

        // Resumed: only the other runs run, and the table is the uninterrupted one.
        try text.replacingOccurrences(of: "threads=1", with: "threads=1 resume=true").write(toFile: script, atomically: true, encoding: .utf8)
        let again = try Self.start(script, store: store, out: folder.path + "/again.txt")
        again.waitUntilExit()
        let out = (try? String(contentsOfFile: folder.path + "/again.txt", encoding: .utf8)) ?? ""
        #expect(again.terminationStatus == 0, "\(out)")
        #expect(out.contains("repeat: resuming study \(study.id ?? 0) of the run log: \(kept.count) of 40 runs are done there; \(40 - kept.count) run now"), "\(out)")
        #expect(out.hasSuffix("40\n"), "\(out)")
        let after = try RunStore(path: store)
        let done = try after.runs(RunQuery(study: study.id, status: .finished))
        #expect(Set(done.map(\.run.seed)) == Set(0..<40))
        #expect(done.count == 40)
        #expect(try after.study(study.id ?? 0)?.status == .finished)
    }

    @Test("a store that is not one: a clear message, and the study still runs")
    func corruptStore() throws {
        let folder = Folder()
        let store = folder.path + "/runs.db", script = folder.path + "/study.sps"
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: store))
        try Self.script(runs: 3, work: 10).write(toFile: script, atomically: true, encoding: .utf8)
        let p = try Self.start(script, store: store, out: folder.path + "/out.txt")
        p.waitUntilExit()
        let out = (try? String(contentsOfFile: folder.path + "/out.txt", encoding: .utf8)) ?? ""
        #expect(p.terminationStatus == 0, "\(out)")
        #expect(out.contains("run log: '\(store)' is not a readable run log"), "\(out)")
        #expect(out.contains("the study runs without being logged"), "\(out)")
        #expect(out.hasSuffix("3\n"), "\(out)")
    }
}
