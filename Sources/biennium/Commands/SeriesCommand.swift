import ArgumentParser
import Foundation
import Store

/// `biennium series list|show`: what the store holds.
struct SeriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "series",
        abstract: "List the catalog, or show one series as known on a date, with every vintage on request.",
        subcommands: [SeriesListCommand.self, SeriesShowCommand.self])
}

struct SeriesListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List every series with its unit and coverage.")

    @OptionGroup var store: StoreOptions
    @Option(help: "Output format: table, json or csv.") var format: OutputFormat = .table

    func run() async throws {
        let store = try await self.store.open()
        let summaries = try await store.summaries()
        try await store.close()
        print(try SeriesOutput.list(summaries, format: format))
    }
}

struct SeriesShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one series: per period the latest vintage known on --as-of (default: today), or every vintage.",
        discussion: "Example: biennium series show pct.applications --as-of 2016-06-30")

    @OptionGroup var store: StoreOptions
    @Argument(help: "Series id, as listed by 'biennium series list'.") var series: String
    @Option(help: ArgumentHelp("Show the data as it was known on this day (YYYY-MM-DD).", valueName: "date")) var asOf: String?
    @Flag(help: "Show every vintage (revision) of every period.") var vintages = false
    @Option(help: "Output format: table, json or csv.") var format: OutputFormat = .table

    func validate() throws {
        guard SeriesID(series) != nil else { throw ValidationError("'\(series)' is not a series id (such as pct.applications).") }
        try AsOfDate.validate(asOf)
        if vintages && asOf != nil { throw ValidationError("--vintages shows every revision; it cannot be combined with --as-of.") }
    }

    func run() async throws {
        let id = SeriesID(series)!
        let day = asOf.flatMap(CalendarDay.init(iso:))
        let (definition, observations) = try await self.store.withStore { store in
            (try await self.store.definition(of: id, in: store),
             vintages ? try await store.vintages(of: id) : try await store.observations(of: id, asOf: day))
        }
        print(try SeriesOutput.show(definition, observations, asOf: day, allVintages: vintages, format: format))
    }
}
