// swift-tools-version:6.0
// The fuzz targets, apart from the main package so that no ordinary build links libFuzzer.
// Built only by scripts/fuzz.sh, with `-sanitize=fuzzer,address` and its own scratch path:
// the one executable runs the target named by POSGUIDE_FUZZ_TARGET (see Entry.swift).
import PackageDescription

let package = Package(
    name: "posguide-fuzz",
    dependencies: [.package(name: "posguide", path: "..")],
    targets: [
        .executableTarget(
            name: "PosGuideFuzz",
            dependencies: [.product(name: "PosGuide", package: "posguide")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
