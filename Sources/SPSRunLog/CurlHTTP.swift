import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// HTTP requests through libcurl, opened with `dlopen` the first time one is made.
///
/// Linking Foundation's networking (URLSession) loaded libcurl and the thirty libraries it needs (TLS, Kerberos,
/// LDAP …) into every sps process at start-up: 9 ms of a 26 ms start, paid by every script for the one command that
/// talks to a server (`runs mlflow`). Opening libcurl only then keeps start-up free of it. Options are passed
/// through the variadic `curl_easy_setopt` called with a fixed prototype per argument type (a long, a pointer),
/// which the x86-64 and AArch64 Linux calling conventions pass exactly as a variadic call does.
enum CurlHTTP {
    /// An answer: the HTTP status and the body.
    struct Answer {
        var status: Int
        var body: Data
    }

    /// What went wrong before an answer came (libcurl missing, the server unreachable, the time limit).
    struct Failure: Error {
        var message: String
    }

    /// Sends one request and waits for the answer, at most `timeout` seconds.
    static func send(_ method: String, url: String, body: Data?, headers: [String], timeout: Double) throws(Failure) -> Answer {
        let api = try Library.shared.get()
        guard let handle = api.easyInit() else { throw Failure(message: "libcurl could not start a request") }
        defer { api.easyCleanup(handle) }
        var list: OpaquePointer?
        for header in headers { list = header.withCString { api.slistAppend(list, $0) } }
        defer { api.slistFreeAll(list) }
        let sink = Sink()
        let sinkPointer = Unmanaged.passUnretained(sink).toOpaque()
        var errorBuffer = [CChar](repeating: 0, count: 256)  // CURL_ERROR_SIZE
        let code: Int32 = url.withCString { urlText in
            method.withCString { methodText in
                errorBuffer.withUnsafeMutableBufferPointer { errors in
                    let payload = body ?? Data()
                    return payload.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Int32 in
                        _ = api.setPointer(handle, Option.url, urlText)
                        _ = api.setPointer(handle, Option.errorBuffer, errors.baseAddress)
                        _ = api.setLong(handle, Option.noSignal, 1)
                        _ = api.setLong(handle, Option.timeoutMS, max(1, Int(timeout * 1000)))
                        _ = api.setPointer(handle, Option.writeData, sinkPointer)
                        _ = api.setFunction(handle, Option.writeFunction, sinkWrite)
                        if let list { _ = api.setPointer(handle, Option.httpHeader, UnsafeRawPointer(list)) }
                        if body != nil {
                            _ = api.setLong(handle, Option.post, 1)
                            _ = api.setLong(handle, Option.postFieldSize, bytes.count)
                            // A non-null pointer even for an empty body: null would make libcurl read a callback.
                            _ = api.setPointer(handle, Option.postFields, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1))
                        } else {
                            _ = api.setLong(handle, Option.httpGet, 1)
                        }
                        if method != "GET" && method != "POST" { _ = api.setPointer(handle, Option.customRequest, methodText) }
                        return api.easyPerform(handle)
                    }
                }
            }
        }
        guard code == 0 else {
            let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let text = detail.isEmpty ? (api.easyStrerror(code).map { String(cString: $0) } ?? "error \(code)") : detail
            throw Failure(message: text)
        }
        var status = 0
        _ = api.getLong(handle, Info.responseCode, &status)
        return Answer(status: status, body: sink.data)
    }

    /// Collects the body libcurl hands over piece by piece.
    final class Sink {
        var data = Data()
    }

    /// libcurl's write callback: appends to the `Sink` passed as its user data.
    static let sinkWrite: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = { pointer, size, count, user in
        let length = size * count
        guard let pointer, let user else { return length }
        Unmanaged<Sink>.fromOpaque(user).takeUnretainedValue().data.append(UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: length)
        return length
    }

    /// The `CURLoption` values used (curl.h: a type base plus a number).
    enum Option {
        static let writeData: Int32 = 10_001, url: Int32 = 10_002, errorBuffer: Int32 = 10_010
        static let writeFunction: Int32 = 20_011, postFields: Int32 = 10_015, httpHeader: Int32 = 10_023
        static let customRequest: Int32 = 10_036, post: Int32 = 47, postFieldSize: Int32 = 60, httpGet: Int32 = 80
        static let noSignal: Int32 = 99, timeoutMS: Int32 = 155
    }

    /// The `CURLINFO` values used.
    enum Info {
        static let responseCode: Int32 = 0x200000 + 2
    }

    /// The functions of libcurl sps calls, looked up once.
    struct API: @unchecked Sendable {
        let easyInit: @convention(c) () -> OpaquePointer?
        let easyCleanup: @convention(c) (OpaquePointer?) -> Void
        let easyPerform: @convention(c) (OpaquePointer?) -> Int32
        let easyStrerror: @convention(c) (Int32) -> UnsafePointer<CChar>?
        let setLong: @convention(c) (OpaquePointer?, Int32, Int) -> Int32
        let setPointer: @convention(c) (OpaquePointer?, Int32, UnsafeRawPointer?) -> Int32
        let setFunction: @convention(c) (OpaquePointer?, Int32, @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int) -> Int32
        let getLong: @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<Int>) -> Int32
        let slistAppend: @convention(c) (OpaquePointer?, UnsafePointer<CChar>) -> OpaquePointer?
        let slistFreeAll: @convention(c) (OpaquePointer?) -> Void
    }

    /// libcurl, opened on first use (and `curl_global_init` run once, under the lock).
    final class Library: @unchecked Sendable {
        static let shared = Library()
        private let lock = NSLock()
        private var api: API?

        /// The functions, or why they cannot be had.
        func get() throws(Failure) -> API {
            lock.lock()
            defer { lock.unlock() }
            if let api { return api }
            var handle: UnsafeMutableRawPointer?
            for name in ["libcurl.so.4", "libcurl.so", "libcurl-gnutls.so.4"] where handle == nil {
                handle = dlopen(name, RTLD_NOW | RTLD_LOCAL)
            }
            guard let handle else {
                throw Failure(message: "libcurl is not installed (it sends the requests; on Debian: apt-get install libcurl4)")
            }
            func symbol<T>(_ name: String, _ type: T.Type) throws(Failure) -> T {
                guard let pointer = dlsym(handle, name) else { throw Failure(message: "libcurl has no \(name)") }
                return unsafeBitCast(pointer, to: type)
            }
            typealias GlobalInit = @convention(c) (Int) -> Int32
            _ = try symbol("curl_global_init", GlobalInit.self)(3)  // CURL_GLOBAL_DEFAULT
            let setopt = try symbol("curl_easy_setopt", UnsafeMutableRawPointer.self)
            let getinfo = try symbol("curl_easy_getinfo", UnsafeMutableRawPointer.self)
            let made = API(
                easyInit: try symbol("curl_easy_init", (@convention(c) () -> OpaquePointer?).self),
                easyCleanup: try symbol("curl_easy_cleanup", (@convention(c) (OpaquePointer?) -> Void).self),
                easyPerform: try symbol("curl_easy_perform", (@convention(c) (OpaquePointer?) -> Int32).self),
                easyStrerror: try symbol("curl_easy_strerror", (@convention(c) (Int32) -> UnsafePointer<CChar>?).self),
                setLong: unsafeBitCast(setopt, to: (@convention(c) (OpaquePointer?, Int32, Int) -> Int32).self),
                setPointer: unsafeBitCast(setopt, to: (@convention(c) (OpaquePointer?, Int32, UnsafeRawPointer?) -> Int32).self),
                setFunction: unsafeBitCast(setopt, to: (@convention(c) (OpaquePointer?, Int32, @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int) -> Int32).self),
                getLong: unsafeBitCast(getinfo, to: (@convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<Int>) -> Int32).self),
                slistAppend: try symbol("curl_slist_append", (@convention(c) (OpaquePointer?, UnsafePointer<CChar>) -> OpaquePointer?).self),
                slistFreeAll: try symbol("curl_slist_free_all", (@convention(c) (OpaquePointer?) -> Void).self))
            api = made
            return made
        }
    }
}
