import Foundation
import Mustache

/// The Mustache templates of `templates/`, parsed once and checked before any page renders.
public struct TemplateSet: @unchecked Sendable {
    /// Templates every build renders with.
    public static let required = ["home", "section", "article", "provider", "providers", "404"]

    let library: MustacheLibrary
    /// Files under `templates/assets/` (the theme's CSS and images), relative to it.
    public let assets: [String]
    public let directory: URL

    public static func load(from directory: URL, displayPath: String = "templates") -> (TemplateSet?, [Diagnostic]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return (nil, [.error("templates.missing", "no templates folder: looked for \(directory.path)", at: SourceLocation(path: displayPath))])
        }
        var diagnostics: [Diagnostic] = []
        var library = MustacheLibrary()
        var sources: [String: SourceFile] = [:]
        var assets: [String] = []
        let files = (FileManager.default.enumerator(atPath: directory.path)?.allObjects as? [String] ?? []).sorted()
        for relative in files where !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            if relative.hasPrefix("assets/") {
                var isDir: ObjCBool = false
                FileManager.default.fileExists(atPath: directory.appendingPathComponent(relative).path, isDirectory: &isDir)
                if !isDir.boolValue { assets.append(String(relative.dropFirst("assets/".count))) }
                continue
            }
            guard relative.hasSuffix(".mustache") else { continue }
            let path = displayPath + "/" + relative
            let name = String(relative.dropLast(".mustache".count))
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(relative).path) else {
                diagnostics.append(.error("file.unreadable", "cannot read template", at: SourceLocation(path: path)))
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
                _ = FastHTMLContentType.registered
                library.register(try MustacheTemplate(string: FastHTMLContentType.pragma + file.text), named: name)
                sources[name] = file
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(
                    "template.syntax",
                    "template syntax error: \(Self.describe(error.error))",
                    // The pragma line put in front shifts every line by one.
                    at: SourceLocation(path: path, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber)
                ))
            } catch {
                diagnostics.append(.error("template.syntax", "template error: \(error)", at: SourceLocation(path: path)))
            }
        }
        for name in required where sources[name] == nil && !diagnostics.contains(where: { $0.location.path == "\(displayPath)/\(name).mustache" }) {
            diagnostics.append(.error(
                "template.missing",
                "missing template `\(name).mustache` in \(directory.path)",
                at: SourceLocation(path: "\(displayPath)/\(name).mustache")
            ))
        }
        for (_, file) in sources {
            diagnostics += PartialReferences.check(file, known: Set(sources.keys))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (TemplateSet(library: library, assets: assets, directory: directory), diagnostics)
    }

    /// Whether `templates/<name>.mustache` exists (for templates only some sites need).
    public func has(_ name: String) -> Bool {
        library.getTemplate(named: name) != nil
    }

    /// Renders the template `name`; Mustache escapes every `{{value}}` for HTML.
    public func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: return "section closed with a different name than it was opened with"
        case .unfinishedName?: return "tag is not closed with `}}`"
        case .expectedSectionEnd?: return "section is never closed (missing `{{/name}}`)"
        case .invalidSetDelimiter?: return "invalid set-delimiter tag"
        case .transformAppliedToInheritanceSection?: return "a transform cannot apply to an inherited block"
        case .illegalTokenInsideInheritSection?: return "only `{{$block}}` overrides may appear inside `{{<parent}}`"
        case .textInsideInheritSection?: return "text inside `{{<parent}}` must be inside a `{{$block}}`"
        case .invalidConfigVariableSyntax?, .unrecognisedConfigVariable?: return "invalid `{{% ... }}` pragma"
        case nil: return "\(error)"
        }
    }
}
