import Foundation

/// The one trimming of CSV fields: surrounding white space (Unicode's, as `CharacterSet.whitespaces` has it)
/// is not part of a field's value.
public enum CSVField {
    /// Whether the CSV reader must trim fields itself: only it can see white space around a quoted field
    /// (`1, "2"`), which untrimmed it would read as the text ` "2"`. Text without a double quote has no quoted
    /// field, and its unquoted fields are trimmed as well, and faster, by ``trimmed(_:)`` afterwards.
    public static func readerMustTrim(_ text: String) -> Bool {
        text.utf8.contains(UInt8(ascii: "\""))
    }

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
