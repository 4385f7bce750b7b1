import Budget
import CSV
import Regression
import Store

/// A CSV file with a header row, read for regression: every column is kept, and those whose cells all
/// read as finite numbers are numeric. A column used by a model must be numeric; if it is not, the
/// error names the file, the line and the cell.
struct NumericTable {
    let path: String
    let names: [String]
    /// Parsed values per column; `nil` for a column with a cell that is not a finite number. A column is
    /// numeric when any of its cells reads as a number (NaN and infinities included); then every other cell
    /// must be a finite number. A column with no number at all is text and is never a default regressor.
    let numeric: [[Double]?]
    /// For a non-numeric column, the first offending cell: its 1-based line and text.
    let firstBadCell: [(line: Int, text: String)?]
    let rowCount: Int

    init(path: String) throws {
        let text = try TextFile.read(path)
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true, trimFields: CSVField.readerMustTrim(text))
        } catch {
            throw InputError(file: path, line: 1, "cannot read the header row")
        }
        guard let header = reader.headerRow?.map(CSVField.trimmed), !header.allSatisfy(\.isEmpty) else {
            throw InputError(file: path, line: 1, "the header row is empty")
        }
        if let empty = header.firstIndex(where: \.isEmpty) {
            throw InputError(file: path, line: 1, "column \(empty + 1) of the header has no name")
        }
        var seen = Set<String>()
        for name in header where !seen.insert(name).inserted {
            throw InputError(file: path, line: 1, "column '\(name)' appears twice in the header")
        }
        var cells = [[String]](repeating: [], count: header.count)
        var lines: [Int] = []
        var line = 1
        while let row = reader.next() {
            line += 1
            if row.count == 1 && CSVField.trimmed(row[0]).isEmpty { continue }          // a blank line
            guard row.count == header.count else {
                throw InputError(file: path, line: line, "expected \(header.count) fields as in the header, found \(row.count)")
            }
            for (j, cell) in row.enumerated() { cells[j].append(CSVField.trimmed(cell)) }
            lines.append(line)
        }
        if let error = reader.error { throw InputError(file: path, line: line, "malformed CSV: \(error)") }
        guard !lines.isEmpty else { throw InputError(file: path, "has a header but no data rows") }
        var numeric: [[Double]?] = []
        var bad: [(line: Int, text: String)?] = []
        var textColumns: [Bool] = []
        for column in cells {
            textColumns.append(!column.contains { DecimalNumber.parse($0) != nil })
            var values: [Double] = []
            values.reserveCapacity(column.count)
            var firstBad: (line: Int, text: String)?
            for (row, cell) in column.enumerated() {
                if let value = DecimalNumber.parse(cell), Self.squareIsRepresentable(value) {      // decimal only: 0x10, nan and inf are refused
                    values.append(value)
                } else {
                    firstBad = (lines[row], cell)
                    break
                }
            }
            numeric.append(firstBad == nil ? values : nil)
            bad.append(firstBad)
        }
        self.path = path
        self.names = header
        self.numeric = numeric
        self.firstBadCell = bad
        self.isText = textColumns
        self.rowCount = lines.count
        self.lineOfRow = lines
    }

    /// The file line of each data row.
    let lineOfRow: [Int]
    /// Whether each column holds no number at all (a label column).
    let isText: [Bool]

    /// The columns that are not text, in file order; a bad cell in one of them is an error when it is used.
    var numericNames: [String] { names.indices.filter { !isText[$0] }.map { names[$0] } }

    /// Whether `value`'s square, and sums of many such squares, stay normal doubles: 0, or a magnitude from
    /// 1e-150 to 1e150. Beyond, sums of squares overflow to infinity or underflow to zero, and every standard
    /// error with them.
    static func squareIsRepresentable(_ value: Double) -> Bool {
        value == 0 || (1e-150...1e150).contains(abs(value))
    }

    /// Regression data over the named columns (all numeric ones when `columns` is `nil`).
    func regressionData(using columns: [String], timeColumn: String?) throws -> RegressionData {
        var values: [[Double]] = []
        for name in columns {
            guard let index = names.firstIndex(of: name) else {
                throw InputError(file: path, "unknown column '\(name)'; the header has: \(names.joined(separator: ", "))")
            }
            guard let column = numeric[index] else {
                let cell = firstBadCell[index]!
                let shown = cell.text.isEmpty ? "an empty cell" : "'\(cell.text)'"
                if let value = DecimalNumber.parse(cell.text), !Self.squareIsRepresentable(value) {
                    throw InputError(file: path, line: cell.line, "column '\(name)': \(shown) is beyond the range least squares can "
                                     + "square in double precision (magnitudes from 1e-150 to 1e150, or 0); rescale the column")
                }
                throw InputError(file: path, line: cell.line, "column '\(name)': \(shown) is not a finite number")
            }
            values.append(column)
        }
        return try RegressionData(names: columns, columns: values, timeColumn: timeColumn)
    }
}
