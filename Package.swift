// swift-tools-version: 6.0
// mergersim: merger simulation of Vietnam's commune-level units and their staff.
// GPL-3.0-or-later (it links the GNU Scientific Library).
import PackageDescription

let package = Package(
    name: "mergersim",
    products: [
        .executable(name: "mergersim", targets: ["mergersim"]),
        .library(name: "MergerSim", targets: ["MergerSim"]),
        .library(name: "MergerSimInputs", targets: ["MergerSimInputs"]),
        .library(name: "MergerSimReports", targets: ["MergerSimReports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // Benchmarks only: the CSV package the hand-written reader is measured against.
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        // Documentation: `swift package generate-documentation --target MergerSim`.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // The run store (SQLite) of simulate --store and sweeps.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // Tests only: property-based checks with shrinking.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // Tests only: the workbook read back (an .xlsx is a zip of XML).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // The planner's workbench (`mergersim serve`): a local web server, and a multipart parser for its uploads.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    ],
    targets: [
        // The C boundary: GSL's headers behind static inline accessors.
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        // The C boundary of the Excel workbook: libxlsxwriter, and its safe Swift face.
        .systemLibrary(name: "CXLSXWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        .target(name: "XLSX", dependencies: ["CXLSXWriter"]),
        // The few Linux calls Swift's Glibc module lacks (an atomic exchange of two folders' names).
        .target(name: "CPlatform"),
        // The safe Swift face of GSL: the only code with Unsafe pointers.
        .target(name: "GSL", dependencies: ["CGSL"]),
        // The bundled, versioned rule sets (data, with legal references).
        .target(name: "RuleSets", path: "rules", resources: [.copy("sets")]),
        // The pure domain: screening, merging, staffing, reallocation, transition.
        .target(name: "MergerSim", dependencies: ["GSL"]),
        // Reading inputs: the units, plan, roster, scenario, sweep and rule-set files, checked where they are
        // read and turned into MergerSim's types (no report writer, no libxlsxwriter).
        .target(
            name: "MergerSimInputs",
            dependencies: ["MergerSim", "GSL", "RuleSets", .product(name: "Yams", package: "Yams")]
        ),
        // Rendering results: CSV, the HTML report, the Excel workbook, the console's labels in each language,
        // the manifest, and the output folders they are written to without losing a user's file.
        .target(
            name: "MergerSimReports",
            dependencies: ["MergerSim", "MergerSimInputs", "GSL", "XLSX", "CPlatform"],
            resources: [.copy("Labels")]
        ),
        // The readers driven from arbitrary bytes, for the fuzz target and its regression tests (not a product).
        .target(name: "ReaderFuzzing", dependencies: ["MergerSim", "MergerSimInputs", "GSL"]),
        // The run store: runs, summaries, timelines, units and per-replication figures in one SQLite file.
        .target(name: "MergerSimStore", dependencies: ["MergerSim", "MergerSimInputs", "MergerSimReports", .product(name: "GRDB", package: "GRDB.swift")]),
        // The planner's workbench: a thin web server over the pipeline's typed results, the run store and the
        // commands (a simulation or a proposal runs as a child `mergersim` process, so it can be cancelled).
        .target(name: "MergerSimServer", dependencies: [
            "MergerSim", "MergerSimInputs", "MergerSimReports", "MergerSimStore",
            .product(name: "Hummingbird", package: "hummingbird"), .product(name: "MultipartKit", package: "multipart-kit"),
        ]),
        // One-off data preparation, outside the public libraries: generated units for benchmarks and
        // large tests, and the seeded estimates of the national 2025 scenario.
        .target(name: "ScenarioData", dependencies: ["MergerSim", "MergerSimInputs", "MergerSimReports", "GSL"]),
        // The commands, as a library so tests can run them without a process.
        .target(
            name: "MergerSimCLI",
            dependencies: [
                "MergerSim", "MergerSimInputs", "MergerSimReports", "MergerSimStore", "MergerSimServer", "GSL",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "mergersim", dependencies: ["MergerSimCLI", "MergerSimInputs", "MergerSimReports"]),
        .executableTarget(
            name: "mergersim-bench",
            dependencies: ["MergerSim", "MergerSimInputs", "MergerSimReports", "ScenarioData", "GSL", .product(name: "CSV", package: "CSV.swift")],
            path: "Benchmarks/mergersim-bench"
        ),
        // Rebuilds the estimated national 2025 scenario from its source data.
        .executableTarget(name: "prepare-vn-2025", dependencies: ["MergerSimInputs", "MergerSimReports", "ScenarioData"], path: "Tools/prepare-vn-2025"),
        // The fuzz target over the readers (`make fuzz`); without the fuzzer, a replay tool.
        .executableTarget(name: "fuzz-readers", dependencies: ["ReaderFuzzing"], path: "Tools/fuzz-readers", exclude: ["make-corpus.sh"],
                          swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        // A library client: runs a scenario with MergerSim and the readers only, without the command line or
        // any report writer (built with the tests; the DocC article shows its code).
        .executableTarget(name: "run-scenario", dependencies: ["MergerSim", "MergerSimInputs"], path: "Examples/run-scenario"),
        .testTarget(name: "GSLTests", dependencies: ["GSL"]),
        .testTarget(name: "MergerSimTests", dependencies: [
            "MergerSim", "MergerSimInputs", "MergerSimReports", "ScenarioData", .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "MergerSimFilesTests", dependencies: [
            "MergerSimInputs", "MergerSimReports", "ReaderFuzzing", "MergerSim", .product(name: "PropertyBased", package: "swift-property-based"),
        ], exclude: ["Fuzz"]),
        .testTarget(name: "MergerSimCLITests", dependencies: [
            "MergerSimCLI", "MergerSimInputs", "MergerSimReports", "MergerSimStore", "GSL", .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "MergerSimServerTests", dependencies: [
            "MergerSimServer", "MergerSimInputs", "MergerSimReports", "MergerSimStore",
            .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
    ]
)
