public import Foundation
import CSV

/// Locations of the committed reference data under `Tests/Fixtures/`.
public enum Fixtures {
    /// `Tests/Fixtures/` in the source tree.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The package root (the folder holding Package.swift).
    public static let packageRoot: URL = root.deletingLastPathComponent().deletingLastPathComponent()

    /// A file under `Tests/Fixtures/`.
    public static func url(_ relativePath: String) -> URL { root.appendingPathComponent(relativePath) }

    /// Decodes a JSON fixture.
    public static func decode<T: Decodable>(_ type: T.Type, from relativePath: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(contentsOf: url(relativePath)))
    }

    /// Reads a numeric CSV fixture with a header row: column names and columns of values.
    public static func numericTable(_ relativePath: String) throws -> (names: [String], columns: [[Double]]) {
        let text = try String(contentsOf: url(relativePath), encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
        let names = lines[0].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        var columns = [[Double]](repeating: [], count: names.count)
        for line in lines.dropFirst() {
            for (j, cell) in line.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
                columns[j].append(Double(cell.trimmingCharacters(in: .whitespaces))!)
            }
        }
        return (names, columns)
    }
}

/// McCullough's log relative error: about the number of correct significant digits.
///
/// `−log₁₀(|estimate − certified| / |certified|)`, or `−log₁₀|estimate|` when the certified value is 0,
/// clipped to `[0, 15]`, as in the NIST StRD scoring.
public func logRelativeError(_ estimate: Double, certified: Double) -> Double {
    if estimate == certified { return 15 }
    let error = certified == 0 ? abs(estimate) : abs(estimate - certified) / abs(certified)
    guard error.isFinite else { return 0 }
    return min(15, max(0, -log10(error)))
}

/// Untyped access to a JSON fixture, for tests that read many differently shaped reference values.
public struct JSONValue: @unchecked Sendable {
    public let raw: Any

    public init(raw: Any) { self.raw = raw }

    /// Loads `Tests/Fixtures/<relativePath>`.
    public static func load(_ relativePath: String) throws -> JSONValue {
        JSONValue(raw: try JSONSerialization.jsonObject(with: Data(contentsOf: Fixtures.url(relativePath))))
    }

    public subscript(key: String) -> JSONValue {
        guard let dictionary = raw as? [String: Any], let value = dictionary[key] else {
            fatalError("fixture has no key '\(key)'")
        }
        return JSONValue(raw: value)
    }

    public subscript(index: Int) -> JSONValue { JSONValue(raw: (raw as! [Any])[index]) }

    public var keys: [String] { (raw as? [String: Any]).map { Array($0.keys).sorted() } ?? [] }
    public var array: [JSONValue] { (raw as? [Any] ?? []).map(JSONValue.init(raw:)) }
    public var string: String { raw as! String }
    public var bool: Bool { raw as! Bool }
    public var int: Int { (raw as! NSNumber).intValue }
    /// A number, or a numeric string (certified values are kept as strings at full precision).
    public var double: Double {
        if let string = raw as? String { return Double(string)! }
        return (raw as! NSNumber).doubleValue
    }
    public var doubles: [Double] { array.map(\.double) }
    public var matrix: [[Double]] { array.map(\.doubles) }
    public var strings: [String] { array.map(\.string) }
    public func has(_ key: String) -> Bool { (raw as? [String: Any])?[key] != nil }
}

extension Fixtures {
    /// A CSV file's rows as dictionaries keyed by the header (read with CSV.swift).
    public static func csvRows(_ path: String) throws -> [[String: String]] {
        let reader = try CSVReader(string: String(contentsOfFile: path, encoding: .utf8), hasHeaderRow: true)
        let header = reader.headerRow ?? []
        var rows: [[String: String]] = []
        while let fields = reader.next() {
            if fields != [""] { rows.append(Dictionary(uniqueKeysWithValues: zip(header, fields))) }
        }
        return rows
    }
}
