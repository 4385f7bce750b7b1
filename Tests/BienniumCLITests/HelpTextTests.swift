import Foundation
import Testing
import TestSupport

/// Help text is part of the interface: each command's `--help` (at 100 columns) is pinned verbatim in
/// Tests/Fixtures/help/. After a deliberate change, regenerate with
/// `for c in "" regress import "series show" "series list" forecast backtest fit refit compare "scenario show" "scenario check" budget-backtest serve "token create" "token list" "token revoke"; do COLUMNS=100 .build/debug/biennium $c --help > "Tests/Fixtures/help/$(echo "biennium $c" | tr ' ' '-' | sed 's/-$//').txt"; done`.
@Suite("Help text") struct HelpTextTests {
    @Test("each command's help is as pinned", arguments: [[], ["regress"], ["import"], ["series", "show"], ["series", "list"], ["forecast"], ["backtest"], ["fit"], ["refit"], ["compare"], ["scenario", "show"], ["scenario", "check"], ["budget-backtest"], ["serve"], ["token", "create"], ["token", "list"], ["token", "revoke"]])
    func helpIsPinned(_ command: [String]) throws {
        let output = try CommandRunner().run(command + ["--help"])
        #expect(output.status == 0)
        let name = (["biennium"] + command).joined(separator: "-")
        let pinned = try String(contentsOf: Fixtures.url("help/\(name).txt"), encoding: .utf8)
        #expect(output.standardOutput == pinned, "\(name) --help changed; regenerate the pinned file if deliberate")
    }
}
