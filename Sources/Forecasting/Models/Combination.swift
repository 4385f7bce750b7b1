/// An equal-weight combination of forecasts (Clemen, 1989; the "Comb" benchmark of the M competitions).
///
/// The mean is the average of the members' means. The interval half-widths are the averages of the members'
/// standard deviations — the variance of the average when the members' errors are perfectly correlated, a
/// cautious choice since they share the data. Members that cannot fit the series are left out; the
/// combination fails only when all of them do.
public struct Combination: ForecastModel {
    public let members: [any ForecastModel]
    public let name: String

    public init(_ members: [any ForecastModel], name: String = "combo") {
        self.members = members
        self.name = name
    }

    public func forecast(_ series: TimeSeries, horizon: Int, levels: [Double]) throws(ForecastingError) -> Forecast {
        try Self.check(series, horizon: horizon, levels: levels)
        var forecasts: [Forecast] = []
        var firstError: ForecastingError?
        for member in members {
            do { forecasts.append(try member.forecast(series, horizon: horizon, levels: [])) } catch {
                firstError = firstError ?? error
            }
        }
        guard !forecasts.isEmpty else { throw firstError ?? .allMissing }
        let k = Double(forecasts.count)
        let mean = (0..<horizon).map { h in forecasts.reduce(0) { $0 + $1.mean[h] } / k }
        let sd = (0..<horizon).map { h in forecasts.reduce(0) { $0 + $1.standardDeviation[h] } / k }
        return Forecast(model: "Combination of " + forecasts.map(\.model).joined(separator: ", "), start: series.end,
                        mean: mean, standardDeviation: sd, levels: levels)
    }
}
