// swift-tools-version:6.1
// Biennium: workload, unit-cost and fee-income forecasts of the PCT, Madrid and Hague systems
// against the biennium budget. See README.md and ../shared/design/ARCHITECTURE.md.
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Biennium",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "biennium", targets: ["biennium"]),
        .library(name: "LinearAlgebra", targets: ["LinearAlgebra"]),
        .library(name: "Regression", targets: ["Regression"]),
        .library(name: "Store", targets: ["Store"]),
        .library(name: "Forecasting", targets: ["Forecasting"]),
        .library(name: "Budget", targets: ["Budget"]),
        .library(name: "Service", targets: ["Service"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.25.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.27.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.9.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLapack",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev", "pkg-config"])]
        ),
        .target(name: "CExtraPrecise"),
        .target(name: "LinearAlgebra", dependencies: ["CLapack", "CExtraPrecise"], swiftSettings: strictSettings),
        .target(name: "Regression", dependencies: ["LinearAlgebra"], swiftSettings: strictSettings),
        .target(name: "Forecasting", dependencies: ["Regression", "LinearAlgebra"], swiftSettings: strictSettings),
        .target(
            name: "Store",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CSV", package: "CSV.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .target(name: "Budget", dependencies: ["Forecasting", "Store", .product(name: "Yams", package: "Yams")],
                swiftSettings: strictSettings),
        .target(
            name: "Service",
            dependencies: [
                "Budget", "Forecasting", "Store",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("openapi.yaml")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "biennium",
            dependencies: [
                "LinearAlgebra",
                "Regression",
                "Forecasting",
                "Store",
                "Budget",
                "Service",
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings
        ),
        .target(name: "TestSupport", dependencies: ["LinearAlgebra", .product(name: "CSV", package: "CSV.swift")],
                path: "Tests/TestSupport", swiftSettings: strictSettings),
        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "RegressionTests", dependencies: ["Regression", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "ForecastingTests", dependencies: ["Forecasting", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "StoreTests", dependencies: ["Store", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "BudgetTests", dependencies: ["Budget", "Store", "Forecasting", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "ServiceTests", dependencies: [
            "Service", "Store", "Budget", "TestSupport",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "Yams", package: "Yams"),
            .product(name: "NIOCore", package: "swift-nio"),
        ], swiftSettings: strictSettings),
        .testTarget(name: "BienniumCLITests", dependencies: ["TestSupport"], swiftSettings: strictSettings),
    ],
    swiftLanguageModes: [.v6]
)
