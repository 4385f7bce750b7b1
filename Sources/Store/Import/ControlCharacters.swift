/// The characters no field of an observation may hold: the C0 controls but tab, line feed and carriage return,
/// and DEL. A NUL in a source or note cut the stored text short without a word; import files and the API refuse
/// them alike.
public enum ControlCharacters {
    /// Whether the code point `value` is one of them.
    public static func isRefused(_ value: UInt32) -> Bool {
        (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || value == 0x7F
    }

    /// Whether `text` holds one of them.
    public static func occur(in text: String) -> Bool {
        text.unicodeScalars.contains { isRefused($0.value) }
    }
}
