extension BudgetComparison {
    /// The CSV header: one row per line and scenario follows.
    public static let csvHeader = ["line", "scenario", "kind", "unit", "budget", "actual_to_date", "actual_years", "projected_total",
                                   "share_of_budget", "variance", "variance_percent", "lower95", "upper95", "shortfall_probability",
                                   "basis", "method"]

    /// The comparison as CSV, full precision, for spreadsheets.
    public var csv: String {
        CSVText.table(header: Self.csvHeader, rows: lines.map { l in
            [l.line, l.scenario, l.kind, l.unit, "\(l.budget)", "\(l.actualToDate)", l.actualYears.map(String.init).joined(separator: " "),
             "\(l.projectedTotal)", "\(l.shareOfBudget)", "\(l.variance)", "\(l.variancePercent)", "\(l.interval95[0])", "\(l.interval95[1])",
             "\(l.shortfallProbability)", l.basis, l.method]
        })
    }
}
