// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "nag",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "nag", targets: ["nag"]),
        .library(name: "NagRules", targets: ["NagRules"]),
        .library(name: "NagTesting", targets: ["NagTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(
            name: "NagRules",
            dependencies: ["CYAML"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "NagLSP",
            dependencies: ["NagRules"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "nag",
            dependencies: [
                "NagRules",
                "NagLSP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "NagTesting",
            dependencies: ["NagRules"],
            swiftSettings: swiftSettings,
            linkerSettings: [.linkedFramework("XCTest", .when(platforms: [.macOS]))]
        ),
        .testTarget(
            name: "NagRulesTests",
            dependencies: ["NagRules"],
            path: "Tests/NagRulesTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "NagLSPTests",
            dependencies: ["NagLSP", "NagRules"],
            path: "Tests/NagLSPTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "NagEndToEndTests",
            dependencies: ["NagRules", "NagTesting"],
            path: "Tests/NagEndToEndTests",
            swiftSettings: swiftSettings
        ),
    ]
)

// Benchmarks are built only on request, so normal builds stay lean: `NAG_BENCHMARKS=1 swift build -c release`
// (scripts/bench-load does this and runs them; nag-bench-evaluate times each phase; see the README's Speed section).
if Context.environment["NAG_BENCHMARKS"] != nil {
    // NAG_BENCH_ALLOCATOR=jemalloc links jemalloc (libjemalloc-dev) into the two phase benchmarks, so they run
    // with the allocator of the shipped binary (scripts/build-release); by default they use the C library's.
    let allocator: [LinkerSetting] = Context.environment["NAG_BENCH_ALLOCATOR"] == "jemalloc"
        ? [.linkedLibrary("jemalloc", .when(platforms: [.linux]))] : []
    package.targets.append(.executableTarget(
        name: "nag-bench-load",
        dependencies: ["NagRules"],
        path: "Benchmarks/LoadBenchmark",
        swiftSettings: swiftSettings,
        linkerSettings: allocator
    ))
    package.targets.append(.executableTarget(
        name: "nag-bench-evaluate",
        dependencies: ["NagRules"],
        path: "Benchmarks/EvaluateBenchmark",
        swiftSettings: swiftSettings,
        linkerSettings: allocator
    ))
    // The ordo-one/benchmark suite (scripts/bench runs it). Its first build takes about 6 minutes.
    package.dependencies.append(
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"])
    )
    package.targets.append(.executableTarget(
        name: "NagBenchmarks",
        dependencies: ["NagRules", .product(name: "Benchmark", package: "benchmark")],
        path: "Benchmarks/NagBenchmarks",
        swiftSettings: swiftSettings,
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ))
}
