import Foundation
import Testing
import Store

/// The one reading of numbers typed into data files and options.
@Suite("Decimal numbers") struct DecimalNumberTests {
    @Test("decimal forms are read as Swift reads them", arguments: ["0", "1234", "-0.5", "+2", ".5", "5.", "1e6", "1.2E-3", " 42 ", "-1e+2"])
    func accepted(_ text: String) {
        #expect(DecimalNumber.parse(text) == Double(text.trimmingCharacters(in: .whitespaces)))
    }

    @Test("hexadecimal, non-finite, empty and malformed forms are refused",
          arguments: ["0x10", "0x1p4", "nan", "NaN", "inf", "-infinity", "", " ", "1e", "e5", "1,000", "--1", "1e400", "1.2.3", "+", "."])
    func refused(_ text: String) {
        #expect(DecimalNumber.parse(text) == nil)
    }
}
