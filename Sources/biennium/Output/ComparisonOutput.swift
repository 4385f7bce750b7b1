import Budget
import Foundation

/// Renders a budget comparison: a memo-ready table, the JSON document, or one CSV row per line and scenario.
enum ComparisonOutput {
    static func render(_ comparison: BudgetComparison, format: OutputFormat) throws -> String {
        switch format {
        case .json: return try JSONOutput.encode(comparison)
        case .csv: return comparison.csv
        case .table: return table(comparison)
        }
    }

    /// Thousands-separated, no decimals from 1,000 on; one decimal below (million CHF lines).
    static func amount(_ x: Double) -> String {
        let digits = abs(x) < 1000 ? 1 : 0
        let text = String(format: "%.\(digits)f", abs(x))
        let integer = text.prefix { $0 != "." }, fraction = text.dropFirst(integer.count)
        var grouped = ""
        for (i, ch) in integer.enumerated() {
            if i > 0 && (integer.count - i) % 3 == 0 { grouped.append(",") }
            grouped.append(ch)
        }
        return (x < 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "-" : "") + grouped + fraction
    }

    static func table(_ c: BudgetComparison) -> String {
        var out = ["Biennium \(c.biennium): projection against the budget, " + (c.asOf.map { "data as known on \($0)" } ?? "all data stored"),
                   "Scenarios: \(c.scenarios.joined(separator: ", ")). \(c.paths) simulated paths (seed \(c.seed)). Share = projected total / budget;",
                   "P(below) = probability that the biennium total falls below the budget; interval = 95% of simulated totals.", ""]
        let header = ["line", "unit", "budget", "actual to date", "scenario", "projected", "share", "variance", "var %",
                      "95% interval", "P(below)", "basis"]
        var rows = [header]
        var previous = ""
        for l in c.lines {
            let first = l.line != previous
            previous = l.line
            let actual = l.actualYears.isEmpty ? "none" : "\(amount(l.actualToDate)) (\(l.actualYears.map(String.init).joined(separator: "+")))"
            rows.append([first ? l.line : "", first ? l.unit : "", first ? amount(l.budget) : "", first ? actual : "", l.scenario,
                         amount(l.projectedTotal), String(format: "%.0f%%", 100 * l.shareOfBudget), amount(l.variance),
                         String(format: "%+.1f", l.variancePercent), "\(amount(l.interval95[0])) – \(amount(l.interval95[1]))",
                         String(format: "%.2f", l.shortfallProbability), l.basis])
        }
        out += TextTable.render(rows, rightAligned: [2, 3, 5, 6, 7, 8, 9, 10])
        out.append("")
        out.append("How each line's remaining years are projected (\(c.scenarios.first ?? "")):")
        var described: Set<String> = []
        for l in c.lines where described.insert(l.line).inserted {
            out.append("  \(l.line) [\(l.basis)]: \(l.method)")
        }
        if !c.unitCosts.isEmpty {
            out.append("")
            out.append("Unit costs at the end of the biennium (published level × projected cost ÷ projected output; no budget figure):")
            var table = [["unit cost", "unit", "scenario", "published", "projected", "95% interval", "basis"]]
            var previous = ""
            for u in c.unitCosts {
                let first = u.series != previous
                previous = u.series
                table.append([first ? u.series : "", first ? u.unit : "", u.scenario, "\(amount(u.anchorValue)) (\(u.anchorYear))",
                              "\(amount(u.projected)) (\(u.year))", "\(amount(u.interval95[0])) – \(amount(u.interval95[1]))", u.basis])
            }
            out += TextTable.render(table, rightAligned: [3, 4, 5]).map { "  " + $0 }
        }
        if !c.omitted.isEmpty {
            out.append("")
            out.append("Not projected on this date:")
            for o in c.omitted { out.append("  \(o.line): \(o.reason)") }
        }
        return out.joined(separator: "\n")
    }
}
