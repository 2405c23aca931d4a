import Foundation

/// A file's starting text: `templates/archetypes/<kind>.md|.yaml`, Mustache rendered by the site's own engine.
///
/// The values: `title` (only with `--title`, written ready for YAML: quoted when it must be, so an
/// archetype writes it with `{{{title}}}`), `slug`, `id` (the same: the file's name), `section`
/// (articles) and `date` (today, `SOURCE_DATE_EPOCH` when set).
enum NewArchetype {
    static func render(_ name: String, source: URL, values: TemplateValue.Map) -> Result<String, Diagnostic> {
        let path = "templates/archetypes/" + name
        guard let data = FileSystem.read(source.path + "/" + path) else {
            return .failure(.error("archetype.missing", "no archetype to start from: looked for \(source.path)/\(path)", at: SourceLocation(path: path),
                                   hint: "`posguide new` copies the archetypes of templates/archetypes/; this repository's are a starting point"))
        }
        let file: SourceFile
        switch SourceFile.decode(data, path: path) {
        case .success(let decoded): file = decoded
        case .failure(let diagnostic): return .failure(diagnostic)
        }
        let template: Template
        do {
            template = try TemplateParser.parse(file.text)
        } catch {
            return .failure(.error("template.syntax", "template syntax error: \(error.message)",
                                   at: SourceLocation(path: path, line: error.line, column: error.column)))
        }
        if let reference = template.references.first {
            return .failure(.error("template.missing-partial", "an archetype cannot use partials (`\(reference.name)`)",
                                   at: SourceLocation(path: path, line: reference.line, column: reference.column)))
        }
        var renderer = TemplateRenderer(templates: [:], context: values)
        renderer.render(template.nodes)
        return .success(renderer.output)
    }

    /// `text` as a YAML scalar on one line: as it is when YAML reads it back unchanged, else double-quoted.
    static func yamlScalar(_ text: String) -> String {
        if SimpleFrontMatter.isPlain(Substring(text)), text == text.trimmingWhitespace { return text }
        var quoted = "\""
        for character in text {
            switch character {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            default: quoted.append(character)
            }
        }
        return quoted + "\""
    }
}
