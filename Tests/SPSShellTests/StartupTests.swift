import Foundation
import Testing

/// What every `sps` process pays before it runs a line: the shared libraries it loads.
@Suite("Start-up")
struct StartupTests {
    /// libcurl (and the thirty libraries behind it: TLS, Kerberos, LDAP …) is opened only by `runs mlflow`, not
    /// loaded with every process: it was 9 ms of a 26 ms start when Foundation's networking was linked.
    @Test func libcurlIsNotLoadedAtStartUp() throws {
        let binary = try #require(PseudoTerminalTests.binary)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = ["-e", "print 1"]
        var environment = ProcessInfo.processInfo.environment
        environment["LD_DEBUG"] = "libs"
        environment["SPS_RUNS"] = "off"
        p.environment = environment
        let err = Pipe(), out = Pipe()
        p.standardError = err
        p.standardOutput = out
        try p.run()
        let loaded = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        _ = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        // The dynamic loader names each library it opens ("find library=libopenblas.so.0"): the check sees them.
        #expect(loaded.contains("libopenblas"), "LD_DEBUG=libs printed nothing we can read: \(loaded.prefix(300))")
        // (A build folder from before FoundationNetworking was dropped keeps its autolink entries in objects the
        // incremental build does not recompile: remove .build/*/SPSRunLog.build and the modules that import it.)
        #expect(!loaded.contains("libcurl"), "sps loads libcurl at start-up (some module imports FoundationNetworking?)")
        #expect(!loaded.contains("libFoundationNetworking"), "sps loads Foundation's networking at start-up")
    }
}
