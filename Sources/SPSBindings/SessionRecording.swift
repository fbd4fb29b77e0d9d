import SPSLanguage

/// `record "session.sps"` / `record off`: the prompt's half of the `record` command (the other half records
/// results inside `repeat`).
enum SessionRecording {
    /// Starts or stops the recording through the hook the REPL installed.
    static func command(_ file: Value, interpreter: Interpreter) throws(RuntimeError) -> Value {
        guard let hook = interpreter.context.recordSession else {
            throw RuntimeError("record \"file.sps\" records what is typed at the prompt; it works only there (inside repeat, use record name=value)")
        }
        let path: String?
        switch file {
        case .nil: path = nil
        case .string(let s) where s == "off": path = nil
        case .string(let s) where !s.contains(".") && !s.contains("/"):
            throw RuntimeError("record: give the file as a string, e.g. record \"session.sps\" (record off stops)")
        case .string(let s): path = s
        default: throw RuntimeError("record: expected a file name such as \"session.sps\", or off, got \(file.typeName)")
        }
        let note = try hook(path).get()
        interpreter.output.write(interpreter.outputStyle.note(note) + "\n")
        return .nil
    }
}
