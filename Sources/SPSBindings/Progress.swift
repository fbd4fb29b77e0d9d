/// What a long command reports to the progress line.
public struct TrainingProgress: Sendable {
    /// The epoch being run (1-based while mid-epoch).
    public var epoch: Int
    /// Optimizer steps so far.
    public var step: Int
    /// The last batch loss.
    public var loss: Double?
    /// Steps this command has taken so far.
    public var done: Int = 0
    /// Steps this command will take, when known (a bar and an estimate of the time left are shown then).
    public var total: Int?
}

/// Shows training progress while a command runs (the shell's progress line on a terminal).
public protocol ProgressReporter: AnyObject {
    /// The work starts.
    func begin()
    /// Between batches: where the work is.
    func update(_ progress: @autoclosure () -> TrainingProgress)
    /// The work ended (or was stopped): remove the display.
    func clear()
}
