// swift-tools-version: 6.1
import PackageDescription

// Benchmarks for Collective, run with `swift package --package-path Benchmarks benchmark`
// (ordo-one/benchmark). A package of its own so that the root package does not depend on
// the benchmark harness.
let package = Package(
    name: "Benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        // Named so that the product reference below works whatever the checkout folder is called.
        .package(name: "Collective", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "CrushMapping",
            dependencies: [
                .product(name: "CRUSH", package: "Collective"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/CrushMapping",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        ),
        .executableTarget(
            name: "IncrementalRemap",
            dependencies: [
                .product(name: "CRUSH", package: "Collective"),
                .product(name: "Placement", package: "Collective"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/IncrementalRemap",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
