/// A problem with an input file, located as precisely as the reader can: file, line and column.
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The path of the input file.
    public let file: String
    /// The 1-based line of the problem, when known.
    public let line: Int?
    /// What is wrong, e.g. `key 'horizon': must be 1 to 30; got 40`.
    public let message: String

    /// A problem in `file` (at `line` when known).
    public init(file: String, line: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
