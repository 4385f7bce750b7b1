import Foundation

/// Reads a whole input file as UTF-8 text, turning every way it can fail into an ``InputError``.
public enum TextFile {
    /// The UTF-8 text of `path` (a leading byte-order mark removed), or an ``InputError`` that says why not.
    public static func read(_ path: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(file: path, "no such file")
        }
        guard !isDirectory.boolValue else { throw InputError(file: path, "is a directory, not a file") }
        guard FileManager.default.isReadableFile(atPath: path) else { throw InputError(file: path, "cannot be read (permission denied)") }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputError(file: path, "cannot be read: \(error.localizedDescription)")
        }
        guard !data.isEmpty else { throw InputError(file: path, "is empty") }
        guard var text = String(data: data, encoding: .utf8) else {
            let line = firstInvalidUTF8Line(data)
            throw InputError(file: path, line: line, "is not UTF-8 text")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }

    /// The 1-based line holding the first byte sequence that is not valid UTF-8.
    private static func firstInvalidUTF8Line(_ data: Data) -> Int {
        var line = 1
        var start = data.startIndex
        for index in data.indices where data[index] == UInt8(ascii: "\n") {
            if String(data: data[start..<index], encoding: .utf8) == nil { return line }
            line += 1
            start = data.index(after: index)
        }
        return line
    }
}
