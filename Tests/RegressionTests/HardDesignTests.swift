import Testing
import TestSupport

/// Designs far worse than NIST's (Tests/Fixtures/hard-designs, made by Tools/reference/make_hard_designs.py
/// with exact rational arithmetic): raw-year polynomials, near collinearity, 20 orders of scale.
@Suite("Ill-conditioned designs") struct HardDesignTests {
    static let certified = try! JSONValue.load("hard-designs/certified.json")
    static let deficient = try! JSONValue.load("hard-designs/deficient.json")

    @Test("reaches 9 digits or within half a digit of the binary64 ceiling",
          arguments: ["PolyYears3", "PolyYears5", "PolyYears7", "PolyYears10", "Collinear", "Scales", "Cond17", "CollinearScales"])
    func reachesTheCeiling(_ name: String) throws {
        let reference = Self.certified[name]
        let fit = try CertifiedFit(csv: "hard-designs/\(name).csv", intercept: reference["intercept"].bool)
        #expect(fit.result.aliasedNames.isEmpty, "\(name) is full rank but was fitted as rank \(fit.result.rank)")
        let worst = fit.scores(against: reference).worst
        let target = min(9, reference["ceilingLRE"].double - 0.5)
        #expect(worst.lre >= target, "\(name): worst \(worst.quantity) LRE \(worst.lre), target \(target)")
    }

    @Test("the reported condition number is within a factor p of the exact 2-norm one (cond2Raw, mpmath on the exact X'X)",
          arguments: ["PolyYears3", "Collinear", "Scales", "Cond17", "CollinearScales"])
    func conditionNumber(_ name: String) throws {
        // Biennium reports κ₁(R) = ‖R‖₁‖R⁻¹‖₁ of the triangular factor (κ₂(R) = κ₂(X)); for p × p matrices
        // κ₂/p ≤ κ₁ ≤ p·κ₂. Only designs whose columns, once scaled, are well conditioned (cond2Scaled ≤ 1e11) are
        // compared: there rounding the CSV to binary64 moves the condition number by a negligible relative amount,
        // while on the raw-year polynomials of degree ≥ 5 it is the rounded matrix, not the exact one, that is reported.
        let reference = Self.certified[name]
        let fit = try CertifiedFit(csv: "hard-designs/\(name).csv", intercept: reference["intercept"].bool)
        let exact = reference["cond2Raw"].double, p = Double(fit.names.count)
        try #require(reference["cond2Scaled"].double <= 1e11, "a fixture precondition: the bound below holds only where binary64 resolves the design")
        #expect(exact / p <= fit.result.conditionNumber && fit.result.conditionNumber <= p * exact,
                "\(name): \(fit.result.conditionNumber) against κ₂ = \(exact), p = \(p)")
    }

    @Test("solves the binary64 problem itself to at least 6 digits, even at condition 1e25",
          arguments: ["PolyYears5", "PolyYears7", "PolyYears10", "CollinearScales"])
    func solvesTheBinary64Problem(_ name: String) throws {
        let reference = Self.certified[name]
        let fit = try CertifiedFit(csv: "hard-designs/\(name).csv", intercept: reference["intercept"].bool)
        var exact = reference["binary64Exact"].raw as! [String: Any]
        exact["residualSD"] = exact["residualSD"] ?? reference["residualSD"].raw
        exact["rSquared"] = exact["rSquared"] ?? reference["rSquared"].raw
        let worst = fit.scores(against: JSONValue(raw: exact)).worst
        #expect(worst.lre >= 6, "\(name): worst \(worst.quantity) LRE \(worst.lre) against the exact binary64 solution")
    }

    @Test("exact dependencies are reported as aliased, and the fit of the rest is certified",
          arguments: ["DummyTrap", "ExactSum"])
    func reportsAliasedColumns(_ name: String) throws {
        let reference = Self.deficient[name]
        let fit = try CertifiedFit(csv: "hard-designs/\(name).csv", intercept: reference["intercept"].bool)
        #expect(fit.result.rank == reference["rank"].int)
        let dependent = Set(reference["dependent"].strings)
        #expect(!fit.result.aliasedNames.isEmpty && Set(fit.result.aliasedNames).isSubset(of: dependent),
                "aliased \(fit.result.aliasedNames) not within \(dependent)")
        #expect(logRelativeError(fit.result.sigma, certified: reference["residualSD"].double) >= 9)
        #expect(logRelativeError(fit.result.rSquared, certified: reference["rSquared"].double) >= 9)
        #expect(fit.result.residualDegreesOfFreedom == reference["dfResidual"].int)
    }
}
