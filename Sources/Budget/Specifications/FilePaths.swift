import Foundation

/// Comparing paths as files rather than as text.
public enum FilePaths {
    /// Whether `a` and `b` name the same file: `Models/x.yaml`, `./Models/x.yaml`, `Models//x.yaml` and a
    /// symbolic link to it all do.
    public static func same(_ a: String, _ b: String) -> Bool {
        canonical(a) == canonical(b)
    }

    /// `path` absolute, standardised, with symbolic links resolved.
    public static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
