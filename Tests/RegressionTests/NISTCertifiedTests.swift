import Testing
import TestSupport

/// The NIST StRD linear regressions (Tests/Fixtures/nist-strd, copied from ../shared/reference/nist-strd):
/// every certified estimate, standard error, residual SD and R² to at least 9 significant digits, and
/// within half a digit of the best any program reading the binary64 CSV can reach (`ceilingLRE`).
@Suite("NIST StRD certified regressions") struct NISTCertifiedTests {
    static let certified = try! JSONValue.load("nist-strd/certified.json")
    static let datasets = ["Norris", "Pontius", "NoInt1", "NoInt2", "Longley", "Wampler1", "Wampler2", "Wampler3"]

    @Test("reproduces every certified value to at least 9 digits", arguments: datasets)
    func reproducesCertifiedValues(_ name: String) throws {
        let reference = Self.certified[name]
        let fit = try CertifiedFit(csv: "nist-strd/\(name).csv", intercept: reference["intercept"].bool)
        let scores = fit.scores(against: reference)
        let worst = scores.worst
        let floor = min(9, reference["ceilingLRE"].double - 0.5)
        #expect(worst.lre >= max(floor, 9), "\(name): worst \(worst.quantity) LRE \(worst.lre)")
        #expect(worst.lre >= reference["ceilingLRE"].double - 0.5, "\(name): \(worst.lre) vs ceiling \(reference["ceilingLRE"].double)")
        #expect(fit.result.aliasedNames.isEmpty)
    }
}
