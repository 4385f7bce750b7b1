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
    ///
    /// Plain ASCII text, nearly every cell of a data file, is checked byte by byte; text with other characters
    /// (a no-break space around the number, say) is trimmed of Unicode white space first.
    public static func parse(_ text: some StringProtocol) -> Double? {
        let string = text as? String ?? String(text)
        let bytes = string.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard trimmed.utf8.allSatisfy(isNumeral) else { return nil }
            return finite(Double(trimmed))
        }
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, bytes[start] == 32 || bytes[start] == 9 { start = bytes.index(after: start) }
        while start < end {
            let last = bytes.index(before: end)
            guard bytes[last] == 32 || bytes[last] == 9 else { break }
            end = last
        }
        guard start < end, bytes[start..<end].allSatisfy(isNumeral) else { return nil }
        return finite(Double(Substring(bytes[start..<end])))
    }

    /// A digit, sign, decimal point or exponent mark.
    private static func isNumeral(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || byte == 43 || byte == 45 || byte == 46 || byte == 101 || byte == 69
    }

    private static func finite(_ value: Double?) -> Double? {
        guard let value, value.isFinite else { return nil }
        return value
    }
}
