// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "posguide",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "posguide", targets: ["posguide"]),
        .library(name: "PosGuide", targets: ["PosGuide"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // One trait, not the default two: SwiftPM writes two enabled traits' -D flags in either order each
        // time it plans a build, and a new order recompiled Hummingbird after every debug build (20 s to 2 min).
        // ConfigurationSupport (swift-configuration) is unused here.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // libcmark from the system (Debian: libcmark-dev); only Markdown/ imports it.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // libqrencode from the system (Debian: libqrencode-dev); only Print/ imports it.
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        // A per-thread arena allocator for libcmark's trees (C: cmark calls it through function pointers).
        .target(
            name: "CCmarkArena",
            dependencies: ["CCmark"]
        ),
        .target(
            name: "PosGuide",
            dependencies: [
                "CCmark",
                "CCmarkArena",
                "CQRencode",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The preview server: the only target that imports Hummingbird.
        .target(
            name: "PosGuidePreview",
            dependencies: [
                "PosGuide",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "posguide",
            dependencies: [
                "PosGuide",
                "PosGuidePreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PosGuideTests",
            dependencies: ["PosGuide", "PosGuidePreview"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
