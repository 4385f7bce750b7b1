// Times the budget comparison after the models are fitted: base + low + high with 10,000 simulated paths
// each, on the 2020/21 biennium of Datasets/ (imported into a temporary SQLite store first).
//
//   swift run -c release budget-timing [REPOSITORY_ROOT] [PATHS] [REPEATS]
import Budget
import Forecasting
import Foundation
import Store

let arguments = CommandLine.arguments
let root = arguments.count > 1 ? arguments[1] : ".."
let paths = arguments.count > 2 ? Int(arguments[2]) ?? 10_000 : 10_000
let repeats = arguments.count > 3 ? Int(arguments[3]) ?? 21 : 21

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("budget-timing-\(getpid())")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
let store = try await StoreLocation.sqlite(path: folder.appendingPathComponent("b.sqlite").path).open()
try await Importer(store: store, today: CalendarDay.today()).run([root + "/Datasets"]) { _, _ in }
let data = try await BudgetData.load(from: store, biennium: Biennium("2020/21")!, asOf: nil)
try await store.close()
let scenarios = try ["base", "low", "high"].map { try ScenarioFile.load(root + "/Models/scenarios/\($0).yaml") }
// The models of Models/*.yaml: drift for PCT and Madrid applications, ETS for Hague applications.
let models: [SeriesID: LineModel] = [
    SeriesID("pct.applications")!: LineModel(label: "drift", model: BenchmarkModel(.drift)),
    SeriesID("madrid.applications")!: LineModel(label: "drift", model: BenchmarkModel(.drift)),
    SeriesID("hague.applications")!: LineModel(label: "ets", model: ETS()),
]
let clock = ContinuousClock()
let fitStart = clock.now
let projection = try BudgetProjection(data: data, scenarios: scenarios, models: models)
let fitTime = clock.now - fitStart
var times: [Double] = []
var lines = 0
for _ in 0..<repeats {
    let start = clock.now
    let comparison = try projection.compare(paths: paths, seed: 20_201_231)
    let elapsed = clock.now - start
    lines = comparison.lines.count
    times.append(Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) * 1e-15)
}
times.sort()
print("budget comparison: \(scenarios.count) scenarios x \(paths) paths, \(lines) line-scenario rows")
print(String(format: "fit (models, once): %.1f ms", Double(fitTime.components.attoseconds) * 1e-15 + Double(fitTime.components.seconds) * 1e3))
print(String(format: "simulate + summarise: median %.1f ms, min %.1f ms, max %.1f ms over %d runs", times[times.count / 2], times[0], times[times.count - 1], repeats))
