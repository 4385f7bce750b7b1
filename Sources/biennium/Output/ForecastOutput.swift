import Forecasting
import Foundation

/// Renders a forecast as a table, JSON or CSV.
enum ForecastOutput {
    struct Interval: Encodable { let level: Double; let lower: Double; let upper: Double }
    struct Row: Encodable { let period: Int; let mean: Double; let standardError: Double; let intervals: [Interval] }
    struct Document: Encodable {
        let series: String
        let unit: String
        let model: String
        let asOf: String?
        let lastObserved: Int
        let forecasts: [Row]
    }

    static func rows(_ f: Forecast) -> [Row] {
        (0..<f.horizon).map { h in
            Row(period: f.start + h, mean: f.mean[h], standardError: f.standardDeviation[h],
                intervals: f.intervals.map { Interval(level: $0.level, lower: $0.lower[h], upper: $0.upper[h]) })
        }
    }

    static func render(_ f: Forecast, series: String, unit: String, asOf: String?, lastObserved: Int, format: OutputFormat) throws -> String {
        let rows = rows(f)
        switch format {
        case .json:
            return try JSONOutput.encode(Document(series: series, unit: unit, model: f.model, asOf: asOf, lastObserved: lastObserved, forecasts: rows))
        case .csv:
            let header = ["period", "mean", "standard_error"] + f.intervals.flatMap { ["lower\(Int($0.level))", "upper\(Int($0.level))"] }
            return ([header.joined(separator: ",")] + rows.map { r in
                ([String(r.period), "\(r.mean)", "\(r.standardError)"] + r.intervals.flatMap { ["\($0.lower)", "\($0.upper)"] }).joined(separator: ",")
            }).joined(separator: "\n")
        case .table:
            let header = ["period", "forecast"] + f.intervals.flatMap { ["\(Int($0.level))% lower", "\(Int($0.level))% upper"] }
            var table = [header]
            for r in rows {
                table.append([String(r.period), String(format: "%.0f", r.mean)] + r.intervals.flatMap {
                    [String(format: "%.0f", $0.lower), String(format: "%.0f", $0.upper)]
                })
            }
            let title = "\(series) (\(unit)): \(f.model), from data through \(lastObserved)" + (asOf.map { " as known on \($0)" } ?? "")
            return ([title, ""] + TextTable.render(table, rightAligned: Set(1..<header.count))).joined(separator: "\n")
        }
    }
}
