/// Why a store operation failed. Every case says what to do, and file errors name the file and line.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// A row of an import file is invalid; the whole file was rejected and the store is unchanged.
    case invalidRow(file: String, line: Int, reason: String)
    /// An import file as a whole cannot be used.
    case invalidFile(file: String, reason: String)
    /// A series id the catalog does not know.
    case unknownSeries(SeriesID)
    /// The database is locked by another writer beyond the wait.
    case busy(String)
    /// The database URL or path cannot be used.
    case badLocation(String)
    /// The database refused an operation.
    case database(String)
    /// The store holds no series yet (named by its location).
    case emptyStore(String)

    public var description: String {
        switch self {
        case .invalidRow(let file, let line, let reason): return "\(file):\(line): \(reason)"
        case .invalidFile(let file, let reason): return "\(file): \(reason)"
        case .unknownSeries(let id): return "unknown series '\(id)'; 'biennium series list' shows the catalog"
        case .busy(let detail): return "database is busy (another process is writing); nothing was changed — retry in a moment (\(detail))"
        case .badLocation(let detail): return detail
        case .database(let detail): return "database error: \(detail)"
        case .emptyStore(let location): return "the store at \(location) holds no series yet; import them first: biennium import Datasets/"
        }
    }
}
