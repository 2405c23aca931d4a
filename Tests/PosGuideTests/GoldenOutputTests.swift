import Foundation
import Testing
@testable import PosGuide

/// Byte-for-byte guard for performance work: a fixed corpus built with the repository's
/// templates must give exactly the files recorded in `Tests/golden/corpus-200.txt`, whether
/// written by `posguide build` (pages streamed to disk) or made in memory.
///
/// When output changes on purpose (templates, Markdown rendering), rerun with
/// `POSGUIDE_UPDATE_GOLDEN=1 swift test --filter GoldenOutputTests` and commit the new listing.
@Suite struct GoldenOutputTests {
    static let golden = SiteFixture.packageRoot.appendingPathComponent("Tests/golden/corpus-200.txt")

    /// `scripts/gencorpus.py`, 200 pages, seed 7, with this repository's templates.
    static func corpus() throws -> SiteFixture {
        let fixture = try SiteFixture([:], templates: .repository)
        let generator = SiteFixture.packageRoot.appendingPathComponent("scripts/gencorpus.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", generator.path, fixture.root.path, "200", "--seed", "7"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "scripts/gencorpus.py failed")
        return fixture
    }

    @Test func theCorpusBuildsToTheRecordedBytesStreamedOrInMemory() throws {
        let fixture = try Self.corpus()
        let outcome = BuildCommand.run(fixture.options, output: fixture.output, strict: false)
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")

        let inMemory = SiteBuilder.buildInMemory(fixture.options)
        var lines: [String] = []
        for file in inMemory.files {
            let onDisk = try Data(contentsOf: fixture.output.appendingPathComponent(file.path))
            #expect(onDisk == (try file.data()), "\(file.path): streamed and in-memory builds differ")
            lines.append("\(file.path) \(String(onDisk.fnv1a64, radix: 16))")
        }
        let listing = lines.joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["POSGUIDE_UPDATE_GOLDEN"] == "1" {
            try listing.write(to: Self.golden, atomically: true, encoding: .utf8)
            return
        }
        let recorded = try String(contentsOf: Self.golden, encoding: .utf8)
        let expected = Set(recorded.split(separator: "\n")), actual = Set(listing.split(separator: "\n"))
        let differing = actual.subtracting(expected).map { $0.split(separator: " ").first.map(String.init) ?? "" }.sorted()
        #expect(differing.isEmpty && expected.count == actual.count,
                "output differs from Tests/golden/corpus-200.txt in \(differing.prefix(10)); if intended, update it (see this file's comment)")
    }
}
