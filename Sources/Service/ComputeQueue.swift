import Budget
import Foundation
import Synchronization

/// Runs the routes' CPU-bound work — a live forecast's fit, a specification's fit, the budget simulation, a
/// backtest's fits at each origin — on threads of its own, so that it never occupies the threads Swift's
/// concurrency runs requests on. Without it two large budget comparisons held both of those threads of a two-core
/// machine, and `/health`, light reads and the handling of SIGTERM waited for them; with it the operating system
/// shares the cores, and other requests are answered at once.
///
/// The work runs on serial dispatch queues ("lanes"): serial queues get threads of their own from the
/// overcommitting pool, where a concurrent queue or an `OperationQueue` would take the threads of the global pool
/// that Swift's concurrency shares on Linux. At most one computation runs per lane; when every lane is busy, the
/// next computation waits in one first-in, first-out line and starts on the first lane to come free.
final class ComputeQueue: ComputeExecutor {
    private struct State {
        var free: [Int]
        var waiting: [@Sendable () -> Void] = []
    }

    private let lanes: [DispatchQueue]
    private let state: Mutex<State>
    /// Marks the lanes, so that code can tell it runs on one (``onLane``).
    private static let laneKey = DispatchSpecificKey<Int>()

    /// Whether the calling code runs on a lane of some compute queue.
    static var onLane: Bool { DispatchQueue.getSpecific(key: laneKey) != nil }

    /// A queue of `width` lanes (by default two per active core: a quick forecast rarely waits behind a long
    /// simulation, and a burst of simulations holds at most that many sets of paths in memory).
    init(width: Int = 2 * ProcessInfo.processInfo.activeProcessorCount) {
        let count = max(1, width)
        lanes = (0..<count).map { index in
            let lane = DispatchQueue(label: "biennium.compute.\(index)")
            lane.setSpecific(key: Self.laneKey, value: index)
            return lane
        }
        state = Mutex(State(free: Array((0..<count).reversed())))
    }

    /// The value of `work`, computed on a free lane (after those waiting before it); what it throws is rethrown.
    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            submit { continuation.resume(with: Result(catching: work)) }
        }
    }

    private func submit(_ job: @escaping @Sendable () -> Void) {
        let lane: Int? = state.withLock { state in
            if let lane = state.free.popLast() { return lane }
            state.waiting.append(job)
            return nil
        }
        if let lane { start(job, on: lane) }
    }

    private func start(_ job: @escaping @Sendable () -> Void, on lane: Int) {
        lanes[lane].async {
            job()
            let next: (@Sendable () -> Void)? = self.state.withLock { state in
                if state.waiting.isEmpty {
                    state.free.append(lane)
                    return nil
                }
                return state.waiting.removeFirst()
            }
            if let next { self.start(next, on: lane) }
        }
    }
}
