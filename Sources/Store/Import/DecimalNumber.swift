import Foundation

/// Numbers as people write them in data files and options: decimal digits with an optional sign, decimal point and
/// exponent (`1234`, `-0.5`, `1.2e6`). Swift's `Double(String)` also reads hexadecimal (`0x10`, `0x1p4`), `nan`
/// and `inf`; a figure written so is a mistake in a budget file, so those are refused here.
public enum DecimalNumber {
    /// The largest magnitude a stored figure may have (10¹⁵, beyond any fee, count or cost of the organisation):
    /// larger values are refused on import and through the API, so forecasts never overflow on them.
    public static let largestFigure = 1e15
    /// ``largestFigure`` as messages write it (`1e+15`).
    public static let largestFigureText = String(format: "%.0e", largestFigure)

    /// The value of `text` (surrounding spaces ignored) if it is a finite decimal number, else `nil`: only digits,
    /// signs, a point and an exponent mark may appear (which rules out hexadecimal, `nan` and `inf`), and
    /// `Double(String)` checks their arrangement.
    public static func parse(_ text: some StringProtocol) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
              let value = Double(trimmed), value.isFinite else { return nil }
        return value
    }
}
