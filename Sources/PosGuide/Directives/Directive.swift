/// A component written as a fenced code block: ```` ```callout warning 标题 ````.
///
/// Directives keep the content CommonMark: any other renderer shows them as
/// code blocks, which still read sensibly.
protocol Directive: Sendable {
    /// The reserved info-string word, e.g. `callout`.
    var name: String { get }
    /// Renders the component's HTML; problems go to `context.report`.
    func render(_ invocation: DirectiveInvocation, in context: DirectiveContext) -> String
}

/// One use of a directive in a page.
struct DirectiveInvocation: Sendable {
    var name: String
    /// The info string's words after the name.
    var arguments: [String]
    /// The block's text between the fences.
    var body: String
    /// Where the opening fence is.
    var location: SourceLocation
    /// Lines before the body's first line in the source file.
    var bodyLineOffset: Int
}

/// What a directive may ask of the page being rendered.
protocol DirectiveContext: AnyObject {
    /// Renders Markdown blocks with the page's citations, links and safety rules.
    func renderMarkdownBlocks(_ markdown: String, lineOffset: Int) -> String
    /// Renders one line of inline Markdown, without a wrapping paragraph.
    func renderMarkdownInline(_ markdown: String, lineOffset: Int) -> String
    func report(_ diagnostic: Diagnostic)
    /// Turns the site paths a directive links (`/assets/tools.js`) into hrefs. In a print
    /// document they stay site paths, which the document points at the live site itself.
    var sitePaths: SitePaths { get }
}

extension MarkdownRenderer: DirectiveContext {
    func renderMarkdownBlocks(_ markdown: String, lineOffset: Int) -> String {
        renderBlocks(markdown, lineOffset: lineOffset, isPageBody: false)
    }

    func renderMarkdownInline(_ markdown: String, lineOffset: Int) -> String {
        renderInline(markdown, lineOffset: lineOffset)
    }

    var sitePaths: SitePaths { printChapter == nil ? environment.sitePaths : .root }
}
