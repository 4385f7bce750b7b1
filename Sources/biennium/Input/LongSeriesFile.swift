import Budget
import CSV
import Forecasting
import Foundation
import Store

/// A long-format file of many annual series, `series,period,value` (other columns ignored), as the M
/// competitions publish them. Rows of a series may come in any order; missing years become gaps.
enum LongSeriesFile {
    /// The most periods one series may span from its first to its last (gaps included): far more than any yearly,
    /// quarterly or monthly history, and little enough memory that a mistyped period cannot exhaust it.
    static let longestSpan = 100_000

    static func read(_ path: String) throws -> [(id: String, values: TimeSeries)] {
        let text = try TextFile.read(path)
        let reader: CSVReader
        do { reader = try CSVReader(string: text, hasHeaderRow: true, trimFields: CSVField.readerMustTrim(text)) } catch {
            throw InputError(file: path, line: 1, "cannot read the header row")
        }
        let header = (reader.headerRow ?? []).map(CSVField.trimmed)
        guard let s = header.firstIndex(of: "series"), let p = header.firstIndex(of: "period"), let v = header.firstIndex(of: "value") else {
            throw InputError(file: path, line: 1, "the header needs the columns series,period,value; it has \(header.joined(separator: ","))")
        }
        var order: [String] = []
        var points: [String: [Int: Double]] = [:]
        var bounds: [String: (first: Int, last: Int)] = [:]
        var line = 1
        while let row = reader.next() {
            line += 1
            if row.count == 1 && CSVField.trimmed(row[0]).isEmpty { continue }
            guard row.count == header.count else {
                throw InputError(file: path, line: line, "expected \(header.count) fields as in the header, found \(row.count)")
            }
            guard let period = Int(CSVField.trimmed(row[p])) else {
                throw InputError(file: path, line: line, "period '\(row[p])' is not a year")
            }
            let cell = CSVField.trimmed(row[v])
            guard let value = DecimalNumber.parse(cell) else {
                throw InputError(file: path, line: line, "value '\(cell)' is not a finite decimal number")
            }
            // As on import: a figure that large is a unit or exponent mistake, and the models' sums of squares
            // and interval scores would overflow on it.
            guard abs(value) < DecimalNumber.largestFigure else {
                throw InputError(file: path, line: line, "value '\(cell)' is \(DecimalNumber.largestFigureText) or more in size; "
                                 + "rescale the series (e.g. to thousands)")
            }
            let id = CSVField.trimmed(row[s])
            guard !id.isEmpty else { throw InputError(file: path, line: line, "the series id is empty") }
            if points[id] == nil { order.append(id); points[id] = [:] }
            guard points[id]![period] == nil else {
                throw InputError(file: path, line: line, "series '\(id)' has period \(period) twice")
            }
            points[id]![period] = value
            let (first, last) = bounds[id].map { (min($0.first, period), max($0.last, period)) } ?? (period, period)
            bounds[id] = (first, last)
            let (span, overflow) = last.subtractingReportingOverflow(first)
            guard !overflow, span < Self.longestSpan else {
                throw InputError(file: path, line: line, "series '\(id)' would span more than \(Self.longestSpan) periods with period \(period) (from \(first) to \(last)); is the period mistyped?")
            }
        }
        guard !order.isEmpty else { throw InputError(file: path, "has a header but no data rows") }
        return order.map { id in
            let byPeriod = points[id]!, (first, last) = bounds[id]!
            return (id, TimeSeries(frequency: .annual, start: first, values: (first...last).map { byPeriod[$0] }))
        }
    }
}
