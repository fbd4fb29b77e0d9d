import Foundation

/// An error writing a file (a plot, a dataset, a model, a transcript).
public struct FileWriteError: CoreError, Sendable {
    /// The path that was to be written.
    public var path: String
    /// What went wrong.
    public var reason: String
    /// Creates an error for `path`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    /// `cannot write 'path': reason`.
    public var message: String { "cannot write '\(path)': \(reason)" }
}

/// Whole-file writes that never leave a half-written or truncated file behind.
public enum AtomicFile {
    /// The system's words for a failed write ("File too large", "No space left on device") rather than
    /// Foundation's generic "The operation could not be completed".
    static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        return ns.localizedDescription
    }

    /// Writes `text` as UTF-8 to `path`: first to a temporary file in the same folder, then renamed over `path`.
    ///
    /// On any error the temporary file is removed and an existing file at `path` is left untouched.
    public static func write(_ text: String, to path: String) throws(FileWriteError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw FileWriteError(path: path, reason: "the folder '\(folder.path)' does not exist")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw FileWriteError(path: path, reason: "it is a folder")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try Data(text.utf8).write(to: temporary, options: [.withoutOverwriting])
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw FileWriteError(path: path, reason: reason(error))
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw FileWriteError(path: path, reason: reason)
        }
    }
}
