/// A problem with an input file, located as precisely as the reader can: file, line and column.
struct InputError: Error, CustomStringConvertible {
    let file: String
    let line: Int?
    let message: String

    init(file: String, line: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
