import ArgumentParser

/// How a command prints its result.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// Aligned text for people.
    case table
    /// One JSON document for programs.
    case json
    /// Comma-separated rows with a header, for spreadsheets.
    case csv
}
