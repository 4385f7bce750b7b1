public import Store

/// What the store knows about one budget line on a date: its unit, its budget for the biennium (if any) and
/// its annual actuals.
public struct LineData: Sendable {
    /// The line's definition in the layout: actuals series, budget series, kind and projection rule.
    public let definition: BudgetLineDefinition
    /// The unit of the line's series from the catalog (e.g. `applications`, `million CHF`).
    public let unit: String
    /// The budget figure for the biennium, in `unit`; `nil` when the store has none (the line is then only
    /// a driver of other lines).
    public let budget: Double?
    /// Where the budget figure was published.
    public let budgetSource: String?
    /// Annual actuals known on the date, by year (latest vintage known then).
    public let history: [Int: Double]
}

/// The inputs of a biennium's comparison, read from the store as known on a date: the budget figures and the
/// annual actuals of every line of the layout.
///
/// Budget figures are the approved plan and are read at their latest vintage whatever the date (WO/PBC/32/2
/// reprints the 2020/21 estimates approved in 2019); actuals and model histories are read as known on the date,
/// so a comparison `asOf` a past day sees only what had been published by then.
public struct BudgetData: Sendable {
    /// The biennium compared.
    public let biennium: Biennium
    /// The day actuals are read as known on; `nil` for everything stored.
    public let asOf: CalendarDay?
    /// The layout's lines whose series is in the catalog, in layout order.
    public let lines: [LineData]
    /// The unit costs' units and annual actuals known on the date.
    public let unitCosts: [(definition: UnitCostDefinition, unit: String, history: [Int: Double])]

    /// Data assembled by hand (tests, backtests); ``load(from:biennium:asOf:layout:)`` reads it from a store.
    public init(biennium: Biennium, asOf: CalendarDay?, lines: [LineData],
                unitCosts: [(definition: UnitCostDefinition, unit: String, history: [Int: Double])] = []) {
        self.biennium = biennium
        self.asOf = asOf
        self.lines = lines
        self.unitCosts = unitCosts
    }

    /// The line whose actuals are the series `id`.
    public func line(_ id: SeriesID) -> LineData? { lines.first { $0.definition.id == id } }

    /// Reads the layout's series from `store`. Throws ``BudgetError/noBudget(_:available:)`` when no line has
    /// a budget for `biennium`.
    public static func load(from store: any SeriesStore, biennium: Biennium, asOf: CalendarDay?,
                            layout: [BudgetLineDefinition] = BudgetLayout.standard) async throws -> BudgetData {
        let catalog = try await store.catalog()
        var lines: [LineData] = []
        var available: Set<Biennium> = []
        for definition in layout {
            guard let series = catalog[definition.id] else { continue }
            var budget: Double?, source: String?
            if catalog[definition.budgetSeries] != nil {
                for observation in try await store.observations(of: definition.budgetSeries, asOf: nil) {
                    guard case .biennium(let first) = observation.period else { continue }
                    available.insert(Biennium(firstYear: first))
                    // A zero budget cannot be compared with (no share of it): the line is then only a driver.
                    if first == biennium.firstYear && observation.value != 0 { (budget, source) = (observation.value, observation.source) }
                }
            }
            // Nothing after the biennium: a later year would be a look into its future.
            let history = try await actuals(of: definition.id, in: store, asOf: asOf, through: biennium.years[1])
            lines.append(LineData(definition: definition, unit: series.unit, budget: budget, budgetSource: source, history: history))
        }
        guard lines.contains(where: { $0.budget != nil }) else {
            throw BudgetError.noBudget(biennium, available: available.sorted())
        }
        var unitCosts: [(definition: UnitCostDefinition, unit: String, history: [Int: Double])] = []
        for definition in BudgetLayout.unitCosts {
            guard let series = catalog[definition.id] else { continue }
            let history = try await actuals(of: definition.id, in: store, asOf: asOf, through: biennium.years[1])
            unitCosts.append((definition, series.unit, history))
        }
        return BudgetData(biennium: biennium, asOf: asOf, lines: lines, unitCosts: unitCosts)
    }

    /// The annual figures of `id` known on `asOf` that stand for their year's outcome — published after the year
    /// ended; a figure published before (a mid-year estimate) is no actual, so its year stays projected — up to
    /// `through` when given.
    static func actuals(of id: SeriesID, in store: any SeriesStore, asOf: CalendarDay?, through last: Int? = nil) async throws -> [Int: Double] {
        var values: [Int: Double] = [:]
        for observation in try await store.observations(of: id, asOf: asOf) where observation.isPublishedAfterPeriod {
            if case .year(let year) = observation.period, year <= (last ?? .max) { values[year] = observation.value }
        }
        return values
    }

    /// The bienniums for which some line of the layout has a budget figure, in order.
    public static func bienniums(in store: any SeriesStore, layout: [BudgetLineDefinition] = BudgetLayout.standard) async throws -> [Biennium] {
        let catalog = try await store.catalog()
        var found: Set<Biennium> = []
        for definition in layout where catalog[definition.budgetSeries] != nil {
            for observation in try await store.observations(of: definition.budgetSeries, asOf: nil) {
                if case .biennium(let first) = observation.period { found.insert(Biennium(firstYear: first)) }
            }
        }
        return found.sorted()
    }
}
