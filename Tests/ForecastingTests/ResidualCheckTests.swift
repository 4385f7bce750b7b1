import Foundation
import Regression
import Testing
@testable import Forecasting

/// The Ljung–Box residual check with R's `checkresiduals` conventions: lag min(10, n/5) rounded and at least
/// k + 3, k = p + q for ARIMA and 0 otherwise; inner gaps interpolated, leading and trailing ones dropped. The
/// statistic itself is `ResidualDiagnostics.ljungBox`, checked against statsmodels' `acorr_ljungbox` in the
/// regression tests.
@Suite("Residual check") struct ResidualCheckTests {
    static func residuals(_ n: Int) -> [Double] { (0..<n).map { sin(Double($0) * 1.7) + 0.3 * cos(Double($0) * 0.45) } }

    @Test("the lag: min(10, n/5) rounded, at least k + 3; the degrees of freedom lag − k")
    func lagRule() throws {
        for (n, k, lag) in [(60, 0, 10), (30, 0, 6), (22, 0, 4), (22, 2, 5), (12, 0, 3), (80, 9, 12)] {
            let check = try #require(ResidualCheck(residuals: Self.residuals(n).map(Optional.some), coefficients: k), "n = \(n), k = \(k)")
            #expect(check.lag == lag && check.degreesOfFreedom == lag - k && check.residuals == n, "n = \(n), k = \(k): \(check)")
            let direct = ResidualDiagnostics.ljungBox(Self.residuals(n), lag: lag, modelDegreesOfFreedom: k)
            #expect(check.statistic == direct.statistic && check.pValue == direct.pValue)
        }
    }

    @Test("inner gaps are interpolated on the line between their neighbours; leading and trailing gaps are dropped")
    func gaps() throws {
        let values: [Double?] = [nil, 1, 3, nil, nil, 9, 2, nil]
        #expect(ResidualCheck.interpolated(values) == [1, 3, 5, 7, 9, 2])
        #expect(ResidualCheck.interpolated([nil, nil]).isEmpty)
        var e = Self.residuals(30).map(Optional.some)
        e[0] = nil
        e[10] = nil
        let check = try #require(ResidualCheck(residuals: e, coefficients: 1))
        var filled = Self.residuals(30)
        filled[10] = (filled[9] + filled[11]) / 2
        let direct = ResidualDiagnostics.ljungBox(Array(filled.dropFirst()), lag: 6, modelDegreesOfFreedom: 1)
        #expect(check.residuals == 29 && check.lag == 6 && abs(check.statistic - direct.statistic) <= 1e-12 * direct.statistic)
        // The lag counts the periods without a residual at the start, as R's does: 23 periods, lag 5 (22 would give 4).
        let drift = [nil] + Self.residuals(22).map(Optional.some)
        #expect(try #require(ResidualCheck(residuals: drift, coefficients: 0)).lag == 5)
    }

    @Test("no check on too few residuals or constant ones")
    func refused() {
        #expect(ResidualCheck(residuals: Self.residuals(4).map(Optional.some), coefficients: 0) == nil)
        #expect(ResidualCheck(residuals: Array(repeating: 2.0, count: 30), coefficients: 0) == nil)
        #expect(ResidualCheck(residuals: [], coefficients: 0) == nil)
    }

    @Test("ARIMA gives up its p + q; other models nothing")
    func modelTerms() throws {
        let y = (0..<30).map { 100 + 2 * Double($0) + 5 * sin(Double($0)) }
        let series = TimeSeries(start: 1, observed: y)
        let arima = try ARIMA(order: ARIMAOrder(1, 1, 1), constant: true).forecast(series, horizon: 2, levels: [95])
        #expect(arima.armaTerms == 2 && arima.residualCheck?.degreesOfFreedom == (arima.residualCheck?.lag ?? 0) - 2)
        let ets = try ETS(ETSSpec("AAN")).forecast(series, horizon: 2, levels: [95])
        let etsCheck = try #require(ets.residualCheck)
        #expect(ets.armaTerms == 0 && etsCheck.degreesOfFreedom == etsCheck.lag)
        // Calibrated intervals keep the model's terms.
        let calibrated = try ModelCatalog.model(named: "calibrated:arima:111").forecast(series, horizon: 2, levels: [95])
        let calibratedCheck = try #require(calibrated.residualCheck)
        #expect(calibrated.armaTerms == 2 && calibratedCheck.degreesOfFreedom == calibratedCheck.lag - 2)
    }
}
