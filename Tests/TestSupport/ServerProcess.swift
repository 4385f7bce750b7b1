public import Foundation
#if canImport(FoundationNetworking)
public import FoundationNetworking
#endif

/// A `biennium serve` process on a free loopback port, for end-to-end tests over real HTTP.
public final class ServerProcess: @unchecked Sendable {
    public let process: Process
    public let port: Int
    public var baseURL: String { "http://127.0.0.1:\(port)" }
    private let output: Pipe

    /// Starts `biennium serve --port 0 arguments…` and waits (up to 60 s) for the line that names its port.
    public init(_ arguments: [String]) throws {
        process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = ["serve", "--port", "0"] + arguments
        output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(60)
        var found: Int?
        while found == nil, Date() < deadline, process.isRunning {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { Thread.sleep(forTimeInterval: 0.05); continue }
            text += String(decoding: data, as: UTF8.self)
            if let range = text.range(of: #"serving on http://127\.0\.0\.1:(\d+)"#, options: .regularExpression) {
                found = Int(text[range].split(separator: ":").last!)
            }
        }
        guard let found else {
            process.terminate()
            throw NSError(domain: "ServerProcess", code: 1, userInfo: [NSLocalizedDescriptionKey: "the server did not start: \(text)"])
        }
        port = found
    }

    /// SIGTERM, then the exit status (the server shuts down gracefully).
    @discardableResult public func stop() -> Int32 {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit { if process.isRunning { process.terminate() } }
}

/// A minimal HTTP client for tests.
public enum HTTP {
    public struct Reply: Sendable {
        public let status: Int
        public let contentType: String
        public let body: String
    }

    public static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = 64
        configuration.timeoutIntervalForRequest = 60
        return URLSession(configuration: configuration)
    }()

    /// Sends a request; a body goes as `application/json` unless `headers` name another Content-Type (URLSession
    /// would send form encoding, which the service refuses with 415).
    public static func send(_ method: String, _ url: String, headers: [String: String] = [:], body: String? = nil) async throws -> Reply {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        if body != nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        for (key, value) in headers { request.setValue(value, forHTTPHeaderField: key) }
        if let body { request.httpBody = Data(body.utf8) }
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        return Reply(status: http.statusCode, contentType: http.value(forHTTPHeaderField: "Content-Type") ?? "",
                     body: String(decoding: data, as: UTF8.self))
    }
}
