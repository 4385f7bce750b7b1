import ArgumentParser
import Budget
import Forecasting
import Foundation

/// Renders backtest results.
enum BacktestOutput {
    struct ModelRow: Encodable {
        let name: String
        let mase: JSONNumber
        /// The series the MASE mean is over (those with a MASE scale); the other means are over all.
        let maseSeries: Int
        let smape: JSONNumber
        let coverage95: JSONNumber
        let coverage95ByHorizon: [JSONNumber]
        let winkler95: JSONNumber
        let seconds: Double
        let fallbacks: Int
    }

    struct HoldoutDocument: Encodable {
        let models: [ModelRow]
        let series: Int
        let horizon: Int
        let versusBaseline: BaselineComparison?
    }

    /// A mean for the table, or `NA` when it is not finite (a score overflowed on some series, as the JSON's `null`).
    private static func table(_ value: Double, _ format: String) -> String {
        value.isFinite ? String(format: format, value) : "NA"
    }

    /// A mean for the CSV, empty when it is not finite (as the JSON's `null`).
    private static func csv(_ value: Double) -> String { value.isFinite ? "\(value)" : "" }

    /// The models' means; with a `comparison`, each model against the baseline series by series as well.
    static func render(_ summaries: [ModelSummary], series: Int, horizon: Int, format: OutputFormat,
                       comparison: BaselineComparison? = nil) throws -> String {
        switch format {
        case .json:
            return try JSONOutput.encode(HoldoutDocument(models: summaries.map {
                ModelRow(name: $0.name, mase: JSONNumber($0.mase), maseSeries: $0.maseSeries, smape: JSONNumber($0.smape), coverage95: JSONNumber($0.coverage95),
                         coverage95ByHorizon: $0.coverage95ByHorizon.map(JSONNumber.init), winkler95: JSONNumber($0.winkler95),
                         seconds: $0.seconds, fallbacks: $0.fallbacks)
            }, series: series, horizon: horizon, versusBaseline: comparison))
        case .csv:
            let byHorizon = (1...horizon).map { ",coverage95_h\($0)" }.joined()
            return (["model,mase,mase_series,smape,coverage95\(byHorizon),winkler95,seconds,fallbacks" + (comparison == nil ? "" : BaselineOutput.csvHeader)]
                    + summaries.map { s in
                let covered = s.coverage95ByHorizon.map { "," + csv($0) }.joined()
                let versus = comparison.map { BaselineOutput.csvColumns($0, model: s.name) } ?? ""
                return "\(s.name),\(csv(s.mase)),\(s.maseSeries),\(csv(s.smape)),\(csv(s.coverage95))\(covered),\(csv(s.winkler95)),\(s.seconds),\(s.fallbacks)\(versus)"
            }).joined(separator: "\n")
        case .table:
            var rows = [["model", "MASE", "sMAPE", "95% coverage", "by horizon 1…\(horizon) (%)", "Winkler 95", "seconds", "fallbacks"]]
            for s in summaries {
                rows.append([s.name, table(s.mase, "%.3f"), table(s.smape, "%.2f"), table(100 * s.coverage95, "%.1f%%"),
                             s.coverage95ByHorizon.map { $0.isFinite ? String(format: "%.0f", 100 * $0) : "-" }.joined(separator: " "),
                             table(s.winkler95, "%.1f"), String(format: "%.3f", s.seconds), "\(s.fallbacks)"])
            }
            // MASE has no scale on a series whose training part never changes; its mean leaves those out.
            let unscaled = summaries.map { series - $0.maseSeries }.max() ?? 0
            let note = unscaled == 0 ? [] : ["", "MASE is the mean over the series with a scale: \(unscaled) of the \(series) are constant in "
                                             + "their training part (no one-step naive error), so have none; the other columns are over all \(series)"]
            return (["Holdout evaluation: \(series) series, last \(horizon) values held out (means over series)", ""]
                    + TextTable.render(rows, rightAligned: [1, 2, 3, 4, 5, 6, 7]) + note
                    + (comparison.map { BaselineOutput.table($0, units: "series") } ?? [])).joined(separator: "\n")
        }
    }

    static func writeScores(_ scores: [SeriesScore], to path: String) throws {
        var lines = ["series,model,fitted,mase,smape,coverage95,winkler95,fallback"]
        for s in scores {
            lines.append([SeriesOutput.csvField(s.series), s.model, SeriesOutput.csvField(s.detail), s.mase.map { "\($0)" } ?? "", "\(s.smape)",
                          s.coverage95.map { "\($0)" } ?? "", s.winkler95.map { "\($0)" } ?? "", s.failed ? "true" : "false"]
                .joined(separator: ","))
        }
        try write(lines, to: path)
    }

    struct OriginModelRow: Encodable {
        let name: String
        let origins: Int
        let mase: JSONNumber
        let smape: JSONNumber
        let mape: JSONNumber
        /// Root mean squared error over all origins' forecasts (the square root of the mean of their mean squares).
        let rmse: JSONNumber
        let coverage80: JSONNumber
        let coverage95: JSONNumber
        let winkler95: JSONNumber
    }

    struct OriginDocument: Encodable {
        let series: String
        let horizon: Int
        let realTime: Bool
        let models: [OriginModelRow]
        let skipped: [String]
        let lateOrigins: [String]
        let versusBaseline: BaselineComparison?
    }

    static func summarize(_ result: RollingOriginResult) -> [OriginModelRow] {
        var names: [String] = []
        for s in result.scores where !names.contains(s.model) { names.append(s.model) }
        func mean(_ v: [Double]) -> Double { v.isEmpty ? .nan : v.reduce(0, +) / Double(v.count) }
        return names.map { name in
            let mine = result.scores.filter { $0.model == name }
            let mapes = mine.map(\.mape)
            return OriginModelRow(name: name, origins: mine.count, mase: JSONNumber(mean(mine.compactMap(\.mase))),
                                  smape: JSONNumber(mean(mine.map(\.smape))),
                                  mape: JSONNumber(mapes.contains { $0 == nil } ? nil : mean(mapes.compactMap { $0 })),
                                  rmse: JSONNumber(mean(mine.map { $0.rmse * $0.rmse }).squareRoot()), coverage80: JSONNumber(mean(mine.compactMap(\.coverage80))),
                                  coverage95: JSONNumber(mean(mine.compactMap(\.coverage95))), winkler95: JSONNumber(mean(mine.compactMap(\.winkler95))))
        }
    }

    /// The models' means over origins; with a `comparison`, each model against the baseline origin by origin.
    static func render(_ result: RollingOriginResult, format: OutputFormat, comparison: BaselineComparison? = nil) throws -> String {
        let rows = summarize(result)
        switch format {
        case .json:
            return try JSONOutput.encode(OriginDocument(series: result.series, horizon: result.horizon, realTime: result.realTime,
                                                        models: rows, skipped: result.skipped, lateOrigins: result.lateOrigins,
                                                        versusBaseline: comparison))
        case .csv:
            return (["model,origins,mase,smape,mape,rmse,coverage80,coverage95,winkler95" + (comparison == nil ? "" : BaselineOutput.csvHeader)]
                    + rows.map { row in
                ([row.name, "\(row.origins)"] + [row.mase, row.smape, row.mape, row.rmse, row.coverage80, row.coverage95, row.winkler95]
                    .map { $0.value.map { "\($0)" } ?? "" }).joined(separator: ",")
                    + (comparison.map { BaselineOutput.csvColumns($0, model: row.name) } ?? "")
            }).joined(separator: "\n")
        case .table:
            func f(_ n: JSONNumber, _ spec: String, _ scale: Double = 1) -> String {
                n.value.flatMap { $0.isFinite ? String(format: spec, $0 * scale) : nil } ?? "NA"
            }
            var table = [["model", "origins", "MASE", "sMAPE", "MAPE", "RMSE", "80% cov.", "95% cov.", "Winkler 95"]]
            for r in rows {
                table.append([r.name, "\(r.origins)", f(r.mase, "%.3f"), f(r.smape, "%.2f"), f(r.mape, "%.2f"), f(r.rmse, "%.0f"),
                              f(r.coverage80, "%.0f%%", 100), f(r.coverage95, "%.0f%%", 100), f(r.winkler95, "%.0f")])
            }
            var lines = ["Rolling-origin backtest of \(result.series), horizon \(result.horizon), "
                         + (result.realTime ? "real time (data as first published at each origin)" : "on today's data"), ""]
            lines += TextTable.render(table, rightAligned: [1, 2, 3, 4, 5, 6, 7, 8])
            if let comparison { lines += BaselineOutput.table(comparison, units: "origins") }
            if !result.skipped.isEmpty { lines += ["", "Skipped: " + result.skipped.joined(separator: "; ")] }
            if !result.lateOrigins.isEmpty {
                lines += ["", "Not real time: only a figure published after the next year ended is stored for "
                          + result.lateOrigins.joined(separator: "; ") + " (those origins see a later view)"]
            }
            return lines.joined(separator: "\n")
        }
    }

    static func writeOrigins(_ result: RollingOriginResult, to path: String) throws {
        let levels = [80.0, 95.0]
        var lines = ["origin,model,fitted,as_of,step,forecast,actual,lower80,upper80,lower95,upper95"]
        for s in result.scores {
            for (i, f) in s.forecasts.enumerated() {
                let bounds = levels.flatMap { level in
                    s.intervals.first { $0.level == level }.map { ["\($0.lower[i])", "\($0.upper[i])"] } ?? ["", ""]
                }
                lines.append(([String(s.origin), s.model, SeriesOutput.csvField(s.fitted), s.asOf ?? "", String(i + 1), "\(f)", "\(s.actuals[i])"]
                              + bounds).joined(separator: ","))
            }
        }
        try write(lines, to: path)
    }

    /// Whether `--out` names a file that can be written — a path that is not a directory, in a directory that
    /// exists and is writable — checked before the backtest runs, so a typo does not cost the computation.
    static func checkWritable(_ path: String) throws {
        var isDirectory: ObjCBool = false
        let folder = (path as NSString).deletingLastPathComponent
        let parent = folder.isEmpty ? "." : folder
        guard !path.isEmpty else { throw ValidationError("--out needs a file name.") }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ValidationError("--out: '\(path)' is a directory; name a file in it.")
        }
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("--out: the directory '\(parent)' does not exist.")
        }
        guard FileManager.default.isWritableFile(atPath: parent) else { throw ValidationError("--out: the directory '\(parent)' is not writable.") }
        if let handle = FileHandle(forReadingAtPath: path), let head = try? handle.read(upToCount: 16) {
            try? handle.close()
            if head == Data("SQLite format 3\0".utf8) {
                throw ValidationError("--out: '\(path)' is an SQLite database; the scores would overwrite it. Name another file.")
            }
        }
    }

    /// The lines as a file at `path`, or an error naming `--out` and the path.
    private static func write(_ lines: [String], to path: String) throws {
        do { try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8) } catch {
            throw InputError(file: path, "could not be written (--out): \((error as NSError).localizedDescription)")
        }
    }
}
