/// One Mustache template, parsed once into a tree that renders without looking at its text again.
///
/// The Mustache the site's templates use (https://mustache.github.io/mustache.5.html):
/// `{{name}}` (HTML-escaped), `{{{name}}}` and `{{&name}}` (as is), dotted names and `{{.}}`,
/// `{{#name}}`/`{{^name}}` sections, `{{! comments }}`, `{{> partial}}`, `{{< parent}}` with
/// `{{$block}}` overrides, and `{{=<% %>=}}` delimiter changes: every module of the official Mustache
/// spec (github.com/mustache/spec) but lambdas and dynamic names, inheritance included, which
/// `MustacheSpecTests` runs case by case. A tag alone on its line ("standalone") takes the line
/// with it, and an override is reindented to its block, by the spec's rules (TemplateParser+Standalone.swift).
struct Template: Sendable {
    let nodes: [TemplateNode]
    /// Every `{{> name}}` and `{{< name}}`, with where it is, to check that those templates exist.
    let references: [(name: String, line: Int, column: Int)]
}

/// A piece of a parsed template.
indirect enum TemplateNode: Sendable {
    /// The template's own text, as UTF-8: copied into the output as it is.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` (not).
    case value(TemplatePath, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or with `inverted`, `{{^name}}…{{/name}}`.
    case section(TemplatePath, inverted: Bool, [TemplateNode])
    /// `{{> name}}`; a standalone one indents every line of the partial as the tag was indented.
    case partial(String, indentation: [UInt8])
    /// `{{< name}}…{{/name}}`: the template `name` with some of its blocks replaced.
    case parent(String, indentation: [UInt8], overrides: [String: [TemplateNode]])
    /// `{{$name}}default{{/name}}`: replaced when a template using this one as its parent overrides it;
    /// the override's lines are indented by `indentation` (the block's own, when it stands alone).
    case block(String, [TemplateNode], indentation: [UInt8])
}

/// A dotted name (`site.title`), looked up from the innermost context outwards by its first part.
/// No parts at all is `{{.}}`, the current context itself.
/// Each part is hashed here, once per template, not at every lookup (`TemplateKey`).
struct TemplatePath: Sendable {
    let first: TemplateKey?
    let rest: [TemplateKey]

    init(_ name: String) {
        if name == "." {
            first = nil
            rest = []
        } else {
            let parts = name.split(separator: ".", omittingEmptySubsequences: false).map { TemplateKey(String($0)) }
            first = parts[0]
            rest = Array(parts.dropFirst())
        }
    }
}
