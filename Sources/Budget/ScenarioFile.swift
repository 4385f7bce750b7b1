import Foundation
import Store
import Yams

/// A scenario file that cannot be used: the file, the key (a path such as `fees[1].from`), the line when known,
/// and what is wrong. Nothing of a rejected file is applied.
public struct ScenarioError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file's path, or `scenario 'NAME' (stored, version N)` for a scenario stored in the database.
    public let file: String
    /// The offending key as a path (`fees[1].from`, `bands.level`); `nil` when the file as a whole is at fault.
    public let key: String?
    /// The 1-based line in the YAML text, when known.
    public let line: Int?
    /// What is wrong and what is expected, e.g. `must be a number; got 'x'`.
    public let message: String

    public var description: String {
        file + (line.map { ":\($0)" } ?? "") + (key.map { ": key '\($0)'" } ?? "") + ": " + message
    }
}

/// Reads scenarios from YAML:
///
/// ```yaml
/// description: Demand 5% below the models from 2021; fees unchanged.
/// demand:                       # shocks against the projection, per system (pct, madrid, hague)
///   - {system: pct, from: 2021, percent: -5}
/// regressors:                   # future values of regressors named in Models/*.yaml
///   wipo.some_driver: {2021: 1.02}
/// fees:                         # from/until are days; percent and/or chf-per-unit
///   - {system: madrid, from: 2021-04-01, percent: 5}
/// cost-growth-percent: 2
/// exchange-rate-factor: 1.0
/// bands:                        # one standard deviation, percent
///   income-per-unit: 3
///   ratio: 3
///   level: 5
///   cost: 3
/// ```
/// Every key is optional; unknown keys, unknown systems, overlapping fee periods and out-of-range numbers are
/// errors naming the file and the key.
public enum ScenarioFile {
    static let keys = ["description", "demand", "regressors", "fees", "cost-growth-percent", "exchange-rate-factor", "bands"]
    static let shockKeys = ["system", "from", "percent"]
    static let feeKeys = ["system", "from", "until", "percent", "chf-per-unit"]
    /// The years a scenario's shocks, fee changes and regressor paths may name: a typo such as 20211 is refused
    /// rather than silently never applied.
    static let years = 1900...2200
    static let bandKeys = ["income-per-unit", "ratio", "level", "cost"]

    /// Loads the scenario in `path`, named after the file.
    public static func load(_ path: String) throws(ScenarioError) -> Scenario {
        let text = try self.text(of: path)
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return try parse(text, name: name, file: path)
    }

    /// The text of the scenario file `path`, read as every input file is (the same messages for a missing,
    /// unreadable or non-UTF-8 file); an empty file is the neutral scenario, so its text is "".
    public static func text(of path: String) throws(ScenarioError) -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ScenarioError(file: path, key: nil, line: nil, message: "is a folder; name a scenario file (.yaml) in it")
        }
        do { return try TextFile.read(path) } catch let error as InputError where error.message == "is empty" {
            return ""
        } catch let error as InputError {
            throw ScenarioError(file: path, key: nil, line: error.line, message: error.message)
        } catch {
            throw ScenarioError(file: path, key: nil, line: nil, message: "cannot be read (\(error))")
        }
    }

    /// Parses scenario YAML; `file` names the source in errors.
    public static func parse(_ text: String, name: String, file: String) throws(ScenarioError) -> Scenario {
        func fail(_ key: String?, _ node: Node?, _ message: String) -> ScenarioError {
            ScenarioError(file: file, key: key, line: node?.mark?.line, message: message)
        }
        let root: Node?
        do { root = try YAMLDocument.compose(text) } catch {
            switch error {
            case .nesting(let line):
                throw ScenarioError(file: file, key: nil, line: line, message: "\(YAMLNesting.refusal); a scenario needs a few")
            case .invalid(let message): throw fail(nil, nil, "is not valid YAML: \(message)")
            case .expansion: throw ScenarioError(file: file, key: nil, line: nil, message: "\(YAMLExpansion.refusal); a scenario holds a few dozen")
            case .repeatedKey(let key, let line): throw ScenarioError(file: file, key: key, line: line, message: "is given twice")
            }
        }
        guard let root else { return Scenario(name: name) }
        let map = try mapping(root, key: nil, allowed: keys, fail: fail)

        func number(_ key: String, _ node: Node?, range: ClosedRange<Double>) throws(ScenarioError) -> Double? {
            guard let node else { return nil }
            guard let text = node.scalar?.string, let value = DecimalNumber.parse(text) else {
                throw fail(key, node, "must be a number; got '\(node.scalar?.string ?? "a list or mapping")'")
            }
            guard range.contains(value) else {
                throw fail(key, node, "must be between \(Scenario.number(range.lowerBound)) and \(Scenario.number(range.upperBound)); got \(text)")
            }
            return value
        }
        func system(_ key: String, _ node: Node?) throws(ScenarioError) -> String {
            guard let text = node?.scalar?.string else { throw fail(key, node, "is required: one of \(BudgetLayout.systems.joined(separator: ", "))") }
            let lowered = text.lowercased()
            guard BudgetLayout.systems.contains(lowered) else {
                throw fail(key, node, "unknown system '\(text)'; scenarios shock \(BudgetLayout.systems.joined(separator: ", "))")
            }
            return lowered
        }
        func day(_ key: String, _ node: Node?) throws(ScenarioError) -> CalendarDay? {
            guard let node else { return nil }
            guard let text = node.scalar?.string, let day = CalendarDay(iso: text) ?? Int(text).map({ CalendarDay(year: $0, month: 1, day: 1) }) else {
                throw fail(key, node, "must be a day YYYY-MM-DD (or a year); got '\(node.scalar?.string ?? "")'")
            }
            guard Self.years.contains(day.year) else { throw fail(key, node, "must be a day from \(Self.years.lowerBound) to \(Self.years.upperBound); got '\(text)'") }
            return day
        }

        if let node = map["description"], node.scalar == nil {
            throw fail("description", node, "must be text (one line or a YAML block); got a list or mapping")
        }

        var shocks: [Scenario.DemandShock] = []
        for (index, item) in try sequence(map["demand"], key: "demand", fail: fail).enumerated() {
            let key = "demand[\(index)]"
            let entry = try mapping(item, key: key, allowed: shockKeys, fail: fail)
            let systemName = try system(key + ".system", entry["system"])
            guard let yearNode = entry["from"] else { throw fail(key + ".from", item, "is required: the first year of the shock, e.g. 2021") }
            guard let year = Int(yearNode.scalar?.string ?? ""), Self.years.contains(year) else {
                throw fail(key + ".from", yearNode, "must be a year from \(Self.years.lowerBound) to \(Self.years.upperBound) (demand shocks apply from the start of a year); "
                           + "got '\(yearNode.scalar?.string ?? "a list or mapping")'")
            }
            guard let percent = try number(key + ".percent", entry["percent"], range: -99.9...1000) else {
                throw fail(key + ".percent", item, "is required: the change in percent, e.g. -5")
            }
            if let other = shocks.firstIndex(where: { $0.system == systemName && $0.fromYear == year }) {
                throw fail(key, item, "repeats demand[\(other)] (\(systemName) from \(year)); the two would compound — give one shock with the combined percent")
            }
            shocks.append(.init(system: systemName, fromYear: year, percent: percent))
        }

        var regressors: [SeriesID: [Int: Double]] = [:]
        if let node = map["regressors"] {
            for (name, values) in try mapping(node, key: "regressors", allowed: nil, fail: fail) {
                let key = "regressors.\(name)"
                guard let id = SeriesID(name) else { throw fail(key, node, "'\(name)' is not a series id") }
                var path: [Int: Double] = [:]
                for (yearText, valueNode) in try mapping(values, key: key, allowed: nil, fail: fail) {
                    guard let year = Int(yearText), Self.years.contains(year) else {
                        throw fail(key, valueNode, "keys are years from \(Self.years.lowerBound) to \(Self.years.upperBound); got '\(yearText)'")
                    }
                    path[year] = try number("\(key).\(yearText)", valueNode, range: -1e15...1e15)
                }
                regressors[id] = path
            }
        }

        var fees: [Scenario.FeeChange] = []
        for (index, item) in try sequence(map["fees"], key: "fees", fail: fail).enumerated() {
            let key = "fees[\(index)]"
            let entry = try mapping(item, key: key, allowed: feeKeys, fail: fail)
            let systemName = try system(key + ".system", entry["system"])
            guard let from = try day(key + ".from", entry["from"]) else {
                throw fail(key + ".from", item, "is required: the first day of the change, YYYY-MM-DD")
            }
            let until = try day(key + ".until", entry["until"])
            if let until, until < from { throw fail(key + ".until", entry["until"], "is before 'from' (\(from))") }
            let percent = try number(key + ".percent", entry["percent"], range: -99.9...1000)
            let chf = try number(key + ".chf-per-unit", entry["chf-per-unit"], range: -1e6...1e6)
            guard percent != nil || chf != nil else { throw fail(key, item, "give 'percent' or 'chf-per-unit' (or both)") }
            let change = Scenario.FeeChange(system: systemName, from: from, until: until, percent: percent ?? 0, chfPerUnit: chf ?? 0)
            for (other, earlier) in fees.enumerated() where earlier.system == systemName {
                let overlaps = change.from <= (earlier.until ?? CalendarDay(year: 9999, month: 12, day: 31))
                    && earlier.from <= (change.until ?? CalendarDay(year: 9999, month: 12, day: 31))
                if overlaps {
                    throw fail(key, item, "overlaps fees[\(other)] for \(systemName) (\(earlier.from) to \(earlier.until?.description ?? "open end")); "
                               + "give each period of a system's fees once")
                }
            }
            fees.append(change)
        }

        var bands = Scenario.Bands()
        if let node = map["bands"] {
            let entry = try mapping(node, key: "bands", allowed: bandKeys, fail: fail)
            bands.incomePerUnit = try number("bands.income-per-unit", entry["income-per-unit"], range: 0...100) ?? bands.incomePerUnit
            bands.ratio = try number("bands.ratio", entry["ratio"], range: 0...100) ?? bands.ratio
            bands.level = try number("bands.level", entry["level"], range: 0...100) ?? bands.level
            bands.cost = try number("bands.cost", entry["cost"], range: 0...100) ?? bands.cost
        }
        return Scenario(name: name, description: map["description"]?.scalar?.string ?? "", demandShocks: shocks,
                        regressorPaths: regressors, feeChanges: fees,
                        costGrowthPercent: try number("cost-growth-percent", map["cost-growth-percent"], range: -99.9...1000) ?? 0,
                        exchangeRateFactor: try number("exchange-rate-factor", map["exchange-rate-factor"], range: Scenario.exchangeRateFactorRange) ?? 1,
                        bands: bands)
    }

    /// A mapping node as `[key: value]`, rejecting keys outside `allowed` (when given); repeated keys were
    /// refused before (``YAMLRepeatedKeys``).
    static func mapping(_ node: Node, key: String?, allowed: [String]?,
                        fail: (String?, Node?, String) -> ScenarioError) throws(ScenarioError) -> [String: Node] {
        guard let mapping = node.mapping else { throw fail(key, node, "must be a mapping of keys") }
        var result: [String: Node] = [:]
        for (keyNode, value) in mapping {
            let name = keyNode.scalar?.string ?? ""
            let path = key.map { "\($0).\(name)" } ?? name
            if let allowed, !allowed.contains(name) {
                throw fail(path, keyNode, "unknown key; allowed: \(allowed.joined(separator: ", "))")
            }
            result[name] = value
        }
        return result
    }

    static func sequence(_ node: Node?, key: String, fail: (String?, Node?, String) -> ScenarioError) throws(ScenarioError) -> [Node] {
        guard let node else { return [] }
        guard let sequence = node.sequence else { throw fail(key, node, "must be a list") }
        return Array(sequence)
    }
}
