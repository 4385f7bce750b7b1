/// The models the command line and the service can name.
public enum ModelCatalog {
    /// Names accepted by `--model` / `--models`.
    public static let names = ["naive", "drift", "mean", "ets", "theta", "otheta", "combo", "auto"]

    /// The model for a name. `auto` is the combination, Biennium's most accurate method on the M3 yearly
    /// series (ACCURACY.md); `ets:AAdN` fixes an ETS specification.
    public static func model(named name: String) throws(ForecastingError) -> any ForecastModel {
        switch name {
        case "naive": return BenchmarkModel(.naive)
        case "drift": return BenchmarkModel(.drift)
        case "mean": return BenchmarkModel(.mean)
        case "ets": return ETS()
        case "theta": return Theta(.standard)
        case "otheta": return Theta(.optimized)
        case "combo", "auto": return Combination([ETS(), Theta(.standard), BenchmarkModel(.drift)], name: name)
        default:
            if name.hasPrefix("ets:"), let spec = ETSSpec(String(name.dropFirst(4))) { return ETS(spec) }
            throw .unknownModel(name, known: names + ["ets:ANN", "ets:AAdN", "…"])
        }
    }
}
