/// The levels prediction intervals may have, in percent: above 0 and at most 99.99. Nearer 100 the normal
/// quantile's tail leaves double precision (a level of 99.99999999999999 gives infinite bounds), and an interval
/// claiming more than 99.99% of a yearly series' outcomes could not be checked on any history.
public enum IntervalLevel {
    /// The largest level, 99.99%.
    public static let maximum = 99.99

    /// Whether `level` (percent) is above 0 and at most ``maximum``.
    public static func isValid(_ level: Double) -> Bool { level > 0 && level <= maximum }

    /// Whether `levels` is a list a user may ask for: at least one level, each valid, none twice (a repeated
    /// level would repeat its columns). The models themselves also accept none, for point forecasts only.
    public static func isValidList(_ levels: [Double]) -> Bool {
        !levels.isEmpty && levels.allSatisfy(isValid) && Set(levels).count == levels.count
    }

    /// How the rule reads in a message: "percentages above 0 and at most 99.99".
    public static let rule = "percentages above 0 and at most 99.99"
}
