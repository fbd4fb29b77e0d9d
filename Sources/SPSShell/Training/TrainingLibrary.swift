import SPSLanguage

/// The training core's commands: data, models, optimizers, loops, evaluation, studies and plots.
public struct TrainingLibrary: CommandLibrary {
    public init() {}

    public func register(in session: Session) {
        session.register(DataCommands.all() + ModelCommands.all() + LoopCommands.all() + StudyCommands.all() + ClassroomCommands.all() + PlotCommands.all())
    }
}

extension Session {
    /// A session with the language's built-ins and the whole training library: what `sps` runs.
    public static func standard(output: any OutputSink, errors: any OutputSink, interrupt: InterruptFlag = InterruptFlag()) -> Session {
        let session = Session(output: output, errors: errors, interrupt: interrupt)
        session.registerCommands(TrainingLibrary())
        session.registerCommands(ShellLibrary())
        return session
    }
}
