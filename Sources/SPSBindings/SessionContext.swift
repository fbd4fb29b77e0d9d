import SPSLanguage
import SPSNumeric
import SPSTraining

/// Everything the bindings, the shell and the REPL keep per session and pass to each other through the
/// interpreter: one typed field for each, and one `isolatedCopy()` for what a `repeat` run starts with.
public final class SessionContext: HostContext {
    /// How many streams of each purpose commands have used since the last `seed` (see `nextStream`).
    var streamUses: [StreamPurpose: UInt64] = [:]
    /// What `record name=value` has recorded in this `repeat` run, in the order first recorded.
    var studyRecord: [(String, Value)] = []
    /// The row count of the `scm` block being run (nil outside one).
    var scmRows: Int?
    /// How many `load`s are running inside each other.
    package var loadDepth = 0
    /// How many `repeat` runs enclose this one (0 at the session's top level).
    public internal(set) var runDepth = 0
    /// True once `quit` has run: the prompt or the script stops.
    public var quitRequested = false
    /// Colours for output (echoed numbers, help headers).
    public var style = TerminalStyle.plain
    /// The prompt's history, oldest first (only at the prompt).
    public var history: (() -> [String])?
    /// Starts (a path) or stops (nil) recording the session as a script; the success value is a note to show
    /// (only at the prompt).
    public var recordSession: ((String?) -> Result<String, RuntimeError>)?
    /// Waits for the reader in a stepped walkthrough (`sps --step`); nil elsewhere, where `pause` does nothing.
    public var pause: (() -> Void)?
    /// Shows training progress (the shell's progress line on a terminal).
    public var progress: (any ProgressReporter)?
    /// The run log studies are logged into (nil: off; a run's copy has none, so nested studies are not logged).
    public var runLog: RunLogSession?
    /// The history of the last training loop made in this run (read when a `repeat` run ends, for the run log).
    var lastLoopHistory: (() -> Table?)?
    /// How many `repeat`s have started at the session's top level (a Slurm study is found by its place among them).
    var topLevelRepeats = 0
    /// The entries the session has run so far, in order, each under its name (the prompt's `<stdin:N>`, a script's
    /// path): what a Slurm task replays to rebuild the session. Nil where the script the call is in is the session.
    public var sessionEntries: (() -> [(name: String, text: String)])?

    /// A context with nothing used or recorded yet.
    public init() {}

    /// What a run starts with: fresh streams and record, the same style and load depth, one more run level, and
    /// none of the prompt's hooks (a run has no prompt, no reader to pause for and no progress line).
    public func isolatedCopy() -> any HostContext {
        let copy = SessionContext()
        copy.loadDepth = loadDepth
        copy.runDepth = runDepth + 1
        copy.style = style
        return copy
    }
}

extension Interpreter {
    /// This session's context (made on first use for an interpreter created without one).
    public var context: SessionContext {
        if let context = host as? SessionContext { return context }
        let context = SessionContext()
        host = context
        return context
    }

    /// The colours for this session's output.
    public var outputStyle: TerminalStyle { context.style }
}
