import CLapack

/// What the linked BLAS says about itself, for benchmark reports.
public enum BLASInfo {
    /// OpenBLAS's build configuration (version, target core, threading), e.g. `OpenBLAS 0.3.21 DYNAMIC_ARCH …`.
    public static var configuration: String {
        guard let text = openblas_get_config() else { return "unknown" }
        return String(cString: text) + " (core: " + (openblas_get_corename().map { String(cString: $0) } ?? "?") + ")"
    }

    /// Threads OpenBLAS uses.
    public static var threads: Int { Int(openblas_get_num_threads()) }

    /// Sets the number of OpenBLAS threads (1 when many small fits run in parallel).
    public static func setThreads(_ count: Int) {
        openblas_set_num_threads(Int32(clamping: count))
    }
}
