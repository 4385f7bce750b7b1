import ArgumentParser
import Budget
import Forecasting
import Foundation
import LinearAlgebra
import Regression

/// `biennium regress`: a linear regression on a CSV file, with the inference of `summary.lm`.
struct RegressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regress",
        abstract: "Fit a linear regression (OLS, WLS or GLS with AR(1) errors) to a CSV file.",
        discussion: """
        The file has a header row; each model column must hold finite numbers. With neither --columns \
        nor --formula, every other numeric column is a regressor.

        Formulas are R-style: 'y ~ x + I(x^2) + log(z)', '- 1' drops the intercept, and lag(x, k), \
        trend, step(2020), pulse(2020) and dummy(col, level) (a numeric level, e.g. dummy(quarter, 2)) are available. step and pulse read the \
        periods from --time (default: a column named year, period or time, if any); with it, trend counts \
        periods (1 for the first; a gap skips its numbers) and lag(x, k) takes the value k periods earlier, \
        without it they count rows. Rows of --predict continue the trend of the data; a lag() there reads only the --predict rows themselves.

        Examples:
          biennium regress --data longley.csv --response y
          biennium regress --data pct.csv --formula 'log(applications) ~ trend + step(2009)' --covariance newey-west:2
          biennium regress --data costs.csv --response cost --columns workload --format json
        """)

    @Option(help: "CSV file with a header row.")
    var data: String

    @Option(help: "Response column (not needed with --formula).")
    var response: String?

    @Option(help: ArgumentHelp("Regressor columns, comma separated.", valueName: "a,b,..."))
    var columns: String?

    @Option(help: ArgumentHelp("R-style model formula, e.g. 'y ~ x + I(x^2) + log(z)'.", valueName: "formula"))
    var formula: String?

    @Flag(help: "Fit without an intercept.")
    var noIntercept = false

    @Option(help: ArgumentHelp("Covariance of the estimates: classical, hc0, hc1, hc2, hc3 or newey-west:LAG.", valueName: "type"))
    var covariance: CovarianceChoice = CovarianceChoice(.classical)

    @Option(help: ArgumentHelp("Column of weights (inverse variances) for weighted least squares.", valueName: "column"))
    var weights: String?

    @Flag(help: "GLS with AR(1) errors, by iterated Prais-Winsten (rows must be in time order).")
    var ar1 = false

    @Option(help: ArgumentHelp("Column holding each row's period, used by trend, lag(), step() and pulse().", valueName: "column"))
    var time: String?

    @Option(parsing: .unconditional, help: "Confidence level of the intervals, between 0 and 1.")
    var level: Double = 0.95

    @Option(parsing: .unconditional, help: ArgumentHelp("Lag of the Ljung-Box test (default min(10, n/5)).", valueName: "lag"))
    var ljungBoxLag: Int?

    @Option(help: ArgumentHelp("CSV of new rows (same columns) to predict, with confidence and prediction intervals (with --format csv, the predictions table instead of the coefficients).", valueName: "file"))
    var predict: String?

    @Option(help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    func validate() throws {
        if formula == nil && response == nil {
            throw ValidationError("Name the response with --response COLUMN, or give a --formula.")
        }
        if formula != nil && columns != nil {
            throw ValidationError("Give either --columns or --formula, not both: the formula already lists the regressors.")
        }
        if weights != nil && ar1 {
            throw ValidationError("--weights and --ar1 cannot be combined: choose WLS or GLS with AR(1) errors.")
        }
        guard level > 0 && level < 1 else {
            throw ValidationError("--level must be between 0 and 1 (for example 0.95); got \(level).")
        }
        if let ljungBoxLag, ljungBoxLag < 1 { throw ValidationError("--ljung-box-lag must be at least 1; got \(ljungBoxLag).") }
    }

    func run() throws {
        // One large least-squares problem: BLAS may use every core (the other commands run it single-threaded).
        BLASInfo.setThreads(ProcessInfo.processInfo.activeProcessorCount)
        let table = try NumericTable(path: data)
        let model = try modelFormula(table)
        let timeColumn = time ?? ["year", "period", "time"].first { table.names.contains($0) && table.numeric[table.names.firstIndex(of: $0)!] != nil }
        var needed = Set(model.columnsReferenced)
        if let timeColumn { needed.insert(timeColumn) }
        if let weights { needed.insert(weights) }
        let ordered = table.names.filter { needed.contains($0) }
        for name in needed where !table.names.contains(name) {
            throw InputError(file: data, "unknown column '\(name)'; the header has: \(table.names.joined(separator: ", "))")
        }
        let regressionData = try table.regressionData(using: ordered, timeColumn: timeColumn)
        let options = RegressionOptions(covariance: covariance.type, confidenceLevel: level, ljungBoxLag: ljungBoxLag)
        let result: RegressionResult
        do {
            let design = try Design(formula: model, data: regressionData)
            if ar1 {
                result = try LinearRegression.praisWinsten(design, options: options)
            } else if let weights {
                let weightColumn = try regressionData.column(weights)
                result = try LinearRegression.fit(design, weights: design.rows.map { weightColumn[$0] }, options: options)
            } else {
                result = try LinearRegression.fit(design, options: options)
            }
        } catch {
            throw located(error, table: table)
        }
        var predictions: [Prediction]?
        if let predict {
            predictions = try predictionRows(predict, model: model, result: result, timeColumn: timeColumn, fitted: regressionData)
            if !result.aliasedNames.isEmpty {
                // As R's predict.lm warns: the aliased coefficients are set to 0, which is right only for new rows
                // that keep the design's dependency among the columns.
                FileHandle.standardError.write(Data(("Warning: predictions from a rank-deficient fit (aliased: \(result.aliasedNames.joined(separator: ", "))) "
                    + "are meaningful only for new rows whose columns keep the same linear dependency as the data's.\n").utf8))
            }
        }
        switch format {
        case .table: print(RegressionReport.table(result, source: data, predictions: predictions))
        case .json: print(try JSONOutput.encode(RegressionDocument(result, predictions: predictions)))
        case .csv: print(predictions.map(RegressionReport.predictionsCSV) ?? RegressionReport.csv(result))
        }
    }

    /// The formula from --formula, or built from --response/--columns.
    private func modelFormula(_ table: NumericTable) throws -> Formula {
        var model: Formula
        if let formula {
            do { model = try Formula(parsing: formula) } catch { throw ValidationError(error.description) }
            if let response, model.response != .variable(response) {
                throw ValidationError("--response '\(response)' differs from the formula's response '\(model.response)'.")
            }
        } else {
            let responseName = response!
            guard table.names.contains(responseName) else {
                throw InputError(file: data, "unknown response column '\(responseName)'; the header has: \(table.names.joined(separator: ", "))")
            }
            let regressors: [String]
            if let columns {
                regressors = ModelCatalog.nameList(columns)
                guard !regressors.isEmpty else { throw ValidationError("--columns lists no column.") }
                guard !regressors.contains("") else { throw ValidationError("--columns '\(columns)' has an empty column name (two commas, or a comma at an end).") }
                guard !regressors.contains(responseName) else {
                    throw ValidationError("--columns lists the response '\(responseName)' as a regressor; it would explain itself exactly.")
                }
            } else {
                let excluded = Set([responseName, weights, time].compactMap { $0 })
                regressors = table.numericNames.filter { !excluded.contains($0) }
            }
            model = Formula(response: .variable(responseName), terms: regressors.map { .variable($0) })
        }
        if noIntercept { model.hasIntercept = false }
        return model
    }

    /// The predictions for the rows of `path`, whose `trend` continues the `fitted` data's.
    private func predictionRows(_ path: String, model: Formula, result: RegressionResult, timeColumn: String?,
                                fitted: RegressionData) throws -> [Prediction] {
        let table = try NumericTable(path: path)
        var needed = Set(model.columnsReferenced.filter { $0 != model.response.columnsReferenced.first || model.terms.flatMap(\.columnsReferenced).contains($0) })
        if let timeColumn, table.names.contains(timeColumn) { needed.insert(timeColumn) }
        let ordered = table.names.filter { needed.contains($0) }
        for name in needed where !table.names.contains(name) {
            throw InputError(file: path, "unknown column '\(name)': new rows need every regressor column")
        }
        var data = try table.regressionData(using: ordered, timeColumn: timeColumn.flatMap { table.names.contains($0) ? $0 : nil })
        data.rowsBefore = fitted.rowCount
        if let (time, step) = fitted.periods {
            // The fit's trend counts its periods; new rows without them could only be numbered by row, wrongly after a gap.
            if model.designTerms.contains(where: \.readsPeriods), data.timeColumn == nil {
                throw InputError(file: path, "the new rows need the period column '\(fitted.timeColumn ?? "year")': the fit's trend and lags follow the periods")
            }
            data.trendFirstPeriod = time.min()
            data.trendStep = step
        }
        var columns: [[Double?]] = []
        do {
            for term in model.designTerms { columns.append(try term.evaluate(on: data)) }
        } catch {
            throw located(error, table: table)
        }
        var rows: [[Double]] = []
        for row in 0..<data.rowCount {
            guard columns.allSatisfy({ $0[row] != nil }) else {
                throw InputError(file: path, line: table.lineOfRow[row], "a lagged term reaches before the first row of the new data")
            }
            rows.append(columns.map { $0[row]! })
        }
        let matrix = try Matrix(rows)
        do {
            return try result.predict(matrix, level: level)
        } catch {
            throw located(error, table: table)
        }
    }

    /// Adds the file and line to errors that name a data row.
    private func located(_ error: RegressionError, table: NumericTable) -> any Error {
        switch error {
        case .nonPositiveLogArgument(_, let row, _), .nonFiniteValue(_, let row), .invalidWeight(let row, _):
            return InputError(file: table.path, line: table.lineOfRow[row], error.description)
        default:
            return InputError(file: table.path, error.description)
        }
    }
}

/// `--covariance`: `classical`, `hc0`…`hc3`, or `newey-west:LAG`.
struct CovarianceChoice: ExpressibleByArgument {
    let type: CovarianceType

    init(_ type: CovarianceType) { self.type = type }

    init?(argument: String) {
        switch argument.lowercased() {
        case "classical", "nonrobust": type = .classical
        case "hc0": type = .hc0
        case "hc1": type = .hc1
        case "hc2": type = .hc2
        case "hc3": type = .hc3
        default:
            let parts = argument.lowercased().split(separator: ":")
            guard parts.count == 2, parts[0] == "newey-west" || parts[0] == "hac", let lag = Int(parts[1]), lag >= 0 else { return nil }
            type = .neweyWest(lag: lag)
        }
    }

    var defaultValueDescription: String { type.description }
    static var allValueStrings: [String] { ["classical", "hc0", "hc1", "hc2", "hc3", "newey-west:LAG"] }
}
