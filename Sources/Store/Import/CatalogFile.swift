/// A catalog file: one series a line, `id,system,metric,unit,frequency,definition[,derivation,source_choice]`.
struct CatalogFile {
    static let required = ["id", "system", "metric", "unit", "frequency", "definition"]
    static let frequencies: Set<String> = ["annual", "quarterly", "monthly", "biennial"]

    static func matches(_ header: [String]) -> Bool { required.allSatisfy(header.contains) }

    let definitions: [SeriesDefinition]
    /// The file line of each definition.
    let lines: [SeriesID: Int]

    init(_ file: CSVFile) throws(StoreError) {
        let columns = try file.columns(Self.required)
        let derivation = file.header.firstIndex(of: "derivation")
        let choice = file.header.firstIndex(of: "source_choice")
        var seen: [SeriesID: Int] = [:]
        var definitions: [SeriesDefinition] = []
        for (line, fields) in file.rows {
            func fail(_ reason: String) -> StoreError { .invalidRow(file: file.path, line: line, reason: reason) }
            guard fields.count == file.header.count else {
                throw fail("expected \(file.header.count) fields as in the header, found \(fields.count)")
            }
            let idText = fields[columns["id"]!]
            guard let id = SeriesID(idText) else { throw fail("'\(idText)' is not a series id (lower-case words joined by dots)") }
            if let earlier = seen[id] { throw fail("series '\(id)' is defined twice (also line \(earlier))") }
            seen[id] = line
            let frequency = fields[columns["frequency"]!]
            guard Self.frequencies.contains(frequency) else {
                throw fail("frequency '\(frequency)' is not one of annual, quarterly, monthly, biennial")
            }
            for name in ["system", "metric", "unit", "definition"] where fields[columns[name]!].isEmpty {
                throw fail("\(name) is empty")
            }
            definitions.append(SeriesDefinition(id: id, system: fields[columns["system"]!], metric: fields[columns["metric"]!],
                                                unit: fields[columns["unit"]!], frequency: frequency,
                                                definition: fields[columns["definition"]!],
                                                derivation: derivation.map { fields[$0] } ?? "",
                                                sourceChoice: choice.map { fields[$0] } ?? ""))
        }
        guard !definitions.isEmpty else { throw .invalidFile(file: file.path, reason: "has a header but no series") }
        self.definitions = definitions
        self.lines = seen
    }

    /// Refuses a definition that would change the unit or frequency of a series with stored observations: the
    /// stored figures were checked against, and mean, the old ones (a count relabelled as money, annual periods
    /// read as monthly). Other fields (the wording of the definition, the derivation) may change.
    func checkMeaningKept(stored summaries: [SeriesSummary], file: String) throws(StoreError) {
        let stored = Dictionary(summaries.map { ($0.definition.id, $0) }, uniquingKeysWith: { a, _ in a })
        for definition in definitions {
            guard let old = stored[definition.id], old.observationCount > 0 else { continue }
            for (field, was, now) in [("unit", old.definition.unit, definition.unit), ("frequency", old.definition.frequency, definition.frequency)]
            where was != now {
                throw .invalidRow(file: file, line: lines[definition.id] ?? 1, reason:
                    "\(definition.id) has \(old.observationCount) stored observations in \(field) '\(was)'; changing it to '\(now)' would relabel them. "
                    + "Define a new series id for the new \(field)")
            }
        }
    }
}
