import Mustache

/// HTML escaping for `{{value}}` with the project's own `htmlEscaped`.
///
/// swift-mustache escapes by walking Characters through a dictionary, which profiling showed
/// to be a tenth of a large build's CPU: Chinese text is all multi-byte grapheme clusters.
/// `htmlEscaped` escapes the same five characters (`< > & " '`, as `&lt; &gt; &amp; &quot; &#39;`)
/// and returns text that has none of them, the usual case, as it is.
struct FastHTMLContentType: MustacheContentType {
    static let name = "posguide-html"
    /// Put first in every template (see `TemplateSet.load`): partials start from swift-mustache's
    /// own HTML type, so each template selects this one itself. A standalone line, so it renders nothing.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"

    static let registered: Void = MustacheContentTypes.register(FastHTMLContentType(), named: name)

    func escapeText(_ text: String) -> String {
        text.htmlEscaped
    }
}
