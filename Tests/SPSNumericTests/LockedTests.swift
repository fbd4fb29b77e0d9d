import Dispatch
import Testing
@testable import SPSNumeric

@Suite("Locked")
struct LockedTests {
    @Test("increments from several threads all land")
    func concurrentIncrements() {
        let counter = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            for _ in 0..<20_000 { counter.withLock { $0 += 1 } }
        }
        #expect(counter.withLock { $0 } == 80_000)
    }

    @Test("holds a noncopyable state and passes errors through")
    func noncopyableState() {
        struct Tally: ~Copyable { var items: [Int] = [] }
        struct Refused: Error {}
        let tally = Locked(Tally())
        tally.withLock { $0.items.append(1) }
        #expect(throws: Refused.self) {
            try tally.withLock { (t: inout Tally) throws(Refused) in
                t.items.append(2)
                throw Refused()
            }
        }
        // The lock was released by the throw: taking it again does not deadlock.
        #expect(tally.withLock { $0.items } == [1, 2])
    }
}
