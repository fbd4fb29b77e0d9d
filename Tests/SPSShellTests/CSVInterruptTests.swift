import Foundation
import Testing
import SPSLanguage
@testable import SPSShell

/// Ctrl-C stops `csv` while it reads (issue 15): the command asks the interrupt flag between pieces of the file and
/// ends as interrupted (exit 130 from a script), not as a failure.
@Suite struct CSVInterruptTests {
    @Test func csvStopsOnInterrupt() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sps-test-\(getpid())-interrupt.csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var text = "a,b,y\n"
        for i in 0..<100_000 { text += "\(i),\(i % 7),\(2 * i)\n" }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let session = Session.standard(output: BufferSink(), errors: BufferSink())
        let ip = session.interpreter
        guard let csv = ip.global("csv") else {
            Issue.record("no csv command")
            return
        }
        // Not interrupted: the whole file.
        let whole = try ip.call(csv, [.string(path)])
        #expect(whole.object?.typeName == "Dataset")
        // Interrupted (as if Ctrl-C came while reading): an interrupt, not an error about the file.
        ip.interrupt.request()
        defer { ip.interrupt.clear() }
        do throws(RuntimeError) {
            _ = try ip.call(csv, [.string(path)])
            Issue.record("csv finished although interrupted")
        } catch {
            #expect(error.isInterrupt && error.message == "interrupted")
        }
    }
}
