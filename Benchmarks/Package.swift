// swift-tools-version:6.1
// Biennium's benchmarks: a package of its own, so that `make test` never builds the harness.
// Run from this folder: `swift package --disable-sandbox benchmark` (ordo-one/benchmark) and the
// side-by-side scripts in scripts/. BENCHMARKS.md at the repository root records the figures.
import PackageDescription

let package = Package(
    name: "BienniumBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Biennium", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "RegressionBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "LinearAlgebra", package: "Biennium"),
                .product(name: "Regression", package: "Biennium"),
            ],
            path: "Benchmarks/RegressionBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "fit-loop",
            dependencies: [.product(name: "LinearAlgebra", package: "Biennium"), .product(name: "Regression", package: "Biennium")],
            path: "Sources/fit-loop"
        ),
        .executableTarget(
            name: "store-timing",
            dependencies: [.product(name: "Store", package: "Biennium")],
            path: "Sources/store-timing"
        ),
        .executableTarget(
            name: "budget-timing",
            dependencies: [.product(name: "Budget", package: "Biennium"), .product(name: "Store", package: "Biennium"),
                           .product(name: "Forecasting", package: "Biennium")],
            path: "Sources/budget-timing"
        ),
        .executableTarget(
            name: "lstsq-timing",
            dependencies: [.product(name: "LinearAlgebra", package: "Biennium")],
            path: "Sources/lstsq-timing"
        ),
    ],
    swiftLanguageModes: [.v6]
)
