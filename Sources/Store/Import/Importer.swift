import Foundation

/// Imports catalog and observation files (or folders of them) into a store.
///
/// Catalogs are read first, so observation files may use series they define. Each file is one transaction:
/// a file with any invalid row changes nothing, and the files before it stay imported. Inside folders,
/// CSV files that are neither catalogs nor observation files (the budget tables) are skipped and listed.
public struct Importer: Sendable {
    /// The outcome for one file.
    public enum FileOutcome: Sendable {
        /// A catalog file was imported: `series` entries read, `changed` of them new or different.
        case catalog(series: Int, changed: Int)
        /// An observation file was imported; the summary counts added and unchanged observations.
        case observations(ImportSummary)
        /// A CSV file found in a folder that is neither a catalog nor an observation file; nothing was read.
        case skipped(reason: String)
        /// The file was rejected and changed nothing; the error names the file and, for a row, its line.
        case failed(StoreError)
        /// The file is valid and its observations are being written (one transaction).
        case writing(count: Int)
    }

    let store: any SeriesStore
    let today: CalendarDay

    /// An importer writing into `store`.
    /// - Parameter today: The vintage given to rows without one (default: today in UTC).
    public init(store: any SeriesStore, today: CalendarDay = .today()) {
        self.store = store
        self.today = today
    }

    /// The CSV files named or found (recursively, sorted) under the paths; `nil` entries are paths that exist
    /// as neither file nor folder, reported as failures.
    public static func files(in paths: [String]) -> [(path: String, explicit: Bool)] {
        var result: [(String, Bool)] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                let enumerator = FileManager.default.enumerator(atPath: path)
                var found: [String] = []
                while let relative = enumerator?.nextObject() as? String {
                    if relative.hasSuffix(".csv") { found.append((path as NSString).appendingPathComponent(relative)) }
                }
                result += found.sorted().map { ($0, false) }
            } else {
                result.append((path, true))
            }
        }
        return result
    }

    /// Whether a file is read as a catalog: a complete catalog header, or, for a file named explicitly, an
    /// `id` column without a `series` one (so that a missing catalog column is reported as such).
    static func isCatalog(_ file: CSVFile, explicit: Bool) -> Bool {
        CatalogFile.matches(file.header) || (explicit && file.header.contains("id") && !file.header.contains("series"))
    }

    /// Imports `paths` (files or folders). `progress` is called after each file.
    public func run(_ paths: [String], progress: (String, FileOutcome) -> Void) async throws {
        let files = Self.files(in: paths)
        var parsed: [(path: String, explicit: Bool, file: CSVFile?, error: StoreError?)] = []
        for (path, explicit) in files {
            do { parsed.append((path, explicit, try CSVFile(path: path), nil)) } catch { parsed.append((path, explicit, nil, error)) }
        }
        // Catalogs first.
        for entry in parsed {
            guard let file = entry.file, Self.isCatalog(file, explicit: entry.explicit) else { continue }
            do {
                let catalog = try CatalogFile(file)
                try catalog.checkMeaningKept(stored: try await store.summaries(), file: entry.path)
                let changed = try await store.upsert(catalog.definitions)
                progress(entry.path, .catalog(series: catalog.definitions.count, changed: changed))
            } catch let error as StoreError {
                progress(entry.path, .failed(error))
            }
        }
        let catalog = try await store.catalog()
        for entry in parsed {
            if let error = entry.error {
                progress(entry.path, .failed(error))
                continue
            }
            guard let file = entry.file, !Self.isCatalog(file, explicit: entry.explicit) else { continue }
            // A file named explicitly that has a `series` column is read as observations, so a missing column
            // is reported as such; inside folders only complete observation headers are imported.
            guard ObservationFile.matches(file.header) || (entry.explicit && file.header.contains("series")) else {
                if entry.explicit {
                    progress(entry.path, .failed(.invalidRow(file: entry.path, line: 1, reason:
                        "neither an observation file (series,period,value,status,source[,vintage,note]) nor a catalog (id,system,metric,unit,frequency,definition)")))
                } else {
                    progress(entry.path, .skipped(reason: "neither an observation file nor a catalog"))
                }
                continue
            }
            do {
                let observations = try ObservationFile(file, catalog: catalog, today: today)
                progress(entry.path, .writing(count: observations.batch.observations.count))
                progress(entry.path, .observations(try await store.insert(observations.batch)))
            } catch let error as StoreError {
                progress(entry.path, .failed(error))
            }
        }
    }
}
