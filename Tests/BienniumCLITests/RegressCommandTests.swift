import Foundation
import Testing
import TestSupport

/// `biennium regress` end to end: the built binary on files, as a user runs it.
@Suite("biennium regress") struct RegressCommandTests {
    static let certified = try! JSONValue.load("nist-strd/certified.json")

    @Test("reaches 9 significant digits on every NIST StRD file, through the JSON output",
          arguments: ["Norris", "Pontius", "NoInt1", "NoInt2", "Longley", "Wampler1", "Wampler2", "Wampler3"])
    func nistThroughTheCommandLine(_ name: String) throws {
        let reference = Self.certified[name]
        var arguments = ["regress", "--data", Fixtures.url("nist-strd/\(name).csv").path, "--response", "y", "--format", "json"]
        if !reference["intercept"].bool { arguments.append("--no-intercept") }
        let output = try CommandRunner().run(arguments)
        #expect(output.status == 0, "\(output.standardError)")
        let json = JSONValue(raw: try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)))
        var worst = 15.0
        for (index, entry) in reference["coefficients"].array.enumerated() {
            let got = json["coefficients"][index]
            #expect(got["name"].string == entry["name"].string)
            worst = min(worst, logRelativeError(got["estimate"].double, certified: entry["estimate"].double))
            worst = min(worst, logRelativeError(got["stdError"].double, certified: entry["stdError"].double))
        }
        worst = min(worst, logRelativeError(json["sigma"].double, certified: reference["residualSD"].double))
        worst = min(worst, logRelativeError(json["rSquared"].double, certified: reference["rSquared"].double))
        #expect(worst >= 9, "\(name): LRE \(worst)")
        #expect(json["rank"].int == reference["coefficients"].array.count)
        #expect(json["n"].int == reference["n"].int)
        for key in ["adjRSquared", "logLikelihood", "aic", "bic", "durbinWatson", "conditionNumber"] {
            #expect(json.has(key), "JSON lacks \(key)")
        }
    }

    @Test("the table output reads like summary.lm")
    func tableOutput() throws {
        let output = try CommandRunner().run(["regress", "--data", Fixtures.url("nist-strd/Longley.csv").path, "--response", "y"])
        #expect(output.status == 0)
        for fragment in ["Estimate", "Std. Error", "t value", "Pr(>|t|)", "Residual standard error: 304.854 on 9 degrees of freedom",
                         "Multiple R-squared: 0.995479", "F-statistic: 330.285 on 6 and 9 DF", "Durbin-Watson", "Signif. codes"] {
            #expect(output.standardOutput.contains(fragment), "missing '\(fragment)'")
        }
    }

    @Test("--predict: the table, JSON and CSV give the same predictions; CSV gives them instead of the coefficients")
    func predictions() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let data = folder.appendingPathComponent("fit.csv"), new = folder.appendingPathComponent("new.csv")
        try ("y,x\n" + (1...12).map { "\(1 + 2 * Double($0) + ($0 % 2 == 0 ? 0.3 : -0.3)),\($0)" }.joined(separator: "\n") + "\n")
            .write(to: data, atomically: true, encoding: .utf8)
        try "y,x\n0,20\n0,21\n".write(to: new, atomically: true, encoding: .utf8)
        let arguments = ["regress", "--data", data.path, "--response", "y", "--predict", new.path]
        let csv = try CommandRunner().run(arguments + ["--format", "csv"])
        #expect(csv.status == 0, "\(csv.standardError)")
        let lines = csv.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == "row,mean,meanStdError,confLower,confUpper,obsStdError,predLower,predUpper" && lines.count == 3)
        let json = try CommandRunner().run(arguments + ["--format", "json"])
        let document = JSONValue(raw: try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)))
        let means = document["predictions"].array.map { $0["mean"].double }
        #expect(means.count == 2 && abs(means[0] - 41) < 0.5 && abs(means[1] - 43) < 0.5, "\(means)")
        for (line, mean) in zip(lines.dropFirst(), means) { #expect(Double(line.split(separator: ",")[1]) == mean) }
        #expect(!csv.standardError.contains("Warning"))
        // A column that doubles x is aliased; predicting from the fit says that it holds only for rows that keep x2 = 2x.
        try ("y,x,x2\n" + (1...12).map { "\(1 + 2 * Double($0) + ($0 % 2 == 0 ? 0.3 : -0.3)),\($0),\(2 * $0)" }.joined(separator: "\n") + "\n")
            .write(to: data, atomically: true, encoding: .utf8)
        try "y,x,x2\n0,20,40\n".write(to: new, atomically: true, encoding: .utf8)
        let deficient = try CommandRunner().run(arguments + ["--format", "csv"])
        #expect(deficient.status == 0 && deficient.standardError.contains("Warning: predictions from a rank-deficient fit (aliased: x2)"), "\(deficient.standardError)")
    }

    @Test("--predict with a trend over years with a gap: new years continue it by period, and a file without the years is refused")
    func predictionsContinueTheTrend() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let data = folder.appendingPathComponent("fit.csv")
        // y = 10 + 3·(year − 2000) exactly, with 2003 missing: the trend continues at 2021 with 22, so the prediction is 73.
        let years = (2000...2020).filter { $0 != 2003 }
        let rows = years.map { (year: Int) -> String in
            let wobble: Double = year % 2 == 0 ? 0.01 : -0.01
            let y: Double = Double(10 + 3 * (year - 2000)) + wobble
            return "\(year),\(y)"
        }
        try ("year,y\n" + rows.joined(separator: "\n") + "\n").write(to: data, atomically: true, encoding: .utf8)
        let new = folder.appendingPathComponent("new.csv"), bare = folder.appendingPathComponent("bare.csv")
        try "year,y\n2021,0\n".write(to: new, atomically: true, encoding: .utf8)
        try "y\n0\n".write(to: bare, atomically: true, encoding: .utf8)
        let json = try CommandRunner().run(["regress", "--data", data.path, "--formula", "y ~ trend", "--predict", new.path, "--format", "json"])
        #expect(json.status == 0, "\(json.standardError)")
        let mean = JSONValue(raw: try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)))["predictions"][0]["mean"].double
        #expect(abs(mean - 73) < 0.05, "\(mean)")
        let refused = try CommandRunner().run(["regress", "--data", data.path, "--formula", "y ~ trend", "--predict", bare.path])
        #expect(refused.status != 0 && refused.standardError.contains("the new rows need the period column 'year'"), "\(refused.standardError)")
    }

    @Test("a constant response: R² and F undefined, and the essentially-perfect-fit warning R gives, in the table and JSON")
    func constantResponse() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let data = folder.appendingPathComponent("constant.csv")
        try ("y,x\n" + (1...12).map { "5,\(Double($0) * 1.3 + ($0 % 3 == 0 ? 0.4 : 0))" }.joined(separator: "\n") + "\n")
            .write(to: data, atomically: true, encoding: .utf8)
        let table = try CommandRunner().run(["regress", "--data", data.path, "--response", "y"])
        #expect(table.status == 0, "\(table.standardError)")
        #expect(table.standardOutput.contains("Warning: essentially perfect fit") && table.standardOutput.contains("Multiple R-squared: NaN"))
        #expect(!table.standardOutput.contains("F-statistic"))
        let json = try CommandRunner().run(["regress", "--data", data.path, "--response", "y", "--format", "json"])
        let document = JSONValue(raw: try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)))
        #expect(document["warnings"].array.count == 1 && document["rSquared"].raw is NSNull, "\(json.standardOutput.prefix(300))")
    }

    @Test("a formula with transformations, trend and interventions fits from the command line")
    func formulaFromTheCommandLine() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let file = folder.appendingPathComponent("series.csv")
        var text = "year,applications,price\n"
        for (i, year) in (2001...2020).enumerated() {
            text += "\(year),\(100000 + 7000 * i + (i % 3) * 900 - (year >= 2009 ? 4000 : 0)),\(1 + Double(i) / 10)\n"
        }
        try text.write(to: file, atomically: true, encoding: .utf8)
        let output = try CommandRunner().run(["regress", "--data", file.path, "--formula",
                                              "log(applications) ~ trend + I(trend^2) + step(2009) + pulse(2015) + log(price) + lag(price, 1)",
                                              "--covariance", "newey-west:2", "--format", "csv"])
        #expect(output.status == 0, "\(output.standardError)")
        let lines = output.standardOutput.split(separator: "\n")
        #expect(lines.first == "term,estimate,stdError,tValue,pValue,confLower,confUpper,aliased")
        #expect(lines.map { String($0.split(separator: ",")[0]) }.dropFirst() ==
                ["(Intercept)", "trend", "I(trend^2)", "step(2009)", "pulse(2015)", "log(price)", "\"lag(price", ])
    }

    @Test("bad input exits non-zero, says what and where, and prints nothing on stdout", arguments: BadInput.cases)
    func badInput(_ bad: BadInput) throws {
        let folder = try CommandRunner.temporaryDirectory()
        let file = folder.appendingPathComponent("data.csv")
        if let bytes = bad.bytes { try bytes.write(to: file) }
        let arguments = bad.arguments.map { $0 == "FILE" ? file.path : ($0 == "DIR" ? folder.path : $0) }
        let output = try CommandRunner().run(arguments)
        #expect(output.status != 0)
        #expect(output.standardOutput.isEmpty, "stdout: \(output.standardOutput)")
        for fragment in bad.expected {
            let shown = fragment.replacingOccurrences(of: "FILE", with: file.path)
            #expect(output.standardError.contains(shown), "\(bad.name): '\(shown)' not in: \(output.standardError)")
        }
    }
}

struct BadInput: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: Data?
    let arguments: [String]
    let expected: [String]

    var testDescription: String { name }

    static let regress = ["regress", "--data", "FILE", "--response", "y"]
    static let cases: [BadInput] = [
        BadInput(name: "NaN cell", bytes: Data("y,x\n1,2\n2,nan\n3,4\n4,5\n".utf8), arguments: regress,
                 expected: ["FILE:3: column 'x': 'nan' is not a finite number"]),
        BadInput(name: "infinite cell", bytes: Data("y,x\n1,2\ninf,3\n3,4\n4,5\n".utf8), arguments: regress,
                 expected: ["FILE:3: column 'y': 'inf' is not a finite number"]),
        BadInput(name: "non-numeric cell", bytes: Data("y,x\n1,2\n2,3\n3,abc\n4,5\n".utf8), arguments: regress,
                 expected: ["FILE:4: column 'x': 'abc' is not a finite number"]),
        BadInput(name: "a value whose square overflows", bytes: Data("y,x\n1,2\n2,3\n3e301,4\n4,5\n".utf8), arguments: regress,
                 expected: ["FILE:4: column 'y': '3e301' is beyond the range least squares can square", "rescale the column"]),
        BadInput(name: "a value whose square underflows", bytes: Data("y,x\n1,2e-300\n2,3\n3,4\n4,5\n".utf8), arguments: regress,
                 expected: ["FILE:2: column 'x': '2e-300' is beyond the range"]),
        BadInput(name: "hexadecimal cell", bytes: Data("y,x\n1,2\n0x10,3\n3,4\n4,5\n".utf8), arguments: regress,
                 expected: ["FILE:3: column 'y': '0x10' is not a finite number"]),
        BadInput(name: "empty cell", bytes: Data("y,x\n1,2\n2,\n3,4\n".utf8), arguments: regress,
                 expected: ["FILE:3: column 'x': an empty cell is not a finite number"]),
        BadInput(name: "fewer rows than columns", bytes: Data("y,a,b,c\n1,2,3,4\n2,3,4,6\n3,1,1,1\n".utf8), arguments: regress,
                 expected: ["3 usable rows cannot estimate 4 coefficients"]),
        BadInput(name: "unknown response", bytes: Data("y,x\n1,2\n".utf8),
                 arguments: ["regress", "--data", "FILE", "--response", "z"], expected: ["unknown response column 'z'", "y, x"]),
        BadInput(name: "unknown regressor", bytes: Data("y,x\n1,2\n2,3\n4,5\n".utf8),
                 arguments: regress + ["--columns", "x,w"], expected: ["unknown column 'w'"]),
        BadInput(name: "empty file", bytes: Data(), arguments: regress, expected: ["FILE: is empty"]),
        BadInput(name: "header only", bytes: Data("y,x\n".utf8), arguments: regress, expected: ["has a header but no data rows"]),
        BadInput(name: "ragged row", bytes: Data("y,x\n1,2\n2,3,4\n".utf8), arguments: regress,
                 expected: ["FILE:3: expected 2 fields as in the header, found 3"]),
        BadInput(name: "not UTF-8", bytes: Data([0x79, 0x2C, 0x78, 0x0A, 0x31, 0x2C, 0xFF, 0xFE, 0x0A]), arguments: regress,
                 expected: ["FILE:2: is not UTF-8 text"]),
        BadInput(name: "missing file", bytes: nil, arguments: regress, expected: ["FILE: no such file"]),
        BadInput(name: "a directory", bytes: nil, arguments: ["regress", "--data", "DIR", "--response", "y"],
                 expected: ["is a directory, not a file"]),
        BadInput(name: "formula that does not parse", bytes: Data("y,x\n1,2\n".utf8),
                 arguments: ["regress", "--data", "FILE", "--formula", "y ~ log(x"],
                 expected: ["formula: expected ')' at column 10", "y ~ log(x", "         ^"]),
        BadInput(name: "log of zero", bytes: Data("y,x\n1,2\n2,0\n3,4\n4,5\n".utf8),
                 arguments: ["regress", "--data", "FILE", "--formula", "y ~ log(x)"], expected: ["FILE:3: log(x): log of 0.0"]),
        BadInput(name: "bad covariance", bytes: Data("y,x\n1,2\n".utf8), arguments: regress + ["--covariance", "hc9"],
                 expected: ["--covariance"]),
        BadInput(name: "neither response nor formula", bytes: Data("y,x\n1,2\n".utf8),
                 arguments: ["regress", "--data", "FILE"], expected: ["--response"]),
        // Lags past the sample: before, a lag of 10⁹ looped for minutes and Int.max overflowed.
        BadInput(name: "Newey-West lag past the sample", bytes: Data("y,x\n1,2\n2,3\n3,5\n4,4\n5,7\n".utf8),
                 arguments: regress + ["--covariance", "newey-west:9223372036854775807"],
                 expected: ["Newey-West lag must be less than the number of observations (5)", "9223372036854775807"]),
        BadInput(name: "Ljung-Box lag past the sample", bytes: Data("y,x\n1,2\n2,3\n3,5\n4,4\n5,7\n".utf8),
                 arguments: regress + ["--ljung-box-lag", "1000000000"],
                 expected: ["Ljung-Box lag must be less than the number of observations (5)"]),
    ]
}
