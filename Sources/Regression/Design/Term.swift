import LinearAlgebra

/// One regressor (or the response) of a linear model, built from the data.
///
/// Labels follow R's `lm`: `(Intercept)`, `x`, `I(x^2)`, `log(z)`, `lag(x, 1)`, `trend`, `step(2020)`.
public indirect enum Term: Hashable, Sendable, CustomStringConvertible {
    /// The column of ones.
    case intercept
    /// A data column.
    case variable(String)
    /// `I(term^k)`, the power computed in double-double and rounded once (correctly rounded in practice).
    case power(Term, Int)
    /// Natural logarithm; values must be positive.
    case log(Term)
    /// The value `k` periods earlier when the data have a time column of distinct periods (unavailable where that
    /// period is missing, so a lag never reaches across a gap), otherwise `k` rows earlier; the first `k`
    /// become unavailable.
    case lag(Term, Int)
    /// The period counted from the first, 1, 2, … when the data have a time column of distinct periods (a gap
    /// skips its numbers, so the slope is per period), otherwise the observation number 1, 2, …, n (as
    /// `tslm`'s `trend`).
    case trend
    /// A level shift: 0 before the period, 1 from it on (needs the time index).
    case step(Double)
    /// A one-period intervention: 1 at the period, 0 elsewhere (needs the time index).
    case pulse(Double)
    /// An indicator: 1 where the column equals the level.
    case dummy(String, level: Double)

    public var description: String {
        switch self {
        case .intercept: return "(Intercept)"
        case .variable(let name): return name
        case .power(let base, let k): return "I(\(base)^\(k))"
        case .log(let inner): return "log(\(inner))"
        case .lag(let inner, let k): return "lag(\(inner), \(k))"
        case .trend: return "trend"
        case .step(let period): return "step(\(Self.format(period)))"
        case .pulse(let period): return "pulse(\(Self.format(period)))"
        case .dummy(let name, let level): return "dummy(\(name), \(Self.format(level)))"
        }
    }

    private static func format(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// The term's value in each row; `nil` where a lag reaches before the first row.
    /// - Throws: `.unknownColumn`, `.nonPositiveLogArgument`, `.missingTimeIndex`, `.nonFiniteValue`.
    public func evaluate(on data: RegressionData) throws(RegressionError) -> [Double?] {
        let n = data.rowCount
        switch self {
        case .intercept:
            return Array(repeating: 1, count: n)
        case .variable(let name):
            let values = try data.column(name)
            if let bad = values.firstIndex(where: { !$0.isFinite }) { throw .nonFiniteValue(column: name, row: bad) }
            return values.map(Optional.some)
        case .power(let base, let k):
            return try base.evaluate(on: data).map { $0.map { Self.power($0, k) } }
        case .log(let inner):
            let values = try inner.evaluate(on: data)
            var result = [Double?](repeating: nil, count: n)
            for (row, value) in values.enumerated() {
                guard let value else { continue }
                guard value > 0 else { throw .nonPositiveLogArgument(term: description, row: row, value: value) }
                result[row] = Foundation.log(value)
            }
            return result
        case .lag(let inner, let k):
            let values = try inner.evaluate(on: data)
            guard let (time, step) = data.periods else { return (0..<n).map { $0 >= k ? values[$0 - k] : nil } }
            let row = Dictionary(uniqueKeysWithValues: time.enumerated().map { ($1, $0) })
            return time.map { t in row[t - Double(k) * step].flatMap { values[$0] } }
        case .trend:
            guard let (time, step) = data.periods, let first = data.trendFirstPeriod ?? time.min() else {
                return (0..<n).map { Double(data.rowsBefore + $0 + 1) }
            }
            return time.map { ($0 - first) / step + 1 }
        case .step(let period):
            let time = try requireTime(data)
            return time.map { $0 >= period ? 1 : 0 }
        case .pulse(let period):
            let time = try requireTime(data)
            return time.map { $0 == period ? 1 : 0 }
        case .dummy(let name, let level):
            return try data.column(name).map { $0 == level ? 1 : 0 }
        }
    }

    /// Whether the term is `trend` or holds a `lag`: the terms that follow a time column's periods.
    public var readsPeriods: Bool {
        switch self {
        case .trend, .lag: return true
        case .power(let base, _): return base.readsPeriods
        case .log(let inner): return inner.readsPeriods
        default: return false
        }
    }

    private func requireTime(_ data: RegressionData) throws(RegressionError) -> [Double] {
        guard let time = try data.timeIndex() else { throw .missingTimeIndex(term: description) }
        return time
    }

    /// `x^k` for integer `k ≥ 0`, by repeated double-double multiplication rounded once at the end.
    static func power(_ x: Double, _ k: Int) -> Double {
        var result = DoubleDouble(1)
        for _ in 0..<k { result = result * x }
        return result.doubleValue
    }
}

import Foundation

extension Term {
    /// The data columns the term reads.
    public var columnsReferenced: [String] {
        switch self {
        case .intercept, .trend, .step, .pulse: return []
        case .variable(let name), .dummy(let name, _): return [name]
        case .power(let inner, _), .log(let inner), .lag(let inner, _): return inner.columnsReferenced
        }
    }
}

extension Formula {
    /// Every data column the formula reads, response first, without repeats.
    public var columnsReferenced: [String] {
        var seen = Set<String>()
        return ([response] + terms).flatMap(\.columnsReferenced).filter { seen.insert($0).inserted }
    }
}
