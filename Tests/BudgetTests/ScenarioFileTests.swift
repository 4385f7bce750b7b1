import Foundation
import Testing
import TestSupport
@testable import Budget
import Store

/// Scenario files: the shipped ones load, bad ones are rejected with the file and the key.
@Suite("Scenario files") struct ScenarioFileTests {
    static func parse(_ yaml: String) throws(ScenarioError) -> Scenario { try ScenarioFile.parse(yaml, name: "test", file: "test.yaml") }

    static func error(_ yaml: String) -> ScenarioError? {
        do { _ = try parse(yaml); return nil } catch { return error }
    }

    @Test("base, low and high in Models/scenarios load and explain themselves")
    func shipped() throws {
        let folder = Fixtures.packageRoot.appendingPathComponent("Models/scenarios").path
        let low = try ScenarioFile.load(folder + "/low.yaml")
        #expect(low.name == "low" && low.demandShocks.count == 3 && low.exchangeRateFactor == 0.98)
        #expect(low.demandFactor(system: "pct", year: 2020) == 1 && low.demandFactor(system: "pct", year: 2021) == 0.95)
        #expect(low.explanation.contains("pct -5% from 2021 on"))
        let base = try ScenarioFile.load(folder + "/base.yaml")
        #expect(base.demandShocks.isEmpty && base.costGrowthPercent == 0 && base.bands == Scenario.Bands())
    }

    @Test("fee changes apply pro rata by day, in percent and CHF per unit")
    func feeChanges() throws {
        let s = try Self.parse("""
        fees:
          - {system: madrid, from: 2021-07-01, percent: 10}
          - {system: madrid, from: 2020-01-01, until: 2020-12-31, chf-per-unit: 20}
        """)
        let mid = s.feeAdjustment(system: "madrid", year: 2021)
        #expect(abs(mid.factor - (1 + 0.1 * 184 / 365)) < 1e-12 && mid.chfPerUnit == 0)
        #expect(s.feeAdjustment(system: "madrid", year: 2020) == (factor: 1, chfPerUnit: 20))
        #expect(s.feeAdjustment(system: "pct", year: 2021) == (factor: 1, chfPerUnit: 0))
    }

    @Test("bad files name the file, the key and the line")
    func badFiles() {
        let unknownKey = Self.error("demand: []\nshock: 5\n")
        #expect(unknownKey?.key == "shock" && unknownKey?.line == 2 && unknownKey?.message.hasPrefix("unknown key") == true)
        #expect(unknownKey?.description.hasPrefix("test.yaml:2: key 'shock': unknown key") == true)
        let system = Self.error("demand:\n  - {system: lisbonne, from: 2021, percent: -5}\n")
        #expect(system?.key == "demand[0].system" && system?.message.contains("unknown system 'lisbonne'") == true)
        let overlap = Self.error("""
        fees:
          - {system: pct, from: 2021-01-01, until: 2021-06-30, percent: 5}
          - {system: pct, from: 2021-06-01, percent: 3}
        """)
        #expect(overlap?.key == "fees[1]" && overlap?.message.contains("overlaps fees[0]") == true)
        #expect(Self.error("fees:\n  - {system: pct, from: 2021-02-30, percent: 1}\n")?.key == "fees[0].from")
        #expect(Self.error("fees:\n  - {system: pct, from: 2021-02-01}\n")?.message.contains("percent") == true)
        #expect(Self.error("bands:\n  ratio: -1\n")?.key == "bands.ratio")
        #expect(Self.error("bands:\n  spread: 1\n")?.key == "bands.spread")
        #expect(Self.error("exchange-rate-factor: zero\n")?.message.contains("must be a number") == true)
        #expect(Self.error("description: [a, b]\n")?.key == "description")
        #expect(Self.error("exchange-rate-factor: 98\n")?.message == "must be between 0.5 and 2; got 98")      // a percentage typed as a factor
        let twice = Self.error("demand:\n  - {system: pct, from: 2021, percent: -50}\n  - {system: pct, from: 2021, percent: -50}\n")
        #expect(twice?.key == "demand[1]" && twice?.message.contains("repeats demand[0]") == true, "\(String(describing: twice))")
        let day = Self.error("demand:\n  - {system: pct, from: 2021-06-30, percent: -5}\n")
        #expect(day?.key == "demand[0].from" && day?.message.contains("must be a year") == true && day?.message.contains("2021-06-30") == true)
        let folder = Fixtures.packageRoot.appendingPathComponent("Models/scenarios").path
        #expect(throws: ScenarioError(file: folder, key: nil, line: nil, message: "is a folder; name a scenario file (.yaml) in it")) {
            try ScenarioFile.load(folder)
        }
        #expect(Self.error("cost-growth-percent: 1\ncost-growth-percent: 2\n")?.message == "is given twice")
        #expect(Self.error("demand: {system: pct}\n")?.message == "must be a list")
        #expect(Self.error("- just\n- a list\n")?.message == "must be a mapping of keys")
        #expect(Self.error("demand: [\n")?.message.hasPrefix("is not valid YAML") == true)
        #expect(Self.error("regressors:\n  not-an-id: {2021: 1}\n")?.key == "regressors.not-an-id")
        // A mistyped year in a fee change (20211) would silently never apply; in a path it would never be read.
        for year in ["20211", "0", "-5", "9223372036854775807"] {
            let fee = Self.error("fees:\n  - {system: pct, from: \(year), percent: 1}\n")
            #expect(fee?.key == "fees[0].from" && fee?.message.contains("from 1900 to 2200") == true, "\(year): \(String(describing: fee))")
        }
        #expect(Self.error("fees:\n  - {system: pct, from: 2021-01-01, until: 99999-01-01, percent: 1}\n")?.key == "fees[0].until")
        #expect(Self.error("regressors:\n  pct.applications: {99999999999: 1}\n")?.message.contains("years from 1900 to 2200") == true)
        #expect(Self.error("demand:\n  - {system: pct, from: 2021, percent: 0x10}\n")?.message == "must be a number; got '0x10'")
    }

    @Test("a scenario file is read as every input file is: UTF-16 and a missing file get the same messages as a specification's")
    func reading() throws {
        let file = try CommandRunner.temporaryDirectory().appendingPathComponent("wide.yaml")
        try "cost-growth-percent: 1\n".write(to: file, atomically: true, encoding: .utf16)
        #expect(throws: ScenarioError(file: file.path, key: nil, line: 1, message: "is not UTF-8 text")) { try ScenarioFile.load(file.path) }
        let missing = file.deletingLastPathComponent().appendingPathComponent("missing.yaml").path
        #expect(throws: ScenarioError(file: missing, key: nil, line: nil, message: "no such file")) { try ScenarioFile.load(missing) }
    }

    @Test("a document that aliases expand beyond 10,000 values is refused at once, not walked for hours")
    func billionLaughs() {
        // Seven levels of ten aliases each: 10⁷ values from 80 lines.
        var lines = ["l0: &l0"] + Array(repeating: "  - x", count: 10)
        for level in 1...7 { lines += ["l\(level): &l\(level)"] + Array(repeating: "  - *l\(level - 1)", count: 10) }
        let error = Self.error(lines.joined(separator: "\n") + "\n")
        #expect(error?.message.contains("expands to more than 10000 values") == true, "\(String(describing: error))")
        // An alias or two, as a hand-written file might use, still reads.
        #expect(Self.error("bands: &b\n  level: 5\n") == nil)
    }

    @Test("an empty file is the neutral scenario")
    func empty() throws {
        let s = try Self.parse("")
        #expect(s.demandShocks.isEmpty && s.feeChanges.isEmpty && s.exchangeRateFactor == 1 && s.costGrowthPercent == 0)
    }
}
