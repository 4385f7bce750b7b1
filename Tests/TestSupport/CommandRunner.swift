public import Foundation

/// Runs the built `biennium` binary, as a user or a script would, and captures what it prints.
public struct CommandRunner: Sendable {
    public struct Output: Sendable {
        public let status: Int32
        public let standardOutput: String
        public let standardError: String
    }

    /// The binary: `$BIENNIUM_BINARY` (set by `make test`), else `.build/debug/biennium`.
    public static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["BIENNIUM_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return Fixtures.packageRoot.appendingPathComponent(".build/debug/biennium")
    }()

    public init() {}

    /// Runs `biennium arguments…` with a fixed terminal width, so that help text is reproducible.
    public func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["COLUMNS"] = "100"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
                      standardError: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh temporary directory for one test, inside the test process's own folder, which is removed when
    /// the process exits (a run of the suite writes hundreds of databases and files; left behind, repeated runs
    /// fill the disk).
    public static func temporaryDirectory() throws -> URL {
        let url = processFolder.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `biennium-tests-<pid>` under the system's temporary folder, removed at exit.
    static let processFolder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("biennium-tests-\(ProcessInfo.processInfo.processIdentifier)")
        atexit { try? FileManager.default.removeItem(at: CommandRunner.processFolder) }
        return url
    }()
}
