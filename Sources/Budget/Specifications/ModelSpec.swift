import Forecasting
import Foundation
public import Store
import Yams

/// A model specification from `Models/*.yaml`: which series, which model, how far ahead, and how it is
/// evaluated. Unknown keys and bad values are errors naming the file and the key.
///
/// ```yaml
/// # Why this model: …
/// series: pct.applications
/// model: combo
/// horizon: 4
/// levels: [80, 95]
/// evaluation:
///   origins: 2008...2018
///   horizon: 2
/// ```
public struct ModelSpec: Sendable {
    static let keys: Set<String> = ["series", "model", "horizon", "levels", "evaluation", "regressors"]
    static let evaluationKeys: Set<String> = ["origins", "horizon", "real-time"]

    /// The specification's name: its file name without `.yaml` (fits are stored under it).
    public let name: String
    /// The file's path, as given.
    public let path: String
    /// The response series (`series`), e.g. `pct.applications`.
    public let series: SeriesID
    /// The model name as the model catalog knows it (`model`), e.g. `combo`, `ets:AAdN`; `auto` by default.
    public let model: String
    /// Years to forecast (`horizon`), 1–30; 4 by default.
    public let horizon: Int
    /// Prediction-interval levels in percent (`levels`), each from 1 to 99.99; [80, 95] by default.
    public let levels: [Double]
    /// Origin years of the specification's backtest (`evaluation.origins`, `FIRST...LAST`); `nil` when not given.
    public let origins: ClosedRange<Int>?
    /// Years ahead scored at each backtest origin (`evaluation.horizon`); 2 by default.
    public let evaluationHorizon: Int
    /// Whether the backtest uses the data as first published at each origin (`evaluation.real-time`); true by default.
    public let realTime: Bool
    /// Series the response is regressed on, with ARIMA errors (`model: arima` or `arima:PDQ`); their future
    /// values come from a scenario's regressor paths, else from each regressor's own `auto` forecast.
    public let regressors: [SeriesID]

    /// The models the specification's backtest compares: naive and drift, and its own model when it is another.
    public var evaluationModels: [String] { ["naive", "drift"] + (["naive", "drift"].contains(model) ? [] : [model]) }

    /// Reads and checks the specification in `path`; errors name the file and the key.
    public init(path: String) throws {
        self.path = path
        name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let text = try TextFile.read(path)
        let node: Node?
        do { node = try YAMLDocument.compose(text) } catch {
            switch error {
            case .nesting(let line): throw InputError(file: path, line: line, "\(YAMLNesting.refusal); a specification needs two")
            case .invalid(let message): throw InputError(file: path, "is not valid YAML: \(message)")
            case .expansion: throw InputError(file: path, "\(YAMLExpansion.refusal); a specification holds a handful")
            case .repeatedKey(let key, let line): throw InputError(file: path, line: line, "key '\(key)' appears twice")
            }
        }
        let root = node.map { Constructor.default.any(from: $0) }
        guard let map = root as? [String: Any] else { throw InputError(file: path, "must be a mapping of keys (series, model, horizon, …)") }
        func fail(_ key: String, _ message: String) -> InputError { InputError(file: path, "key '\(key)': \(message)") }
        if let unknown = Set(map.keys).subtracting(Self.keys).sorted().first {
            throw fail(unknown, "unknown key; allowed: \(Self.keys.sorted().joined(separator: ", "))")
        }
        guard let raw = map["series"] else { throw fail("series", "a series id such as pct.applications is required") }
        guard let seriesText = raw as? String, let id = SeriesID(seriesText) else {
            let shown = String(describing: raw)
            throw fail("series", "must be a series id such as pct.applications (words of a–z, 0–9 and _ joined by dots); got "
                       + (shown.count > 60 ? "'\(shown.prefix(60))…' (\(shown.count) characters)" : "'\(shown)'"))
        }
        series = id
        /// The value under `key` as a `T`, `fallback` when the key is absent, an error naming the key otherwise.
        func value<T>(_ key: String, in table: [String: Any], _ path: String, default fallback: T, _ kind: String) throws -> T {
            guard let raw = table[key] else { return fallback }
            guard let typed = raw as? T else {
                // A quoted number ("4") is text in YAML: say so, since it looks right.
                let quoted = raw is String && Double(raw as! String) != nil ? " (quoted, so text: write it without quotes)" : ""
                throw fail(path, "must be \(kind); got '\(raw)'\(quoted)")
            }
            return typed
        }
        model = try value("model", in: map, "model", default: "auto", "a model name such as ets or calibrated:drift")
        do { _ = try ModelCatalog.model(named: model) } catch { throw fail("model", "\(error)") }
        horizon = try value("horizon", in: map, "horizon", default: 4, "a whole number of years")
        guard (1...30).contains(horizon) else { throw fail("horizon", "must be 1 to 30; got \(horizon)") }
        let levelValues: [Any] = try value("levels", in: map, "levels", default: [80, 95], "a list of percentages such as [80, 95]")
        levels = try levelValues.map { value in
            guard let level = (value as? Double) ?? (value as? Int).map(Double.init), IntervalLevel.isValid(level) else {
                throw fail("levels", "\(IntervalLevel.rule); got \(value)")
            }
            return level
        }
        guard IntervalLevel.isValidList(levels) else {
            throw fail("levels", "a non-empty list of different percentages such as [80, 95]; got \(levels)")
        }
        let evaluation: [String: Any] = try value("evaluation", in: map, "evaluation", default: [:], "a mapping with origins, horizon, real-time")
        if let unknown = Set(evaluation.keys).subtracting(Self.evaluationKeys).sorted().first {
            throw fail("evaluation.\(unknown)", "unknown key; allowed: \(Self.evaluationKeys.sorted().joined(separator: ", "))")
        }
        if let raw = evaluation["origins"] {
            guard let text = raw as? String, let range = RollingOriginRunner.origins(text) else {
                throw fail("evaluation.origins", "write \(RollingOriginRunner.originsSyntax); got '\(raw)'")
            }
            origins = range
        } else {
            origins = nil
        }
        evaluationHorizon = try value("horizon", in: evaluation, "evaluation.horizon", default: 2, "a whole number of years")
        guard (1...30).contains(evaluationHorizon) else { throw fail("evaluation.horizon", "must be 1 to 30; got \(evaluationHorizon)") }
        realTime = try value("real-time", in: evaluation, "evaluation.real-time", default: true, "true or false")
        let regressorValues = map["regressors"].map { ($0 as? [Any]) ?? [$0] } ?? []
        let response = id
        regressors = try regressorValues.map { value in
            guard let text = value as? String, let id = SeriesID(text), id != response else {
                throw fail("regressors", "a list of series ids other than the response; got \(value)")
            }
            return id
        }
        if let repeated = regressors.first(where: { id in regressors.filter { $0 == id }.count > 1 }) {
            throw fail("regressors", "lists \(repeated) twice; each regressor enters the regression once")
        }
        if !regressors.isEmpty, model != "arima", !model.hasPrefix("arima:") {
            throw fail("regressors", "regressors need model 'arima' or 'arima:PDQ' (regression with ARIMA errors); the model is '\(model)'")
        }
    }

    /// The specification files named, or every `*.yaml` under the folders named (default `Models/`).
    public static func load(_ paths: [String]) throws -> [ModelSpec] {
        let specs = try parseAll(try files(paths.isEmpty ? ["Models"] : paths))
        // A specification's stored fits are kept under its name, so two files of one name would share a history.
        var byName: [String: ModelSpec] = [:]
        for spec in specs {
            if let other = byName[spec.name] {
                throw InputError(file: spec.path, "its name '\(spec.name)' (the file's name without .yaml) is also that of \(other.path); "
                                 + "the fits of a specification are stored under its name, so the names must differ")
            }
            byName[spec.name] = spec
        }
        return specs
    }

    /// The `*.yaml` files of `paths` (folders listed in name order), each once however often it is named.
    private static func files(_ paths: [String]) throws -> [String] {
        var files: [String] = [], seen = Set<String>()
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw InputError(file: path, "no such file or folder") }
            let found = isDirectory.boolValue
                ? try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".yaml") }.sorted()
                    .map { (path as NSString).appendingPathComponent($0) }
                : [path]
            for file in found where seen.insert(FilePaths.canonical(file)).inserted { files.append(file) }
        }
        guard !files.isEmpty else { throw InputError(file: paths.first ?? "Models", "holds no *.yaml model specifications") }
        return files
    }

    /// Every file parsed, so that one run names every problem (a quarterly refit of many files is fixed in one
    /// go): the only problem, or the first with the others listed under it.
    private static func parseAll(_ files: [String]) throws -> [ModelSpec] {
        var specs: [ModelSpec] = [], problems: [InputError] = []
        for file in files {
            do { specs.append(try ModelSpec(path: file)) } catch let problem as InputError { problems.append(problem) }
        }
        guard let first = problems.first else { return specs }
        guard problems.count > 1 else { throw first }
        throw InputError(file: first.file, line: first.line, first.message + "\nand in \(problems.count - 1) other specification"
                         + (problems.count == 2 ? "" : "s") + ":\n" + problems.dropFirst().map { "  \($0)" }.joined(separator: "\n"))
    }

    /// Throws an error naming this file and the key when its series or a regressor is not in `catalog`.
    public func checkSeries(in catalog: [SeriesID: SeriesDefinition]) throws {
        guard catalog[series] != nil else {
            throw InputError(file: path, "key 'series': \(StoreError.unknownSeries(series))")
        }
        if let missing = regressors.first(where: { catalog[$0] == nil }) {
            throw InputError(file: path, "key 'regressors': \(StoreError.unknownSeries(missing))")
        }
        let frequency = catalog[series]!.frequency
        if let other = regressors.first(where: { catalog[$0]!.frequency != frequency }) {
            throw InputError(file: path, "key 'regressors': \(other) is \(catalog[other]!.frequency), but \(series) is \(frequency); "
                             + "a regressor needs a value for each period of the series")
        }
    }
}
