/// CSV text as Biennium writes it (RFC 4180 quoting).
public enum CSVText {
    /// A field, quoted when it holds a comma, a quote or a line break (quotes doubled).
    public static func field(_ text: String) -> String {
        text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
            ? "\"\(text.replacingOccurrences(of: "\"", with: "\"\""))\"" : text
    }

    /// A header and rows, one line each.
    public static func table(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\n")
    }
}
