public import Forecasting
import Store

extension IntervalLevel {
    /// The levels of a comma-separated list such as `80,95` (decimal numbers forming a ``isValidList(_:)``), or
    /// `nil` when they do not: the one reading of `--level` and the service's `levels`.
    public static func list(_ text: String) -> [Double]? {
        var levels: [Double] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {      // an empty item is not a level
            guard let level = DecimalNumber.parse(part) else { return nil }
            levels.append(level)
        }
        return isValidList(levels) ? levels : nil
    }
}
