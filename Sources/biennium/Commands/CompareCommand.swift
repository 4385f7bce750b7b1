import ArgumentParser
import Budget
import Foundation
import Store

/// `biennium compare`: projection versus budget for a biennium under scenarios.
struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Project the biennium's demand, fee income and program expenditure to its end and compare with the budget, per scenario.",
        discussion: """
        Years of the biennium with published actuals count as actuals; the rest are projected by the models of \
        Models/*.yaml (series with at least 5 years of history) or by stated assumptions (last observed level, \
        ratio or income per unit, with the scenario's uncertainty band). The interval and the probability of \
        falling below the budget come from simulating all lines together (seeded, reproducible).

        Examples: biennium compare --biennium 2020/21
                  biennium compare --biennium 2020/21 --scenarios base,low --as-of 2021-06-30 --format json
        """)

    @OptionGroup var store: StoreOptions
    @Option(help: ArgumentHelp("The biennium, e.g. 2020/21 (default: the latest with budget figures).", valueName: "biennium"))
    var biennium: String?
    @Option(help: ArgumentHelp("Scenario names (files in --scenario-folder, else scenarios stored through the service) or .yaml paths, comma separated.", valueName: "names"))
    var scenarios: String = "base,low,high"
    @Option(help: ArgumentHelp("Folder of the named scenarios.", valueName: "path")) var scenarioFolder: String = "Models/scenarios"
    @Option(help: ArgumentHelp("Folder or files of model specifications for the modelled lines.", valueName: "path")) var models: [String] = []
    @Option(help: ArgumentHelp("Compare with the data as known on this day (YYYY-MM-DD).", valueName: "date")) var asOf: String?
    @Option(parsing: .unconditional, help: "Number of simulated paths (1,000 to 1,000,000).") var paths: Int = 10_000
    @Option(parsing: .unconditional, help: "Seed of the simulation, 0 to 9223372036854775807 (the service's range).") var seed: UInt64 = 20_201_231
    @Option(help: "Output format: table, json or csv.") var format: OutputFormat = .table

    func validate() throws {
        if let biennium, Biennium(biennium) == nil { throw ValidationError("--biennium must be \(Biennium.syntax); got '\(biennium)'.") }
        try AsOfDate.validate(asOf)
        guard seed <= UInt64(Int64.max) else { throw ValidationError("--seed must be 0 to 9223372036854775807; got \(seed).") }
        guard (BudgetProjection.minimumPaths...1_000_000).contains(paths) else { throw ValidationError("--paths must be 1,000 to 1,000,000; got \(paths).") }
    }

    func run() async throws {
        let scenarios = try await ScenarioSet.load(self.scenarios, folder: scenarioFolder, store: store)
        let specs = try ModelSpec.load(self.models)
        let comparison = try await BudgetJob(store: store, asOf: asOf.flatMap(CalendarDay.init(iso:)))
            .compare(biennium: biennium.flatMap(Biennium.init), scenarios: scenarios, specs: specs, paths: paths, seed: seed)
        print(try ComparisonOutput.render(comparison, format: format))
    }
}

/// Loads a biennium's data from the store and runs the comparison.
struct BudgetJob {
    let store: StoreOptions
    let asOf: CalendarDay?

    func compare(biennium: Biennium?, scenarios: [Scenario], specs: [ModelSpec], paths: Int, seed: UInt64) async throws -> BudgetComparison {
        let (data, models) = try await store.withStore { opened in
            if try await opened.catalog().isEmpty { throw StoreError.emptyStore(try store.location().description) }
            let chosen: Biennium
            if let biennium { chosen = biennium } else {
                guard let latest = try await BudgetData.bienniums(in: opened).last else { throw BudgetError.noBudget(nil, available: []) }
                chosen = latest
            }
            return (try await BudgetData.load(from: opened, biennium: chosen, asOf: asOf),
                    try await SpecModels.lineModels(specs, store: opened, asOf: asOf))
        }
        return try BudgetProjection(data: data, scenarios: scenarios, models: models).compare(paths: paths, seed: seed)
    }
}
