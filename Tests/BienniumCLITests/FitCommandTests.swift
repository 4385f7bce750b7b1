import Foundation
import Testing
import TestSupport

/// `biennium fit` and `biennium refit` on the specifications in Models/.
@Suite("biennium fit and refit") struct FitCommandTests {
    static let models = Fixtures.packageRoot.appendingPathComponent("Models").path

    @Test("fit stores version 1 of every specification; a refit after new data reports what changed")
    func fitThenRefit() throws {
        let location = try ForecastCommandTests.importedStore()
        let fit = try CommandRunner().run(["fit", Self.models, "--format", "json", location.option, location.value])
        #expect(fit.status == 0, "\(fit.standardError)")
        let fits = JSONValue(raw: try JSONSerialization.jsonObject(with: Data(fit.standardOutput.utf8)))["fits"].array
        #expect(fits.map { $0["name"].string } == ["hague-applications", "madrid-applications", "madrid-registrations", "madrid-renewals", "pct-applications"])
        #expect(fits.allSatisfy { $0["version"].int == 1 && $0["forecast"].array.count == 4 })

        let file = try CommandRunner.temporaryDirectory().appendingPathComponent("pct-2021.csv")
        try "series,period,value,status,source,vintage\npct.applications,2021,277500,reported,Test release,2022-02-09\n"
            .write(to: file, atomically: true, encoding: .utf8)
        #expect(try CommandRunner().run(["import", file.path, location.option, location.value]).status == 0)

        let refit = try CommandRunner().run(["refit", Self.models, "--format", "json", location.option, location.value])
        #expect(refit.status == 0, "\(refit.standardError)")
        let rows = JSONValue(raw: try JSONSerialization.jsonObject(with: Data(refit.standardOutput.utf8)))["fits"].array
        let pct = try #require(rows.first { $0["name"].string == "pct-applications" })
        #expect(pct["version"].int == 2 && pct["previousVersion"].int == 1)
        #expect(pct["previousLastPeriod"].string == "2020" && pct["lastPeriod"].string == "2021")
        #expect(pct["parameterChanges"].array.contains { $0["parameter"].string == "slope" })
        // The forecasts are compared year by year: the refit on 2021's data forecasts 2022-2025, the fit before it
        // 2021-2024, so 2022-2024 are compared, each with its own year's earlier forecast.
        let before = fits.first { $0["name"].string == "pct-applications" }?["forecast"].doubles ?? []
        let changes = pct["forecastChanges"].array
        #expect(changes.map { $0["period"].int } == [2022, 2023, 2024], "\(changes)")
        for (k, change) in changes.enumerated() {
            let previous = change["previous"].double, current = change["current"].double
            #expect(previous == before[k + 1], "\(change)")
            #expect(abs(change["percent"].double - 100 * (current - previous) / previous) < 1e-9)
        }
        let table = try CommandRunner().run(["refit", Self.models, location.option, location.value])
        #expect(table.standardOutput.contains("pct-applications: version 2 → 3; data through 2021 → 2021"))
        #expect(table.standardOutput.contains("forecast change, same year: 2022 +0.00%, 2023 +0.00%, 2024 +0.00%, 2025 +0.00%"), "\(table.standardOutput)")
    }

    @Test("a specification with an unknown key or a bad model is refused, naming file and key")
    func badSpecifications() throws {
        let location = try ForecastCommandTests.importedStore()
        let folder = try CommandRunner.temporaryDirectory()
        for (name, text, fragment) in [
            ("typo", "series: pct.applications\nmodle: ets\n", "typo.yaml: key 'modle': unknown key"),
            ("model", "series: pct.applications\nmodel: prophet\n", "model.yaml: key 'model': unknown model 'prophet'"),
            ("horizon", "series: pct.applications\nhorizon: 99\n", "horizon.yaml: key 'horizon': must be 1 to 30"),
            ("origins", "series: pct.applications\nevaluation:\n  origins: 2018..2010\n", "origins.yaml: key 'evaluation.origins'"),
            ("yaml", "series: [unclosed\n", "yaml.yaml: is not valid YAML"),
        ] {
            let file = folder.appendingPathComponent("\(name).yaml")
            try text.write(to: file, atomically: true, encoding: .utf8)
            let output = try CommandRunner().run(["fit", file.path, location.option, location.value])
            #expect(output.status != 0)
            #expect(output.standardError.contains(fragment), "\(name): \(output.standardError)")
        }
    }
}
