import SPSBindings
import SPSLanguage

/// Commands for narrated scripts a class steps through: `say` and `pause`.
enum ClassroomCommands {
    static func all() -> [Command] { [say, pause] }

    static let say = Command(
        "say", topic: "classroom", summary: "print a line of narration, set off from the output around it",
        help: """
        Narration for walkthroughs and reports: a blank line, then the text after a marker. Strings interpolate `{expr}`.
        Transcripts (--echo, --step, --html) show the narration once, not the `say` statement; a handout (--html) sets
        it as a paragraph of text.
        """,
        example: "say \"The OOD error is {rmse m ood}\"",
        parameters: [.variadic("text", .any, "the words to say")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let text = args.rest("text").map { $0.string ?? $0.description }.joined(separator: " ")
        if let structured = args.interpreter.output as? StructuredOutput {
            structured.narration(text)
        } else {
            args.interpreter.output.write(ClassroomCommands.narrationText(text))
        }
        return .nil
    }

    static let pause = Command(
        "pause", topic: "classroom", summary: "in a stepped walkthrough (sps --step), wait for the reader; elsewhere nothing",
        help: """
        With sps --step, a stop: Enter goes on, c runs the rest without stopping, q ends the lesson (exit status 1), and
        anything else typed there runs as at the prompt (look at a variable, try a command), then Enter goes on.
        Transcripts (--echo) leave `pause` out; a handout (--html) starts a new part of the page.
        """,
        example: "say \"Look at the weight on x3.\"\npause"
    ) { (args: inout Arguments) throws(RuntimeError) in
        (args.interpreter.output as? StructuredOutput)?.pause()
        args.interpreter.context.pause?()
        return .nil
    }

    /// How `say` shows its text in the terminal: a blank line, then the text after a marker.
    static func narrationText(_ text: String) -> String { "\n▸ \(text)\n" }
}
