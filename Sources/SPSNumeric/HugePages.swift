#if canImport(Glibc)
import Glibc
#endif

/// Asks the kernel to back a large, freshly allocated buffer with transparent huge pages (`madvise(MADV_HUGEPAGE)`,
/// as numpy does for its large arrays), so that filling it takes hundreds of page faults instead of tens of
/// thousands: a gather of 1,000,000 rows into 64 MB spends about half its time in page faults otherwise. A hint
/// only: where the kernel has no transparent huge pages (or not on Linux) nothing changes.
func adviseHugePages(_ start: UnsafeMutableRawPointer, bytes: Int) {
    #if os(Linux)
    let huge = 2 << 20
    guard bytes >= 2 * huge else { return }
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    guard page > 0 else { return }
    let first = (Int(bitPattern: start) + page - 1) / page * page
    let last = (Int(bitPattern: start) + bytes) / page * page
    if last > first, let aligned = UnsafeMutableRawPointer(bitPattern: first) {
        _ = madvise(aligned, last - first, MADV_HUGEPAGE)
    }
    #endif
}
