/// The levels prediction intervals may have, in percent: from 1 to 99.99. Nearer 100 the normal quantile's tail
/// leaves double precision (a level of 99.99999999999999 gives infinite bounds), and an interval claiming more
/// than 99.99% of a yearly series' outcomes could not be checked on any history. Below 1% an interval says
/// nothing, and a level such as 0.95 is nearly always a 95% interval written as a fraction, so it is refused.
public enum IntervalLevel {
    /// The smallest level, 1%.
    public static let minimum = 1.0
    /// The largest level, 99.99%.
    public static let maximum = 99.99

    /// Whether `level` (percent) is from ``minimum`` to ``maximum``.
    public static func isValid(_ level: Double) -> Bool { level >= minimum && level <= maximum }

    /// Whether `levels` is a list a user may ask for: at least one level, each valid, none twice (a repeated
    /// level would repeat its columns). The models themselves also accept none, for point forecasts only.
    public static func isValidList(_ levels: [Double]) -> Bool {
        !levels.isEmpty && levels.allSatisfy(isValid) && Set(levels).count == levels.count
    }

    /// How the rule reads in a message: "percentages from 1 to 99.99 (95 for a 95% interval)".
    public static let rule = "percentages from 1 to 99.99 (95 for a 95% interval)"
}
