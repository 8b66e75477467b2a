// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Collective",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "collective", targets: ["collective"]),
        .library(name: "CRUSH", targets: ["CRUSH"]),
        .library(name: "Placement", targets: ["Placement"]),
        .library(name: "Simulation", targets: ["Simulation"]),
        .library(name: "Reports", targets: ["Reports"]),
        .library(name: "HomeAssistant", targets: ["HomeAssistant"]),
    ],
    // Package traits for the faces that link C libraries; both off by default, so the offline
    // build needs no C library beyond the toolchain's:
    // - `Live`: the live mode (`collective live …`, the CephLive module), which links librados,
    //   librbd and libcephfs (Debian: librados-dev librbd-dev libcephfs-dev);
    // - `MQTT`: `collective mqtt`, publishing through libmosquitto (Debian: libmosquitto-dev).
    // `swift build --traits Live,MQTT`, `swift test --traits Live,MQTT`.
    traits: [
        .trait(name: "Live", description: "collective live: talk to a real Ceph cluster (librados, librbd, libcephfs)"),
        .trait(name: "MQTT", description: "MQTT publishing through libmosquitto (needs libmosquitto-dev)."),
        .default(enabledTraits: []),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        // Engine: CRUSH maps, hashing, rules, codecs. Standard library only.
        // Optimised in debug builds too: the differential tests map millions of inputs, and
        // unoptimised SIMD code is two orders of magnitude slower.
        .target(name: "CRUSH", swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        // Engine: OSD map, pools, PGs, capacity. On CRUSH; standard library only.
        .target(name: "Placement", dependencies: ["CRUSH"]),
        // Engine: scenarios (fleet, Ceph settings, services, timeline, workloads). Yams reads them.
        .target(
            name: "Simulation",
            dependencies: [
                "CRUSH", "Placement", .product(name: "Yams", package: "Yams"),
                .product(name: "HeapModule", package: "swift-collections"),
            ],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        // A face: the capacity-planning report (text, JSON, Markdown, self-contained HTML with SVG charts).
        .target(
            name: "Reports",
            dependencies: ["CRUSH", "Placement", "Simulation"],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        // Face: the cluster as Home Assistant entities (MQTT discovery configs and states).
        .target(name: "HomeAssistant", dependencies: ["Placement", "Simulation"]),
        // libmosquitto (MQTT client), only with the MQTT trait.
        .systemLibrary(name: "CMosquitto", pkgConfig: "libmosquitto", providers: [.apt(["libmosquitto-dev"])]),
        // Face: a thin Swift layer over libmosquitto (connect, publish, subscribe, a publish loop).
        .target(
            name: "MQTTClient",
            dependencies: [.target(name: "CMosquitto", condition: .when(traits: ["MQTT"]))]
        ),
        // The command-line face: argument parsing only.
        .executableTarget(
            name: "collective",
            dependencies: [
                "CRUSH",
                "Placement",
                "Simulation",
                "Reports",
                "HomeAssistant",
                .target(name: "MQTTClient", condition: .when(traits: ["MQTT"])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .target(name: "CephLive", condition: .when(traits: ["Live"])),
            ]
        ),
        // Live mode: the C libraries of Ceph 16.2.15 (Debian: librados-dev librbd-dev libcephfs-dev).
        .systemLibrary(name: "CCeph", path: "Sources/CCeph"),
        // Live mode: Swift handles over librados, librbd and libcephfs. Its sources compile only
        // with the trait `Live` (`#if Live`); without it the module is empty and links nothing.
        .target(
            name: "CephLive",
            dependencies: [
                "CRUSH",
                "Placement",
                "Simulation",
                .target(name: "CCeph", condition: .when(traits: ["Live"])),
            ]
        ),
        // Helpers every test target shares: running Ceph's tools and other programs, a seeded RNG.
        .target(name: "CollectiveTestSupport", path: "Tests/Support"),
        .testTarget(
            name: "CRUSHTests",
            dependencies: [
                "CollectiveTestSupport",
                "CRUSH",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "PlacementTests",
            dependencies: [
                "CollectiveTestSupport",
                "Placement",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "SimulationTests",
            dependencies: ["Simulation", "CRUSH", "Placement", "CollectiveTestSupport", .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Simulation", "Placement", "CRUSH"]),
        .testTarget(name: "HomeAssistantTests", dependencies: ["HomeAssistant", "Simulation", "Placement"]),
        // Against a real mosquitto broker; with the MQTT trait only.
        .testTarget(
            name: "MQTTClientTests",
            dependencies: [
                .target(name: "MQTTClient", condition: .when(traits: ["MQTT"])),
                "HomeAssistant", "Simulation", "CollectiveTestSupport",
            ]
        ),
        // Live tests against the cluster of scripts/ceph-dev-cluster; built only with `Live`.
        .testTarget(
            name: "CephLiveTests",
            dependencies: [
                "Placement", "CollectiveTestSupport",
                .target(name: "CephLive", condition: .when(traits: ["Live"])),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
