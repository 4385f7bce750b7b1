// Times LeastSquares.solve on a problem written by scripts/lstsq_vs_numpy.py, so that Biennium and
// numpy solve the very same numbers in the same run. Input: a little-endian binary file holding
// Int64 m, Int64 n, then A (column-major, m·n doubles) and b (m doubles). Output: one JSON line.
import Foundation
import LinearAlgebra

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: lstsq-timing PROBLEM.bin [REPEATS]\n".utf8))
    exit(64)
}
let repeats = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
let data = try Data(contentsOf: URL(fileURLWithPath: arguments[1]))
let (m, n) = data.withUnsafeBytes { raw in
    (Int(raw.loadUnaligned(fromByteOffset: 0, as: Int64.self)), Int(raw.loadUnaligned(fromByteOffset: 8, as: Int64.self)))
}
let values: [Double] = data.withUnsafeBytes { raw in
    (0..<(m * n + m)).map { raw.loadUnaligned(fromByteOffset: 16 + 8 * $0, as: Double.self) }
}
let a = try Matrix(rows: m, columns: n, columnMajor: Array(values[0..<(m * n)]))
let b = Array(values[(m * n)...])
let options = LeastSquaresOptions(computeCovariance: false)

var best = Double.infinity
var solution = try LeastSquares.solve(a, b, options: options)
for _ in 0..<repeats {
    let start = DispatchTime.now().uptimeNanoseconds
    solution = try LeastSquares.solve(a, b, options: options)
    best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}
var qrBest = Double.infinity
for _ in 0..<repeats {
    let start = DispatchTime.now().uptimeNanoseconds
    _ = try a.pivotedQR()
    qrBest = min(qrBest, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}
let report: [String: Any] = [
    "seconds": best, "pivotedQRSeconds": qrBest, "rank": solution.rank, "refinementSteps": solution.refinementSteps,
    "method": solution.method.rawValue, "coefficients": solution.coefficients,
    "blas": BLASInfo.configuration, "threads": BLASInfo.threads,
]
print(String(decoding: try JSONSerialization.data(withJSONObject: report), as: UTF8.self))
