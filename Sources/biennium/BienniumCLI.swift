import ArgumentParser
import Foundation
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
    ///
    /// An error thrown once a command runs is reported with that command's usage, not the top-level one.
    static func main() async {
        BLASInfo.setThreads(1)
        let command: any ParsableCommand
        do { command = try parseAsRoot() } catch { exit(withError: error) }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                var syncCommand = command
                try syncCommand.run()
            }
        } catch let error as ValidationError {
            // The arguments parsed, but the command found them wrong as it ran (an unknown model name, a series
            // that is not annual): the message, with where to read about the command.
            let path = commandPath(to: type(of: command)) ?? "biennium"
            FileHandle.standardError.write(Data("Error: \(error.message)\n  See '\(path) --help' for more information.\n".utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        } catch {
            exit(withError: error)
        }
    }

    /// `biennium forecast`, `biennium series list`: the words that name `command`, if it is one of ours.
    static func commandPath(to command: any ParsableCommand.Type, from root: any ParsableCommand.Type = BienniumCLI.self) -> String? {
        let name = root.configuration.commandName ?? "biennium"
        if root == command { return name }
        for subcommand in root.configuration.subcommands {
            if let path = commandPath(to: command, from: subcommand) { return name + " " + path }
        }
        return nil
    }
}
