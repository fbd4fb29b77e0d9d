import SPSLanguage

/// The training core's commands: data, models, optimizers, loops, evaluation and studies.
public enum TrainingCommands {
    /// Every command the bindings define, to register with an interpreter.
    public static func all() -> [Command] {
        DataCommands.all() + CausalCommands.all() + ModelCommands.all() + LoopCommands.all() + StudyCommands.all() + RunsCommands.all()
            + MetricCommands.all() + SelectionCommands.all() + EnsembleCommands.all()
    }
}
