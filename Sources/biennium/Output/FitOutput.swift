import Budget
import Foundation
import Store

/// Renders fits and, for refits, what changed.
enum FitOutput {
    struct Change: Encodable {
        let parameter: String
        let previous: JSONNumber
        let current: JSONNumber
    }

    /// The forecast of one year by the previous fit and by this one.
    struct ForecastChange: Encodable {
        let period: Int
        let previous: JSONNumber
        let current: JSONNumber
        let percent: JSONNumber
    }

    struct Row: Encodable {
        let name: String
        let series: String
        let model: String
        let fitted: String?
        let version: Int?
        let lastPeriod: String?
        let observations: Int?
        let forecast: [Double]
        let parameters: [String: Double]
        let error: String?
        let previousVersion: Int?
        let previousLastPeriod: String?
        let modelChanged: Bool?
        let parameterChanges: [Change]?
        /// The years both fits forecast, each with both forecasts: a fit on a later year's data starts a year
        /// later, so its first forecast is compared with the previous fit's second, not its first.
        let forecastChanges: [ForecastChange]?
    }

    static func rows(_ results: [SpecificationFit], showChanges: Bool) -> [Row] {
        results.map { r in
            let record = r.record, previous = showChanges ? r.previous : nil
            var changes: [Change]?
            var forecastChange: [ForecastChange]?
            if let record, let previous {
                // Standard errors (`se.*`) are stored and printed with each fit but not listed as changes: they
                // move with every estimate, and are left out where the information is not positive definite.
                let keys = Set(record.parameters.keys).union(previous.parameters.keys).filter { !$0.hasPrefix("se.") }.sorted()
                changes = keys.compactMap { key in
                    let old = previous.parameters[key], new = record.parameters[key]
                    if let old, let new, abs(old - new) <= 1e-9 * max(abs(old), 1) { return nil }
                    return Change(parameter: key, previous: JSONNumber(old), current: JSONNumber(new))
                }
                forecastChange = Self.changes(current: record.forecast, after: record.lastPeriod,
                                              previous: previous.forecast, after: previous.lastPeriod)
            }
            return Row(name: r.spec.name, series: r.spec.series.rawValue, model: r.spec.model, fitted: record?.fitted, version: record?.version,
                       lastPeriod: record?.lastPeriod, observations: record?.observations, forecast: record?.forecast ?? [],
                       parameters: record?.parameters ?? [:], error: r.error, previousVersion: previous?.version,
                       previousLastPeriod: previous?.lastPeriod, modelChanged: previous == nil ? nil : r.modelChanged ?? true,
                       parameterChanges: changes, forecastChanges: forecastChange)
        }
    }

    /// The forecasts of the years both fits cover, matched by year (each fit forecasts the years after the last
    /// period of its data).
    static func changes(current: [Double], after currentLast: String, previous: [Double], after previousLast: String) -> [ForecastChange] {
        guard let currentStart = Int(currentLast).map({ $0 + 1 }), let previousStart = Int(previousLast).map({ $0 + 1 }) else { return [] }
        return current.enumerated().compactMap { step, value in
            let year = currentStart + step, earlier = year - previousStart
            guard previous.indices.contains(earlier) else { return nil }
            let old = previous[earlier]
            return ForecastChange(period: year, previous: JSONNumber(old), current: JSONNumber(value),
                                  percent: JSONNumber(old == 0 ? nil : 100 * (value - old) / abs(old)))
        }
    }

    static func render(_ results: [SpecificationFit], showChanges: Bool, format: OutputFormat) throws -> String {
        let rows = rows(results, showChanges: showChanges)
        if format == .json { return try JSONOutput.encode(["fits": rows]) }
        var table = [["specification", "series", "fitted model", "data through", "version", "first forecast"]]
        for row in rows {
            table.append([row.name, row.series, row.error.map { "failed: \($0)" } ?? row.fitted ?? "", row.lastPeriod ?? "",
                          row.version.map(String.init) ?? "", row.forecast.first.map { String(format: "%.0f", $0) } ?? ""])
        }
        var lines = TextTable.render(table)
        guard showChanges else { return lines.joined(separator: "\n") }
        for row in rows where row.error == nil {
            lines.append("")
            guard let previous = row.previousVersion else {
                lines.append("\(row.name): first fit (version \(row.version ?? 1)); nothing to compare with")
                continue
            }
            lines.append("\(row.name): version \(previous) → \(row.version ?? 0); data through \(row.previousLastPeriod ?? "?") → \(row.lastPeriod ?? "?")"
                         + (row.modelChanged == true ? "; the selected model changed" : ""))
            let changes = row.parameterChanges ?? []
            if changes.isEmpty { lines.append("  parameters unchanged") }
            for change in changes {
                lines.append("  \(change.parameter): \(change.previous.value.map { String(format: "%.6g", $0) } ?? "—") → \(change.current.value.map { String(format: "%.6g", $0) } ?? "—")")
            }
            if let shifts = row.forecastChanges {
                lines.append(shifts.isEmpty ? "  no forecast year in common with version \(previous)"
                             : "  forecast change, same year: " + shifts.map { "\($0.period) \($0.percent.value.map { String(format: "%+.2f%%", $0) } ?? "—")" }
                                .joined(separator: ", "))
            }
        }
        return lines.joined(separator: "\n")
    }
}
