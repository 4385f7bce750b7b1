/// Where CPU-bound work runs: inline by default; the service passes a queue of its own threads, so that a long
/// backtest never holds the threads requests are served on.
public protocol ComputeExecutor: Sendable {
    /// The value of `work`; what it throws is rethrown.
    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T
}

/// Runs the work at once, on the caller's thread.
public struct InlineCompute: ComputeExecutor {
    /// The executor.
    public init() {}

    public func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T { try work() }
}
