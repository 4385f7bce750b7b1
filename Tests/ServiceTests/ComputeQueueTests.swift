import Foundation
@testable import Service
import Synchronization
import Testing

/// An error the work throws, to see it rethrown.
private struct Refused: Error, Equatable {}

/// How many computations run at once, and the most that ever did.
private final class Concurrency: Sendable {
    let running = Atomic<Int>(0)
    let most = Atomic<Int>(0)

    func enter() {
        let now = running.add(1, ordering: .sequentiallyConsistent).newValue
        _ = most.max(now, ordering: .sequentiallyConsistent)
    }

    func leave() { running.subtract(1, ordering: .sequentiallyConsistent) }
}

/// The queue the routes compute on: results and errors come back, and no more computations run at once than
/// it has lanes.
@Suite("Compute queue") struct ComputeQueueTests {
    @Test("returns the work's value, rethrows its error, and never runs more than its lanes at once")
    func widthAndResults() async throws {
        let queue = ComputeQueue(width: 2)
        #expect(try await queue.run { 6 * 7 } == 42)
        // The work runs on one of the queue's own lanes, not on the threads Swift's concurrency serves requests on.
        #expect(try await queue.run { ComputeQueue.onLane } && !ComputeQueue.onLane)
        await #expect(throws: Refused()) { try await queue.run { () throws -> Int in throw Refused() } }
        let concurrency = Concurrency()
        let sum = try await withThrowingTaskGroup(of: Int.self) { group in
            for k in 0..<8 {
                group.addTask {
                    try await queue.run {
                        concurrency.enter()
                        var x = 0.0
                        for i in 0..<200_000 { x += Double(i % 7) }      // some work, so that runs overlap if they can
                        concurrency.leave()
                        return x > 0 ? k : -1
                    }
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(sum == 28)
        #expect(concurrency.most.load(ordering: .sequentiallyConsistent) <= 2)
        // One lane: every computation waits its turn in the line, and each comes back.
        let single = ComputeQueue(width: 1)
        let values = try await withThrowingTaskGroup(of: Int.self) { group in
            for k in 0..<6 { group.addTask { try await single.run { k * k } } }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(values.sorted() == [0, 1, 4, 9, 16, 25])
    }
}
