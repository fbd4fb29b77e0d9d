#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Paths as users type them, resolved in one place for every file sps reads or writes (`FileBytes`, `AtomicFile`):
/// scripts (`load`, `sps file`), data (`csv`), models, plots (`to=`), session records and handouts.
public enum UserPath {
    /// `path` with a leading `~` expanded as a shell does: `~` and `~/…` are the home folder (`$HOME`, else the
    /// user's entry in the password database), `~name/…` is that user's home folder. Any other path, and a `~name`
    /// with no such user, is returned as it is.
    public static func expanded(_ path: String) -> String {
        guard path.hasPrefix("~") else { return path }
        let rest = path.dropFirst()
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let user = String(rest[..<slash])
        let tail = String(rest[slash...])
        guard let home = user.isEmpty ? currentHome() : home(of: user), !home.isEmpty else { return path }
        // `~/x` with a home of `/` is `/x`, not `//x`.
        return (home.hasSuffix("/") && tail.hasPrefix("/") ? String(home.dropLast()) : home) + tail
    }

    /// The current user's home folder.
    static func currentHome() -> String? {
        if let value = getenv("HOME"), value.pointee != 0 { return String(cString: value) }
        guard let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir else { return nil }
        return String(cString: dir)
    }

    /// The home folder of the user named `name`, if there is one.
    static func home(of name: String) -> String? {
        guard let entry = getpwnam(name), let dir = entry.pointee.pw_dir else { return nil }
        return String(cString: dir)
    }
}
