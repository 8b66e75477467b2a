// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets for the CRUSH decoders, one executable per decoder. Build and run one with
// `scripts/fuzz TARGET [RUNS]`; see README.md. Built with `-Xswiftc -sanitize=fuzzer,address`,
// which instruments the Swift code (CRUSH included) and links libFuzzer; each target's main.swift
// hands control to libFuzzer's driver.
let package = Package(
    name: "Fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        // Named so that the product reference works whatever the checkout folder is called.
        .package(name: "Collective", path: ".."),
    ],
    targets: [
        // Declares libFuzzer's LLVMFuzzerRunDriver for the targets' entry points.
        .target(name: "FuzzDriver", path: "Sources/FuzzDriver"),
        .executableTarget(
            name: "FuzzBinaryCrush",
            dependencies: ["FuzzDriver", .product(name: "CRUSH", package: "Collective")],
            path: "Sources/FuzzBinaryCrush"
        ),
        .executableTarget(
            name: "FuzzTextCrush",
            dependencies: ["FuzzDriver", .product(name: "CRUSH", package: "Collective")],
            path: "Sources/FuzzTextCrush"
        ),
        .executableTarget(
            name: "FuzzJSONCrush",
            dependencies: ["FuzzDriver", .product(name: "CRUSH", package: "Collective")],
            path: "Sources/FuzzJSONCrush"
        ),
    ],
    swiftLanguageModes: [.v6]
)
