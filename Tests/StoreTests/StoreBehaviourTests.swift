import Foundation
import Store
import Testing
import TestSupport

/// The store's contract, one test body per backend (SQLite always; PostgreSQL under `make test`).
@Suite("Series store") struct StoreBehaviourTests {
    static let datasets = Fixtures.packageRoot.appendingPathComponent("Datasets").path

    static func open(_ backend: StoreBackend) async throws -> any SeriesStore {
        let (option, value) = try backend.makeLocation()
        let location = option == "--database" ? StoreLocation.sqlite(path: value) : StoreLocation.postgres(url: value)
        return try await location.open()
    }

    static func importAll(_ store: any SeriesStore, _ paths: [String]) async throws -> (summary: ImportSummary, failures: [String]) {
        var summary = ImportSummary()
        var failures: [String] = []
        try await Importer(store: store, today: CalendarDay(year: 2026, month: 11, day: 27)).run(paths) { _, outcome in
            switch outcome {
            case .observations(let s): summary.added += s.added; summary.unchanged += s.unchanged
            case .failed(let error): failures.append(error.description)
            default: break
            }
        }
        return (summary, failures)
    }

    static func id(_ text: String) -> SeriesID { SeriesID(text)! }

    @Test("Datasets/ imports whole, and a second import changes nothing", arguments: StoreBackend.available)
    func importIsIdempotent(_ backend: StoreBackend) async throws {
        let store = try await Self.open(backend)
        let first = try await Self.importAll(store, [Self.datasets])
        #expect(first.failures.isEmpty, "\(first.failures)")
        #expect(first.summary.added > 300)
        let second = try await Self.importAll(store, [Self.datasets])
        #expect(second.failures.isEmpty)
        #expect(second.summary.added == 0)
        #expect(second.summary.unchanged == first.summary.added)
        try await store.close()
    }

    @Test("−0 is stored as 0, so both backends read back the same figure", arguments: StoreBackend.available)
    func negativeZero(_ backend: StoreBackend) async throws {
        let store = try await Self.open(backend)
        let folder = try CommandRunner.temporaryDirectory()
        let catalog = folder.appendingPathComponent("catalog.csv"), rows = folder.appendingPathComponent("rows.csv")
        try "id,system,metric,unit,frequency,definition\ntest.zero,PCT,x,applications,annual,x\n".write(to: catalog, atomically: true, encoding: .utf8)
        try "series,period,value,status,source,vintage\ntest.zero,2020,-0,reported,x,2021\n".write(to: rows, atomically: true, encoding: .utf8)
        let imported = try await Self.importAll(store, [catalog.path, rows.path])
        #expect(imported.failures.isEmpty, "\(imported.failures)")
        let stored = try await store.observations(of: Self.id("test.zero"), asOf: nil)
        #expect(stored.count == 1 && stored[0].value == 0 && stored[0].value.sign == .plus)
        try await store.close()
    }

    @Test("as-of reads show the first release before a revision and the revision after it", arguments: StoreBackend.available)
    func asOfReadsReplayThePast(_ backend: StoreBackend) async throws {
        let store = try await Self.open(backend)
        _ = try await Self.importAll(store, [Self.datasets])
        let pct = Self.id("pct.applications")
        // The first release of 2015 (218,000) is dated only "2016": it counts as known by 2016-12-31, never
        // earlier, so a mid-2016 view has no 2015 figure yet and a mid-2017 view has the first release.
        let mid2016 = try await store.observations(of: pct, asOf: CalendarDay(year: 2016, month: 6, day: 30))
        #expect(!mid2016.contains { $0.period == .year(2015) })
        // 2014: "some 215,000" dated 2015-03 (known by 2015-03-31) is later than 214,500 dated 2015-03-25.
        #expect(mid2016.first { $0.period == .year(2014) }?.value == 215_000)
        let then = try await store.observations(of: pct, asOf: CalendarDay(year: 2017, month: 6, day: 30))
        #expect(then.first { $0.period == .year(2015) }?.value == 218_000)
        #expect(then.first { $0.period == .year(2016) }?.value == 233_000)
        #expect(!then.contains { $0.period == .year(2017) }, "2017 was not published by mid-2017")
        let now = try await store.observations(of: pct, asOf: nil)
        #expect(now.first { $0.period == .year(2015) }?.value == 217_230)
        #expect(now.first { $0.period == .year(2016) }?.value == 232_905)
        #expect(!now.contains { $0.period == .year(2002) }, "gaps stay gaps")
        let all = try await store.vintages(of: pct)
        for year in 2015...2019 {
            let values = Set(all.filter { $0.period == .year(year) }.map(\.value))
            #expect(values.count >= 2, "\(year) should have a first release and a revision, has \(values)")
        }
        let madrid = try await store.observations(of: Self.id("madrid.unit_cost.per_registration"), asOf: nil)
        let cost2020 = madrid.first { $0.period == .year(2020) }
        #expect(cost2020?.value == 625)
        #expect(cost2020?.source.contains("WO/PBC/32/2") == true)
        try await store.close()
    }

    @Test("a new value for a stored period becomes a new vintage; nothing is overwritten", arguments: StoreBackend.available)
    func revisionsAddVintages(_ backend: StoreBackend) async throws {
        let store = try await Self.open(backend)
        let folder = try CommandRunner.temporaryDirectory()
        let catalog = folder.appendingPathComponent("catalog.csv")
        try "id,system,metric,unit,frequency,definition\ntest.applications,TEST,applications,applications,annual,test series\n"
            .write(to: catalog, atomically: true, encoding: .utf8)
        let first = folder.appendingPathComponent("first.csv")
        try "series,period,value,status,source,vintage\ntest.applications,2020,100,reported,Doc A,2021-02-01\n"
            .write(to: first, atomically: true, encoding: .utf8)
        let revision = folder.appendingPathComponent("revision.csv")
        try "series,period,value,status,source,vintage\ntest.applications,2020,104,revised,Doc B,2022-03\n"
            .write(to: revision, atomically: true, encoding: .utf8)
        #expect(try await Self.importAll(store, [catalog.path, first.path]).summary.added == 1)
        #expect(try await Self.importAll(store, [revision.path]).summary.added == 1)
        let id = Self.id("test.applications")
        #expect(try await store.observations(of: id, asOf: CalendarDay(year: 2022, month: 3, day: 30)).map(\.value) == [100])
        #expect(try await store.observations(of: id, asOf: CalendarDay(year: 2022, month: 3, day: 31)).map(\.value) == [104])
        #expect(try await store.vintages(of: id).map(\.value) == [100, 104])
        try await store.close()
    }

    @Test("a conflicting value of the same vintage rejects the whole file and keeps the store", arguments: StoreBackend.available)
    func conflictsRejectTheFile(_ backend: StoreBackend) async throws {
        let store = try await Self.open(backend)
        _ = try await Self.importAll(store, [Self.datasets])
        let before = try await store.vintages(of: Self.id("pct.applications")).count
        let file = try CommandRunner.temporaryDirectory().appendingPathComponent("bad.csv")
        try """
            series,period,value,status,source,vintage
            pct.applications,2021,277500,reported,Test document,2022-02-09
            pct.applications,2015,1,revised,"WO/PBC/32/2, Annex V",2021
            """.write(to: file, atomically: true, encoding: .utf8)
        let result = try await Self.importAll(store, [file.path])
        #expect(result.failures.count == 1)
        #expect(result.failures.first?.contains("bad.csv:3:") == true, "\(result.failures)")
        #expect(try await store.vintages(of: Self.id("pct.applications")).count == before)
        try await store.close()
    }

    @Test("rows without a vintage take the import day, and re-importing them changes nothing", arguments: StoreBackend.available)
    func missingVintageIsIdempotent(_ backend: StoreBackend) async throws {
        let store = try await Self.open(backend)
        _ = try await Self.importAll(store, [Self.datasets])
        let file = try CommandRunner.temporaryDirectory().appendingPathComponent("today.csv")
        try "series,period,value,status,source\nhague.renewals,2020,4759,reported,\"WO/PBC/32/2, Table 3\"\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let first = try await Self.importAll(store, [file.path])
        #expect(first.summary.added == 1, "different source than the stored row: a new vintage")
        let again = try await Self.importAll(store, [file.path])
        #expect(again.summary == ImportSummary(added: 0, unchanged: 1))
        try await store.close()
    }
}

@Suite("Model fit versions") struct FitVersionTests {
    @Test("concurrent saves of one specification get distinct, consecutive versions", arguments: StoreBackend.available)
    func concurrentVersions(_ backend: StoreBackend) async throws {
        let store = try await StoreBehaviourTests.open(backend)
        _ = try await StoreBehaviourTests.importAll(store, [StoreBehaviourTests.datasets + "/catalog.csv"])
        let record = FitRecord(name: "pct-applications", fittedAt: "2026-11-27T00:00:00Z", series: SeriesID("pct.applications")!,
                               model: "drift", fitted: "Random walk with drift", asOf: nil, lastPeriod: "2020", observations: 22,
                               parameters: ["slope": 9495.0], forecast: [285395, 294890])
        let versions = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 { group.addTask { try await store.saveFit(record).version } }
            var all: [Int] = []
            for try await version in group { all.append(version) }
            return all
        }
        #expect(versions.sorted() == Array(1...8))
        let latest = try await store.latestFit(named: "pct-applications")
        #expect(latest?.version == 8 && latest?.parameters == ["slope": 9495] && latest?.forecast == [285395, 294890])
        #expect(try await store.latestFit(named: "nothing") == nil)
        try await store.close()
    }
}
