@testable import SPSShell
import SPSLanguage
import Testing

/// The check every built-in library's suite runs for each of its defs: the def's exercise, in a fresh standard
/// session, prints exactly `output`; an exercise meant to end in an error (`error` given) fails with that message.
func checkLibraryExercise(_ name: String, script: String, output: String, error: String?) {
    let out = BufferSink(), err = BufferSink()
    let session = Session.standard(output: out, errors: err)
    let outcome = session.run(script, name: "\(name).sps")
    if let error {
        #expect(outcome != .success, "\(name) should end with an error")
        #expect(err.text.contains(error), "\(name): \(err.text)")
    } else {
        #expect(outcome == .success, "\(name): \(err.text)")
    }
    #expect(out.text == output, "\(name): \(out.text)")
}
