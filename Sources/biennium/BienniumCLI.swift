import ArgumentParser
import LinearAlgebra

@main
struct BienniumCLI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "biennium",
        abstract: "Forecasts of PCT, Madrid and Hague workload, costs and fee income against the biennium budget.",
        subcommands: [ImportCommand.self, SeriesCommand.self, ForecastCommand.self, BacktestCommand.self, FitCommand.self, RefitCommand.self, RegressCommand.self,
                      CompareCommand.self, ScenarioCommand.self, BudgetBacktestCommand.self,
                      ServeCommand.self, TokenCommand.self])

    /// Every command but `regress` fits many small models, where OpenBLAS's idle threads only spin against the
    /// work (BENCHMARKS.md): BLAS runs single-threaded unless `regress` asks for more.
    static func main() async {
        BLASInfo.setThreads(1)
        await main(nil)
    }
}
