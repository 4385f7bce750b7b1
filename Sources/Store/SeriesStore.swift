/// What one import changes: counts per outcome.
public struct ImportSummary: Sendable, Equatable {
    /// New observations (new periods or new vintages).
    public var added = 0
    /// Observations already stored with the same value: importing a file twice changes nothing.
    public var unchanged = 0

    /// A summary with the given counts of added and unchanged observations (each ≥ 0; both default to 0).
    public init(added: Int = 0, unchanged: Int = 0) {
        self.added = added
        self.unchanged = unchanged
    }
}

/// The series store: a catalog of series and their observations, every vintage kept.
///
/// Two backends implement it: ``SQLiteStore`` (embedded, the default) and ``PostgresStore`` (shared). Writes
/// are transactions: an import either lands whole or not at all. Reads take an optional as-of day and then
/// return, per period, the latest vintage known by that day.
///
/// ## Topics
/// - ``SQLiteStore``
/// - ``PostgresStore``
/// - ``StoreLocation``
public protocol SeriesStore: Sendable {
    /// Adds or updates catalog entries; returns how many changed.
    func upsert(_ definitions: [SeriesDefinition]) async throws -> Int
    /// The catalog.
    func catalog() async throws -> [SeriesID: SeriesDefinition]
    /// Stores observations in one transaction.
    ///
    /// An observation whose (series, period, vintage) is stored with the same value counts as unchanged;
    /// with a different value the whole batch is refused (`StoreError.invalidRow`, naming `lines[i]` of
    /// `file`). Observations marked `vintageWasGiven == false` are skipped as unchanged when the latest
    /// stored vintage of their period holds the same value, status and source.
    func insert(_ batch: ObservationBatch) async throws -> ImportSummary
    /// Every series with counts.
    func summaries() async throws -> [SeriesSummary]
    /// One observation per period: the latest vintage known by `asOf` (or the latest of all), period order.
    func observations(of series: SeriesID, asOf: CalendarDay?) async throws -> [Observation]
    /// Every vintage of every period, in period then vintage order.
    func vintages(of series: SeriesID) async throws -> [Observation]
    /// Stores a fit as the next version of its specification (atomically: concurrent refits of one
    /// specification get distinct versions) and returns it with its version.
    func saveFit(_ record: FitRecord) async throws -> FitRecord
    /// The latest stored fit of a specification, if any.
    func latestFit(named name: String) async throws -> FitRecord?
    /// Stores a new access token (its hash only).
    func createToken(_ token: AccessToken) async throws
    /// Every token, revoked ones included, oldest first.
    func tokens() async throws -> [AccessToken]
    /// The unrevoked token with this id, if any (the caller compares the secret's hash in constant time).
    func activeToken(id: String) async throws -> AccessToken?
    /// Marks a token revoked; `false` if no unrevoked token has this id.
    func revokeToken(id: String, at: String) async throws -> Bool
    /// Saves a scenario's YAML as its next version and returns the stored record.
    func saveScenario(name: String, yaml: String, savedAt: String) async throws -> StoredScenario
    /// The latest version of every stored scenario, by name.
    func scenarios() async throws -> [StoredScenario]
    /// Removes every version of the scenario stored as `name`; returns how many there were (0: none).
    func deleteScenario(name: String) async throws -> Int
    /// Closes the store's connections (SQLite pool or PostgreSQL client); the store is unusable afterwards.
    func close() async throws
}

/// Observations to insert together, with where they came from (for error messages).
public struct ObservationBatch: Sendable {
    /// The observations to store, in file (or request) order.
    public var observations: [Observation]
    /// Whether each observation's vintage came from the file (false: it is the import day).
    public var vintageWasGiven: [Bool]
    /// The file line of each observation.
    public var lines: [Int]
    /// Where the observations came from, as errors name it: the file's path, or `request body` for the API.
    public var file: String

    /// A batch; `vintageWasGiven` and `lines` must have one entry per observation, in the same order.
    public init(observations: [Observation], vintageWasGiven: [Bool], lines: [Int], file: String) {
        self.observations = observations
        self.vintageWasGiven = vintageWasGiven
        self.lines = lines
        self.file = file
    }
}

/// The insert decision shared by both backends: given what is stored for the batch's keys, which rows
/// are new, which unchanged, and which conflict.
struct InsertPlan {
    /// A stored observation's identity and content.
    struct Stored {
        let value: Double
        let status: String
        let source: String
        let knownBy: String
    }

    var toInsert: [Int] = []
    var summary = ImportSummary()

    /// - Parameters:
    ///   - existing: stored rows by `series|period`, each list in vintage order.
    init(batch: ObservationBatch, existing: [String: [Stored]]) throws(StoreError) {
        for (index, observation) in batch.observations.enumerated() {
            let key = "\(observation.series)|\(observation.period)"
            let stored = existing[key] ?? []
            let knownBy = observation.vintage.knownBy.description
            if let same = stored.first(where: { $0.knownBy == knownBy }) {
                if same.value == observation.value {
                    summary.unchanged += 1
                    continue
                }
                throw .invalidRow(file: batch.file, line: batch.lines[index],
                                  reason: "\(observation.series) \(observation.period) vintage \(observation.vintage): value \(observation.value) conflicts with the stored \(same.value) of the same vintage; give the revision its own vintage date")
            }
            if !batch.vintageWasGiven[index], let latest = stored.max(by: { $0.knownBy < $1.knownBy }),
               latest.value == observation.value, latest.status == observation.status.rawValue,
               latest.source == observation.source {
                summary.unchanged += 1
                continue
            }
            toInsert.append(index)
            summary.added += 1
        }
    }
}
