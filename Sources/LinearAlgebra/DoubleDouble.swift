/// An unevaluated sum `hi + lo` of two binary64 numbers with `|lo| ≤ ulp(hi)/2`: about 106 bits
/// (32 decimal digits) of significand, with binary64's exponent range.
///
/// Built from the error-free transformations TwoSum (Knuth) and TwoProduct (by fused multiply-add);
/// see Hida, Li & Bailey, "Algorithms for quad-double precision floating point arithmetic" (2001), and
/// Muller et al., *Handbook of Floating-Point Arithmetic*, ch. 14. Addition and multiplication have
/// relative error below 4·2⁻¹⁰⁶; division and square root below 10·2⁻¹⁰⁶. Used for residuals of
/// iterative refinement and for the extended-precision least-squares path.
public struct DoubleDouble: Sendable, Equatable, Comparable, CustomStringConvertible {
    /// Leading part: the binary64 number nearest to the value.
    public var hi: Double
    /// Trailing part.
    public var lo: Double

    /// Exactly `value`.
    @inlinable public init(_ value: Double) {
        hi = value
        lo = 0
    }

    /// `hi + lo` renormalised.
    @inlinable public init(hi: Double, lo: Double) {
        let s = hi + lo
        self.hi = s
        self.lo = lo - (s - hi)
    }

    @inlinable init(normalized hi: Double, _ lo: Double) {
        self.hi = hi
        self.lo = lo
    }

    /// Zero, with both parts 0.
    public static let zero = DoubleDouble(0)

    /// The value rounded to binary64.
    @inlinable public var doubleValue: Double { hi + lo }

    /// Whether the value is finite, judged by the leading part `hi`.
    @inlinable public var isFinite: Bool { hi.isFinite }

    public var description: String { "\(hi) + \(lo)" }

    /// `a + b` exactly, as a rounded sum and its error (Knuth's TwoSum).
    @inlinable public static func twoSum(_ a: Double, _ b: Double) -> DoubleDouble {
        let s = a + b
        let bb = s - a
        let e = (a - (s - bb)) + (b - bb)
        return DoubleDouble(normalized: s, e)
    }

    /// `a · b` exactly, as a rounded product and its error (by one fused multiply-add).
    @inlinable public static func twoProduct(_ a: Double, _ b: Double) -> DoubleDouble {
        let p = a * b
        let e = (-p).addingProduct(a, b)
        return DoubleDouble(normalized: p, e)
    }

    @inlinable static func quickTwoSum(_ a: Double, _ b: Double) -> DoubleDouble {
        let s = a + b
        return DoubleDouble(normalized: s, b - (s - a))
    }

    /// The sum `a + b` rounded to double-double: TwoSum of the leading and of the trailing parts, renormalised.
    @inlinable public static func + (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let s = twoSum(a.hi, b.hi)
        let t = twoSum(a.lo, b.lo)
        let u = quickTwoSum(s.hi, s.lo + t.hi)
        return quickTwoSum(u.hi, u.lo + t.lo)
    }

    /// The sum `a + b` of a double-double and a binary64 number, rounded to double-double.
    @inlinable public static func + (a: DoubleDouble, b: Double) -> DoubleDouble {
        let s = twoSum(a.hi, b)
        return quickTwoSum(s.hi, s.lo + a.lo)
    }

    /// The negation `−a`, exact.
    @inlinable public static prefix func - (a: DoubleDouble) -> DoubleDouble {
        DoubleDouble(normalized: -a.hi, -a.lo)
    }

    /// The difference `a − b`, computed as `a + (−b)`.
    @inlinable public static func - (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble { a + (-b) }

    /// The difference `a − b` with a binary64 `b`, computed as `a + (−b)`.
    @inlinable public static func - (a: DoubleDouble, b: Double) -> DoubleDouble { a + (-b) }

    /// The product `a · b` rounded to double-double: TwoProduct of the leading parts plus the cross terms
    /// `a.hi·b.lo + a.lo·b.hi` (the term `a.lo·b.lo`, below the precision, is dropped).
    @inlinable public static func * (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let p = twoProduct(a.hi, b.hi)
        return quickTwoSum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi))
    }

    /// The product `a · b` with a binary64 `b`, rounded to double-double.
    @inlinable public static func * (a: DoubleDouble, b: Double) -> DoubleDouble {
        let p = twoProduct(a.hi, b)
        return quickTwoSum(p.hi, p.lo + a.lo * b)
    }

    /// The quotient `a / b` for `b ≠ 0`: three binary64 quotient digits, each from the remainder so far
    /// evaluated in double-double (Hida, Li & Bailey's accurate division).
    @inlinable public static func / (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let q1 = a.hi / b.hi
        let r1 = a - b * q1
        let q2 = r1.hi / b.hi
        let r2 = r1 - b * q2
        let q3 = r2.hi / b.hi
        let q = quickTwoSum(q1, q2)
        return q + q3
    }

    /// Adds `b` to `a` in place: `a = a + b`.
    @inlinable public static func += (a: inout DoubleDouble, b: DoubleDouble) { a = a + b }
    /// Subtracts `b` from `a` in place: `a = a − b`.
    @inlinable public static func -= (a: inout DoubleDouble, b: DoubleDouble) { a = a - b }

    /// Square root, one Newton step from the binary64 root (Karp & Markstein).
    @inlinable public func squareRoot() -> DoubleDouble {
        guard hi > 0 else { return DoubleDouble(hi == 0 ? 0 : .nan) }
        let x = hi.squareRoot()
        let residual = self - DoubleDouble.twoProduct(x, x)
        return DoubleDouble.quickTwoSum(x, residual.hi / (2 * x))
    }

    /// The absolute value `|self|`: the negation when `hi < 0`, `self` otherwise.
    @inlinable public var magnitude: DoubleDouble { hi < 0 ? -self : self }

    @inlinable public static func < (a: DoubleDouble, b: DoubleDouble) -> Bool {
        a.hi < b.hi || (a.hi == b.hi && a.lo < b.lo)
    }
}
