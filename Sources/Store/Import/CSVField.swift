import Foundation

/// The one trimming of CSV fields: surrounding white space (Unicode's, as `CharacterSet.whitespaces` has it)
/// is not part of a field's value.
public enum CSVField {
    /// `field` without surrounding white space. Fields that start and end with a visible ASCII character —
    /// nearly all of a data file — are returned as they are without calling Foundation, whose trimming is slow
    /// on Linux (it bridges through `NSString`).
    public static func trimmed(_ field: String) -> String {
        guard let first = field.utf8.first, let last = field.utf8.last else { return field }
        func mayBeSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte >= 0x80 }
        guard mayBeSpace(first) || mayBeSpace(last) else { return field }
        return field.trimmingCharacters(in: .whitespaces)
    }
}
