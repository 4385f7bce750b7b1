import Testing
@testable import Forecasting

/// Multiplicative-error ETS models describe positive data: where a declining trend takes their point forecasts to
/// zero within the horizon, the selection and the Akaike-weighted average leave them out.
@Suite("ETS models defined over the horizon") struct ETSDefinedHorizonTests {
    /// M3's N0502 without its last six years (Tests/Fixtures/competitions/m3_yearly.csv): a rise, then a long fall
    /// (the six years held out turn up again, from 904 to 2254).
    static let falling = TimeSeries(start: 1, observed: [3302.15, 3908.11, 5370.1, 6378.08, 8802.24, 10600.01, 7740.2, 6687.94,
                                                         5501.24, 4699.26, 4582.2, 3542.8, 3366.48, 2823.33, 2328.58, 2150.66,
                                                         1693.56, 1434.73, 1178.54])

    @Test("the selection without a horizon takes ETS(M,A,N), whose forecast falls below zero within six years")
    func unrestrictedChoice() throws {
        let fit = try ETS().fit(Self.falling)
        #expect(fit.spec == ETSSpec(error: .multiplicative, trend: .additive))
        #expect(fit.isDefined(over: 1))
        #expect(!fit.isDefined(over: 6))
        #expect(fit.means(horizon: 6).last! <= 0)
    }

    @Test("forecasting six years, the selection keeps the best model defined over them; over fewer, the same as before")
    func selectionOverTheHorizon() throws {
        let unrestricted = try ETS().fit(Self.falling)
        let chosen = try ETS().fit(Self.falling, horizon: 6)
        #expect(chosen.spec != unrestricted.spec)
        #expect(chosen.isDefined(over: 6))
        #expect(chosen.aicc >= unrestricted.aicc)
        let forecast = try ETS().forecast(Self.falling, horizon: 6, levels: [95])
        #expect(forecast.model == chosen.spec.description)
        #expect(forecast.mean.allSatisfy { $0 > 0 })
        let defined = try #require((1...6).last { unrestricted.isDefined(over: $0) })
        #expect(try ETS().forecast(Self.falling, horizon: defined, levels: [95]).model == unrestricted.spec.description)
    }

    @Test("a fixed multiplicative specification is kept as asked, with a note saying where its forecast reaches zero")
    func fixedSpecificationNote() throws {
        let spec = ETSSpec(error: .multiplicative, trend: .additive)
        let forecast = try ETS(spec).forecast(Self.falling, horizon: 6, levels: [95])
        let first = try #require(forecast.mean.firstIndex { $0 <= 0 }) + 1
        #expect(forecast.model == spec.description)
        #expect(forecast.notes.contains { $0.hasPrefix("ETS(M,A,N)'s forecast falls to zero or below at h = \(first):") })
        #expect(try ETS(spec).forecast(Self.falling, horizon: 1, levels: [95]).notes.isEmpty)
    }

    @Test("the Akaike-weighted average leaves such models out over the horizon, and weighs the rest to 1")
    func weightedAverage() throws {
        let all = try AkaikeWeightedETS().fit(Self.falling)
        let overSix = try AkaikeWeightedETS().fit(Self.falling, horizon: 6)
        #expect(all.contains { !$0.fit.isDefined(over: 6) })
        #expect(overSix.allSatisfy { $0.fit.isDefined(over: 6) })
        #expect(overSix.count < all.count)
        #expect(abs(overSix.map(\.weight).reduce(0, +) - 1) < 1e-12)
        let forecast = try AkaikeWeightedETS().forecast(Self.falling, horizon: 6, levels: [95])
        #expect(!forecast.parameters.keys.contains("ETS(M,A,N).weight"))
    }

    @Test("through one memo, ets and etsw at two horizons choose as they do alone (the ranked fits are shared unfiltered)")
    func memoAcrossHorizons() throws {
        let memo = ForecastMemo()
        let defined = try #require((1...6).last { try! ETS().fit(Self.falling).isDefined(over: $0) })
        for (model, horizon) in [(ETS() as any ForecastModel, 6), (AkaikeWeightedETS(), defined), (ETS(), defined), (AkaikeWeightedETS(), 6)] {
            let shared = try model.forecast(Self.falling, horizon: horizon, levels: [95], memo: memo)
            let alone = try model.forecast(Self.falling, horizon: horizon, levels: [95])
            #expect(shared.model == alone.model, "\(model.name) at \(horizon)")
            #expect(shared.mean == alone.mean, "\(model.name) at \(horizon)")
        }
        #expect(try ETS().forecast(Self.falling, horizon: 6, levels: [95], memo: memo).model
                != ETS().forecast(Self.falling, horizon: defined, levels: [95], memo: memo).model)
    }
}
