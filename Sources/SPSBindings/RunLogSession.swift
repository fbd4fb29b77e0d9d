import Foundation
import SPSNumeric
import SPSRunLog

/// The run log of a session: which store studies are logged into (or none), opened on first use and kept open.
///
/// The command line's default is `~/.sps/runs.db`, or the path in `SPS_RUNS` (`SPS_RUNS=off` turns logging off);
/// `runs store="path"` chooses another at the prompt or in a script, `runs store=off` turns it off. A session made
/// without one (tests, golden scripts) logs nothing until a script chooses a store.
public final class RunLogSession: @unchecked Sendable {
    /// Where studies go.
    public enum Choice: Sendable, Equatable {
        case off
        /// A file, or `:memory:` for a store that lives as long as the session.
        case path(String)
    }

    /// The store chosen.
    public private(set) var choice: Choice
    /// How long a write waits for another process's before the store counts as locked.
    public var busyTimeout: Double
    var opened: RunStore?
    var lastFailure: RunLogError?

    /// A session logging to `choice`.
    public init(_ choice: Choice, busyTimeout: Double = 5) {
        self.choice = choice
        self.busyTimeout = busyTimeout
    }

    /// The default path when `SPS_RUNS` is not set.
    public static let defaultPath = "~/.sps/runs.db"

    /// The words of `SPS_RUNS` (and of `runs store=`) that turn the log off.
    public static let offWords: Set<String> = ["off", "none", "no", "0", "false"]

    /// The choice `SPS_RUNS` makes: unset means `~/.sps/runs.db`, an off word (or empty) means off, anything else is
    /// the store's path.
    public static func choice(environment: [String: String]) -> Choice {
        guard let value = environment["SPS_RUNS"] else { return .path(defaultPath) }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || offWords.contains(trimmed.lowercased()) { return .off }
        return .path(trimmed)
    }

    /// The session the command line uses: `SPS_RUNS`, or `~/.sps/runs.db`.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> RunLogSession {
        RunLogSession(choice(environment: environment))
    }

    /// Chooses another store (closing the one open).
    public func choose(_ choice: Choice) {
        self.choice = choice
        opened = nil
        lastFailure = nil
    }

    /// The open store, opening it if needed; nil when the log is off. A failure is thrown each time (the file may
    /// be fixed between two studies).
    public func store() throws(RunLogError) -> RunStore? {
        if let opened { return opened }
        guard case .path(let path) = choice else { return nil }
        do {
            let store = try RunStore(path: path, busyTimeout: busyTimeout)
            opened = store
            return store
        } catch {
            lastFailure = error
            throw error
        }
    }

    /// The store's file as an absolute path (`:memory:` as is), or nil when the log is off.
    public var path: String? {
        guard case .path(let path) = choice else { return nil }
        if path == ":memory:" { return path }
        let expanded = UserPath.expanded(path)
        return expanded.hasPrefix("/") ? expanded : FileManager.default.currentDirectoryPath + "/" + expanded
    }

    /// The store's path as users write it, or `off`.
    public var shown: String {
        switch choice {
        case .off: "off"
        case .path(let path): path
        }
    }
}
