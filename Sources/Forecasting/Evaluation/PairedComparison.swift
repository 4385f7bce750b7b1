/// How one model's score differs from a reference model's over the same units (the series of a holdout
/// evaluation, or the origins of a rolling-origin backtest): the mean difference with a percentile bootstrap
/// interval, and how often each side wins.
///
/// A mean over a few hundred yearly series moves by a few hundredths of MASE with the particular series drawn;
/// comparing two models on the same units removes the between-series spread, and resampling the units (Efron &
/// Tibshirani, *An Introduction to the Bootstrap*, 1993, ch. 13: the percentile interval) says how far the mean
/// difference itself could move. An interval spanning zero is no evidence that either model is more accurate.
public struct PairedDifference: Sendable, Equatable, Encodable {
    /// Units scored by both models (non-finite differences left out).
    public let units: Int
    /// Mean of the model's score minus the reference's (negative: the model's errors are smaller).
    public let mean: Double
    /// Lower and upper bounds of the percentile bootstrap interval of `mean`; NaN (JSON `null`) from a single
    /// unit, whose resamples all repeat it and so say nothing about how far the mean could move.
    public let lower: Double, upper: Double
    /// Share of units where the model's score is lower than the reference's, and higher (ties in neither).
    public let better: Double, worse: Double

    private enum CodingKeys: String, CodingKey { case units, mean, lower, upper, better, worse }

    /// The fields by name; a mean or bound that overflowed (finite differences whose sum is not) is `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(units, forKey: .units)
        for (key, value) in [(CodingKeys.mean, mean), (.lower, lower), (.upper, upper), (.better, better), (.worse, worse)] {
            if value.isFinite { try container.encode(value, forKey: key) } else { try container.encodeNil(forKey: key) }
        }
    }
}

/// Paired comparisons of per-unit scores (``PairedDifference``).
public enum PairedComparison {
    /// Bootstrap resamples of the units.
    public static let resamples = 10_000
    /// The generator's seed: the same scores always give the same interval.
    public static let seed: UInt64 = 20_161

    /// The mean of `scores[i] − reference[i]` over the units where both are finite, with a `level`% percentile
    /// bootstrap interval (`resamples` draws of the units with replacement, a fixed `seed`), and the shares of
    /// units won and lost (a difference within 10⁻⁹ of the larger score, relatively, is a tie). `nil` when no unit
    /// has both scores; no interval (NaN bounds) from one unit. The arrays are paired by index and must have the same length.
    public static func difference(_ scores: [Double], minus reference: [Double], level: Double = 95,
                                  resamples: Int = resamples, seed: UInt64 = seed) -> PairedDifference? {
        precondition(scores.count == reference.count, "paired scores must have the same length")
        precondition(level > 0 && level < 100, "the interval's level is a percentage between 0 and 100")
        var differences: [Double] = [], better = 0, worse = 0
        for (a, b) in zip(scores, reference) where a.isFinite && b.isFinite && (a - b).isFinite {
            let d = a - b
            differences.append(d)
            let tie = 1e-9 * max(abs(a), abs(b))
            if d < -tie { better += 1 } else if d > tie { worse += 1 }
        }
        let n = differences.count
        guard n > 0 else { return nil }
        let mean = differences.reduce(0, +) / Double(n)
        guard n > 1 else {
            return PairedDifference(units: 1, mean: mean, lower: .nan, upper: .nan, better: Double(better), worse: Double(worse))
        }
        var generator = SplitMix64(seed: seed)
        var means = [Double](repeating: 0, count: max(resamples, 1))
        for r in means.indices {
            var sum = 0.0
            for _ in 0..<n { sum += differences[Int(generator.next() % UInt64(n))] }
            means[r] = sum / Double(n)
        }
        means.sort()
        let tail = (1 - level / 100) / 2
        return PairedDifference(units: n, mean: mean, lower: quantile(means, tail), upper: quantile(means, 1 - tail),
                                better: Double(better) / Double(n), worse: Double(worse) / Double(n))
    }

    /// The `p`-quantile of sorted values, interpolating linearly between order statistics (Hyndman & Fan's type 7,
    /// numpy's default).
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let position = p * Double(sorted.count - 1)
        let below = Int(position.rounded(.down)), above = min(below + 1, sorted.count - 1)
        return sorted[below] + (position - Double(below)) * (sorted[above] - sorted[below])
    }
}

/// Every model of a backtest against one of them, unit by unit: the paired difference of MASE and of sMAPE
/// (``PairedComparison/difference(_:minus:level:resamples:seed:)``) over the units both scored.
public struct BaselineComparison: Sendable, Encodable {
    /// One model against the baseline.
    public struct Row: Sendable, Encodable {
        /// The model's command-line name.
        public let model: String
        /// MASE minus the baseline's, over the units where both have a scale; `nil` if there are none.
        public let mase: PairedDifference?
        /// sMAPE minus the baseline's (percentage points).
        public let smape: PairedDifference?
    }

    /// One model's scores on one unit (a series of a holdout evaluation, or an origin of a rolling-origin backtest).
    public struct UnitScore: Sendable {
        /// The model's command-line name.
        public let model: String
        /// The unit, e.g. the series id or the origin year.
        public let unit: String
        /// Its MASE, `nil` without a scale.
        public let mase: Double?
        /// Its sMAPE.
        public let smape: Double

        /// One model's MASE and sMAPE on one unit.
        public init(model: String, unit: String, mase: Double?, smape: Double) {
            self.model = model
            self.unit = unit
            self.mase = mase
            self.smape = smape
        }
    }

    /// The reference model's command-line name.
    public let baseline: String
    /// The other models, in the order given.
    public let rows: [Row]
    /// The interval's level, in percent.
    public let level: Double

    private enum CodingKeys: String, CodingKey { case baseline, level, resamples, seed, rows = "models" }

    /// `{"baseline", "level", "resamples", "seed", "models": [{"model", "mase": {"units", "mean", "lower", "upper",
    /// "better", "worse"}, "smape": {…}}]}`; a measure no unit had is left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(baseline, forKey: .baseline)
        try container.encode(level, forKey: .level)
        try container.encode(PairedComparison.resamples, forKey: .resamples)
        try container.encode(PairedComparison.seed, forKey: .seed)
        try container.encode(rows, forKey: .rows)
    }

    /// `models` with `baseline` appended unless a model of the same name is among them: what a backtest must score
    /// to compare them.
    public static func including(_ baseline: any ForecastModel, in models: [any ForecastModel]) -> [any ForecastModel] {
        models.contains { $0.name == baseline.name } ? models : models + [baseline]
    }

    /// Compares each of `models` but `baseline` with `baseline` over the units both scored.
    public init(baseline: String, models: [String], scores: [UnitScore], level: Double = 95) {
        self.baseline = baseline
        self.level = level
        var reference: [String: UnitScore] = [:]
        for score in scores where score.model == baseline { reference[score.unit] = score }
        rows = models.filter { $0 != baseline }.map { model in
            let paired = scores.filter { $0.model == model }.compactMap { s in reference[s.unit].map { (s, $0) } }
            return Row(model: model,
                       mase: PairedComparison.difference(paired.map { $0.0.mase ?? .nan }, minus: paired.map { $0.1.mase ?? .nan }, level: level),
                       smape: PairedComparison.difference(paired.map(\.0.smape), minus: paired.map(\.1.smape), level: level))
        }
    }
}
