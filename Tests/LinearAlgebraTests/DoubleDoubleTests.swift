import Testing
@testable import LinearAlgebra

@Suite("DoubleDouble") struct DoubleDoubleTests {
    @Test("TwoProduct and TwoSum are error-free")
    func errorFreeTransformations() {
        let a = 1.0 + 0x1p-30, b = 1.0 - 0x1p-30
        let p = DoubleDouble.twoProduct(a, b)          // exactly 1 − 2⁻⁶⁰
        #expect(p.hi == 1 && p.lo == -0x1p-60)
        let s = DoubleDouble.twoSum(1, 0x1p-80)
        #expect(s.hi == 1 && s.lo == 0x1p-80)
    }

    @Test("arithmetic keeps about 32 significant digits")
    func arithmeticPrecision() {
        let two = DoubleDouble(2)
        let root = two.squareRoot()
        let back = root * root - two
        #expect(abs(back.doubleValue) < 1e-30)
        let third = DoubleDouble(1) / DoubleDouble(3)
        let one = third * 3.0 - DoubleDouble(1)
        #expect(abs(one.doubleValue) < 1e-31)
        #expect((DoubleDouble(1) + 0x1p-70 - DoubleDouble(1)).doubleValue == 0x1p-70)
    }
}
