import Budget
import Forecasting
import Foundation

/// Renders a forecast as a table, JSON or CSV.
enum ForecastOutput {
    static func render(_ f: Forecast, series: String, unit: String, asOf: String?, lastObserved: Int, format: OutputFormat) throws -> String {
        let document = ForecastDocument(f, series: series, unit: unit, asOf: asOf, lastObserved: lastObserved)
        switch format {
        case .json:
            return try JSONOutput.encode(document)
        case .csv:
            return document.csv
        case .table:
            let header = ["period", "forecast"] + f.intervals.flatMap { ["\(Int($0.level))% lower", "\(Int($0.level))% upper"] }
            var table = [header]
            for r in document.forecasts {
                table.append([String(r.period), String(format: "%.0f", r.mean)] + r.intervals.flatMap {
                    [String(format: "%.0f", $0.lower), String(format: "%.0f", $0.upper)]
                })
            }
            let title = "\(series) (\(unit)): \(f.model), from data through \(lastObserved)" + (asOf.map { " as known on \($0)" } ?? "")
            return ([title, ""] + TextTable.render(table, rightAligned: Set(1..<header.count))).joined(separator: "\n")
        }
    }
}
