import Hummingbird
@testable import Service
import Store
import Testing

/// How errors become problem documents.
@Suite("Problem documents") struct ProblemTests {
    @Test("a busy database is 503 with a retry hint, and the server's database path stays out of the answer")
    func busyKeepsThePath() {
        let (status, detail) = ProblemMiddleware.classify(StoreError.busy("/srv/secret/biennium.sqlite, after waiting 30 s"))
        #expect(status == .serviceUnavailable)
        #expect(detail.contains("retry in a moment") && !detail.contains("/srv/secret"), "\(detail)")
    }
}
