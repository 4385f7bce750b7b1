import Foundation
import Forecasting
import Store

/// Unit costs carried to the biennium's last year by the projected cost and output of each path.
extension BudgetProjection {
    /// How a unit cost is carried to the biennium's last year: its last published level `u₀` (year 0), the cost
    /// and output lines' actuals that year, and their values in the last year of each path.
    struct UnitCostPlan {
        let anchorYear: Int
        let anchorValue: Double
        let actual: Double?
        let cost: (index: Int, anchor: Double)
        let output: (index: Int, anchor: Double)
        let basis: String
        let method: String

        /// `u₀ · (C / C₀) / (Q / Q₀)` with C and Q the cost and output of the biennium's last year in `values`.
        func value(_ values: [Double]) -> Double {
            if let actual { return actual }
            return anchorValue * (values[cost.index * 2 + 1] / cost.anchor) / (values[output.index * 2 + 1] / output.anchor)
        }
    }

    /// The plan of a unit cost under the lines' `plans`, or why it cannot be carried forward.
    func unitCostPlan(_ unitCost: (definition: UnitCostDefinition, unit: String, history: [Int: Double]),
                      plans: [Prepared?]) -> Result<UnitCostPlan, Omission> {
        let definition = unitCost.definition
        let last = data.biennium.years[1]
        guard let costIndex = data.lines.firstIndex(where: { $0.definition.id == definition.cost }),
              let outputIndex = data.lines.firstIndex(where: { $0.definition.id == definition.output }),
              let costPlan = plans[costIndex], let outputPlan = plans[outputIndex] else {
            return .failure(Omission(reason: "its cost line \(definition.cost) or output line \(definition.output) cannot be projected"))
        }
        let costHistory = data.lines[costIndex].history, outputHistory = data.lines[outputIndex].history
        guard let anchor = unitCost.history.keys.filter({ costHistory[$0] != nil && (outputHistory[$0] ?? 0) != 0 && $0 <= last }).max() else {
            return .failure(Omission(reason: "no year on the date with the unit cost, \(definition.cost) and \(definition.output) all published"))
        }
        let basis = unitCost.history[last] != nil ? "actual" : ([costPlan.basis, outputPlan.basis].contains("assumption") ? "assumption" : "model")
        return .success(UnitCostPlan(
            anchorYear: anchor, anchorValue: unitCost.history[anchor]!, actual: unitCost.history[last],
            cost: (costIndex, costHistory[anchor]!), output: (outputIndex, outputHistory[anchor]!), basis: basis,
            method: "published \(anchor) level \(Self.format(unitCost.history[anchor]!)) × projected \(definition.cost) / \(anchor) actual "
                + "÷ projected \(definition.output) / \(anchor) actual"))
    }
}
