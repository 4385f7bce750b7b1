/// An observation file in the long import format, validated row by row.
///
/// Header: at least `series,period,value,status,source`; optional `vintage` (ISO date, `YYYY-MM` or a year;
/// missing means the import day), `note`, and `unit`, which must then be the catalog's unit of each row's
/// series (a figure in thousands where the catalog counts millions would be off by 1,000). Any other column is
/// refused (a misspelt `notes` would otherwise be dropped without a word), and any invalid row rejects the
/// whole file with `file:line: reason`.
struct ObservationFile {
    static let required = ["series", "period", "value", "status", "source"]
    static let optional = ["vintage", "note", "unit"]

    /// Whether a header is an observation file's.
    static func matches(_ header: [String]) -> Bool { required.allSatisfy(header.contains) }

    let batch: ObservationBatch

    /// - Parameters:
    ///   - catalog: the series known, with their units and frequencies.
    ///   - today: the vintage of rows without one.
    init(_ file: CSVFile, catalog: [SeriesID: SeriesDefinition], today: CalendarDay) throws(StoreError) {
        let columns = try file.columns(Self.required)
        if let unknown = file.header.first(where: { !Self.required.contains($0) && !Self.optional.contains($0) }) {
            throw .invalidRow(file: file.path, line: 1, reason: "unknown column '\(unknown)'; an observation file has "
                              + (Self.required + Self.optional).joined(separator: ",") + " (the last three optional)")
        }
        let vintageColumn = file.header.firstIndex(of: "vintage")
        let noteColumn = file.header.firstIndex(of: "note")
        let unitColumn = file.header.firstIndex(of: "unit")
        guard !file.rows.isEmpty else { throw .invalidFile(file: file.path, reason: "has a header but no observations") }
        var observations: [Observation] = []
        var given: [Bool] = []
        var lines: [Int] = []
        var firstLine: [String: Int] = [:]
        // Periods and vintages repeat across rows: parse each distinct text once.
        var periods: [String: Period] = [:]
        var vintages: [String: Vintage] = [:]
        var seriesIDs: [String: SeriesID] = [:]
        observations.reserveCapacity(file.rows.count)
        for (line, fields) in file.rows {
            func fail(_ reason: String) -> StoreError { .invalidRow(file: file.path, line: line, reason: reason) }
            guard fields.count == file.header.count else {
                throw fail("expected \(file.header.count) fields as in the header, found \(fields.count)")
            }
            let seriesText = fields[columns["series"]!]
            guard let series = seriesIDs[seriesText] ?? SeriesID(seriesText) else { throw fail("'\(seriesText)' is not a series id (such as pct.applications)") }
            seriesIDs[seriesText] = series
            guard let definition = catalog[series] else {
                throw fail("unknown series '\(series)'; add it to the catalog (catalog.csv) first")
            }
            if let unitColumn, !fields[unitColumn].isEmpty, fields[unitColumn] != definition.unit {
                throw fail("unit '\(fields[unitColumn])' is not the catalog's unit of \(series), '\(definition.unit)'; convert the value or fix the catalog")
            }
            let periodText = fields[columns["period"]!]
            guard let period = periods[periodText] ?? Period(periodText) else {
                throw fail("period '\(periodText)' does not parse; write 2020, 2020-Q3, 2020-07 or 2020-2021")
            }
            periods[periodText] = period
            if let problem = period.inputProblem { throw fail(problem) }
            guard period.frequency == definition.frequency else {
                throw fail("period '\(periodText)' is \(period.frequency) but \(series) is \(definition.frequency)")
            }
            let valueText = fields[columns["value"]!]
            guard let value = DecimalNumber.parse(valueText) else {
                throw fail(valueText.isEmpty ? "value is missing (leave gaps out of the file rather than empty)" : "value '\(valueText)' is not a decimal number")
            }
            guard abs(value) < DecimalNumber.largestFigure else {
                throw fail("value \(valueText) is \(DecimalNumber.largestFigureText) or more in size; no figure of the organisation is that large (a unit or exponent mistake?)")
            }
            if definition.isCount && value < 0 {
                throw fail("value \(valueText) is negative, but \(series) counts \(definition.unit)")
            }
            let statusText = fields[columns["status"]!]
            guard let status = ObservationStatus(rawValue: statusText) else {
                throw fail("status '\(statusText)' is not one of reported, estimate, revised, derived")
            }
            let source = fields[columns["source"]!]
            guard !source.isEmpty else { throw fail("source is empty; every figure needs its document and table") }
            var vintage = Vintage(day: today)
            var vintageGiven = false
            if let vintageColumn, !fields[vintageColumn].isEmpty {
                let parsed: Vintage
                if let known = vintages[fields[vintageColumn]] { parsed = known } else {
                    guard let fresh = Vintage(fields[vintageColumn]) else {
                        throw fail("vintage '\(fields[vintageColumn])' is not a date (2021-04-15), a month (2021-04) or a year (2021)")
                    }
                    if let problem = fresh.futureProblem(today: today) { throw fail(problem) }
                    vintages[fields[vintageColumn]] = fresh
                    parsed = fresh
                }
                vintage = parsed
                vintageGiven = true
            }
            // A row without a vintage is known from the import day, which its period must have ended by as well.
            if let problem = Observation.publicationProblem(period: period, status: status, vintage: vintage) {
                throw fail(problem)
            }
            let key = seriesText + "|" + period.description + "|" + vintage.knownBy.description
            if let earlier = firstLine[key] {
                throw fail("\(series) \(period) vintage \(vintage) appears twice in the file (also line \(earlier))")
            }
            firstLine[key] = line
            observations.append(Observation(series: series, period: period, value: value, status: status, source: source,
                                            vintage: vintage, note: noteColumn.map { fields[$0] } ?? ""))
            given.append(vintageGiven)
            lines.append(line)
        }
        batch = ObservationBatch(observations: observations, vintageWasGiven: given, lines: lines, file: file.path)
    }
}
