/// Aligned plain-text tables.
enum TextTable {
    /// One line per row, columns padded to their widest cell; `rightAligned` columns are right-aligned.
    static func render(_ rows: [[String]], rightAligned: Set<Int> = []) -> [String] {
        guard let first = rows.first else { return [] }
        let widths = (0..<first.count).map { j in rows.map { $0[j].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { j, cell in
                let pad = String(repeating: " ", count: max(0, widths[j] - cell.count))
                return rightAligned.contains(j) ? pad + cell : cell + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
    }
}

import Foundation
