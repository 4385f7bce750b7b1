import Foundation
import Synchronization

/// Runs the routes' CPU-bound work — model fits, the budget simulation — on threads of its own, so that it never
/// occupies the threads Swift's concurrency runs requests on. Without it two large budget comparisons held both
/// of those threads of a two-core machine, and `/health`, light reads and the handling of SIGTERM waited for them;
/// with it the operating system shares the cores, and every other request is answered at once.
///
/// The work goes to serial dispatch queues ("lanes"): serial queues get threads of their own from the
/// overcommitting pool, where a concurrent queue or an `OperationQueue` would take the threads of the global pool
/// that Swift's concurrency shares on Linux. Each computation goes to the lane with the least work waiting, so a
/// quick forecast does not queue behind a long simulation while a lane is free; with every lane busy (more
/// computations at once than lanes, four per core by default) the next one waits for a lane.
final class ComputeQueue: Sendable {
    private let lanes: [DispatchQueue]
    private let waiting: Mutex<[Int]>

    /// A queue of `width` lanes (by default four per active core).
    init(width: Int = 4 * ProcessInfo.processInfo.activeProcessorCount) {
        let count = max(1, width)
        lanes = (0..<count).map { DispatchQueue(label: "biennium.compute.\($0)") }
        waiting = Mutex(Array(repeating: 0, count: count))
    }

    /// The value of `work`, computed on the least busy lane; what it throws is rethrown.
    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        let index = waiting.withLock { counts in
            let index = counts.indices.min { counts[$0] < counts[$1] }!
            counts[index] += 1
            return index
        }
        return try await withCheckedThrowingContinuation { continuation in
            lanes[index].async {
                let result = Result(catching: work)
                self.waiting.withLock { $0[index] -= 1 }
                continuation.resume(with: result)
            }
        }
    }
}
