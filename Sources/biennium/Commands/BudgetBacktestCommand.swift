import ArgumentParser
import Budget
import Forecasting
import Foundation
import Store

/// `biennium budget-backtest`: the projection method on past bienniums, in real time.
struct BudgetBacktestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budget-backtest",
        abstract: "Replay the biennium projection on past bienniums with the data published by mid-way, and score it against what happened.",
        discussion: """
        For each biennium, standing on 30 June of its second year with only the data published by then, each \
        modelled line (Models/*.yaml) is projected to the biennium's end by its model as 'compare' does (a \
        line whose record is then too short for its model carries its last level), and set against the total \
        in the latest data; the naive projection runs beside it.

        Example: biennium budget-backtest --bienniums 2006/07...2018/19
        """)

    @OptionGroup var store: StoreOptions
    @Option(help: ArgumentHelp("First and last biennium, e.g. 2006/07...2018/19 (every second year from the first).",
                               valueName: "range")) var bienniums: String = "2006/07...2018/19"
    @Option(help: ArgumentHelp("Folder or files of model specifications.", valueName: "path")) var models: [String] = []
    @Option(parsing: .unconditional, help: "Number of simulated paths per projection (1,000 to 1,000,000).") var paths: Int = 4000
    @Option(help: "Output format: table, json or csv (one row per line and biennium).") var format: OutputFormat = .table

    func range() throws -> [Biennium] {
        let parts = bienniums.components(separatedBy: "...")
        guard parts.count == 2, let first = Biennium(parts[0]), let last = Biennium(parts[1]), first <= last else {
            throw ValidationError("--bienniums must be FIRST...LAST, each \(Biennium.syntax), e.g. 2006/07...2018/19; got '\(bienniums)'.")
        }
        return stride(from: first.firstYear, through: last.firstYear, by: 2).map(Biennium.init(firstYear:))
    }

    func validate() throws {
        _ = try range()
        guard (BudgetProjection.minimumPaths...1_000_000).contains(paths) else { throw ValidationError("--paths must be 1,000 to 1,000,000; got \(paths).") }
    }

    func run() async throws {
        let specs = try ModelSpec.load(models)
        let specified = Set(specs.map(\.series))
        // The lines `compare` projects by a model: those with a specification whose rule a model can take.
        let lines = BudgetLayout.standard.filter { $0.rule.takesAModel && specified.contains($0.id) }.map(\.id)
        let rows = try await store.withStore { opened in
            try await ProjectionBacktest.run(store: opened, lines: lines, bienniums: try range(),
                                             models: { day in try await SpecModels.lineModels(specs, store: opened, asOf: day) },
                                             naive: LineModel(label: "naive", model: BenchmarkModel(.naive)), paths: paths)
        }
        guard !rows.isEmpty else { throw ValidationError("no biennium in \(bienniums) has both years published for a modelled line.") }
        switch format {
        case .json: print(try JSONOutput.encode(rows))
        case .csv: print(Self.csv(rows))
        case .table: print(table(rows))
        }
    }

    /// One row per line and biennium, full precision, the fields of the JSON form.
    static func csv(_ rows: [ProjectionBacktestRow]) -> String {
        CSVText.table(header: ["line", "biennium", "as_of", "actual_years", "projected", "outcome", "error_percent", "lower95", "upper95",
                               "covered", "naive_projected", "naive_error_percent", "method"],
                      rows: rows.map { r in
                          [r.line, r.biennium, r.asOf, r.actualYears.map(String.init).joined(separator: "+"), "\(r.projected)", "\(r.outcome)",
                           "\(r.errorPercent)", "\(r.interval95[0])", "\(r.interval95[1])", r.covered ? "true" : "false",
                           "\(r.naiveProjected)", "\(r.naiveErrorPercent)", r.method]
                      })
    }

    func table(_ rows: [ProjectionBacktestRow]) -> String {
        var out = ["Biennium projections replayed as of 30 June of each biennium's second year (data as published then)", ""]
        var table = [["line", "biennium", "actual years", "projected", "outcome", "error %", "95% interval", "covered", "naive error %"]]
        for r in rows {
            table.append([r.line, r.biennium, r.actualYears.isEmpty ? "none" : r.actualYears.map(String.init).joined(separator: "+"),
                          ComparisonOutput.amount(r.projected), ComparisonOutput.amount(r.outcome), String(format: "%+.1f", r.errorPercent),
                          "\(ComparisonOutput.amount(r.interval95[0])) – \(ComparisonOutput.amount(r.interval95[1]))", r.covered ? "yes" : "no",
                          String(format: "%+.1f", r.naiveErrorPercent)])
        }
        out += TextTable.render(table, rightAligned: [3, 4, 5, 6, 8])
        out.append("")
        var summary = [["line", "bienniums", "mean |error| %", "naive mean |error| %", "95% coverage"]]
        for line in Array(Set(rows.map(\.line))).sorted() {
            let own = rows.filter { $0.line == line }
            let n = Double(own.count)
            summary.append([line, String(own.count), String(format: "%.2f", own.reduce(0) { $0 + abs($1.errorPercent) } / n),
                            String(format: "%.2f", own.reduce(0) { $0 + abs($1.naiveErrorPercent) } / n),
                            String(format: "%.0f%%", 100 * Double(own.filter(\.covered).count) / n)])
        }
        out += TextTable.render(summary, rightAligned: [1, 2, 3, 4])
        return out.joined(separator: "\n")
    }
}
