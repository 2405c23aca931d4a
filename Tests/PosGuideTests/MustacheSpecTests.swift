import Foundation
import Testing
@testable import PosGuide

/// The official Mustache spec (github.com/mustache/spec, vendored in Tests/fixtures/mustache-spec
/// with its licence and commit): every case of every module the engine owes, one test per file,
/// each case its own argument so a failure names it. Lambdas and dynamic names are not vendored:
/// the engine does not support them (see README's Templates section).
@Suite struct MustacheSpecTests {
    @Test(arguments: try MustacheSpecCase.load("comments"))
    func comments(_ specCase: MustacheSpecCase) throws { try specCase.check() }

    @Test(arguments: try MustacheSpecCase.load("delimiters"))
    func delimiters(_ specCase: MustacheSpecCase) throws { try specCase.check() }

    @Test(arguments: try MustacheSpecCase.load("interpolation"))
    func interpolation(_ specCase: MustacheSpecCase) throws { try specCase.check() }

    @Test(arguments: try MustacheSpecCase.load("inverted"))
    func invertedSections(_ specCase: MustacheSpecCase) throws { try specCase.check() }

    @Test(arguments: try MustacheSpecCase.load("partials"))
    func partials(_ specCase: MustacheSpecCase) throws { try specCase.check() }

    @Test(arguments: try MustacheSpecCase.load("sections"))
    func sections(_ specCase: MustacheSpecCase) throws { try specCase.check() }

    @Test(arguments: try MustacheSpecCase.load("~inheritance"))
    func inheritance(_ specCase: MustacheSpecCase) throws { try specCase.check() }

    @Test func everySpecFileIsReadInFull() throws {
        let counts = try ["comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance"]
            .map { try MustacheSpecCase.load($0).count }
        #expect(counts == [12, 14, 42, 22, 12, 34, 27])
    }
}

/// One case of a spec file: a template, its partials and data, and the exact output expected.
struct MustacheSpecCase: Sendable, CustomTestStringConvertible {
    let file: String
    let number: Int
    let name: String
    let template: String
    let partials: [String: String]
    let data: MustacheSpecValue
    let expected: String

    var testDescription: String { "\(file) #\(number): \(name)" }

    static let folder = SiteFixture.packageRoot.appendingPathComponent("Tests/fixtures/mustache-spec")

    static func load(_ file: String) throws -> [MustacheSpecCase] {
        struct SpecFile: Decodable {
            struct Test: Decodable {
                var name: String
                var template: String
                var partials: [String: String]?
                var data: MustacheSpecValue
                var expected: String
            }
            var tests: [Test]
        }
        let url = folder.appendingPathComponent("\(file).json")
        let spec = try JSONDecoder().decode(SpecFile.self, from: Data(contentsOf: url))
        return spec.tests.enumerated().map { number, test in
            MustacheSpecCase(file: file, number: number + 1, name: test.name, template: test.template,
                             partials: test.partials ?? [:], data: test.data, expected: test.expected)
        }
    }

    /// Renders the case as `TemplateSet` does: every partial parsed into the set the renderer
    /// looks names up in. (`TemplateSet.load` also rejects a partial that does not exist; the
    /// renderer alone shows nothing for it, which is what the spec's "Failed Lookup" checks.)
    func check() throws {
        var templates: [String: Template] = [:]
        for (name, text) in partials { templates[name] = try TemplateParser.parse(text) }
        let main = try TemplateParser.parse(template)
        var renderer = TemplateRenderer(templates: templates, root: data.templateValue ?? .map([:]))
        renderer.render(main.nodes)
        #expect(renderer.output == expected, "\(testDescription)\ntemplate: \(template.debugDescription)")
        #expect(renderer.runaway == nil)
    }
}

/// A JSON value of the spec's data, kept apart from `TemplateValue` until the test maps it.
enum MustacheSpecValue: Sendable, Decodable {
    case null
    case bool(Bool)
    case int(Int)
    case decimal(Double)
    case string(String)
    case list([MustacheSpecValue])
    case map([String: MustacheSpecValue])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .decimal(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([MustacheSpecValue].self) {
            self = .list(value)
        } else {
            self = .map(try container.decode([String: MustacheSpecValue].self))
        }
    }

    /// The value a site's data would give the engine for the same JSON:
    /// - `null` is no value: a key holding it is left out, as a Swift optional is (`TemplateValue.optional`);
    /// - a decimal is its text, as `DataFile` keeps `0.38` in YAML as written (no float to reformat).
    var templateValue: TemplateValue? {
        switch self {
        case .null: return nil
        case .bool(let value): return .bool(value)
        case .int(let value): return .int(value)
        case .decimal(let value): return .string(String(value))
        case .string(let value): return .string(value)
        case .list(let items): return .list(items.compactMap(\.templateValue))
        case .map(let values): return .map(TemplateMap(values.compactMapValues(\.templateValue)))
        }
    }
}
