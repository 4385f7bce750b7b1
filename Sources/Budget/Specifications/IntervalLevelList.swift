public import Forecasting
import Store

extension IntervalLevel {
    /// The levels of a comma-separated list such as `80,95` (decimal numbers, each valid, none twice), or `nil`
    /// when one is not or the list is empty: the one reading of `--level` and the service's `levels`.
    public static func list(_ text: String) -> [Double]? {
        var levels: [Double] = []
        for part in text.split(separator: ",") {
            guard let level = DecimalNumber.parse(part), isValid(level), !levels.contains(level) else { return nil }
            levels.append(level)
        }
        return levels.isEmpty ? nil : levels
    }
}
