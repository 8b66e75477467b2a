// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Collective",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "collective", targets: ["collective"]),
        .library(name: "CRUSH", targets: ["CRUSH"]),
        .library(name: "Placement", targets: ["Placement"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // Engine: CRUSH maps, hashing, rules, codecs. Standard library only.
        .target(name: "CRUSH"),
        // Engine: OSD map, pools, PGs, capacity. On CRUSH; standard library only.
        .target(name: "Placement", dependencies: ["CRUSH"]),
        // The command-line face: argument parsing only.
        .executableTarget(
            name: "collective",
            dependencies: [
                "CRUSH",
                "Placement",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "CRUSHTests",
            dependencies: [
                "CRUSH",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "PlacementTests",
            dependencies: [
                "Placement",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
