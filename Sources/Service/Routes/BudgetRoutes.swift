import Budget
import Forecasting
import Foundation
import Hummingbird
import Store

/// `/v1/budgets`: the bienniums with budget figures and the projection-versus-budget comparison.
enum BudgetRoutes {
    struct BienniumBody: Codable { let biennium: String; let path: String }

    static func add(to router: RouterGroup<APIContext>, _ env: ServiceEnvironment) {
        router.get("budgets") { _, _ in
            let bienniums = try await BudgetData.bienniums(in: env.store)
            return try Representation.json(["budgets": bienniums.map {
                BienniumBody(biennium: $0.description, path: "/v1/budgets/\($0.firstYear)-\(String($0.firstYear + 1).suffix(2))/comparison")
            }])
        }

        router.get("budgets/:biennium/comparison") { request, context in
            let text = try context.parameters.require("biennium")
            guard let biennium = Biennium(text) else { throw APIProblem.badRequest("'\(text)' is not a biennium: write \(Biennium.syntax.replacingOccurrences(of: "/", with: "-"))") }
            let query = Query(request: request)
            let paths = try query.integer("paths", default: 10_000, range: BudgetProjection.minimumPaths...200_000)
            let seed = try query.integer("seed", default: 20_201_231, range: 0...Int.max)
            let asOf = try SeriesRoutes.day(query.string("asOf"), parameter: "asOf")
            let list = query.string("scenarios") ?? "base,low,high"
            let names = ModelCatalog.nameList(list)
            guard !names.contains("") else {
                throw APIProblem.badRequest("query parameter 'scenarios' has an empty name in '\(list)' (two commas, or a comma at an end)")
            }
            guard (1...10).contains(names.count) else { throw APIProblem.badRequest("query parameter 'scenarios' names 1 to 10 scenarios") }
            let library = try await ScenarioCatalog(env: env).library()
            var scenarios: [Scenario] = []
            for name in names {
                guard !scenarios.contains(where: { $0.name == name }) else { throw APIProblem.badRequest("scenario '\(name)' is named twice") }
                let origin: ScenarioLibrary.Origin
                do { origin = try ScenarioCatalog.origin(name, in: library) } catch let problem as APIProblem {
                    throw APIProblem.badRequest("query parameter 'scenarios': \(problem.detail)")
                }
                scenarios.append(try ScenarioCatalog.read(name, from: origin, in: library, logger: env.logger).scenario)
            }
            let models = try await SpecModels.lineModels(try ModelRoutes.specs(env), store: env.store, asOf: asOf)
            let data = try await BudgetData.load(from: env.store, biennium: biennium, asOf: asOf)
            let chosen = scenarios
            let comparison = try await env.compute.run {
                try BudgetProjection(data: data, scenarios: chosen, models: models).compare(paths: paths, seed: UInt64(seed))
            }
            return try Representation.table(comparison, csv: { comparison.csv }, request: request)
        }
    }
}
