import Foundation
import Testing
import TestSupport
@testable import Budget
import Forecasting
import Store

/// The budget layer on the imported Datasets/ (SQLite).
@Suite("Budget projection") struct BudgetProjectionTests {
    static let datasets = Fixtures.packageRoot.appendingPathComponent("Datasets").path
    static let scenarios = Fixtures.packageRoot.appendingPathComponent("Models/scenarios").path

    static func loadedStore() async throws -> any SeriesStore {
        let folder = try CommandRunner.temporaryDirectory()
        let store = try await StoreLocation.sqlite(path: folder.appendingPathComponent("budget.sqlite").path).open()
        try await Importer(store: store, today: CalendarDay(year: 2026, month: 11, day: 27)).run([datasets]) { _, _ in }
        return store
    }

    static func data(asOf: CalendarDay? = nil) async throws -> BudgetData {
        let store = try await loadedStore()
        defer { Task { try? await store.close() } }
        return try await BudgetData.load(from: store, biennium: Biennium("2020/21")!, asOf: asOf)
    }

    static let models: [SeriesID: LineModel] = [
        SeriesID("pct.applications")!: LineModel(label: "drift", model: BenchmarkModel(.drift)),
        SeriesID("madrid.applications")!: LineModel(label: "drift", model: BenchmarkModel(.drift)),
        SeriesID("hague.applications")!: LineModel(label: "ets", model: ETS()),
    ]

    static func standardScenarios() throws -> [Scenario] {
        try ["base", "low", "high"].map { try ScenarioFile.load(scenarios + "/\($0).yaml") }
    }

    @Test("a line with no figure published on the replay day skips its biennium in budget-backtest rather than ending it")
    func unpublishedLineSkips() throws {
        let id = SeriesID("pct.applications")!
        let definition = BudgetLineDefinition(id: id, kind: .demand, budgetSeries: id, rule: .model)
        let data = BudgetData(biennium: Biennium(firstYear: 2012), asOf: CalendarDay(year: 2013, month: 6, day: 30), lines: [
            LineData(definition: definition, unit: "applications", budget: 400_000, budgetSource: "outcome", history: [:])])
        let drift = LineModel(label: "drift", model: BenchmarkModel(.drift))
        #expect(throws: BudgetError.self) { try BudgetProjection(data: data, scenarios: [Scenario(name: "base")], models: [id: drift]).compare(paths: 10) }
        #expect(try ProjectionBacktest.projectedLine(data, [Scenario(name: "base")], [id: drift], paths: 10, seed: 1) == nil)
    }

    @Test("bienniums parse in the report's spellings and print as 2020/21")
    func bienniumNames() {
        for text in ["2020/21", "2020-21", "2020-2021", "2020/2021"] { #expect(Biennium(text) == Biennium(firstYear: 2020), "\(text)") }
        for text in ["2020/22", "2020", "20/21", "2020-2022", "abcd/ef"] { #expect(Biennium(text) == nil, "\(text)") }
        #expect(Biennium(firstYear: 2008).description == "2008/09")
        #expect(Biennium(firstYear: 2099).description == "2099/00")
    }

    @Test("Table 2: each system's 2020 fee income as a share of the 2020/21 estimate rounds to the printed percentage")
    func table2Shares() async throws {
        let data = try await Self.data()
        let table = try Fixtures.csvRows(Self.datasets + "/budgets/2020-21/table2_income.csv")
        var checked = 0
        for row in table where !(row["series"] ?? "").isEmpty && row["series"]!.hasSuffix("fee_income") {
            let line = try #require(data.line(SeriesID(row["series"]!)!))
            let share = 100 * line.history[2020]! / line.budget!
            #expect(line.budget == Double(row["estimate_2020_21"]!) && line.history[2020] == Double(row["actual_2020"]!))
            #expect(abs(share - Double(row["actual_as_share_of_estimate_pct"]!)!) <= 0.5, "\(row["line"]!): \(share)%")
            checked += 1
        }
        #expect(checked == 3)
        // The fee subtotal: the four systems' estimates add up to the printed 840.3 (Lisbon 0.1 is not a budget line).
        let fees = table.filter { $0["line"]!.hasSuffix("System fees") }.map { Double($0["estimate_2020_21"]!)! }
        #expect(abs(fees.reduce(0, +) - 840.3) < 1e-9)
    }

    @Test("Table 4: budget utilisation 33% for program 1, 45% for program 5, 43% in total")
    func table4Utilisation() async throws {
        let table = try Fixtures.csvRows(Self.datasets + "/budgets/2020-21/table4_program_budget.csv")
        func utilisation(_ program: String) -> Double {
            let row = table.first { $0["program"] == program }!
            return 100 * Double(row["expenditure_2020"]!)! / Double(row["final_budget_after_transfers_2020_21"]!)!
        }
        #expect(utilisation("1").rounded() == 33)
        #expect(utilisation("5").rounded() == 45)
        #expect(utilisation("total").rounded() == 43)
        // The stored program lines carry the same figures the budget layer compares against.
        let data = try await Self.data()
        let pct = try #require(data.line(SeriesID("pct.program_expenditure")!))
        #expect((100 * pct.history[2020]! / pct.budget!).rounded() == 45)
        let total = try #require(data.line(SeriesID("wipo.program_expenditure")!))
        #expect((100 * total.history[2020]! / total.budget!).rounded() == 43)
        // The programs' expenditure sums to the printed total within the rounding of each figure to the thousand
        // (327,883 against 327,881).
        let programs = table.filter { $0["program"] != "total" }.map { Double($0["expenditure_2020"]!)! }
        let printedTotal = Double(table.first { $0["program"] == "total" }!["expenditure_2020"]!)!
        #expect(abs(programs.reduce(0, +) - printedTotal) <= 0.5 * Double(programs.count))
    }

    @Test("the comparison: actuals to date, subtotals equal to their parts, shares and variances consistent")
    func comparisonArithmetic() async throws {
        let projection = try BudgetProjection(data: try await Self.data(), scenarios: try Self.standardScenarios(), models: Self.models)
        let comparison = try projection.compare(paths: 4000, seed: 7)
        #expect(comparison.biennium == "2020/21")
        #expect(comparison.lines.count == 17 * 3)
        #expect(comparison.omitted.isEmpty)
        func row(_ line: String, _ scenario: String) -> ComparisonLine { comparison.lines.first { $0.line == line && $0.scenario == scenario }! }
        for scenario in ["base", "low", "high"] {
            let pct = row("pct.applications", scenario)
            #expect(pct.actualToDate == 275_900 && pct.actualYears == [2020] && pct.budget == 549_900 && pct.basis == "model")
            let subtotal = row("madrid.registrations_and_renewals", scenario)
            let parts = row("madrid.registrations", scenario).projectedTotal + row("madrid.renewals", scenario).projectedTotal
            // The subtotal's 2020 actual is the published 94,793; its 2021 is the sum of the parts' 2021.
            #expect(abs(subtotal.projectedTotal - parts) < 1e-6 * parts)
            for line in comparison.lines where line.scenario == scenario {
                #expect(abs(line.shareOfBudget - line.projectedTotal / line.budget) < 1e-12)
                #expect(abs(line.variance - (line.projectedTotal - line.budget)) < 1e-9 * line.budget)
                #expect(line.interval95[0] <= line.projectedTotal * 1.01 && line.projectedTotal * 0.99 <= line.interval95[1], "\(line.line)")
                #expect((0...1).contains(line.shortfallProbability))
            }
        }
        // Scenario order: low < base < high for demand.
        #expect(row("pct.applications", "low").projectedTotal < row("pct.applications", "base").projectedTotal)
        #expect(row("pct.applications", "base").projectedTotal < row("pct.applications", "high").projectedTotal)
        // The low case takes 5% off 2021 demand: exactly 5% of the base projection of 2021.
        let base2021 = row("pct.applications", "base").projectedTotal - 275_900
        #expect(abs(row("pct.applications", "low").projectedTotal - 275_900 - 0.95 * base2021) < 1e-6)
    }

    @Test("unit costs: the published 2020 level moved by the projected cost over the projected output, path by path")
    func unitCosts() async throws {
        let projection = try BudgetProjection(data: try await Self.data(), scenarios: try Self.standardScenarios(), models: Self.models)
        let comparison = try projection.compare(paths: 2000, seed: 3)
        #expect(Set(comparison.unitCosts.map(\.series)) == ["pct.unit_cost.per_publication", "madrid.unit_cost.per_registration", "hague.unit_cost.per_design"])
        for scenario in ["base", "low", "high"] {
            func line(_ id: String) -> ComparisonLine { comparison.lines.first { $0.line == id && $0.scenario == scenario }! }
            let madrid = comparison.unitCosts.first { $0.series == "madrid.unit_cost.per_registration" && $0.scenario == scenario }!
            let cost = line("madrid.program_expenditure"), output = line("madrid.registrations_and_renewals")
            let cost2021 = cost.projectedTotal - cost.actualToDate, output2021 = output.projectedTotal - output.actualToDate
            let expected = 625 * (cost2021 / 26_781) / (output2021 / 94_793)
            #expect(madrid.anchorYear == 2020 && madrid.anchorValue == 625 && madrid.year == 2021)
            #expect(abs(madrid.projected - expected) < 1e-9 * expected, "\(scenario): \(madrid.projected) vs \(expected)")
            #expect(madrid.interval95[0] < madrid.projected && madrid.projected < madrid.interval95[1])
            #expect(madrid.basis == "assumption")
        }
        // Lower demand at the same cost raises the unit cost.
        let low = comparison.unitCosts.first { $0.series == "madrid.unit_cost.per_registration" && $0.scenario == "low" }!
        let base = comparison.unitCosts.first { $0.series == "madrid.unit_cost.per_registration" && $0.scenario == "base" }!
        #expect(low.projected > base.projected)
    }

    @Test("the drift line's projection is the drift forecast, and its simulated interval matches the normal one (2%)")
    func driftAgainstClosedForm() async throws {
        let data = try await Self.data()
        let projection = try BudgetProjection(data: data, scenarios: [Scenario(name: "base")], models: Self.models)
        let row = try projection.compare(paths: 40_000, seed: 1).lines.first { $0.line == "pct.applications" }!
        let history = data.line(SeriesID("pct.applications")!)!.history
        let first = history.keys.min()!
        let series = TimeSeries(start: first, values: (first...2020).map { history[$0] })
        let forecast = try BenchmarkModel(.drift).forecast(series, horizon: 1, levels: [95])
        #expect(abs(row.projectedTotal - (275_900 + forecast.mean[0])) < 1e-6)
        let interval = forecast.interval(95)!
        #expect(abs(row.interval95[0] - (275_900 + interval.lower[0])) < 0.02 * forecast.standardDeviation[0] * 2)
        #expect(abs(row.interval95[1] - (275_900 + interval.upper[0])) < 0.02 * forecast.standardDeviation[0] * 2)
    }

    @Test("the simulation is reproducible with a seed and changes with another")
    func seeded() async throws {
        let projection = try BudgetProjection(data: try await Self.data(), scenarios: try Self.standardScenarios(), models: Self.models)
        #expect(try projection.compare(paths: 500, seed: 42) == projection.compare(paths: 500, seed: 42))
        #expect(try projection.compare(paths: 500, seed: 42).lines != projection.compare(paths: 500, seed: 43).lines)
        #expect(throws: BudgetError.invalidPaths(-3)) { try projection.compare(paths: -3) }
    }

    @Test("as of 2020-12-31 nothing of 2020 is known: both years are projected and lines without data are listed as omitted")
    func asOfEndOf2020() async throws {
        let data = try await Self.data(asOf: CalendarDay(year: 2020, month: 12, day: 31))
        let comparison = try BudgetProjection(data: data, scenarios: [Scenario(name: "base")], models: Self.models).compare(paths: 500)
        let pct = comparison.lines.first { $0.line == "pct.applications" }!
        #expect(pct.actualYears.isEmpty && pct.actualToDate == 0)
        #expect(comparison.asOf == "2020-12-31")
        #expect(comparison.omitted.contains { $0.line == "pct.fee_income" })
        #expect(comparison.omitted.contains { $0.line == "pct.program_expenditure" && $0.reason == "no expenditure is known on the date" })
    }

    @Test("a scenario is refused when no model reads one of its regressor paths, or when a fee cut takes income per unit below zero")
    func impossibleScenarios() async throws {
        let data = try await Self.data()
        let typo = try ScenarioFile.parse("regressors:\n  pct.application: {2021: 100000}\n", name: "typo", file: "typo.yaml")
        let unread = #expect(throws: BudgetError.self) { try BudgetProjection(data: data, scenarios: [typo], models: Self.models).compare(paths: 10) }
        #expect(unread?.description.hasPrefix("scenario 'typo': key 'regressors.pct.application': no model specification has pct.application") == true,
                "\(String(describing: unread))")
        let cut = try ScenarioFile.parse("fees:\n  - {system: pct, from: 2021-01-01, chf-per-unit: -1500}\n", name: "cut", file: "cut.yaml")
        let negative = #expect(throws: BudgetError.self) {
            try BudgetProjection(data: data, scenarios: [Scenario(name: "base"), cut], models: Self.models).compare(paths: 10)
        }
        #expect(negative?.description == "scenario 'cut': key 'fees': the fee change for pct takes income per unit from 1299.75 CHF to -200.25 CHF "
                + "in 2021; it must stay above 0", "\(String(describing: negative))")
        // A cut that leaves it positive is a scenario like any other.
        let smaller = try ScenarioFile.parse("fees:\n  - {system: pct, from: 2021-01-01, chf-per-unit: -100}\n", name: "smaller", file: "smaller.yaml")
        #expect(try BudgetProjection(data: data, scenarios: [smaller], models: Self.models).compare(paths: 10).lines.isEmpty == false)
    }

    @Test("a figure published before its year ended (a mid-year estimate) is no actual: the year stays projected")
    func midYearEstimateIsNoActual() async throws {
        let store = try await Self.loadedStore()
        let file = try CommandRunner.temporaryDirectory().appendingPathComponent("midyear.csv")
        try "series,period,value,status,source,vintage,note\nhague.applications,2021,6001,estimate,a mid-year count,2021-06-02,\n"
            .write(to: file, atomically: true, encoding: .utf8)
        try await Importer(store: store, today: CalendarDay(year: 2026, month: 11, day: 27)).run([file.path]) { _, _ in }
        let data = try await BudgetData.load(from: store, biennium: Biennium("2020/21")!, asOf: nil)
        try await store.close()
        let hague = try #require(data.line(SeriesID("hague.applications")!))
        #expect(hague.history[2020] == 5792 && hague.history[2021] == nil, "\(hague.history)")
        let row = try BudgetProjection(data: data, scenarios: [Scenario(name: "base")], models: Self.models).compare(paths: 1000)
            .lines.first { $0.line == "hague.applications" }!
        #expect(row.actualYears == [2020] && row.basis != "actual", "\(row.actualYears) \(row.basis)")
    }

    @Test("a biennium without budget figures is an error naming the bienniums that have them")
    func noBudget() async throws {
        let store = try await Self.loadedStore()
        await #expect(throws: BudgetError.noBudget(Biennium(firstYear: 2030), available: [Biennium(firstYear: 2020)])) {
            try await BudgetData.load(from: store, biennium: Biennium(firstYear: 2030), asOf: nil)
        }
        try await store.close()
    }
}
