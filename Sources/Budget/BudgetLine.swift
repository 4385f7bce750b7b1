public import Store

/// What a budget line measures.
public enum LineKind: String, Sendable, Codable, CaseIterable {
    /// Demand: applications, registrations, renewals (Table 3).
    case demand
    /// Fee income of a registration system (Table 2, Annex IV).
    case feeIncome = "fee-income"
    /// Expenditure of a program against its budget after transfers (Table 4).
    case expenditure
}

/// How the years of a biennium that have no actual yet are projected.
public enum ProjectionRule: Sendable, Equatable {
    /// The series' own forecast model (Models/), when the caller supplies one and the history is long enough;
    /// otherwise the line falls back to ``level``.
    case model
    /// The last observed level, grown by the scenario's demand shocks, with the scenario's `level` band.
    case level
    /// The last observed ratio of the line to a driver line, times the driver's projection (`ratio` band).
    case ratio(to: SeriesID)
    /// The sum of other lines (a subtotal).
    case sum([SeriesID])
    /// The last observed income per unit of a demand line, times that line's projection, with the scenario's
    /// fee changes, exchange-rate factor and `income-per-unit` band.
    case incomePerUnit(driver: SeriesID)
    /// The last observed expenditure, grown at the scenario's cost growth, with its `cost` band.
    case cost

    /// Whether a model specification of the line's series projects it: always for ``model``; for ``level`` and
    /// ``ratio`` once the series has the history a model needs (their assumptions stand in for a model until then).
    public var takesAModel: Bool {
        switch self {
        case .model, .level, .ratio: return true
        case .sum, .incomePerUnit, .cost: return false
        }
    }
}

/// One line of the comparison: the series holding its actuals, the series holding its budget for a
/// biennium, and how it is projected.
public struct BudgetLineDefinition: Sendable, Equatable {
    /// The series holding the line's annual actuals, e.g. `pct.applications`.
    public let id: SeriesID
    /// What the line measures: demand, fee income or expenditure.
    public let kind: LineKind
    /// `pct`, `madrid`, `hague`, `lisbon` or `wipo`.
    public var system: String { id.system }
    /// The series holding the line's biennial budget figures, e.g. `pct.applications.budget_estimate.biennial`.
    public let budgetSeries: SeriesID
    /// How the years without an actual are projected.
    public let rule: ProjectionRule

    /// A line with its actuals series, its budget series and its projection rule.
    public init(id: SeriesID, kind: LineKind, budgetSeries: SeriesID, rule: ProjectionRule) {
        self.id = id
        self.kind = kind
        self.budgetSeries = budgetSeries
        self.rule = rule
    }
}

/// The lines of WIPO's biennium budget that Biennium projects, in the report's order: every line of Table 3,
/// then the fee income of the three systems (Table 2), then the program budgets of the registration systems
/// and the total (Table 4). A biennium's comparison shows the lines whose budget series has a value for it.
public enum BudgetLayout {
    static func id(_ text: String) -> SeriesID { SeriesID(text)! }

    static func demand(_ line: String, _ rule: ProjectionRule) -> BudgetLineDefinition {
        BudgetLineDefinition(id: id(line), kind: .demand, budgetSeries: id(line + ".budget_estimate.biennial"), rule: rule)
    }

    static func income(_ system: String, driver: String) -> BudgetLineDefinition {
        BudgetLineDefinition(id: id(system + ".fee_income"), kind: .feeIncome,
                             budgetSeries: id(system + ".fee_income.budget_estimate.biennial"), rule: .incomePerUnit(driver: id(driver)))
    }

    static func program(_ system: String) -> BudgetLineDefinition {
        BudgetLineDefinition(id: id(system + ".program_expenditure"), kind: .expenditure,
                             budgetSeries: id(system + ".program_expenditure.budget.biennial"), rule: .cost)
    }

    /// The standard layout. Registrations follow applications (a registration is an application examined and
    /// recorded) and renewals keep their level, unless a specification and five years of history give them a
    /// model of their own; fee income follows the system's fee-paying transactions.
    public static let standard: [BudgetLineDefinition] = [
        demand("pct.applications", .model),
        demand("madrid.applications", .model),
        demand("madrid.registrations", .ratio(to: id("madrid.applications"))),
        demand("madrid.renewals", .level),
        demand("madrid.registrations_and_renewals", .sum([id("madrid.registrations"), id("madrid.renewals")])),
        demand("hague.applications", .model),
        demand("hague.registrations", .ratio(to: id("hague.applications"))),
        demand("hague.renewals", .level),
        demand("hague.registrations_and_renewals", .sum([id("hague.registrations"), id("hague.renewals")])),
        income("pct", driver: "pct.applications"),
        income("madrid", driver: "madrid.registrations_and_renewals"),
        income("hague", driver: "hague.registrations_and_renewals"),
        program("pct"),
        program("madrid"),
        program("hague"),
        program("lisbon"),
        program("wipo"),
    ]

    /// The unit costs projected with the budget: each is its published level carried forward by the projected
    /// cost (the system's program expenditure) over the projected output. Output is the proxy the stored data
    /// allow: PCT applications for publications, new plus renewed registrations for Madrid and Hague (the number
    /// of designs is not stored).
    public static let unitCosts: [UnitCostDefinition] = [
        UnitCostDefinition(id: id("pct.unit_cost.per_publication"), cost: id("pct.program_expenditure"), output: id("pct.applications")),
        UnitCostDefinition(id: id("madrid.unit_cost.per_registration"), cost: id("madrid.program_expenditure"),
                           output: id("madrid.registrations_and_renewals")),
        UnitCostDefinition(id: id("hague.unit_cost.per_design"), cost: id("hague.program_expenditure"),
                           output: id("hague.registrations_and_renewals")),
    ]

    /// The systems a scenario may shock or change fees for.
    public static let systems = ["pct", "madrid", "hague"]
}

/// A unit cost projected as cost over output: `uₜ = u₀ · (Cₜ / C₀) / (Qₜ / Q₀)` from the last year 0 in which the
/// unit cost, the cost line and the output line are all known — the published level moved by the projected
/// change in cost per unit of output (the published cost base is not stored, so the level itself is not
/// recomputed).
public struct UnitCostDefinition: Sendable, Equatable {
    /// The unit cost series, e.g. `pct.unit_cost.per_publication`.
    public let id: SeriesID
    /// The cost line C (the system's program expenditure).
    public let cost: SeriesID
    /// The output line Q (applications, or new plus renewed registrations).
    public let output: SeriesID
}
