/// The models the command line and the service can name.
public enum ModelCatalog {
    /// Names accepted by `--model` / `--models`.
    public static let names = ["naive", "drift", "mean", "ets", "etsw", "arima", "theta", "otheta", "dstheta", "dotheta", "combo", "wcombo", "auto"]

    /// The members of `combo` and `auto`: one method from each family.
    static var combinationMembers: [any ForecastModel] { [AkaikeWeightedETS(), Theta(.dynamicOptimized), BenchmarkModel(.drift)] }

    /// The model for a name. `ets` selects one ETS model by AICc; `etsw` averages all of them with Akaike weights.
    /// `combo` is the equal-weight combination of one method from each family — the Akaike-weighted ETS,
    /// the dynamic optimised Theta model and the random walk with drift; `wcombo` (and `auto`) weights the same
    /// members by their inverse mean squared error on the last three observations and calibrates its intervals
    /// on them — Biennium's most accurate method on the M3 yearly series, within 0.7% (MASE) of the best on M1
    /// (drift) and 0.9% on Tourism (the optimised Theta model) (ACCURACY.md).
    /// `combo:a+b+…` names other members; `ets:AAdN` fixes an ETS specification; `calibrated:MODEL` calibrates
    /// a model's intervals on the series' last three years (``Calibrated``).
    public static func model(named name: String) throws(ForecastingError) -> any ForecastModel {
        switch name {
        case "naive": return BenchmarkModel(.naive)
        case "drift": return BenchmarkModel(.drift)
        case "mean": return BenchmarkModel(.mean)
        case "ets": return ETS()
        case "etsw": return AkaikeWeightedETS()
        case "arima": return ARIMA()
        case "theta": return Theta(.standard)
        case "otheta": return Theta(.optimized)
        case "dstheta": return Theta(.dynamic)
        case "dotheta": return Theta(.dynamicOptimized)
        case "combo": return Combination(combinationMembers, name: name)
        case "wcombo", "auto": return Combination(combinationMembers, weighting: .validation(periods: 3), name: name)
        default:
            if name.hasPrefix("calibrated:") {
                // Any model but a calibrated one (auto and wcombo are calibrated already).
                let inner = String(name.dropFirst(11))
                let usage = ["calibrated:MODEL with MODEL any model not calibrated already (not auto, wcombo, calibrated:…), e.g. calibrated:ets"]
                guard !inner.isEmpty, !["auto", "wcombo"].contains(inner), !inner.hasPrefix("calibrated:") else {
                    throw .unknownModel(name, known: usage)
                }
                do { return Calibrated(try model(named: inner)) } catch {
                    if case .unknownModel(_, let known) = error { throw .unknownModel(name, known: usage + known) }
                    throw error
                }
            }
            if name.hasPrefix("ets:"), let spec = ETSSpec(String(name.dropFirst(4))) { return ETS(spec) }
            if name.hasPrefix("arima:") {
                // arima:PDQ, three digits (commas would clash with comma-separated model lists).
                let parts = name.dropFirst(6).compactMap { $0.wholeNumberValue }
                guard name.count == 9, parts.count == 3, parts[0] <= 5, parts[1] <= 2, parts[2] <= 5 else {
                    throw .unknownModel(name, known: ["arima:PDQ with P, Q ≤ 5 and D ≤ 2, e.g. arima:110 for ARIMA(1,1,0)"])
                }
                return ARIMA(order: ARIMAOrder(parts[0], parts[1], parts[2]))
            }
            if name.hasPrefix("combo:") {
                // An equal-weight combination of named members: combo:ets+dotheta+drift.
                let members = name.dropFirst(6).split(separator: "+", omittingEmptySubsequences: false).map(String.init)
                guard members.count >= 2, Set(members).count == members.count,
                      !members.contains(where: { $0.isEmpty || $0.hasPrefix("combo") || $0.hasPrefix("calibrated") || ["auto", "wcombo"].contains($0) }) else {
                    throw .unknownModel(name, known: ["combo:MEMBER+MEMBER[+…] of two or more different models that are not combinations or calibrated (not combo…, auto, wcombo, calibrated:…), e.g. combo:ets+dotheta+drift"])
                }
                var models: [any ForecastModel] = []
                for member in members { models.append(try model(named: member)) }
                return Combination(models, name: name)
            }
            throw .unknownModel(name, known: names + ["ets:ANN", "ets:AAdN", "…"])
        }
    }

    /// The models of a comma-separated list (`ets, theta,drift`), each once, in the order first named; names are
    /// trimmed of spaces, and an empty one (two commas, or a comma at an end) is an error, not skipped.
    /// - Throws: ``ForecastingError/unknownModel(_:known:)`` (or the catalog's error) for the first bad name.
    public static func models(list: String) throws(ForecastingError) -> [any ForecastModel] {
        try models(names: nameList(list))
    }

    /// The models of `names`, in order, each once.
    public static func models(names: [String]) throws(ForecastingError) -> [any ForecastModel] {
        var models: [any ForecastModel] = []
        for name in names {
            let model = try self.model(named: name)
            if !models.contains(where: { $0.name == model.name }) { models.append(model) }
        }
        return models
    }

    /// The names of a comma-separated list such as `ets,arima`, spaces around each trimmed; an empty item (two
    /// commas, or a comma at an end) stays an empty name, for its caller to refuse. A blank list has no names.
    public static func nameList(_ list: String) -> [String] {
        guard !list.trimmingCharacters(in: .whitespaces).isEmpty else { return [] }
        return list.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespaces) }
    }
}
