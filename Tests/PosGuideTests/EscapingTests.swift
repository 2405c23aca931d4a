import Testing
@testable import PosGuide

/// Templates escape every value from content; only markup the build made is inserted raw.
@Suite struct EscapingTests {
    @Test func escapesProviderNamesOnTheirPageAndInTheList() throws {
        let site = try SiteFixture([
            "content/data/sources.yaml": sourcesYAML,
            "content/providers/evil.yaml": provider(name: "<script>alert(1)</script>"),
        ])
        let result = site.build()
        #expect(!result.diagnostics.hasErrors)
        for path in ["providers/evil/index.html", "providers/index.html"] {
            let html = result.text(path)
            #expect(!html.contains("<script>alert(1)</script>"), "\(path)")
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(path)")
        }
    }

    @Test func escapesTitlesInHeadAndBody() throws {
        let site = try SiteFixture(["content/articles/a.md": "---\ntitle: \"<b>&\\\"甲\"\ndescription: \"<i>描述</i>\"\n---\n\n正文。\n"])
        let html = site.build().text("articles/a/index.html")
        #expect(html.contains("<title>&lt;b&gt;&amp;&quot;甲 · 商户 POS 安全指南</title>"))
        #expect(html.contains("<h1 data-pagefind-body data-pagefind-weight=\"10\">&lt;b&gt;&amp;&quot;甲</h1>"))
        #expect(html.contains("<meta property=\"og:title\" content=\"&lt;b&gt;&amp;&quot;甲\">"))
        #expect(html.contains("<meta name=\"description\" content=\"&lt;i&gt;描述&lt;/i&gt;\">"))
        #expect(!html.contains("<b>&"))
    }

    @Test func escapesTextInGeneratedListsAndFeeds() throws {
        let site = try SiteFixture(["content/articles/a.md": page("甲<x>", "摘要 <不是标签>", extra: "date: 2026-11-20\n")])
        let result = site.build()
        #expect(result.text("articles/index.html").contains("甲&lt;x&gt;"))
        #expect(result.text("feed.xml").contains("<title>甲&lt;x&gt;</title>"))
    }
}

@Suite struct HrefEscapingTests {
    /// The rule, written plainly: cmark's href escaping.
    static func reference(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;"
            case UInt8(ascii: "'"): out += "&#x27;"
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                if "-_.+!*(),%#@?=;:/$~".utf8.contains(byte) {
                    out.unicodeScalars.append(Unicode.Scalar(byte))
                } else {
                    out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
                }
            }
        }
        return out
    }

    @Test func escapesEveryASCIICharacterAndChineseAsTheRuleSays() {
        let ascii = String(decoding: (UInt8(1)...UInt8(127)).map { $0 }, as: UTF8.self)
        for text in [ascii, "/articles/fees/", "https://例子.cn/资料 1.pdf?a=1&b='2'#第一节", "", "%E4%B8%AD", "\u{7F}\u{1}"] {
            #expect(text.hrefEscaped == Self.reference(text), "\(text.debugDescription)")
        }
        #expect("/articles/fees/".hrefEscaped == "/articles/fees/")
        #expect("/资 料/".hrefEscaped == "/%E8%B5%84%20%E6%96%99/")
    }
}
