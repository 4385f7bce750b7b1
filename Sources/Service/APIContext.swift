public import Hummingbird

/// The request context of every route: Hummingbird's core storage, and the body limit.
public struct APIContext: RequestContext {
    /// Hummingbird's per-request storage (logger, route parameters, endpoint path), as `RequestContext` requires.
    public var coreContext: CoreRequestContextStorage

    /// The context of one request, as Hummingbird creates it.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// Request bodies above 1 MiB are refused with 413 before they are read in full.
    public var maxUploadSize: Int { Self.maximumBodyBytes }

    /// The body limit: 1 MiB.
    public static let maximumBodyBytes = 1 << 20
}
