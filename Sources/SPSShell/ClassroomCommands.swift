import SPSBindings
import SPSLanguage

/// Commands for narrated scripts a class steps through: `say` and `pause`.
enum ClassroomCommands {
    static func all() -> [Command] { [say, pause] }

    static let say = Command(
        "say", topic: "classroom", summary: "print a line of narration, set off from the output around it",
        help: "Narration for walkthroughs and reports: a blank line, then the text after a marker. Strings interpolate `{expr}`.",
        example: "say \"The OOD error is {rmse m ood}\"",
        parameters: [.variadic("text", .any, "the words to say")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let text = args.rest("text").map { $0.string ?? $0.description }.joined(separator: " ")
        args.interpreter.output.write("\n▸ \(text)\n")
        return .nil
    }

    static let pause = Command(
        "pause", topic: "classroom", summary: "in a stepped walkthrough (sps --step), wait for the reader; elsewhere nothing",
        example: "say \"Look at the weight on x3.\"\npause"
    ) { (args: inout Arguments) throws(RuntimeError) in
        args.interpreter.context.pause?()
        return .nil
    }
}
