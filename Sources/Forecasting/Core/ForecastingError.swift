import Foundation

/// Why a model cannot fit a series or forecast it; each case says what would work.
public enum ForecastingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Fewer observations than the model needs.
    case tooShort(model: String, observed: Int, minimum: Int)
    /// Too few observations to choose among a family's models by an information criterion, though enough to fit
    /// `fixed`, a fixed model of the family.
    case tooShortToSelect(model: String, observed: Int, minimum: Int, fixed: String)
    /// An ARIMA order needs more differences of the series than it has (a gap interrupts them): `d`-th
    /// differences available and needed.
    case tooFewDifferences(model: String, order: Int, available: Int, minimum: Int)
    /// Every value is missing.
    case allMissing
    /// The horizon must be at least 1.
    case invalidHorizon(Int)
    /// Multiplicative errors and logs need strictly positive data.
    case nonPositiveData(model: String)
    /// A model name the command does not know.
    case unknownModel(String, known: [String])
    /// The model cannot work through missing values.
    case gapsNotSupported(model: String)
    /// An interval level outside (0, 100).
    case invalidLevel(Double)
    /// The optimiser found no admissible parameters.
    case noAdmissibleFit(model: String)
    /// The error variance needs observations in consecutive periods, and the series has none.
    case noConsecutiveObservations(model: String, observed: Int)
    /// A regressor does not line up with the series, or its future path is missing or short.
    case invalidRegressor(name: String, reason: String)
    /// The series (d = 0) or its d-th differences are all `value`, which only ARIMA(0,d,0) describes (with its
    /// mean or drift; exactly, with zero variance): an order with AR or MA terms has nothing to estimate.
    case exactlyConstant(model: String, differences: Int, value: Double)
    /// The series ends in missing periods, so forecasts made from its last observation would not start where
    /// the series ends; ``ForecastModel/forecastAcrossTrailingGap(_:horizon:levels:memo:)`` forecasts through them.
    case endsWithGap(missing: Int)
    /// No member of a combination could forecast the series: the combination's name and each member's reason,
    /// as `member: reason`.
    case noMemberFits(model: String, reasons: [String])

    public var description: String {
        switch self {
        case .tooShort(let model, let observed, let minimum):
            return "\(model) needs at least \(minimum) observations; the series has \(observed)"
        case .tooShortToSelect(let model, let observed, let minimum, let fixed):
            return "\(model) needs at least \(minimum) observations to choose a model by AICc; the series has \(observed), which \(fixed) can fit"
        case .tooFewDifferences(let model, let order, let available, let minimum):
            let kind = order == 1 ? "first" : "second"
            return "\(model) needs at least \(minimum) \(kind) differences of consecutive observations; the series has \(available) (each gap costs the differences across it)"
        case .allMissing:
            return "every value of the series is missing"
        case .invalidHorizon(let h):
            return "the horizon must be at least 1; got \(h)"
        case .nonPositiveData(let model):
            return "\(model) needs strictly positive data (multiplicative errors); the series has zero or negative values"
        case .unknownModel(let name, let known):
            if name.isEmpty { return "an empty model name (in a list: two commas, or a comma at an end); choose from \(known.joined(separator: ", "))" }
            return "unknown model '\(name)'; choose from \(known.joined(separator: ", "))"
        case .gapsNotSupported(let model):
            return "\(model) cannot fit through missing values; use ETS, which fits through gaps by its likelihood"
        case .invalidLevel(let level):
            return "interval levels are \(IntervalLevel.rule); got \(level)"
        case .noAdmissibleFit(let model):
            return "\(model): no admissible parameters were found"
        case .noConsecutiveObservations(let model, let observed):
            return "\(model) needs two observations in consecutive periods to estimate its error variance; the series has \(observed), none consecutive"
        case .invalidRegressor(let name, let reason):
            return "regressor '\(name)': \(reason)"
        case .exactlyConstant(let model, let d, let value):
            let what = d == 0 ? "every value of the series is" : "every \(d == 1 ? "first" : "second") difference of the series is"
            return "\(model) cannot be estimated: \(what) \(String(format: "%.10g", value)), which ARIMA(0,\(d),0)\(d <= 1 ? " with its constant" : "") fits "
                + "exactly; use arima, which chooses it, or arima:0\(d)0"
        case .endsWithGap(let missing):
            return "the series ends with \(missing) missing period\(missing == 1 ? "" : "s"); forecast from its last observation "
                + "with the horizon \(missing) longer (forecastAcrossTrailingGap does)"
        case .noMemberFits(let model, let reasons):
            return "\(model) cannot forecast the series, as none of its members can. " + reasons.joined(separator: ". ")
        }
    }
}
