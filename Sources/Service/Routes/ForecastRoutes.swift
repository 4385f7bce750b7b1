import Budget
import Forecasting
import Foundation
import Hummingbird
import Store

/// `/v1/forecasts/{id}` and `/v1/backtests/{id}`: forecasts with intervals and rolling-origin backtests of
/// stored series.
enum ForecastRoutes {
    static func add(to router: RouterGroup<APIContext>, _ env: ServiceEnvironment) {
        router.get("forecasts/:id") { request, context in
            let (id, definition) = try await SeriesRoutes.series(context, env)
            let query = Query(request: request)
            let horizon = try query.integer("horizon", default: 4, range: 1...30)
            let model = try self.model(query.string("model") ?? "auto")
            let levels = try self.levels(query.string("levels") ?? "80,95")
            let asOf = try SeriesRoutes.day(query.string("asOf"), parameter: "asOf")
            let inSample = try query.boolean("fitted")
            guard definition.frequency == "annual" else {
                throw APIProblem.unprocessable("\(id) is \(definition.frequency); this version forecasts annual series only")
            }
            guard let stored = StoredSeries.annual(try await env.store.observations(of: id, asOf: asOf)) else {
                throw APIProblem.unprocessable("\(id) has no observations" + (asOf.map { " known on \($0)" } ?? ""))
            }
            let series = stored.series
            let forecast = try await env.compute.run { try model.forecast(series, horizon: horizon, levels: levels) }
            let document = ForecastDocument(forecast, series: id.rawValue, unit: definition.unit, asOf: asOf?.description,
                                            lastObserved: stored.lastYear, inSample: inSample)
            return try Representation.table(document, csv: { inSample ? document.inSampleCSV : document.csv }, request: request)
        }

        router.get("backtests/:id") { request, context in
            let (id, _) = try await SeriesRoutes.series(context, env)
            let query = Query(request: request)
            let horizon = try query.integer("horizon", default: 2, range: 1...10)
            guard let text = query.string("origins") else { throw APIProblem.badRequest("query parameter 'origins' is required, e.g. origins=2008...2018") }
            guard let origins = RollingOriginRunner.origins(text) else {
                throw APIProblem.badRequest("query parameter 'origins' must be \(RollingOriginRunner.originsSyntax); got '\(text)'")
            }
            let named: [any ForecastModel]
            do { named = try ModelCatalog.models(list: query.string("models") ?? "naive,drift,ets,auto") } catch {
                throw APIProblem.badRequest("query parameter 'models': \(error)")
            }
            guard (1...10).contains(named.count) else { throw APIProblem.badRequest("query parameter 'models' names 1 to 10 distinct models") }
            let (models, baseline) = try BacktestBody.adding(baseline: query.string("baseline"), to: named.sorted { $0.name < $1.name })
            var runner = RollingOriginRunner(store: env.store, series: id, horizon: horizon, realTime: try query.boolean("realTime"))
            runner.executor = env.compute
            let result = try await runner.run(origins: Array(origins), models: models)
            return try Representation.json(BacktestBody(result, baseline: baseline))
        }
    }

    /// The model named `name`, or a 400 naming the query `parameter` it came from.
    static func model(_ name: String, parameter: String = "model") throws -> any ForecastModel {
        do { return try ModelCatalog.model(named: name) } catch { throw APIProblem.badRequest("query parameter '\(parameter)': \(error)") }
    }

    static func levels(_ text: String) throws -> [Double] {
        guard let levels = IntervalLevel.list(text) else {
            throw APIProblem.badRequest("query parameter 'levels' takes \(IntervalLevel.rule), comma separated, each once; got '\(text)'")
        }
        return levels
    }
}
