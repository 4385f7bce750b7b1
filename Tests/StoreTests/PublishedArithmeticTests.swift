import Foundation
import Store
import Testing
import TestSupport

/// The report's own arithmetic, reproduced from the stored data (SQLite; the backends are checked equal
/// elsewhere). Tolerances: shares to the printed whole percent (±0.5 point), totals exact.
@Suite("Published arithmetic from stored data") struct PublishedArithmeticTests {
    static func loadedStore() async throws -> any SeriesStore {
        let store = try await StoreBehaviourTests.open(StoreBackend.available[0])
        _ = try await StoreBehaviourTests.importAll(store, [StoreBehaviourTests.datasets])
        return store
    }

    static func value(_ store: any SeriesStore, _ series: String, _ period: Period) async throws -> Double? {
        try await store.observations(of: SeriesID(series)!, asOf: nil).first { $0.period == period }?.value
    }

    @Test("Table 3: each 2020 actual as a share of the 2020/21 estimate rounds to the printed percentage")
    func table3Shares() async throws {
        let store = try await Self.loadedStore()
        let table = try Fixtures.csvRows(StoreBehaviourTests.datasets + "/budgets/2020-21/table3_demand.csv")
        #expect(table.count == 9)
        for row in table {
            let estimate = try await Self.value(store, row["estimate_series"]!, .biennium(firstYear: 2020))
            let actual = try await Self.value(store, row["series"]!, .year(2020))
            let printed = Double(row["actual_as_share_of_estimate_pct"]!)!
            guard let estimate, let actual else { Issue.record("\(row["series"]!) missing from the store"); continue }
            #expect(estimate == Double(row["budget_estimate_2020_21"]!) && actual == Double(row["actual_2020"]!))
            let share = 100 * actual / estimate
            #expect(abs(share - printed) <= 0.5, "\(row["series"]!): \(share)% vs printed \(printed)%")
        }
        // The printed headline shares.
        #expect(try await (Self.value(store, "pct.applications", .year(2020))! / Self.value(store, "pct.applications.budget_estimate.biennial", .biennium(firstYear: 2020))! * 100).rounded() == 50)
        #expect(try await (Self.value(store, "madrid.registrations", .year(2020))! / Self.value(store, "madrid.registrations.budget_estimate.biennial", .biennium(firstYear: 2020))! * 100).rounded() == 47)
        #expect(try await (Self.value(store, "hague.registrations", .year(2020))! / Self.value(store, "hague.registrations.budget_estimate.biennial", .biennium(firstYear: 2020))! * 100).rounded() == 55)
        try await store.close()
    }

    @Test("Table 3 subtotals: registrations and renewals are the sums of their lines")
    func table3Subtotals() async throws {
        let store = try await Self.loadedStore()
        for system in ["madrid", "hague"] {
            for (suffix, period) in [("", Period.year(2020)), (".budget_estimate.biennial", .biennium(firstYear: 2020))] {
                let registrations = try await Self.value(store, "\(system).registrations\(suffix)", period)!
                let renewals = try await Self.value(store, "\(system).renewals\(suffix)", period)!
                let total = try await Self.value(store, "\(system).registrations_and_renewals\(suffix)", period)!
                #expect(registrations + renewals == total, "\(system)\(suffix) \(period)")
            }
        }
        try await store.close()
    }

    @Test("PCT receiving offices: the offices sum to the published total of every year 2015–2020")
    func receivingOfficeTotals() async throws {
        let store = try await Self.loadedStore()
        let offices = try await store.catalog().keys.filter { $0.rawValue.hasPrefix("pct.applications.receiving_office.") }
        #expect(offices.count == 11)
        for year in 2015...2020 {
            var sum = 0.0
            for office in offices {
                sum += try await store.observations(of: office, asOf: nil).first { $0.period == .year(year) }?.value ?? .nan
            }
            let annexV = try await store.vintages(of: SeriesID("pct.applications")!)
                .first { $0.period == .year(year) && $0.source.contains("Annex V") }?.value
            #expect(sum == annexV, "\(year): offices sum to \(sum), Annex V total \(String(describing: annexV))")
        }
        try await store.close()
    }

    @Test("the Hague weighted workload is rebuilt from the stored counts and the report's weights (tolerance 1e-9)")
    func weightedWorkload() async throws {
        let store = try await Self.loadedStore()
        let weights = try Fixtures.csvRows(StoreBehaviourTests.datasets + "/budgets/2020-21/workload_weights.csv")
            .filter { $0["system"] == "Hague" }
        let components = ["international application": "hague.applications", "renewal": "hague.renewals",
                          "change": "hague.changes", "decision": "hague.decisions"]
        #expect(weights.count == components.count)
        var recomputed = 0.0
        for row in weights {
            let series = components[row["document_type"]!]!
            recomputed += try await Self.value(store, series, .year(2020))! * Double(row["weight"]!)!
        }
        let stored = try await Self.value(store, "hague.workload.weighted", .year(2020))!
        #expect(abs(recomputed - stored) <= 1e-9 * stored, "\(recomputed) vs stored \(stored)")
        let catalog = try await store.catalog()
        #expect(catalog[SeriesID("hague.workload.weighted")!]?.derivation.contains("hague.renewals / 8") == true,
                "a derived series states its formula in the catalog")
        try await store.close()
    }

    @Test("every observation in Datasets/ has a source, a status and a vintage")
    func everyFigureHasASource() throws {
        let folder = StoreBehaviourTests.datasets + "/series"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".csv") }
        #expect(files.count >= 4)
        for file in files {
            for (index, row) in try Fixtures.csvRows(folder + "/" + file).enumerated() {
                #expect(!(row["source"] ?? "").isEmpty, "\(file) row \(index + 2) has no source")
                #expect(!(row["vintage"] ?? "").isEmpty, "\(file) row \(index + 2) has no vintage")
                #expect(["reported", "estimate", "revised", "derived"].contains(row["status"] ?? ""), "\(file) row \(index + 2)")
            }
        }
    }
}
