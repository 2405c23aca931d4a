@testable import PosGuide

/// Glossary records for tests (the format: docs/content-format.md, "Glossary records").
/// Test text, not the site's content: definitions say only what a test needs.
enum GlossaryFixture {
    static let intro = page("术语表", "测试用的术语表引言。")

    static let yiqing = """
    term: 一清
    pinyin: yī qīng
    aliases: [一清机, 一清POS]
    topic: settlement
    definition: |
      测试释义：钱直接结算到商户自己的账户（[《条例》](source:state-council-768)）。另见[二清](glossary:erqing)。
    explanation: |
      测试说明：见[文章](/articles/a/)。
    related: [erqing, mcc]
    sources: [state-council-768]
    checked: 2026-11-20

    """

    static let erqing = """
    term: 二清
    topic: settlement
    definition: |
      测试释义：钱先经过别人的账户。参见[一清](glossary:yiqing)。
    related: [yiqing]
    sources: [ndrc-2016-557]
    checked: 2026-11-20

    """

    static let mcc = """
    term: 商户类别码
    english: MCC
    topic: terminal
    definition: |
      测试释义：标明行业的代码。
    sources: [state-council-768]
    checked: 2026-11-20

    """

    /// A guide whose one chapter is the article and whose appendix is the glossary (chapter 2 in print).
    static let bookWithGlossaryAppendix = "title: 测试手册\ndate: 2026-11-24\nchapters:\n  - articles/a.md\nappendices:\n  - glossary/index.md\n"

    /// A site with three terms, their list's intro, sources and one article.
    static func files(article: String = page("甲", "正文。")) -> [String: String] {
        [
            "content/data/sources.yaml": sourcesYAML,
            "content/glossary/index.md": intro,
            "content/glossary/yiqing.yaml": yiqing,
            "content/glossary/erqing.yaml": erqing,
            "content/glossary/mcc.yaml": mcc,
            "content/articles/a.md": article,
        ]
    }
}
