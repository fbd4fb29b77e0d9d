// swift-tools-version:6.1
//
// sps — a Swift REPL and scripting shell for robust-training experiments.
//
// Modules, dependencies pointing one way:
//   CEditline, COpenBLAS   system libraries (libedit, OpenBLAS) behind tiny shims
//   SPSNumeric             tensors and random numbers
//   SPSAutodiff            reverse-mode automatic differentiation (variables, graph, differentiable operations)
//   SPSTraining            layers, losses, optimizers, schedules, metrics, data, the training loop
//   SPSLanguage            lexer, parser, interpreter (uses SPSNumeric, never SPSTraining)
//   SPSPlot                terminal (Unicode) and SVG rendering of plots from plain data
//   SPSRunLog              the run log: studies and runs in SQLite (GRDB), export to CSV, JSON lines, MLflow
//   SPSBindings            binds the language to the training core: host objects, their commands, the session context
//   SPSShell               the REPL and script runner: prompt, help, plots, classroom commands
//   sps                    the executable
//   sps-bench              the native benchmark driver used by benchmarks/run
import PackageDescription

import Foundation

/// Vector instructions for the numeric kernels: AVX2+FMA when this machine has them (x86-64 Linux), else the
/// toolchain's baseline. The kernels are written with SIMD types, so both builds compute the same thing.
let cpuFlags: [String] = {
    #if arch(x86_64) && os(Linux)
    if let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
       let flags = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) {
        let set = Set(flags.split(separator: " "))
        if set.contains("avx2") && set.contains("fma") { return ["-target-cpu", "haswell"] }
    }
    #endif
    return []
}()

/// The same vector instructions for the C kernels; no FMA contraction, so results round as written.
let cOptimize: [CSetting] = [
    .unsafeFlags(["-O3", "-ffp-contract=off", "-fno-math-errno"] + (cpuFlags.isEmpty ? [] : ["-mavx2", "-mfma"])),
]

/// The numeric, training and language modules are optimized in debug builds too: the test suite runs
/// training loops, and unoptimized SIMD code is two orders of magnitude slower.
let optimize: [SwiftSetting] = [
    .unsafeFlags(["-Ounchecked", "-wmo"], .when(configuration: .release)),
    .unsafeFlags(["-O"], .when(configuration: .debug)),
    .unsafeFlags(["-enforce-exclusivity=unchecked"] + cpuFlags),
]

/// The language and the shell keep Swift's bounds and overflow checks in release builds: they handle whatever
/// users type, and a slip there must stop with a message, not read past an array (the fuzzer found one such
/// slip, which -Ounchecked had turned into a 139 TB allocation request).
let optimizeChecked: [SwiftSetting] = [
    .unsafeFlags(["-O", "-wmo"], .when(configuration: .release)),
    .unsafeFlags(["-O"], .when(configuration: .debug)),
    .unsafeFlags(["-enforce-exclusivity=unchecked"] + cpuFlags),
]

let package = Package(
    name: "sps",
    products: [
        .executable(name: "sps", targets: ["sps"]),
        .library(name: "SPSTraining", targets: ["SPSTraining"]),
        .library(name: "SPSLanguage", targets: ["SPSLanguage"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // MARK: - System libraries
        .systemLibrary(
            name: "CEditline",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),

        // MARK: - Implementation details
        .target(name: "CKernels", cSettings: cOptimize),

        // MARK: - Public modules
        .target(name: "SPSNumeric", dependencies: ["COpenBLAS", "CKernels"], swiftSettings: optimize),
        // Reverse-mode automatic differentiation: variables, the recorded graph, differentiable operations.
        .target(name: "SPSAutodiff", dependencies: ["SPSNumeric"], swiftSettings: optimize),
        .target(name: "SPSTraining", dependencies: ["SPSNumeric", "SPSAutodiff", "CKernels", "SwiftCSV"], swiftSettings: optimize),
        .target(name: "SPSLanguage", dependencies: ["SPSNumeric", "SPSAutodiff"], swiftSettings: optimizeChecked),
        .target(name: "SPSPlot"),
        // The run log: studies and runs in one SQLite file (GRDB), and their export (CSV, JSON lines, MLflow).
        .target(
            name: "SPSRunLog",
            dependencies: ["SPSNumeric", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: optimizeChecked
        ),
        .target(
            name: "SPSBindings",
            dependencies: ["SPSLanguage", "SPSTraining", "SPSNumeric", "SPSRunLog"],
            swiftSettings: optimizeChecked
        ),
        .target(
            name: "SPSShell",
            dependencies: ["SPSBindings", "SPSLanguage", "SPSTraining", "SPSNumeric", "SPSPlot", "CEditline"],
            // The prelude and the built-in libraries (commands written in sps) are built into the binary from the
            // one copy of each in stdlib/ (see Prelude.builtIn).
            resources: ["prelude", "algorithms", "robust", "iut", "chain"].map { .embedInCode("../../stdlib/\($0).sps") },
            swiftSettings: optimizeChecked
        ),
        .executableTarget(
            name: "sps",
            dependencies: ["SPSShell", "SPSBindings", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "sps-bench",
            dependencies: ["SPSTraining", "SPSNumeric", "SPSRunLog"],
            swiftSettings: optimize
        ),

        // MARK: - Fuzzing (scripts/fuzz builds these with -sanitize=fuzzer,address -DFUZZING; a normal build
        // gives tools that replay inputs given as files)
        .executableTarget(name: "fuzz-parse", dependencies: ["SPSShell", "SPSBindings", "SPSLanguage"], path: "Sources/fuzz-parse"),
        .executableTarget(name: "fuzz-run", dependencies: ["SPSShell", "SPSBindings", "SPSLanguage"], path: "Sources/fuzz-run"),

        // MARK: - Tests
        .target(
            name: "SPSTestSupport",
            dependencies: ["SPSShell", "SPSBindings", "SPSLanguage", "SPSNumeric"],
            path: "Sources/SPSTestSupport"
        ),
        .testTarget(name: "SPSNumericTests", dependencies: ["SPSNumeric", "SPSTestSupport"]),
        .testTarget(name: "SPSAutodiffTests", dependencies: ["SPSAutodiff", "SPSNumeric"]),
        .testTarget(
            name: "SPSTrainingTests",
            dependencies: ["SPSTraining", "SPSNumeric", "SPSTestSupport"],
            resources: [.copy("Reference")]
        ),
        .testTarget(name: "SPSPlotTests", dependencies: ["SPSPlot", "SPSTestSupport"], exclude: ["__Snapshots__"]),
        .testTarget(name: "SPSRunLogTests", dependencies: ["SPSRunLog", "SPSTestSupport"]),
        .testTarget(name: "SPSLanguageTests", dependencies: ["SPSLanguage", "SPSNumeric", "SPSTestSupport"]),
        .testTarget(
            name: "SPSShellTests",
            dependencies: ["SPSShell", "SPSBindings", "SPSLanguage", "SPSTraining", "SPSRunLog", "SPSTestSupport"],
            exclude: ["__Snapshots__"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
