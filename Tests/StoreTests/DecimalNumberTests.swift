import Foundation
import Testing
import Store

/// The one reading of numbers typed into data files and options.
@Suite("Decimal numbers") struct DecimalNumberTests {
    @Test("decimal forms are read as written, surrounding spaces ignored",
          arguments: [("0", 0.0), ("1234", 1234), ("-0.5", -0.5), ("+2", 2), (".5", 0.5), ("5.", 5), ("1e6", 1e6), ("1.2E-3", 1.2e-3),
                      (" 42 ", 42), ("\t7\t", 7), ("-1e+2", -100), ("\u{00A0}3.5\u{2009}", 3.5)])
    func accepted(_ text: String, _ value: Double) {
        #expect(DecimalNumber.parse(text) == value)
    }

    @Test("hexadecimal, non-finite, empty and malformed forms are refused",
          arguments: ["0x10", "0x1p4", "nan", "NaN", "inf", "-infinity", "", " ", "1e", "e5", "1,000", "--1", "1e400", "1.2.3", "+", ".",
                     "1 000", "1\u{00A0}000", "\u{00A0}", "٣", "１２", "4 2"])
    func refused(_ text: String) {
        #expect(DecimalNumber.parse(text) == nil)
    }
}

/// The one reading of dates typed as `--as-of` and `asOf`.
@Suite("Calendar days") struct CalendarDayTests {
    @Test("YYYY-MM-DD with four-digit years from 1000 and days that exist", arguments: ["2020-02-29", "1000-01-01", "9999-12-31"])
    func accepted(_ text: String) throws {
        #expect(try #require(CalendarDay(iso: text)).description == text)
    }

    @Test("signs, short years, year 0000, impossible days and other shapes are refused",
          arguments: ["0001-01-01", "0000-01-01", "+202-01-01", "2021-02-29", "2020-13-01", "2020-1-01", "20200101", "2020-01-01T00:00", "２０２０-01-01"])
    func refused(_ text: String) {
        #expect(CalendarDay(iso: text) == nil)
    }
}

/// The periods and publication dates a figure may have.
@Suite("Periods and publication") struct PeriodRuleTests {
    @Test("a biennium given as new data starts in an even year, as the Program and Budget's do; one stored before the rule still reads")
    func bienniumStart() {
        #expect(Period("2020-2021") == .biennium(firstYear: 2020) && Period("2020-2021")?.inputProblem == nil)
        #expect(Period("2021-2022") == .biennium(firstYear: 2021))
        #expect(Period("2021-2022")?.inputProblem?.contains("a biennium starts in an even year") == true)
        #expect(Period("2021")?.inputProblem == nil)
    }

    @Test("an estimate may look ten years ahead of its publication, not more; an outcome cannot precede its period's end")
    func publication() throws {
        let vintage = try #require(Vintage("2021-06-02"))
        #expect(Observation.publicationProblem(period: .year(2031), status: .estimate, vintage: vintage) == nil)
        let far = Observation.publicationProblem(period: .year(9999), status: .estimate, vintage: vintage)
        #expect(far?.contains("would look 7978 years ahead") == true, "\(far ?? "")")
        #expect(Observation.publicationProblem(period: .year(2032), status: .estimate, vintage: vintage) != nil)
        #expect(Observation.publicationProblem(period: .year(2021), status: .reported, vintage: vintage) != nil)
        #expect(Observation.publicationProblem(period: .year(2020), status: .reported, vintage: vintage) == nil)
    }
}
