import Foundation
import Testing
import TestSupport

/// `biennium backtest --baseline MODEL` end to end: each model against the baseline, unit by unit.
@Suite("biennium backtest --baseline") struct BaselineComparisonTests {
    /// The first `count` M3 yearly series, as a long-format file.
    static func m3Subset(_ count: Int) throws -> URL {
        let file = try CommandRunner.temporaryDirectory().appendingPathComponent("m3-\(count).csv")
        let lines = try String(contentsOf: Fixtures.url("competitions/m3_yearly.csv"), encoding: .utf8).split(whereSeparator: \.isNewline)
        let ids = Set((1...count).map { String(format: "N%04d,", $0) })
        let kept = lines.prefix(1) + lines.dropFirst().filter { ids.contains(String($0.prefix(6))) }
        try (kept.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test("JSON: the mean differences are those of the per-series scores in --out; the baseline is added to --models")
    func holdout() throws {
        let file = try Self.m3Subset(40)
        let scores = file.deletingLastPathComponent().appendingPathComponent("scores.csv")
        let output = try CommandRunner().run(["backtest", "--data", file.path, "--horizon", "6", "--models", "naive,ets",
                                              "--baseline", "drift", "--format", "json", "--out", scores.path])
        #expect(output.status == 0, "\(output.standardError)")
        let json = JSONValue(raw: try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)))
        #expect(json["models"].array.map { $0["name"].string } == ["naive", "ets", "drift"])
        let versus = json["versusBaseline"]
        #expect(versus["baseline"].string == "drift" && versus["level"].double == 95 && versus["resamples"].int == 10_000)
        #expect(versus["models"].array.map { $0["model"].string } == ["naive", "ets"])
        // series,model,fitted,mase,smape,coverage95,winkler95,fallback — recompute each mean difference by hand.
        var perSeries: [String: [String: (mase: Double, smape: Double)]] = [:]
        for line in try String(contentsOf: scores, encoding: .utf8).split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            perSeries[f[1], default: [:]][f[0]] = (Double(f[f.count - 5])!, Double(f[f.count - 4])!)
        }
        for row in versus["models"].array {
            let mine = perSeries[row["model"].string]!, base = perSeries["drift"]!
            let mase = mine.keys.map { mine[$0]!.mase - base[$0]!.mase }, smape = mine.keys.map { mine[$0]!.smape - base[$0]!.smape }
            #expect(row["mase"]["units"].int == 40)
            #expect(abs(row["mase"]["mean"].double - mase.reduce(0, +) / 40) < 1e-12)
            #expect(abs(row["smape"]["mean"].double - smape.reduce(0, +) / 40) < 1e-9)
            #expect(abs(row["mase"]["better"].double - Double(mase.filter { $0 < -1e-9 }.count) / 40) < 1e-12)
            let (lower, upper, mean) = (row["mase"]["lower"].double, row["mase"]["upper"].double, row["mase"]["mean"].double)
            #expect(lower < mean && mean < upper, "\(row["model"].string): \(lower) … \(upper) around \(mean)")
        }
    }

    @Test("table and CSV carry the comparison; a rolling-origin backtest compares origin by origin")
    func formats() throws {
        let file = try Self.m3Subset(10)
        let table = try CommandRunner().run(["backtest", "--data", file.path, "--horizon", "6", "--models", "drift,theta", "--baseline", "naive"])
        #expect(table.status == 0, "\(table.standardError)")
        #expect(table.standardOutput.contains("Against naive, series by series"))
        #expect(table.standardOutput.split(separator: "\n").contains { $0.hasPrefix("theta") && $0.contains("…") })
        let csv = try CommandRunner().run(["backtest", "--data", file.path, "--horizon", "6", "--models", "drift,theta", "--baseline", "naive",
                                           "--format", "csv"])
        let lines = csv.standardOutput.split(separator: "\n")
        #expect(lines[0].hasSuffix(",vs_baseline_smape,vs_baseline_smape_lower,vs_baseline_smape_upper"))
        #expect(lines.first { $0.hasPrefix("naive,") }!.hasSuffix(",,,,,,,,"), "no comparison of the baseline with itself")
        #expect(lines.first { $0.hasPrefix("theta,") }!.split(separator: ",", omittingEmptySubsequences: false).suffix(8).allSatisfy { Double($0) != nil })

        let location = try ForecastCommandTests.importedStore()
        let origins = try CommandRunner().run(["backtest", "pct.applications", "--origins", "2010...2016", "--horizon", "2",
                                               "--models", "drift", "--baseline", "naive", "--format", "json", location.option, location.value])
        #expect(origins.status == 0, "\(origins.standardError)")
        let json = JSONValue(raw: try JSONSerialization.jsonObject(with: Data(origins.standardOutput.utf8)))
        let drift = json["versusBaseline"]["models"][0]
        #expect(drift["model"].string == "drift" && drift["mase"]["units"].int == json["models"][0]["origins"].int)
    }

    @Test("an unknown baseline is refused, naming --baseline")
    func unknownBaseline() throws {
        let file = try Self.m3Subset(3)
        let output = try CommandRunner().run(["backtest", "--data", file.path, "--horizon", "6", "--models", "drift", "--baseline", "prophet"])
        #expect(output.status == 64)
        #expect(output.standardError.contains("--baseline") && output.standardError.contains("prophet"), "\(output.standardError)")
        let alone = try CommandRunner().run(["backtest", "--data", file.path, "--horizon", "6", "--models", "drift", "--baseline", "drift"])
        #expect(alone.status == 64 && alone.standardError.contains("leaves no other model"), "\(alone.standardError)")
    }

    @Test("a model named twice in --models is scored once, so no unit is counted twice in the interval")
    func repeatedModel() throws {
        let file = try Self.m3Subset(10)
        let output = try CommandRunner().run(["backtest", "--data", file.path, "--horizon", "6", "--models", "drift,theta,drift",
                                              "--baseline", "naive", "--format", "json"])
        #expect(output.status == 0, "\(output.standardError)")
        let json = JSONValue(raw: try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)))
        #expect(json["models"].array.map { $0["name"].string } == ["drift", "theta", "naive"])
        #expect(json["versusBaseline"]["models"].array.map { $0["mase"]["units"].int } == [10, 10])
    }
}
