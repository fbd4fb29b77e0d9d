import SPSBindings
import SPSLanguage

/// The training core's commands (from the bindings) with the shell's plot and classroom commands.
public struct TrainingLibrary: CommandLibrary {
    public init() {}

    public func register(in session: Session) {
        session.register(TrainingCommands.all() + [ReportCommand.report] + PlotCommands.all() + GraphCommands.all() + ClassroomCommands.all())
    }
}

extension Session {
    /// A session with the language's built-ins, the whole training library, the prelude, and the other built-in
    /// libraries written in sps (`Prelude.builtIn`), which load on first use: what `sps` runs.
    public static func standard(output: any OutputSink, errors: any OutputSink, interrupt: InterruptFlag = InterruptFlag()) -> Session {
        let session = Session(output: output, errors: errors, interrupt: interrupt)
        session.registerCommands(TrainingLibrary())
        session.registerCommands(ShellLibrary())
        session.registerCommands(Prelude())
        // The other libraries written in sps load when a program first names one of their defs. A problem loading
        // one goes to the session's error output, or, in a `repeat` run (an isolated copy on a worker thread), to
        // the run's own output, which the study writes out in order (the error output is no place for two threads).
        nonisolated(unsafe) let errors = session.errorOutput
        let own = ObjectIdentifier(session.interpreter)
        let libraries = OnDemandLibraries(Array(Prelude.builtIn.dropFirst())) { text, interpreter in
            if ObjectIdentifier(interpreter) == own { errors.write(text) } else { interpreter.output.write(text) }
        }
        session.interpreter.onDemand = libraries.hooks
        return session
    }
}
