import ArgumentParser

@main
struct BienniumCLI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "biennium",
        abstract: "Forecasts of PCT, Madrid and Hague workload, costs and fee income against the biennium budget.",
        subcommands: [ImportCommand.self, SeriesCommand.self, ForecastCommand.self, BacktestCommand.self, FitCommand.self, RefitCommand.self, RegressCommand.self,
                      CompareCommand.self, ScenarioCommand.self, BudgetBacktestCommand.self,
                      ServeCommand.self, TokenCommand.self])
}
