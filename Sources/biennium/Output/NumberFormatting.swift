import Foundation

/// Number formats for tables read by people.
enum NumberFormatting {
    /// `digits` significant digits, switching to exponent form for very large or small magnitudes.
    static func significant(_ value: Double?, digits: Int = 7) -> String {
        guard let value else { return "NA" }
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "Inf" : "-Inf") }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude >= 1e-4 && magnitude < 1e7 {
            return String(format: "%.\(digits)g", value)
        }
        return String(format: "%.\(digits - 1)e", value)
    }

    /// A figure in a forecast table: whole units from 1,000 (counts, CHF), four significant digits below (rates,
    /// unit costs), exponent form from 10¹⁵ on (no published figure is that large; an exploding model's is), and
    /// `Inf`, `-Inf` or `NaN` where the value is not finite.
    static func figure(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "Inf" : "-Inf") }
        let magnitude = abs(value)
        if magnitude >= 1e15 { return String(format: "%.6e", value) }
        return magnitude >= 1000 ? String(format: "%.0f", value) : String(format: "%.4g", value)
    }

    /// A p-value as R prints it: `< 2e-16` below machine precision.
    static func pValue(_ value: Double?) -> String {
        guard let value else { return "NA" }
        if value < 2.2e-16 { return "<2e-16" }
        return String(format: value < 1e-4 ? "%.2e" : "%.5f", value)
    }

    /// R's significance stars.
    static func stars(_ p: Double?) -> String {
        guard let p else { return "" }
        switch p {
        case ..<0.001: return "***"
        case ..<0.01: return "**"
        case ..<0.05: return "*"
        case ..<0.1: return "."
        default: return ""
        }
    }

    /// `text` padded on the left to `width`.
    static func right(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    /// `text` padded on the right to `width`.
    static func left(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
