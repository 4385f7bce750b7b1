import Benchmark
import LinearAlgebra
import Regression

/// A deterministic pseudo-random stream (SplitMix64), so that every run fits the same data.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) * 0x1p-53 - 0.5
    }
}

/// An annual-sized design: n = 20 years, intercept, trend and one regressor.
func annualDesign() throws -> Design {
    var random = SplitMix64(state: 20)
    let years = (0..<20).map { 2001.0 + Double($0) }
    let x = years.map { _ in 100 + 10 * random.next() }
    let y = zip(years, x).map { 5000 + 120 * ($0 - 2000) + 3 * $1 + 50 * random.next() }
    return try Design(matrix: Matrix(columns: [[Double](repeating: 1, count: 20), years, x]), response: y,
                      names: ["(Intercept)", "year", "x"], hasIntercept: true)
}

/// A large design: n = 100 000 rows, p = 50 columns of standard-uniform noise plus an intercept.
func largeProblem() throws -> (Matrix, [Double]) {
    var random = SplitMix64(state: 50)
    let n = 100_000, p = 50
    var columns = [[Double](repeating: 1, count: n)]
    for _ in 1..<p { columns.append((0..<n).map { _ in random.next() }) }
    let y = (0..<n).map { i in columns.indices.reduce(0.0) { $0 + Double($1) * columns[$1][i] } + random.next() }
    return (try Matrix(columns: columns), y)
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .mallocCountTotal], maxDuration: .seconds(3))

    Benchmark("OLS fit, n = 20, p = 3, full inference") { benchmark in
        let design = try annualDesign()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try LinearRegression.fit(design))
        }
    }

    Benchmark("least squares only, n = 20, p = 3, with covariance factor") { benchmark in
        let design = try annualDesign()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try LeastSquares.solve(design.matrix, design.response))
        }
    }

    Benchmark("OLS fit, n = 20, p = 3, HC3 and Newey-West inference") { benchmark in
        let design = try annualDesign()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try LinearRegression.fit(design, options: RegressionOptions(covariance: .hc3)))
            blackHole(try LinearRegression.fit(design, options: RegressionOptions(covariance: .neweyWest(lag: 2))))
        }
    }

    Benchmark("least squares, n = 100 000, p = 50", configuration: .init(maxDuration: .seconds(10), maxIterations: 20)) { benchmark in
        let (x, y) = try largeProblem()
        let options = LeastSquaresOptions(computeCovariance: false)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try LeastSquares.solve(x, y, options: options))
        }
    }
}
