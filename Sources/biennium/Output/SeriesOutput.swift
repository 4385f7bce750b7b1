import Budget
import Foundation
import Store

/// Renders stored series as tables, JSON documents or CSV.
enum SeriesOutput {
    struct ObservationRow: Encodable {
        let period: String
        let value: Double
        let status: String
        let source: String
        let vintage: String
        let note: String
    }

    struct SeriesDocument: Encodable {
        let series: String
        let system: String
        let metric: String
        let unit: String
        let frequency: String
        let definition: String
        let derivation: String
        let asOf: String?
        let vintages: Bool
        let observations: [ObservationRow]
    }

    struct ListRow: Encodable {
        let series: String
        let unit: String
        let frequency: String
        let observations: Int
        let firstPeriod: String?
        let lastPeriod: String?
        let latestVintage: String?
        let definition: String
    }

    static func show(_ definition: SeriesDefinition, _ observations: [Observation], asOf: CalendarDay?, allVintages: Bool,
                     format: OutputFormat) throws -> String {
        let rows = observations.map {
            ObservationRow(period: $0.period.description, value: $0.value, status: $0.status.rawValue, source: $0.source,
                           vintage: $0.vintage.text, note: $0.note)
        }
        switch format {
        case .json:
            return try JSONOutput.encode(SeriesDocument(series: definition.id.rawValue, system: definition.system, metric: definition.metric,
                                                        unit: definition.unit, frequency: definition.frequency,
                                                        definition: definition.definition, derivation: definition.derivation,
                                                        asOf: asOf?.description, vintages: allVintages, observations: rows))
        case .csv:
            return (["series,period,value,status,source,vintage,note"] + rows.map {
                [definition.id.rawValue, $0.period, number($0.value), $0.status, $0.source, $0.vintage, $0.note].map(csvField).joined(separator: ",")
            }).joined(separator: "\n")
        case .table:
            var lines = ["\(definition.id) — \(definition.metric) (\(definition.unit), \(definition.frequency))",
                         allVintages ? "Every vintage of every period" : "As known on \(asOf?.description ?? "today") (latest vintage per period)", ""]
            let table = [["period", "value", "status", "vintage", "source"]] + rows.map {
                [$0.period, number($0.value), $0.status, $0.vintage, $0.source]
            }
            lines += TextTable.render(table, rightAligned: [1])
            if rows.isEmpty { lines.append("(no observations\(asOf == nil ? "" : " known by then"))") }
            return lines.joined(separator: "\n")
        }
    }

    static func list(_ summaries: [SeriesSummary], format: OutputFormat) throws -> String {
        let rows = summaries.map {
            ListRow(series: $0.definition.id.rawValue, unit: $0.definition.unit, frequency: $0.definition.frequency,
                    observations: $0.observationCount, firstPeriod: $0.firstPeriod, lastPeriod: $0.lastPeriod,
                    latestVintage: $0.latestVintage, definition: $0.definition.definition)
        }
        switch format {
        case .json:
            return try JSONOutput.encode(["series": rows])
        case .csv:
            return (["series,unit,frequency,observations,first_period,last_period,latest_vintage"] + rows.map {
                [$0.series, $0.unit, $0.frequency, "\($0.observations)", $0.firstPeriod ?? "", $0.lastPeriod ?? "", $0.latestVintage ?? ""]
                    .map(csvField).joined(separator: ",")
            }).joined(separator: "\n")
        case .table:
            let table = [["series", "unit", "frequency", "obs", "periods", "latest vintage"]] + rows.map { (row: ListRow) -> [String] in
                let periods = row.firstPeriod.map { first in "\(first)…\(row.lastPeriod ?? first)" } ?? ""
                return [row.series, row.unit, row.frequency, "\(row.observations)", periods, row.latestVintage ?? ""]
            }
            return TextTable.render(table, rightAligned: [3]).joined(separator: "\n")
        }
    }

    /// A value as published: integers without a decimal point, others in shortest round-trip form.
    static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }

    /// RFC 4180 quoting where needed.
    static func csvField(_ text: String) -> String { CSVText.field(text) }
}
