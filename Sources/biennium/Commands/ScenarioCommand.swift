import ArgumentParser
import Budget
import Foundation
import Store

/// `biennium scenario show|check`.
struct ScenarioCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "Explain a budget scenario in words, or check a new scenario file.",
        subcommands: [Show.self, Check.self])

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Explain a scenario: its demand shocks, fee changes, cost growth, exchange rate and uncertainty bands.",
            discussion: "Example: biennium scenario show low")
        @Argument(help: "Scenario name (a file in --scenario-folder, else a scenario stored through the service) or a .yaml path.") var name: String
        @Option(help: ArgumentHelp("Folder of the named scenarios.", valueName: "path")) var scenarioFolder: String = "Models/scenarios"
        @OptionGroup var store: StoreOptions

        func run() async throws {
            print(try await ScenarioSet.load(name, folder: scenarioFolder, option: "base, or a path to a .yaml file", store: store)[0].explanation)
        }
    }

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a scenario file: unknown keys, unknown systems, overlapping fee periods and bad numbers are reported with the key.",
            discussion: """
            Regressor paths are checked as compare checks them: each must name a regressor of a model specification \
            (--models, default Models/), and a regressor that counts things (its unit in the store's catalog) cannot \
            be negative; without a store, only the first is checked.

            Example: biennium scenario check Models/scenarios/my-scenario.yaml
            """)
        @Argument(help: "The scenario file.") var file: String
        @Option(help: ArgumentHelp("Folder or files of model specifications whose regressors the scenario's paths may name (default: Models/).", valueName: "path"))
        var models: [String] = []
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let scenario = try ScenarioFile.load(file)
            if !scenario.regressorPaths.isEmpty {
                // The units come from the store's catalog when there is one; an absent store leaves them unchecked.
                let catalog = await store.readIfPresent { try await $0.catalog() } ?? [:]
                try BudgetProjection.checkRegressorPaths(scenario, specs: try ModelSpec.load(models), catalog: catalog)
            }
            print("\(file): valid scenario '\(scenario.name)'")
            print(scenario.explanation)
        }
    }
}
