import Foundation
import Testing
import TestSupport
@testable import Budget
import Store

/// What `refit` calls "the selected model changed": another kind of model, not new weights or calibration.
@Suite("Refit: has the model changed?") struct SpecificationFitTests {
    static let spec: ModelSpec = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spec-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("pct.yaml")
        try! "series: pct.applications\nmodel: auto\n".write(to: file, atomically: true, encoding: .utf8)
        return try! ModelSpec(path: file.path)
    }()

    static func fit(_ label: String, version: Int) -> FitRecord {
        FitRecord(name: "pct", version: version, fittedAt: "2026-11-27T00:00:00Z", series: SeriesID("pct.applications")!, model: "auto",
                  fitted: label, asOf: nil, lastPeriod: "2020", observations: 20, parameters: [:], forecast: [1, 2])
    }

    @Test("weights, Akaike weights and calibration factors move without the model changing; members and forms do change it",
          arguments: [
            ("Combination of ETS(A,A,N) ×0.43, Drift ×0.57", "Combination of ETS(A,A,N) ×0.61, Drift ×0.39", false),
            ("Combination of ETS(A,A,N) ×0.43, Drift ×0.57", "Combination of ETS(A,Ad,N) ×0.43, Drift ×0.57", true),
            ("Akaike-weighted ETS [ETS(A,A,N) 67%, ETS(M,A,N) 29%, 4 below 1%]",
             "Akaike-weighted ETS [ETS(A,A,N) 71.5%, ETS(M,A,N) 25%, 4 below 1%]", false),
            ("Akaike-weighted ETS [ETS(A,A,N) 67%, ETS(M,A,N) 29%]", "Akaike-weighted ETS [ETS(M,A,N) 67%, ETS(A,A,N) 29%]", true),
            ("Random walk with drift, intervals calibrated on the last 3 years (×1.23)",
             "Random walk with drift, intervals calibrated on the last 3 years (×1.00)", false),
            ("ARIMA(0,1,1) with drift", "ARIMA(0,1,0) with drift", true),
            ("ETS(A,Ad,N)", "ETS(A,Ad,N)", false),
          ])
    func modelChanged(previous: String, current: String, changed: Bool) {
        let result = SpecificationFit(spec: Self.spec, record: Self.fit(current, version: 2), previous: Self.fit(previous, version: 1), error: nil)
        #expect(result.modelChanged == changed)
        #expect(SpecificationFit(spec: Self.spec, record: Self.fit(current, version: 1), previous: nil, error: nil).modelChanged == nil)
    }
}
