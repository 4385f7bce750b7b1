import Forecasting
import Foundation

/// Renders `backtest --baseline MODEL`: every model against the baseline, unit by unit (``BaselineComparison``).
enum BaselineOutput {
    /// The table's section, below the models' means; `units` names what was resampled ("series", "origins").
    static func table(_ comparison: BaselineComparison, units: String) -> [String] {
        func value(_ x: Double, _ digits: Int) -> String { x.isFinite ? String(format: "%+.\(digits)f", x) : "NA" }
        func interval(_ d: PairedDifference?, _ digits: Int) -> [String] {
            guard let d else { return ["NA", "-"] }
            guard d.lower.isFinite, d.upper.isFinite else { return [value(d.mean, digits), d.units < 2 ? "NA (one \(units == "series" ? "series" : "origin"))" : "NA"] }
            return [value(d.mean, digits), "\(value(d.lower, digits)) … \(value(d.upper, digits))"]
        }
        var rows = [["model", units, "ΔMASE", "\(Int(comparison.level))% interval", "better", "worse", "ΔsMAPE", "\(Int(comparison.level))% interval"]]
        for row in comparison.rows {
            let shares = row.mase.map { [String(format: "%.0f%%", 100 * $0.better), String(format: "%.0f%%", 100 * $0.worse)] } ?? ["-", "-"]
            rows.append([row.model, "\(row.mase?.units ?? row.smape?.units ?? 0)"] + interval(row.mase, 3) + shares + interval(row.smape, 2))
        }
        return ["",
                "Against \(comparison.baseline), \(units == "series" ? "series by series" : "origin by origin"): each model minus \(comparison.baseline) (negative: more accurate),",
                "the mean with a \(Int(comparison.level))% bootstrap interval over the \(units) (\(PairedComparison.resamples) resamples); better/worse: share of",
                "\(units) on MASE. An interval spanning zero is no evidence that either model is more accurate."]
            + (units == "origins" ? ["Neighbouring origins' errors are correlated (their forecasts share years when the horizon exceeds",
                                     "one), so the interval is too narrow; with few origins, read the shares as well."] : [])
            + [""]
            + TextTable.render(rows, rightAligned: [1, 2, 4, 5, 6])
    }

    /// Extra CSV columns for each model row (empty for the baseline itself).
    static let csvHeader = ",vs_baseline_mase,vs_baseline_mase_lower,vs_baseline_mase_upper,vs_baseline_better,vs_baseline_worse"
        + ",vs_baseline_smape,vs_baseline_smape_lower,vs_baseline_smape_upper"

    static func csvColumns(_ comparison: BaselineComparison, model: String) -> String {
        let row = comparison.rows.first { $0.model == model }
        func field(_ x: Double?) -> String { x.flatMap { $0.isFinite ? "\($0)" : nil } ?? "" }
        let mase = row?.mase, smape = row?.smape
        return [mase?.mean, mase?.lower, mase?.upper, mase?.better, mase?.worse, smape?.mean, smape?.lower, smape?.upper]
            .map { "," + field($0) }.joined()
    }
}
