import CSV
import Foundation

/// A CSV file with a header row, read whole, its rows carrying their file line numbers.
///
/// Every way reading can fail — missing, a directory, unreadable, empty, not UTF-8, malformed quoting —
/// becomes a `StoreError` naming the file (and the line where there is one).
struct CSVFile {
    let path: String
    let header: [String]
    let rows: [(line: Int, fields: [String])]

    init(path: String) throws(StoreError) {
        self.path = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .invalidFile(file: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw .invalidFile(file: path, reason: "is a directory, not a file") }
        guard FileManager.default.isReadableFile(atPath: path), let data = FileManager.default.contents(atPath: path) else {
            throw .invalidFile(file: path, reason: "cannot be read (permission denied)")
        }
        guard !data.isEmpty else { throw .invalidFile(file: path, reason: "is empty") }
        guard var text = String(data: data, encoding: .utf8) else {
            var line = 1
            var start = data.startIndex
            for index in data.indices where data[index] == UInt8(ascii: "\n") {
                if String(data: data[start..<index], encoding: .utf8) == nil { break }
                line += 1
                start = data.index(after: index)
            }
            throw .invalidRow(file: path, line: line, reason: "is not UTF-8 text")
        }
        if let control = data.firstIndex(where: { ControlCharacters.isRefused(UInt32($0)) }) {
            let line = data[data.startIndex..<control].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            throw .invalidRow(file: path, line: line, reason: String(format: "holds the control character U+%04X, which no field may contain (a binary file, or text damaged in transfer?)", Int(data[control])))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true, trimFields: CSVField.readerMustTrim(text))
        } catch {
            throw .invalidRow(file: path, line: 1, reason: "cannot read the header row")
        }
        let header = (reader.headerRow ?? []).map(CSVField.trimmed)
        self.header = header
        if let repeated = header.enumerated().first(where: { index, name in header[..<index].contains(name) })?.element {
            throw .invalidRow(file: path, line: 1, reason: "the header names the column '\(repeated)' twice")
        }
        var rows: [(line: Int, fields: [String])] = []
        // Lines are counted from the text, so quoted fields spanning lines keep later rows' numbers right.
        var line = 1
        while let raw = reader.next() {
            line += 1
            let rowLine = line
            for field in raw where field.utf8.contains(10) { line += field.utf8.reduce(0) { $1 == 10 ? $0 + 1 : $0 } }
            let fields = raw.map(CSVField.trimmed)
            if fields.count == 1 && fields[0].isEmpty { continue }
            rows.append((rowLine, fields))
        }
        if let error = reader.error { throw .invalidRow(file: path, line: line, reason: "malformed CSV: \(error)") }
        self.rows = rows
    }

    /// The index of each named column, or the first missing name.
    func columns(_ names: [String]) throws(StoreError) -> [String: Int] {
        var result: [String: Int] = [:]
        for name in names {
            guard let index = header.firstIndex(of: name) else {
                throw .invalidRow(file: path, line: 1, reason: "missing column '\(name)'; the header needs \(names.joined(separator: ","))")
            }
            result[name] = index
        }
        return result
    }
}
