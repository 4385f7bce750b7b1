import Budget
import Foundation
import Hummingbird
import Store

/// `/v1/series`: the catalog, one series with its vintages, and new observations.
enum SeriesRoutes {
    struct SeriesSummaryBody: Codable {
        let id: String, system: String, metric: String, unit: String, frequency: String
        let observations: Int, firstPeriod: String?, lastPeriod: String?, latestVintage: String?
    }

    struct ObservationBody: Codable, Equatable {
        let period: String
        let value: Double
        let status: String
        let source: String
        let vintage: String
        var note: String? = nil

        enum CodingKeys: String, CodingKey, CaseIterable { case period, value, status, source, vintage, note }
    }

    struct SeriesBody: Codable {
        let series: String, unit: String, frequency: String, asOf: String?, vintages: Bool
        let observations: [ObservationBody]
    }

    struct NewObservations: Codable {
        let observations: [ObservationBody]

        /// The first field of a posted body that it does not define, as a path.
        static func unknownField(_ json: Any) -> String? {
            if let key = Representation.unknownKey(in: json, fields: ["observations"]) { return key }
            let rows = (json as? [String: Any])?["observations"] as? [Any] ?? []
            let fields = Set(ObservationBody.CodingKeys.allCases.map(\.stringValue))
            for (index, row) in rows.enumerated() {
                if let key = Representation.unknownKey(in: row, fields: fields, path: "observations[\(index)]") { return key }
            }
            return nil
        }
    }
    struct Added: Codable { let series: String; let added: Int; let unchanged: Int; let by: String }

    static func add(to router: RouterGroup<APIContext>, _ env: ServiceEnvironment) {
        router.get("series") { request, _ in
            let rows = try await env.store.summaries().map { s in
                SeriesSummaryBody(id: s.definition.id.rawValue, system: s.definition.system, metric: s.definition.metric, unit: s.definition.unit,
                                  frequency: s.definition.frequency, observations: s.observationCount, firstPeriod: s.firstPeriod,
                                  lastPeriod: s.lastPeriod, latestVintage: s.latestVintage)
            }
            return try Representation.table(["series": rows], csv: {
                CSVText.table(header: ["id", "system", "metric", "unit", "frequency", "observations", "first_period", "last_period", "latest_vintage"],
                              rows: rows.map { [$0.id, $0.system, $0.metric, $0.unit, $0.frequency, String($0.observations),
                                                $0.firstPeriod ?? "", $0.lastPeriod ?? "", $0.latestVintage ?? ""] })
            }, request: request)
        }

        router.get("series/:id") { request, context in
            let (id, definition) = try await series(context, env)
            let query = Query(request: request)
            let vintages = try query.boolean("vintages")
            let asOf = try day(query.string("asOf"), parameter: "asOf")
            if vintages && asOf != nil { throw APIProblem.badRequest("give either 'asOf' or 'vintages=true', not both") }
            let observations = vintages ? try await env.store.vintages(of: id) : try await env.store.observations(of: id, asOf: asOf)
            let body = SeriesBody(series: id.rawValue, unit: definition.unit, frequency: definition.frequency, asOf: asOf?.description,
                                  vintages: vintages, observations: observations.map {
                                      ObservationBody(period: $0.period.description, value: $0.value, status: $0.status.rawValue,
                                                      source: $0.source, vintage: $0.vintage.description, note: $0.note)
                                  })
            return try Representation.table(body, csv: {
                CSVText.table(header: ["series", "period", "value", "status", "source", "vintage", "note"],
                              rows: body.observations.map { [id.rawValue, $0.period, "\($0.value)", $0.status, $0.source, $0.vintage, $0.note ?? ""] })
            }, request: request)
        }

        router.post("series/:id/observations") { request, context in
            let token = try await AccessTokens.authorize(request, store: env.store, role: .editor)
            let (id, definition) = try await series(context, env)
            let body = try await Representation.decode(NewObservations.self, from: request, context: context,
                                                        unknownField: NewObservations.unknownField)
            guard !body.observations.isEmpty else { throw APIProblem.unprocessable("observations: the list is empty") }
            guard body.observations.count <= 10_000 else { throw APIProblem.unprocessable("observations: at most 10000 per request") }
            let observations = try body.observations.enumerated().map { index, row in
                try observation(row, index: index, series: id, definition: definition)
            }
            var seen: [String: Int] = [:]
            for (index, o) in observations.enumerated() {
                let key = "\(o.period)|\(o.vintage.knownBy)"
                if let first = seen[key] {
                    throw APIProblem.unprocessable("observations[\(index)]: the same period and vintage as observations[\(first)] (\(o.period), \(o.vintage))")
                }
                seen[key] = index
            }
            let summary = try await env.store.insert(ObservationBatch(
                observations: observations, vintageWasGiven: observations.map { _ in true }, lines: observations.indices.map { $0 + 1 },
                file: "request body"))
            return try Representation.json(Added(series: id.rawValue, added: summary.added, unchanged: summary.unchanged, by: token.id),
                                           status: summary.added > 0 ? .created : .ok)
        }
    }

    /// The series named by the path, or 404.
    static func series(_ context: APIContext, _ env: ServiceEnvironment) async throws -> (SeriesID, SeriesDefinition) {
        let text = try context.parameters.require("id")
        guard let id = SeriesID(text) else { throw APIProblem.badRequest("'\(text)' is not a series id (words of a–z, 0–9 and _ joined by dots)") }
        guard let definition = try await env.store.catalog()[id] else { throw StoreError.unknownSeries(id) }
        return (id, definition)
    }

    /// A day from a query parameter (YYYY-MM-DD).
    static func day(_ text: String?, parameter: String) throws -> CalendarDay? {
        guard let text else { return nil }
        guard let day = CalendarDay(iso: text) else { throw APIProblem.badRequest("query parameter '\(parameter)' must be a day YYYY-MM-DD; got '\(text)'") }
        return day
    }

    /// A checked observation; errors name `observations[i].field`.
    static func observation(_ row: ObservationBody, index: Int, series: SeriesID, definition: SeriesDefinition) throws -> Observation {
        let frequency = definition.frequency
        let field = "observations[\(index)]"
        guard let period = Period(row.period) else { throw APIProblem.unprocessable("\(field).period: '\(row.period)' is not a period (2021, 2021-Q3, 2021-07, 2020-2021)") }
        if let problem = period.inputProblem { throw APIProblem.unprocessable("\(field).period: \(problem)") }
        guard period.frequency == frequency else {
            throw APIProblem.unprocessable("\(field).period: \(series) is \(frequency); '\(row.period)' is \(period.frequency)")
        }
        guard row.value.isFinite, abs(row.value) < DecimalNumber.largestFigure else { throw APIProblem.unprocessable("\(field).value: must be a finite number below \(DecimalNumber.largestFigureText) in size") }
        if definition.isCount && row.value < 0 {
            throw APIProblem.unprocessable("\(field).value: \(series) counts \(definition.unit); \(row.value) is negative")
        }
        guard let status = ObservationStatus(rawValue: row.status) else {
            throw APIProblem.unprocessable("\(field).status: '\(row.status)' is not one of \(ObservationStatus.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        for (name, text) in [("source", row.source), ("note", row.note ?? "")] where ControlCharacters.occur(in: text) {
            throw APIProblem.unprocessable("\(field).\(name): holds a control character, which no field may contain")
        }
        let source = row.source.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !source.isEmpty else { throw APIProblem.unprocessable("\(field).source: every figure needs its source (document and table)") }
        guard let vintage = Vintage(row.vintage) else {
            throw APIProblem.unprocessable("\(field).vintage: '\(row.vintage)' is not a publication date (YYYY, YYYY-MM or YYYY-MM-DD)")
        }
        if let problem = vintage.futureProblem(today: .today()) { throw APIProblem.unprocessable("\(field).vintage: \(problem)") }
        if let problem = Observation.publicationProblem(period: period, status: status, vintage: vintage) {
            throw APIProblem.unprocessable("\(field).vintage: \(problem)")
        }
        return Observation(series: series, period: period, value: row.value, status: status, source: source, vintage: vintage, note: row.note ?? "")
    }
}
