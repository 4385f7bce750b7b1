import ArgumentParser
import Store

/// The `--as-of` option's check, one message for every command that takes it.
enum AsOfDate {
    /// Refuses text that is not a calendar day from the year 1000 on.
    static func validate(_ text: String?) throws {
        guard let text, CalendarDay(iso: text) == nil else { return }
        throw ValidationError("--as-of must be a calendar day YYYY-MM-DD from the year 1000 on; got '\(text)'.")
    }
}
