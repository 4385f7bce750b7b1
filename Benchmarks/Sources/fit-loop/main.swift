// Fits the annual-sized regression of RegressionBenchmarks many times, for profilers (perf, callgrind).
//   .build/release/fit-loop [ITERATIONS]
import LinearAlgebra
import Regression

let iterations = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 100_000 : 100_000
let years = (0..<20).map { 2001.0 + Double($0) }
let x = years.map { 100 + ($0 - 2010) * ($0 - 2010) / 7 }
let y = zip(years, x).map { 5000 + 120 * ($0 - 2000) + 3 * $1 + ($0.truncatingRemainder(dividingBy: 3) - 1) * 40 }
let design = try Design(matrix: Matrix(columns: [[Double](repeating: 1, count: 20), years, x]), response: y,
                        names: ["(Intercept)", "year", "x"], hasIntercept: true)
var checksum = 0.0
for _ in 0..<iterations { checksum += try LinearRegression.fit(design).sigma }
print(checksum)
