/// Why a budget comparison cannot be made; each case names what is missing or wrong.
public enum BudgetError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No budget line has a budget figure for the biennium.
    case noBudget(Biennium?, available: [Biennium])
    /// A line's projection needs a figure the data does not hold.
    case missingData(line: String, reason: String)
    /// The number of simulated paths must be positive.
    case invalidPaths(Int)
    /// A rolling-origin backtest could not score any origin (or the series is not annual); `reason` says why.
    case nothingToBacktest(series: String, reason: String)
    /// A scenario asks for something the projection cannot do (a regressor path no model reads, a fee that would
    /// make income per unit negative); `reason` says which key and why.
    case invalidScenario(name: String, reason: String)
    /// No line of the biennium's budget can be projected on the date (nothing of it was published by then).
    case nothingToProject(biennium: String, asOf: String?, reasons: [String])

    public var description: String {
        switch self {
        case .noBudget(let biennium, let available):
            let known = available.isEmpty ? "no biennium has budget figures in this store (import Datasets/ first)"
                : "budgets are stored for \(available.map(\.description).joined(separator: ", "))"
            guard let biennium else { return "no budget data: \(known)" }
            return "no budget data for the \(biennium) biennium; \(known)"
        case .missingData(let line, let reason):
            return "\(line): \(reason)"
        case .invalidPaths(let paths):
            return "the number of simulated paths must be at least 1; got \(paths)"
        case .nothingToBacktest(let series, let reason):
            return "\(series): nothing to backtest: \(reason)"
        case .invalidScenario(let name, let reason):
            return "scenario '\(name)': \(reason)"
        case .nothingToProject(let biennium, let asOf, let reasons):
            return "no line of the \(biennium) budget can be projected" + (asOf.map { " from the data as known on \($0)" } ?? "")
                + " (\(reasons.joined(separator: "; ")))" + (asOf == nil ? "" : "; give a later date")
        }
    }
}
