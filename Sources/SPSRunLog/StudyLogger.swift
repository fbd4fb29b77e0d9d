import Foundation

/// Logs one study's runs into a store off the workers' path: a worker only appends its run's start or end to a
/// list under a lock; a thread of the logger's own writes the list in one transaction when it holds `batchSize`
/// events or `interval` seconds have passed, so a finished run is on the disk within that interval (and survives
/// a kill -9), and logging costs the study one transaction per batch, not one per run.
///
/// A write that fails (a full disk, a store locked for longer than its busy timeout) stops the logging, not the
/// study: `failure` says why, and the study ends as it would have.
public final class StudyLogger: @unchecked Sendable {
    public let store: RunStore
    public let studyID: Int64
    let batchSize: Int
    let interval: Double
    let condition = NSCondition()
    // Guarded by `condition`:
    var starts: [RunStore.Start] = []
    var ends: [RunStore.End] = []
    var closing = false
    var writerDone = false
    var firstFailure: RunLogError?
    /// Written by the writer thread only (and read after it is done).
    var ids: [Int: Int64] = [:]
    var written = 0

    /// Starts logging into `study` (already inserted or reopened).
    public init(store: RunStore, studyID: Int64, batchSize: Int = 256, interval: Double = 0.1) {
        self.store = store
        self.studyID = studyID
        self.batchSize = batchSize
        self.interval = interval
        let thread = Thread { [self] in writeLoop() }
        thread.name = "sps run log"
        thread.start()
    }

    /// Notes that a run started.
    public func started(_ start: RunStore.Start) {
        condition.lock()
        if firstFailure == nil { starts.append(start) }
        let full = starts.count + ends.count >= batchSize
        condition.unlock()
        if full { condition.signal() }
    }

    /// Notes that a run ended.
    public func ended(_ end: RunStore.End) {
        condition.lock()
        if firstFailure == nil { ends.append(end) }
        let full = starts.count + ends.count >= batchSize
        condition.unlock()
        if full { condition.signal() }
    }

    /// Why logging stopped, if it did.
    public var failure: RunLogError? {
        condition.lock()
        defer { condition.unlock() }
        return firstFailure
    }

    /// Writes what is left, stops the writer and ends the study with its status and table; returns why logging
    /// failed, if it did.
    @discardableResult
    public func finish(status: RunStatus, message: String?, table: StoredTable?) -> RunLogError? {
        condition.lock()
        closing = true
        condition.broadcast()
        while !writerDone { condition.wait() }
        var failure = firstFailure
        condition.unlock()
        if failure == nil {
            do {
                try store.end(study: studyID, status: status, message: message, table: table)
            } catch {
                failure = error
            }
        }
        return failure
    }

    /// The writer thread: waits for a batch, the interval or the end, and writes.
    func writeLoop() {
        condition.lock()
        while true {
            let deadline = Date(timeIntervalSinceNow: interval)
            while !closing && starts.count + ends.count < batchSize {
                if !condition.wait(until: deadline) { break }
            }
            let batch = (starts, ends)
            starts = []
            ends = []
            let last = closing
            if !batch.0.isEmpty || !batch.1.isEmpty, firstFailure == nil {
                condition.unlock()
                do {
                    let inserted = try store.write(study: studyID, starts: batch.0, ends: batch.1, known: ids)
                    ids.merge(inserted) { $1 }
                    written += batch.1.count
                    condition.lock()
                } catch {
                    condition.lock()
                    firstFailure = error
                }
            }
            if last && starts.isEmpty && ends.isEmpty { break }
        }
        writerDone = true
        condition.broadcast()
        condition.unlock()
    }
}
