/// The error component of an ETS model.
public enum ErrorType: String, Sendable, CaseIterable { case additive = "A", multiplicative = "M" }

/// The trend component: none, additive, or additive damped.
public enum TrendType: String, Sendable, CaseIterable { case none = "N", additive = "A", damped = "Ad" }

/// A non-seasonal exponential smoothing model in innovations state-space form (Hyndman, Koehler, Ord &
/// Snyder, *Forecasting with Exponential Smoothing: The State Space Approach*, 2008, ch. 2):
///
/// ```
/// ŷₜ = ℓₜ₋₁ + φbₜ₋₁                        (φ = 1 for an undamped trend, b ≡ 0 without trend)
/// additive errors:       yₜ = ŷₜ + εₜ,        ℓₜ = ŷₜ + αεₜ,       bₜ = φbₜ₋₁ + βεₜ
/// multiplicative errors: yₜ = ŷₜ(1 + εₜ),    ℓₜ = ŷₜ(1 + αεₜ),    bₜ = φbₜ₋₁ + βŷₜεₜ
/// ```
/// Labels follow the taxonomy: `ETS(A,N,N)` is simple exponential smoothing, `ETS(M,Ad,N)` damped trend
/// with multiplicative errors.
public struct ETSSpec: Sendable, Hashable, CustomStringConvertible {
    /// Additive (A) or multiplicative (M) errors.
    public let error: ErrorType
    /// No trend (N), additive (A) or additive damped (Ad).
    public let trend: TrendType

    /// The model ETS(error, trend, N).
    public init(error: ErrorType, trend: TrendType) {
        self.error = error
        self.trend = trend
    }

    /// Parses `ANN`, `AAdN`, `MAN`, …
    public init?(_ code: String) {
        guard let first = code.first, let error = ErrorType(rawValue: String(first)) else { return nil }
        let rest = code.dropFirst()
        guard rest.hasSuffix("N") else { return nil }
        guard let trend = TrendType(rawValue: String(rest.dropLast())) else { return nil }
        self.init(error: error, trend: trend)
    }

    public var description: String { "ETS(\(error.rawValue),\(trend.rawValue),N)" }

    /// Every non-seasonal model; multiplicative-error ones need positive data.
    public static let all: [ETSSpec] = ErrorType.allCases.flatMap { e in TrendType.allCases.map { ETSSpec(error: e, trend: $0) } }

    var hasTrend: Bool { trend != .none }
    var isDamped: Bool { trend == .damped }
    /// Smoothing and damping parameters plus initial states.
    var parameterCount: Int { 1 + (hasTrend ? 1 : 0) + (isDamped ? 1 : 0) }
}
