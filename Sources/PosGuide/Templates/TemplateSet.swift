import Foundation
import Synchronization

/// The Mustache templates of `templates/`, parsed once and checked before any page renders.
struct TemplateSet: Sendable {
    /// Templates every build renders with.
    static let required = ["home", "section", "article", "provider", "providers", "404"]

    let templates: [String: Template]
    let problems = Problems()
    /// Files under `templates/assets/` (the theme's CSS and images), relative to it.
    let assets: [String]
    /// The tree the templates came from, and their folder in it (`templates`).
    let tree: any SourceTree
    let folder: String

    /// Where the templates are, for messages: on disk, the folder's absolute path.
    var location: String { tree.location(of: folder) }

    static func load(from tree: any SourceTree, folder: String = "templates") -> (TemplateSet?, [Diagnostic]) {
        guard tree.item(at: folder) == .folder else {
            return (nil, [.error("templates.missing", "no templates folder: looked for \(tree.location(of: folder))", at: SourceLocation(path: folder))])
        }
        var diagnostics: [Diagnostic] = []
        var templates: [String: Template] = [:]
        /// Every template file, parsed or not (a syntax error is reported once, not also as "missing").
        var parsed: Set<String> = []
        var assets: [String] = []
        // Files only, hidden ones left out; a link out of the site is an error, never read.
        let listing = tree.files(under: folder)
        diagnostics += listing.outside.map { .linkOutsideSite(folder + "/" + $0.path, to: $0.target) }
        for relative in listing.files.sorted() {
            if relative.hasPrefix("assets/") {
                assets.append(String(relative.dropFirst("assets/".count)))
                continue
            }
            guard relative.hasSuffix(".mustache") else { continue }
            let path = folder + "/" + relative
            let name = String(relative.dropLast(".mustache".count))
            let data: Data
            do {
                data = try tree.contents(of: path)
            } catch {
                diagnostics.append(.error("file.unreadable", "cannot read template: \(error.reason)", at: SourceLocation(path: path)))
                continue
            }
            let file: SourceFile
            switch SourceFile.decode(data, path: path) {
            case .success(let decoded): file = decoded
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                continue
            }
            do {
                templates[name] = try TemplateParser.parse(file.text)
            } catch {
                diagnostics.append(.error("template.syntax", "template syntax error: \(error.message)",
                                          at: SourceLocation(path: path, line: error.line, column: error.column)))
            }
            parsed.insert(name)
        }
        for name in required where !parsed.contains(name) && !diagnostics.contains(where: { $0.location.path == "\(folder)/\(name).mustache" }) {
            diagnostics.append(.error(
                "template.missing",
                "missing template `\(name).mustache` in \(tree.location(of: folder))",
                at: SourceLocation(path: "\(folder)/\(name).mustache")
            ))
        }
        // Mustache renders an unknown partial as nothing; here it is an error at the tag.
        for (name, template) in templates {
            for reference in template.references where !parsed.contains(reference.name) {
                diagnostics.append(.error(
                    "template.missing-partial",
                    "template uses partial `\(reference.name)`, but there is no \(reference.name).mustache",
                    at: SourceLocation(path: "\(folder)/\(name).mustache", line: reference.line, column: reference.column)
                ))
            }
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (TemplateSet(templates: templates, assets: assets, tree: tree, folder: folder), diagnostics)
    }

    /// Whether `templates/<name>.mustache` exists (for templates only some sites need).
    func has(_ name: String) -> Bool {
        templates[name] != nil
    }

    /// Renders the template `name`; every `{{value}}` is escaped for HTML.
    /// A partial that recurses without end is recorded in `problems` (the build then fails).
    func render(_ name: String, _ context: TemplateValue.Map) -> String {
        renderer(name, context, capacity: 16_384).output
    }

    /// Renders the template `name` as the file at `path`, which takes the rendered bytes as they are.
    /// `capacity`: about how many bytes the page will have (the markup it shows, and room for the
    /// template's own text), so they are rarely moved as they grow.
    func renderFile(_ name: String, _ context: TemplateValue.Map, path: String, capacity: Int = 16_384) -> OutputFile {
        OutputFile(path: path, contents: .bytes(renderer(name, context, capacity: capacity).data()))
    }

    private func renderer(_ name: String, _ context: TemplateValue.Map, capacity: Int) -> TemplateRenderer {
        var renderer = TemplateRenderer(templates: templates, context: context, capacity: capacity)
        if let template = templates[name] { renderer.render(template.nodes) }
        if let runaway = renderer.runaway { problems.record(runaway: runaway, in: name) }
        return renderer
    }

    /// What went wrong while rendering, from any thread; `SiteBuilder` turns it into diagnostics.
    final class Problems: Sendable {
        private let runaways = Mutex<[String: String]>([:])

        func record(runaway partial: String, in template: String) {
            runaways.withLock { runaways in
                if runaways[partial] == nil { runaways[partial] = template }
            }
        }

        /// The problems since the last call, as diagnostics, and forgets them.
        func drain() -> [Diagnostic] {
            let runaways = self.runaways.withLock { runaways in
                defer { runaways = [:] }
                return runaways
            }
            return runaways.sorted { $0.key < $1.key }.map { partial, template in
                .error("template.recursion",
                       "partial `\(partial)` includes itself more than \(TemplateRenderer.maximumDepth) levels deep (rendering `\(template)`)",
                       at: SourceLocation(path: "templates/\(partial).mustache"),
                       hint: "a recursive partial must sit inside a section that ends, e.g. `{{#children}}{{> \(partial)}}{{/children}}` where every item has its own `children` (empty at the leaves): a missing name is looked up in the enclosing items again")
            }
        }
    }
}
