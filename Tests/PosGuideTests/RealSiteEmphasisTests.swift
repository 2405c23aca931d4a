import Foundation
import Testing
@testable import PosGuide

/// The published site shows readers no Markdown emphasis marks: every `**` and `__`
/// in content/ became bold or italics, in pages, lists, the feed and the print documents.
@Suite struct RealSiteEmphasisTests {
    /// The text of `markup` outside `<pre>`, `<code>`, `<script>` and `<style>` elements, attributes included.
    static func textOutsideCode(_ markup: String) -> String {
        markup.replacingOccurrences(of: #"<(pre|code|script|style)\b.*?</\1>"#, with: "", options: [.regularExpression])
    }

    @Test func textOutsideCodeDropsOnlyCode() {
        let html = "<p>**甲**<code>**乙**</code></p><pre><code>__丙__</code></pre><script>a__b</script><p>__丁</p>"
        #expect(Self.textOutsideCode(html) == "<p>**甲**</p><p>__丁</p>")
    }

    @Test func noPageShowsLiteralEmphasisMarks() {
        let build = RealContentTests.build
        let published = build.files.filter { $0.path.hasSuffix(".html") || $0.path.hasSuffix(".xml") }
        #expect(published.count > 30)
        for file in published {
            let text = Self.textOutsideCode(build.text(file.path))
            for marker in ["**", "__"] {
                guard let found = text.range(of: marker) else { continue }
                let before = text[..<found.lowerBound].suffix(20)
                Issue.record("\(file.path) shows \(marker): …\(before)\(marker)")
            }
        }
        #expect(!build.diagnostics.contains { $0.id == "markdown.literal-emphasis" })
    }
}
