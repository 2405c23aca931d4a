/// A component written as a fenced code block: ```` ```callout warning 标题 ````.
///
/// Directives keep the content CommonMark: any other renderer shows them as
/// code blocks, which still read sensibly.
public protocol Directive: Sendable {
    /// The reserved info-string word, e.g. `callout`.
    var name: String { get }
    /// Renders the component's HTML; problems go to `context.report`.
    func render(_ invocation: DirectiveInvocation, in context: DirectiveContext) -> String
}

/// One use of a directive in a page.
public struct DirectiveInvocation: Sendable {
    public var name: String
    /// The info string's words after the name.
    public var arguments: [String]
    /// The block's text between the fences.
    public var body: String
    /// Where the opening fence is.
    public var location: SourceLocation
    /// Lines before the body's first line in the source file.
    public var bodyLineOffset: Int
}

/// What a directive may ask of the page being rendered.
public protocol DirectiveContext: AnyObject {
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
    public func renderMarkdownBlocks(_ markdown: String, lineOffset: Int) -> String {
        renderBlocks(markdown, lineOffset: lineOffset, isPageBody: false)
    }

    public func renderMarkdownInline(_ markdown: String, lineOffset: Int) -> String {
        renderInline(markdown, lineOffset: lineOffset)
    }

    public var sitePaths: SitePaths { printChapter == nil ? environment.sitePaths : .root }
}
