import SPSBindings
import SPSLanguage

/// The training core's commands (from the bindings) with the shell's plot and classroom commands.
public struct TrainingLibrary: CommandLibrary {
    public init() {}

    public func register(in session: Session) {
        session.register(TrainingCommands.all() + PlotCommands.all() + GraphCommands.all() + ClassroomCommands.all())
    }
}

extension Session {
    /// A session with the language's built-ins, the whole training library and the prelude (commands written in
    /// sps, `stdlib/prelude.sps`, which use the others): what `sps` runs.
    public static func standard(output: any OutputSink, errors: any OutputSink, interrupt: InterruptFlag = InterruptFlag()) -> Session {
        let session = Session(output: output, errors: errors, interrupt: interrupt)
        session.registerCommands(TrainingLibrary())
        session.registerCommands(ShellLibrary())
        session.registerCommands(Prelude())
        return session
    }
}
