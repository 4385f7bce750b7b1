import Regression
import Testing
import TestSupport

/// t, F, χ² and normal probabilities and quantiles against scipy, each entry checked by mpmath at 50 digits
/// (Tests/Fixtures/scipy/distributions.json). Tolerance: 1e-12 relative, tails down to 1e-300 included;
/// 1e-10 for Student's t with ν ≥ 1e5, where the continued fraction for I_x(ν/2, ½) runs next to its
/// switch-over point and loses a few digits (p-values there match the normal to far more than is printed).
@Suite("Distributions") struct DistributionTests {
    static let entries = try! JSONValue.load("scipy/distributions.json")["entries"].array

    static func evaluate(_ function: String, _ parameters: [Double], _ x: Double) -> Double {
        switch function {
        case "t.cdf": return StudentT(degreesOfFreedom: parameters[0]).cdf(x)
        case "t.sf": return StudentT(degreesOfFreedom: parameters[0]).survival(x)
        case "t.ppf": return StudentT(degreesOfFreedom: parameters[0]).quantile(x)
        case "f.sf": return FisherF(numerator: parameters[0], denominator: parameters[1]).survival(x)
        case "chi2.sf": return ChiSquared(degreesOfFreedom: parameters[0]).survival(x)
        case "chi2.cdf": return ChiSquared(degreesOfFreedom: parameters[0]).cdf(x)
        case "norm.cdf": return Normal.cdf(x)
        case "norm.sf": return Normal.survival(x)
        case "norm.ppf": return Normal.quantile(x)
        default: return .nan
        }
    }

    @Test("every fixture entry agrees with the 50-digit value to 1e-12 relative")
    func agreesWithHighPrecision() {
        var failures: [String] = []
        for entry in Self.entries {
            let function = entry["function"].string
            let parameters = entry["params"].doubles
            let x = entry["x"].double
            let want = entry.has("mpmath") ? entry["mpmath"].double : entry["value"].double
            let got = Self.evaluate(function, parameters, x)
            let error = abs(got - want) / max(abs(want), 1e-300)
            let tolerance = function.hasPrefix("t.") && parameters[0] >= 1e5 ? 1e-10 : 1e-12
            if !(error <= tolerance) { failures.append("\(function)\(parameters) at \(x): \(got) vs \(want) (rel \(error))") }
        }
        #expect(failures.isEmpty, "\(failures.count) of \(Self.entries.count) entries off:\n\(failures.prefix(20).joined(separator: "\n"))")
    }
}
