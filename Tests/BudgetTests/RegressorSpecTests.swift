import Foundation
import Testing
import TestSupport
@testable import Budget
import Forecasting
import Store

/// Model specifications with regressors: regression with ARIMA errors, its regressors' future values from a
/// scenario's paths.
@Suite("Specifications with regressors") struct RegressorSpecTests {
    static func spec(_ yaml: String) throws -> ModelSpec {
        let file = try CommandRunner.temporaryDirectory().appendingPathComponent("madrid-on-pct.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        return try ModelSpec(path: file.path)
    }

    @Test("regressors need an ARIMA model and must differ from the response; errors name the key")
    func validation() throws {
        #expect(throws: InputError.self) { try Self.spec("series: madrid.applications\nmodel: drift\nregressors: [pct.applications]\n") }
        do { _ = try Self.spec("series: madrid.applications\nmodel: ets\nregressors: [pct.applications]\n") } catch let error as InputError {
            #expect(error.message.contains("key 'regressors'") && error.message.contains("arima"))
        }
        #expect(throws: InputError.self) { try Self.spec("series: madrid.applications\nmodel: arima\nregressors: [madrid.applications]\n") }
        let spec = try Self.spec("series: madrid.applications\nmodel: arima:010\nregressors: pct.applications\n")
        #expect(spec.regressors == [SeriesID("pct.applications")!])
    }

    @Test("fit stores the regression; the budget projection follows a scenario's regressor path")
    func fitAndScenario() async throws {
        let store = try await BudgetProjectionTests.loadedStore()
        let spec = try Self.spec("series: madrid.applications\nmodel: arima:010\nregressors: [pct.applications]\nhorizon: 2\n")
        let fits = try await SpecificationFitting.fit([spec], store: store, asOf: nil)
        let record = try #require(fits.first?.record, "\(fits.first?.error ?? "")")
        #expect(record.fitted.hasPrefix("Regression on pct.applications with ARIMA(0,1,0) errors"))
        let beta = try #require(record.parameters["beta.pct.applications"])
        // The stored fit carries the coefficients' standard errors beside them.
        #expect((record.parameters["se.beta.pct.applications"] ?? 0) > 0 && (record.parameters["se.drift"] ?? 0) > 0)
        let models = try await SpecModels.lineModels([spec], store: store, asOf: nil)
        let data = try await BudgetData.load(from: store, biennium: Biennium(firstYear: 2020), asOf: nil)
        try await store.close()
        // PCT applications in 2021: 300,000 in one scenario, 250,000 in the other.
        let high = Scenario(name: "pct-high", regressorPaths: [SeriesID("pct.applications")!: [2021: 300_000]])
        let low = Scenario(name: "pct-low", regressorPaths: [SeriesID("pct.applications")!: [2021: 250_000]])
        let comparison = try BudgetProjection(data: data, scenarios: [high, low], models: models).compare(paths: 500)
        let rows = comparison.lines.filter { $0.line == "madrid.applications" }
        #expect(rows.count == 2 && rows.allSatisfy { $0.basis == "model" })
        // With d = 1 and no other regressor, the 2021 difference between the scenarios is β × 50,000.
        #expect(abs((rows[0].projectedTotal - rows[1].projectedTotal) - beta * 50_000) < 1e-6 * abs(beta * 50_000) + 1e-6)
        // The regressor's own line takes the path the regression read: one value of PCT 2021 per scenario, 2020's
        // actual (275,900) plus the path, with no spread; its fee income follows it.
        let pct = comparison.lines.filter { $0.line == "pct.applications" }
        #expect(pct.map(\.projectedTotal) == [275_900 + 300_000, 275_900 + 250_000], "\(pct.map(\.projectedTotal))")
        #expect(pct.allSatisfy { $0.interval95[0] == $0.interval95[1] && $0.method.hasSuffix("the scenario's regressor path fixes 2021: \($0.projectedTotal == 575_900 ? 300000 : 250000)") })
        let income = comparison.lines.filter { $0.line == "pct.fee_income" }.map(\.projectedTotal)
        #expect(income.count == 2 && income[0] > income[1])
    }

    @Test("a negative path for a counted regressor, two specifications of one series, a regressor of other periods: each refused by name")
    func refusals() async throws {
        let store = try await BudgetProjectionTests.loadedStore()
        let spec = try Self.spec("series: madrid.applications\nmodel: arima:010\nregressors: [pct.applications]\nhorizon: 2\n")
        let models = try await SpecModels.lineModels([spec], store: store, asOf: nil)
        let data = try await BudgetData.load(from: store, biennium: Biennium(firstYear: 2020), asOf: nil)
        let negative = Scenario(name: "typo", regressorPaths: [SeriesID("pct.applications")!: [2021: 280_000, 2022: -5]])
        #expect(throws: BudgetError.invalidScenario(name: "typo", reason: "key 'regressors.pct.applications.2022': pct.applications counts applications; -5 is negative")) {
            _ = try BudgetProjection(data: data, scenarios: [negative], models: models)     // refused before any model is fitted
        }
        // Two files for one series: the projection cannot choose, and says which.
        let other = try Self.spec("series: madrid.applications\nmodel: drift\n")
        do {
            _ = try await SpecModels.lineModels([spec, other], store: store, asOf: nil)
            Issue.record("two specifications of madrid.applications were accepted")
        } catch let error as InputError {
            #expect(error.message.contains("specifies madrid.applications too"), "\(error)")
        }
        // A monthly regressor for an annual series has no value for the series' years.
        let monthly = try Self.spec("series: madrid.applications\nmodel: arima\nregressors: [pct.applications.monthly]\n")
        do {
            try monthly.checkSeries(in: try await store.catalog())
            Issue.record("a monthly regressor was accepted for an annual series")
        } catch let error as InputError {
            #expect(error.message.contains("pct.applications.monthly is monthly, but madrid.applications is annual"), "\(error)")
        }
        try await store.close()
    }
}
