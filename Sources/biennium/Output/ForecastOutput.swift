import Budget
import Forecasting
import Foundation

/// Renders a forecast as a table, JSON or CSV.
enum ForecastOutput {
    /// The forecast; with `inSample`, the model's parameters and one-step fitted values and residuals too (in
    /// CSV, the in-sample table instead of the forecasts: one table per file).
    static func render(_ f: Forecast, series: String, unit: String, asOf: String?, lastObserved: Int, format: OutputFormat,
                       inSample: Bool = false) throws -> String {
        let document = ForecastDocument(f, series: series, unit: unit, asOf: asOf, lastObserved: lastObserved, inSample: inSample)
        switch format {
        case .json:
            return try JSONOutput.encode(document)
        case .csv:
            return inSample ? document.inSampleCSV : document.csv
        case .table:
            let header = ["period", "forecast"] + f.intervals.flatMap { ["\(ForecastDocument.label($0.level))% lower", "\(ForecastDocument.label($0.level))% upper"] }
            var table = [header]
            for r in document.forecasts {
                table.append([String(r.period), NumberFormatting.figure(r.mean)] + r.intervals.flatMap {
                    [NumberFormatting.figure($0.lower), NumberFormatting.figure($0.upper)]
                })
            }
            let title = "\(series) (\(unit)): \(f.model), from data through \(lastObserved)" + (asOf.map { " as known on \($0)" } ?? "")
            var lines = [title, ""] + TextTable.render(table, rightAligned: Set(1..<header.count))
            if inSample { lines += [""] + inSampleLines(document) }
            return lines.joined(separator: "\n")
        }
    }

    /// The parameters on one line, then a table of the data, the one-step fitted values and the residuals.
    private static func inSampleLines(_ document: ForecastDocument) -> [String] {
        func number(_ x: Double?) -> String { x.map(NumberFormatting.figure) ?? "" }
        let parameters = (document.parameters ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key) = \(String(format: "%.6g", $0.value))" }
        var lines = ["Parameters: " + (parameters.isEmpty ? "none" : parameters.joined(separator: ", ")), ""]
        if let check = document.residualCheck {
            let filled = check.interpolated > 0 ? ", \(check.interpolated) of them interpolated across gaps" : ""
            lines += [String(format: "Residuals: Ljung-Box Q* = %.3f, %ld lags, %ld df, p = %.4g (%ld residuals%@; a small p means autocorrelation left)",
                             check.statistic, check.lag, check.degreesOfFreedom, check.pValue, check.residuals, filled), ""]
        }
        let rows = document.inSample ?? []
        guard !rows.isEmpty else { return lines + ["No in-sample fit for this model."] }
        var table = [["period", "value", "fitted", "residual"]]
        for r in rows { table.append([String(r.period), number(r.value), number(r.fitted), number(r.residual)]) }
        lines += ["In-sample one-step-ahead fitted values and residuals:", ""] + TextTable.render(table, rightAligned: [1, 2, 3])
        return lines
    }
}
