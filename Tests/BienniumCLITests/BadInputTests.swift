import Foundation
import Testing
import TestSupport

/// Input that used to crash the tool or pass silently (a read-only review of session 5): each is now refused
/// with the file, line, key or option named and a non-zero exit, or handled.
@Suite("bad input, named and refused") struct BadInputTests {
    static func write(_ text: String, as name: String) throws -> URL {
        let file = try CommandRunner.temporaryDirectory().appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test("backtest --data: a period far from the others, a hexadecimal or huge value, an empty series id")
    func dataFile() throws {
        for (body, expected) in [("A,2000,1\nA,2001,2\nA,99999999999,4\n", ":4: series 'A' would span more than 100000 periods"),
                                 ("A,-9223372036854775808,1\nA,9223372036854775807,2\n", ":3: series 'A' would span"),
                                 ("A,2000,1\nA,2001,0x10\n", ":3: value '0x10' is not a finite decimal number"),
                                 ("A,2000,1\nA,2001,3e300\n", ":3: value '3e300' is 1e+15 or more in size"),
                                 ("A,2000,1\n,2001,2\n", ":3: the series id is empty")] {
            let file = try Self.write("series,period,value\n" + body, as: "data.csv")
            let output = try CommandRunner().run(["backtest", "--data", file.path, "--horizon", "1", "--models", "naive"])
            #expect(output.status == 1, "\(body): \(output.standardError)")
            #expect(output.standardError.contains(file.path + expected), "\(output.standardError)")
        }
    }

    @Test("backtest --out: a series id with a comma or quote stays one field; a bad --out path is refused before the run")
    func outFile() throws {
        let data = try Self.write("series,period,value\n\"a,b\",2000,1\n\"a,b\",2001,2\n\"a,b\",2002,4\n\"q\"\"uote\",2000,1\n\"q\"\"uote\",2001,3\n\"q\"\"uote\",2002,2\n",
                                  as: "ids.csv")
        let out = data.deletingLastPathComponent().appendingPathComponent("scores.csv")
        let output = try CommandRunner().run(["backtest", "--data", data.path, "--horizon", "1", "--models", "naive", "--out", out.path])
        #expect(output.status == 0, "\(output.standardError)")
        let lines = try String(contentsOf: out, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3 && lines[1].hasPrefix("\"a,b\",naive,") && lines[2].hasPrefix("\"q\"\"uote\",naive,"), "\(lines)")
        for path in ["/nonexistent-dir/x.csv", data.deletingLastPathComponent().path, ""] {
            let refused = try CommandRunner().run(["backtest", "--data", data.path, "--horizon", "1", "--models", "naive", "--out", path])
            #expect(refused.status == 64 && refused.standardError.contains("--out"), "\(path): \(refused.standardError)")
        }
    }

    @Test("--level: beyond 99.99, hexadecimal, a level twice or none refused; 99.9 keeps its decimal in the header")
    func levels() throws {
        let location = try ForecastCommandTests.importedStore()
        for level in ["99.99999999999999", "100", "0x50", "80,80", ",", "0.95", "80,0.5"] {
            let output = try CommandRunner().run(["forecast", "pct.applications", "--model", "drift", "--level", level, location.option, location.value])
            #expect(output.status == 64 && output.standardError.contains("--level"), "\(level): \(output.standardError)")
        }
        let table = try CommandRunner().run(["forecast", "pct.applications", "--model", "drift", "--level", "99.9", location.option, location.value])
        #expect(table.standardOutput.contains("99.9% lower"), "\(table.standardOutput)")
    }

    @Test("forecast: a fit without an AICc still prints its JSON (the statistic left out); an unknown model names the command's help")
    func undefinedAICc() throws {
        let location = try ForecastCommandTests.importedStore()
        let output = try CommandRunner().run(["forecast", "pct.applications.receiving_office.china", "--model", "ets:MAN", "--fitted",
                                              "--format", "json", location.option, location.value])
        #expect(output.status == 0, "\(output.standardError)")
        let json = JSONValue(raw: try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)))
        #expect(!json["parameters"].has("aicc") && json["parameters"].has("alpha"))
        let unknown = try CommandRunner().run(["forecast", "pct.applications", "--model", "prophet", location.option, location.value])
        #expect(unknown.status == 64 && unknown.standardError.contains("See 'biennium forecast --help'"), "\(unknown.standardError)")
        #expect(!unknown.standardError.contains("biennium <subcommand>"))
    }

    @Test("specifications: nesting too deep, a repeated key, levels of the wrong type, an unknown series — file, line or key named")
    func specifications() throws {
        let location = try ForecastCommandTests.importedStore()
        let deep = "series: pct.applications\nmodel: naive\nlevels: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "\n"
        for (body, expected) in [(deep, ".yaml:3: nests deeper than 32 levels"),
                                 ("# drift's the model: an apostrophe must not hide what follows\n" + deep, ".yaml:4: nests deeper than 32 levels"),
                                 ("series: pct.applications\nevaluation:\n  horizon: 2\n  horizon: 5\n", ".yaml:4: key 'evaluation.horizon' appears twice"),
                                 ("series: pct.applications\nseries: madrid.applications\n", ".yaml:2: key 'series' appears twice"),
                                 ("series: pct.applications\nlevels: 50\n", "key 'levels': must be a list"),
                                 ("series: pct.applications\nlevels: [80, 99.999]\n", "key 'levels': percentages from 1 to 99.99"),
                                 ("series: pct.applications\nlevels: [80, 80]\n", "key 'levels': a non-empty list of different percentages"),
                                 ("series: pct.applications\nlevels: []\n", "key 'levels': a non-empty list of different percentages"),
                                 ("series: no.such\n", "key 'series': unknown series 'no.such'"),
                                 ("series: pct.applications\nhorizon: \"4\"\n", "key 'horizon': must be a whole number of years; got '4' (quoted, so text")] {
            let spec = try Self.write(body, as: "spec.yaml")
            let output = try CommandRunner().run(["forecast", "--spec", spec.path, location.option, location.value])
            #expect(output.status != 0 && output.status < 128, "\(expected): status \(output.status)")
            #expect(output.standardError.contains(expected), "\(output.standardError)")
        }
    }

    @Test("review of session 12: an empty item in a comma list, --jobs on a stored series, a monthly series to fit")
    func listsAndModes() throws {
        let location = try ForecastCommandTests.importedStore()
        let data = try Self.write("y,x,z\n1,2,3\n2,3,5\n3,5,4\n4,6,8\n", as: "d.csv")
        for (arguments, expected) in [(["forecast", "pct.applications", "--level", "80,,95"], "got '80,,95'"),
                                      (["backtest", "pct.applications", "--origins", "2010...2012", "--models", "naive,,drift"], "an empty model name (in a list: two commas"),
                                      (["backtest", "pct.applications", "--origins", "2010...2012", "--models", "naive,"], "an empty model name (in a list: two commas"),
                                      (["backtest", "pct.applications", "--origins", "2010...2012", "--jobs", "2"], "--jobs applies to --data"),
                                      (["regress", "--data", data.path, "--response", "y", "--columns", "x,,z"], "has an empty column name")] {
            let store = arguments[0] == "regress" ? [] : [location.option, location.value]      // regress reads a file, not the store
            let output = try CommandRunner().run(arguments + store)
            #expect(output.status == 64 && output.standardError.contains(expected), "\(arguments): \(output.status) \(output.standardError)")
        }
        let compare = try CommandRunner().run(["compare", "--scenarios", "base,,low", "--scenario-folder", CompareCommandTests.root + "/Models/scenarios",
                                               location.option, location.value])
        #expect(compare.status == 1 && compare.standardError.contains("an empty scenario name in 'base,,low'"), "\(compare.standardError)")
        // A PostgreSQL URL where nothing listens is refused at once, not after the pool's ten seconds of retries.
        let refused = try CommandRunner().run(["series", "list", "--database-url", "postgres://nobody@127.0.0.1:1/x"])
        #expect(refused.status == 1 && refused.standardError.contains("connection refused (nothing listens on port 1)"), "\(refused.standardError)")
        let monthly = try Self.write("series: pct.applications.monthly\nmodel: naive\n", as: "monthly.yaml")
        let fit = try CommandRunner().run(["fit", monthly.path, location.option, location.value])
        #expect(fit.status == 1 && fit.standardOutput.contains("its periods are not years (2002-01); this version fits annual series only"),
                "\(fit.standardOutput)\(fit.standardError)")
    }

    @Test("fit exits 1 when a specification cannot be fitted, after printing why; --format csv is not offered")
    func failedFit() throws {
        let location = try ForecastCommandTests.importedStore()
        let spec = try Self.write("series: hague.applications\nmodel: arima:212\n", as: "hague-arima.yaml")
        let output = try CommandRunner().run(["fit", spec.path, location.option, location.value])
        #expect(output.status == 1, "\(output.standardOutput)\(output.standardError)")
        #expect(output.standardError.contains("1 of 1 specification could not be fitted"))
        let csv = try CommandRunner().run(["fit", spec.path, "--format", "csv", location.option, location.value])
        #expect(csv.status == 64 && csv.standardError.contains("'json'"), "\(csv.standardError)")
    }

    @Test("a rolling-origin backtest of a biennial series, or with no origin to score, is an error, not an empty table")
    func nothingToBacktest() throws {
        let location = try ForecastCommandTests.importedStore()
        let biennial = try CommandRunner().run(["backtest", "wipo.income.biennial", "--origins", "2012...2014", location.option, location.value])
        #expect(biennial.status == 1 && biennial.standardError.contains("not years"), "\(biennial.standardError)")
        let future = try CommandRunner().run(["backtest", "pct.applications", "--origins", "2019...2020", "--horizon", "2", location.option, location.value])
        #expect(future.status == 1 && future.standardError.contains("no origin could be scored"), "\(future.standardError)")
    }

    @Test("import refuses a figure of 1e15 or more, naming the file and line, and keeps the store as it was")
    func hugeFigure() throws {
        let location = try ForecastCommandTests.importedStore()
        let before = try CommandRunner().run(["series", "show", "pct.applications", "--format", "csv", location.option, location.value])
        let file = try Self.write("series,period,value,status,source\npct.applications,2021,1e308,reported,test\n", as: "observations.csv")
        let output = try CommandRunner().run(["import", file.path, location.option, location.value])
        #expect(output.status != 0 && output.standardError.contains("observations.csv:2") && output.standardError.contains("1e+15"), "\(output.standardError)")
        let after = try CommandRunner().run(["series", "show", "pct.applications", "--format", "csv", location.option, location.value])
        #expect(after.standardOutput == before.standardOutput)
    }

    @Test("a negative number after an option reaches its check (not 'missing value'); a combination that cannot fit names itself")
    func negativeNumbersAndCombinations() throws {
        let location = try ForecastCommandTests.importedStore()
        for (arguments, expected) in [(["forecast", "pct.applications", "--horizon", "-1"], "--horizon must be 1 to 30; got -1"),
                                      (["backtest", "pct.applications", "--horizon", "-2"], "--horizon must be between 1 and 50; got -2"),
                                      (["compare", "--paths", "-5"], "--paths must be 1,000 to 1,000,000; got -5"),
                                      (["compare", "--paths", "1"], "--paths must be 1,000 to 1,000,000; got 1"),
                                      (["budget-backtest", "--bienniums", "2007/08...2009/10"], "each two following years starting in an even year")] {
            let output = try CommandRunner().run(arguments + [location.option, location.value])
            #expect(output.status == 64 && output.standardError.contains(expected), "\(arguments): \(output.standardError)")
        }
        // Hague renewals: two published years (2017, 2020), fewer than any member needs.
        let combo = try CommandRunner().run(["forecast", "hague.renewals", "--model", "combo", location.option, location.value])
        #expect(combo.status != 0 && combo.standardError.contains("combo cannot forecast the series, as none of its members can. etsw: ETS needs at least 5 observations"),
                "\(combo.standardError)")
    }

    @Test("review of session 9: a fit history kept per series, --out not the input, a response not its own regressor, messages that say what is wrong")
    func sessionNineReview() throws {
        let location = try ForecastCommandTests.importedStore()
        let folder = try CommandRunner.temporaryDirectory()
        // Two specifications of one name: refused together; one fitted under a name another series' fits hold: nothing stored.
        let first = folder.appendingPathComponent("a"), second = folder.appendingPathComponent("b")
        for (dir, series) in [(first, "pct.applications"), (second, "madrid.applications")] {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try "series: \(series)\nmodel: naive\n".write(to: dir.appendingPathComponent("same.yaml"), atomically: true, encoding: .utf8)
        }
        let both = try CommandRunner().run(["fit", first.path, second.path, location.option, location.value])
        #expect(both.status != 0 && both.standardError.contains("its name 'same'") && both.standardError.contains("is also that of"), "\(both.standardError)")
        #expect(try CommandRunner().run(["fit", first.path, location.option, location.value]).status == 0)
        let other = try CommandRunner().run(["refit", second.path, location.option, location.value])
        #expect(other.status == 1 && other.standardOutput.contains("the fits stored as 'same' are of pct.applications"),
                "\(other.standardOutput)\(other.standardError)")
        // Every invalid specification of a run is named, not only the first.
        let bad = folder.appendingPathComponent("bad")
        try FileManager.default.createDirectory(at: bad, withIntermediateDirectories: true)
        try "series: pct.applications\nhorizon: 99\n".write(to: bad.appendingPathComponent("one.yaml"), atomically: true, encoding: .utf8)
        try "series: pct.applications\nmodle: naive\n".write(to: bad.appendingPathComponent("two.yaml"), atomically: true, encoding: .utf8)
        let all = try CommandRunner().run(["fit", bad.path, location.option, location.value])
        #expect(all.status != 0 && all.standardError.contains("one.yaml: key 'horizon'") && all.standardError.contains("and in 1 other specification:")
                && all.standardError.contains("two.yaml: key 'modle'"), "\(all.standardError)")
        // A file named twice, by its folder and by itself, is one specification.
        let once = try CommandRunner().run(["fit", first.path, first.appendingPathComponent("same.yaml").path, first.path + "/.",
                                            location.option, location.value])
        #expect(once.status == 0 && !once.standardError.contains("also that of"), "\(once.standardError)")
        // A quoted number after a space is a number (the CSV reader trims around quotes), and an outcome without a
        // vintage is known from the import day, which a 2030 figure cannot be.
        let quoted = try Self.write("y,x\n1, \"2\"\n2, \"4.5\"\n3,5.5\n4, \"8\" \n5,9.5\n", as: "quoted.csv")
        let fit = try CommandRunner().run(["regress", "--data", quoted.path, "--response", "y", "--format", "csv"])
        #expect(fit.status == 0 && fit.standardOutput.contains("\nx,"), "\(fit.standardOutput)\(fit.standardError)")
        let undated = try Self.write("series,period,value,status,source\npct.applications,2030,1,reported,test\n", as: "undated.csv")
        let future = try CommandRunner().run(["import", undated.path, location.option, location.value])
        #expect(future.status != 0 && future.standardError.contains("undated.csv:2: a reported figure for 2030 cannot be known by"), "\(future.standardError)")
        // --out naming the --data file.
        let data = try Self.write("series,period,value\nA,2000,1\nA,2001,2\nA,2002,4\nA,2003,5\n", as: "in.csv")
        let overwrite = try CommandRunner().run(["backtest", "--data", data.path, "--horizon", "1", "--models", "naive", "--out", data.path])
        #expect(overwrite.status == 64 && overwrite.standardError.contains("is the --data file"), "\(overwrite.standardError)")
        #expect(try String(contentsOf: data, encoding: .utf8).hasPrefix("series,period,value"))
        // One series: no bootstrap interval for the paired difference.
        let one = try CommandRunner().run(["backtest", "--data", data.path, "--horizon", "1", "--models", "naive,drift", "--baseline", "drift"])
        #expect(one.status == 0 && one.standardOutput.contains("NA (one series)"), "\(one.standardOutput)")
        // regress: the response among --columns; a lag past every row; AR(1) errors of an exact fit.
        let table = try Self.write("y,x\n1,2\n2,4.5\n3,5.5\n4,8\n5,9.5\n", as: "reg.csv")
        let itself = try CommandRunner().run(["regress", "--data", table.path, "--response", "y", "--columns", "y,x"])
        #expect(itself.status == 64 && itself.standardError.contains("lists the response 'y'"), "\(itself.standardError)")
        let lagged = try CommandRunner().run(["regress", "--data", table.path, "--formula", "y ~ lag(x, 9)"])
        #expect(lagged.status != 0 && lagged.standardError.contains("none of the 5 rows has a value for every term"), "\(lagged.standardError)")
        let exact = try Self.write("y,x\n1,2\n2,4\n3,6\n4,8\n5,10\n", as: "exact.csv")
        let ar1 = try CommandRunner().run(["regress", "--data", exact.path, "--formula", "y ~ x", "--ar1"])
        #expect(ar1.status != 0 && ar1.standardError.contains("fit without --ar1") && !ar1.standardError.contains("nan"), "\(ar1.standardError)")
        // Specifications: a series that is not an id is shown; a regressor twice names the key.
        let badSeries = try Self.write("series: [pct.applications]\n", as: "series.yaml")
        let shown = try CommandRunner().run(["forecast", "--spec", badSeries.path, location.option, location.value])
        #expect(shown.status != 0 && shown.standardError.contains("key 'series': must be a series id") && shown.standardError.contains("got '"), "\(shown.standardError)")
        let twice = try Self.write("series: madrid.applications\nmodel: arima\nregressors: [pct.applications, pct.applications]\n", as: "twice.yaml")
        let repeated = try CommandRunner().run(["forecast", "--spec", twice.path, location.option, location.value])
        #expect(repeated.status != 0 && repeated.standardError.contains("twice.yaml: key 'regressors': lists pct.applications twice"), "\(repeated.standardError)")
        // Nothing to compare on a date before every figure.
        let early = try CommandRunner().run(["compare", "--as-of", "1900-01-01", "--models", CompareCommandTests.root + "/Models",
                                             "--scenario-folder", CompareCommandTests.root + "/Models/scenarios", location.option, location.value])
        #expect(early.status != 0 && early.standardError.contains("no line of the 2020/21 budget can be projected from the data as known on 1900-01-01"),
                "\(early.standardError)")
        // A reported figure published before its year ended.
        let premature = try Self.write("series,period,value,status,source,vintage\npct.applications,2016,600,reported,test,2015-01-01\n", as: "early.csv")
        let imported = try CommandRunner().run(["import", premature.path, location.option, location.value])
        #expect(imported.status != 0 && imported.standardError.contains("early.csv:2: a reported figure for 2016 cannot be known by 2015-01-01"),
                "\(imported.standardError)")
        // budget-backtest offers csv as its help says.
        let csv = try CommandRunner().run(["budget-backtest", "--bienniums", "2018/19...2018/19", "--paths", "1000", "--format", "csv",
                                           "--models", CompareCommandTests.root + "/Models", location.option, location.value])
        #expect(csv.status == 0 && csv.standardOutput.hasPrefix("line,biennium,as_of,actual_years,projected,outcome,error_percent,lower95,upper95,covered"),
                "\(csv.standardOutput)\(csv.standardError)")
        #expect(csv.standardOutput.contains("\npct.applications,2018/19,2019-06-30,2018,"))
        // A specified line whose rule a model replaces (Madrid registrations: a ratio to applications) is replayed too.
        #expect(csv.standardOutput.contains("\nmadrid.registrations,2018/19,2019-06-30,"), "\(csv.standardOutput)")
        // An unknown column (a note under a misspelt name) and a unit other than the catalog's are refused.
        for (body, expected) in [("series,period,value,status,source,vintage,notes\npct.applications,2021,1,estimate,test,2022,caveat\n",
                                  "early.csv:1: unknown column 'notes'"),
                                 ("series,period,value,unit,status,source,vintage\npct.fee_income,2021,358600,thousand CHF,estimate,test,2022\n",
                                  "early.csv:2: unit 'thousand CHF' is not the catalog's unit of pct.fee_income, 'million CHF'")] {
            let file = try Self.write(body, as: "early.csv")
            let refused = try CommandRunner().run(["import", file.path, location.option, location.value])
            #expect(refused.status != 0 && refused.standardError.contains(expected), "\(refused.standardError)")
        }
        // A gap among the actuals is not "not yet published".
        let gap = try CommandRunner().run(["backtest", "pct.applications", "--origins", "2000...2001", "--horizon", "2", "--models", "naive",
                                           location.option, location.value])
        #expect(gap.standardOutput.contains("no actual (a gap in the series) for 2002") || gap.standardError.contains("no actual (a gap in the series) for 2002"),
                "\(gap.standardOutput)\(gap.standardError)")
    }

    @Test("--database in a folder that does not exist is refused, naming it, and creates nothing; the .sqlite file alone holds the data")
    func databaseFolder() throws {
        let folder = try CommandRunner.temporaryDirectory().appendingPathComponent("missing")
        let output = try CommandRunner().run(["import", StoreCommandTests.datasets, "--database", folder.appendingPathComponent("x.sqlite").path])
        #expect(output.status != 0 && output.standardError.contains("the folder \(folder.path) of the database"), "\(output.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.path))
        // After a command ends, the write-ahead log is copied into the database file: a copy of that file alone
        // (as a user would back it up) has every series.
        let location = try ForecastCommandTests.importedStore()
        let copy = try CommandRunner.temporaryDirectory().appendingPathComponent("copy.sqlite")
        try FileManager.default.copyItem(atPath: location.value, toPath: copy.path)
        let original = try CommandRunner().run(["series", "list", "--format", "csv", location.option, location.value])
        let copied = try CommandRunner().run(["series", "list", "--format", "csv", "--database", copy.path])
        #expect(copied.status == 0 && copied.standardOutput == original.standardOutput && original.standardOutput.contains("pct.applications"))
    }

    @Test("a model that explodes on a series: a note, exponent form in the table, strings in JSON — not an encoding error")
    func explodingModel() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let database = folder.appendingPathComponent("db.sqlite").path
        let catalog = try Self.write("id,system,metric,unit,frequency,definition\ntest.spike,PCT,x,applications,annual,x\n", as: "catalog.csv")
        let rows = (2000...2013).map { "test.spike,\($0),1,reported,x,2020" } + ["test.spike,2014,900000000000000,reported,x,2020"]
        let data = try Self.write("series,period,value,status,source,vintage\n" + rows.joined(separator: "\n") + "\n", as: "spike.csv")
        #expect(try CommandRunner().run(["import", catalog.path, data.path, "--database", database]).status == 0)
        let arguments = ["forecast", "test.spike", "--model", "ets:MAdN", "--horizon", "30", "--database", database]
        let json = try CommandRunner().run(arguments + ["--format", "json"])
        #expect(json.status == 0 && json.standardOutput.contains("\"Infinity\""), "\(json.standardError)")
        #expect(json.standardOutput.contains("exceeds the range of double precision"), "the note travels with the JSON")
        let table = try CommandRunner().run(arguments)
        #expect(table.status == 0 && table.standardOutput.contains("Inf") && table.standardOutput.contains("e+"), "\(table.standardOutput)")
        #expect(table.standardOutput.split(separator: "\n").allSatisfy { $0.count < 120 }, "columns stay narrow: \(table.standardOutput)")
        #expect(table.standardError.contains("note: ETS(M,Ad,N): the forecast or its variance exceeds the range of double precision"))
    }

    @Test("token revoke of an unknown id names the id and the command that lists tokens; token list writes CSV")
    func tokens() throws {
        let database = try CommandRunner.temporaryDirectory().appendingPathComponent("db.sqlite").path
        let revoke = try CommandRunner().run(["token", "revoke", "tok_nonesuch", "--database", database])
        #expect(revoke.status == 1 && revoke.standardError == "Error: no active token with id 'tok_nonesuch'; 'biennium token list' shows them.\n",
                "\(revoke.standardError)")
        #expect(try CommandRunner().run(["token", "create", "--database", database]).status == 0)
        let list = try CommandRunner().run(["token", "list", "--format", "csv", "--database", database])
        #expect(list.status == 0 && list.standardOutput.hasPrefix("id,role,created,revoked\ntok_"), "\(list.standardOutput)")
    }

    @Test("backtest --data says over how many series MASE is averaged when some have no scale")
    func maseSeries() throws {
        // Series C is constant before its holdout: no one-step naive error, so no MASE; sMAPE still counts it.
        let file = try Self.write("series,period,value\nA,1,1\nA,2,2\nA,3,4\nA,4,5\nA,5,7\nC,1,3\nC,2,3\nC,3,3\nC,4,5\nC,5,6\n",
                                  as: "scale.csv")
        let json = try CommandRunner().run(["backtest", "--data", file.path, "--horizon", "2", "--models", "naive", "--format", "json"])
        let model = JSONValue(raw: try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)))["models"][0]
        #expect(model["maseSeries"].int == 1, "\(json.standardOutput)")
        let table = try CommandRunner().run(["backtest", "--data", file.path, "--horizon", "2", "--models", "naive"])
        #expect(table.standardOutput.contains("MASE is the mean over the series with a scale: 1 of the 2"), "\(table.standardOutput)")
    }
}
