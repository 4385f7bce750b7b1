import Budget
import Forecasting
import Foundation
import Hummingbird
import Metrics
import Store

/// `/v1/models`: the model specifications, their fits, the stored forecast of the latest fit, and the backtest of
/// a specification's evaluation block.
enum ModelRoutes {
    struct FitSummary: Codable { let version: Int; let fittedAt: String; let fitted: String; let lastPeriod: String; let observations: Int }
    struct SpecBody: Codable {
        let name: String, series: String, model: String, horizon: Int, levels: [Double]
        let latestFit: FitSummary?
    }
    struct FitBody: Codable {
        let name: String, series: String, model: String, fitted: String, version: Int, fittedAt: String, asOf: String?
        let lastPeriod: String, observations: Int, parameters: [String: Double], forecast: [Double]
        let previousVersion: Int?
    }
    struct StoredForecast: Codable { let name: String; let series: String; let version: Int; let fitted: String; let firstPeriod: Int; let forecast: [Double] }

    static func add(to router: RouterGroup<APIContext>, _ env: ServiceEnvironment) {
        router.get("models") { _, _ in
            var rows: [SpecBody] = []
            for spec in try specs(env) {
                let fit = try await env.store.latestFit(named: spec.name)
                rows.append(SpecBody(name: spec.name, series: spec.series.rawValue, model: spec.model, horizon: spec.horizon, levels: spec.levels,
                                     latestFit: fit.map { FitSummary(version: $0.version, fittedAt: $0.fittedAt, fitted: $0.fitted,
                                                                     lastPeriod: $0.lastPeriod, observations: $0.observations) }))
            }
            return try Representation.json(["models": rows])
        }

        router.post("models/:name/fit") { request, context in
            _ = try await AccessTokens.authorize(request, store: env.store, role: .editor)
            let spec = try self.spec(context, env)
            try await Representation.requireNoBody(request, context: context, hint: "give the data's date as the query parameter asOf=YYYY-MM-DD")
            let asOf = try SeriesRoutes.day(Query(request: request).string("asOf"), parameter: "asOf")
            let start = ContinuousClock.now
            let results = try await SpecificationFitting.fit([spec], store: env.store, asOf: asOf, executor: env.compute)
            env.forecastCache.remove(spec.name)
            Timer(label: "biennium_fit_duration_seconds", dimensions: [("model", spec.model)]).record(duration: ContinuousClock.now - start)
            guard let result = results.first, let record = result.record else {
                throw APIProblem.unprocessable("\(spec.name): \(results.first?.error ?? "the model could not be fitted")")
            }
            return try Representation.json(FitBody(name: record.name, series: record.series.rawValue, model: record.model, fitted: record.fitted,
                                                   version: record.version, fittedAt: record.fittedAt, asOf: record.asOf,
                                                   lastPeriod: record.lastPeriod, observations: record.observations,
                                                   parameters: record.parameters, forecast: record.forecast,
                                                   previousVersion: result.previous?.version), status: .created)
        }

        router.get("models/:name/backtest") { request, context in
            let spec = try self.spec(context, env)
            let plan: SpecificationBacktest
            do throws(SpecificationBacktest.Refusal) { plan = try SpecificationBacktest(spec) } catch {
                throw APIProblem.unprocessable("\(error); GET /v1/backtests/\(spec.series)?origins=FIRST...LAST names them")
            }
            let named: [any ForecastModel]
            do { named = try ModelCatalog.models(names: plan.modelNames) } catch { throw APIProblem.unprocessable("\(spec.name): \(error)") }
            let (models, baseline) = try BacktestBody.adding(baseline: Query(request: request).string("baseline"), to: named)
            let result = try await plan.run(in: env.store, models: models, executor: env.compute)
            return try Representation.json(BacktestBody(result, baseline: baseline))
        }

        router.get("models/:name/forecast") { _, context in
            let name = try context.parameters.require("name")
            if let body = env.forecastCache.body(for: name) { return Representation.json(body: body) }
            guard let record = try await env.store.latestFit(named: name) else {
                throw APIProblem.notFound("no stored fit named '\(name)'; POST /v1/models/\(name)/fit first")
            }
            let body = try Representation.encode(StoredForecast(name: record.name, series: record.series.rawValue, version: record.version,
                                                                fitted: record.fitted, firstPeriod: (Int(record.lastPeriod) ?? 0) + 1,
                                                                forecast: record.forecast))
            env.forecastCache.store(body, for: name)
            return Representation.json(body: body)
        }
    }

    static func specs(_ env: ServiceEnvironment) throws -> [ModelSpec] {
        try ModelSpec.load([env.modelsFolder])
    }

    static func spec(_ context: APIContext, _ env: ServiceEnvironment) throws -> ModelSpec {
        let name = try context.parameters.require("name")
        let all = try specs(env)
        guard let spec = all.first(where: { $0.name == name }) else {
            throw APIProblem.notFound("no model specification named '\(name)'; known: \(all.map(\.name).joined(separator: ", "))")
        }
        return spec
    }
}
