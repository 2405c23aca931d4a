import Testing
@testable import PosGuide

/// The byte fast paths every link goes through must say exactly what the Character paths say.
@Suite struct LinkFastPathTests {
    static let addresses = [
        "https://www.pbc.gov.cn/zhengwugongkai/", "HTTP://Example.ORG:8080/x?y#z", "https://user:pw@host.example/",
        "https://user@", "https://@", "https://a@@b.example", "https://a@b@c.example:1/", "https://", "https:/",
        "http://host?q=1", "https://host#f", "mailto:x@y.example", "no scheme here", "", "://", "a://b://c",
        "https://[::1]:80/", "https://ex ample.org/", "https://host\r\n/x", "//cdn.example/a.png",
        "https://例子.测试/路径", "https://e\u{301}xample.org/",
    ]

    @Test func asciiAddressesGiveTheHostTheCharacterPathGives() {
        for address in Self.addresses {
            #expect(LinkResolver.host(of: address) == LinkResolver.characterHost(of: address), "\(address)")
            if address.utf8.allSatisfy({ $0 < 0x80 }) {
                #expect(LinkResolver.asciiHost(of: address) != nil, "\(address)")
            } else {
                #expect(LinkResolver.asciiHost(of: address) == nil, "\(address)")
            }
        }
    }

    @Test func trimmingKeepsTextWithPrintableEndsAndTrimsEveryWhitespace() {
        for text in ["abc", " abc", "abc\n", "\t甲\u{3000}", "\u{3000}", "a\u{85}", "\u{A0}b", "~x~", "", " ", "a b", "\u{1F}x\u{1F}",
                     "一清", "甲\u{3000}", "\u{3000}乙", "甲 ", "\n乙", "商户 POS", "POS 商户", "费率\u{2028}", "\u{4000}", "\u{3FFF}",
                     "😀", " 😀", "é", "甲\u{301}"] {
            let scalars = text.unicodeScalars
            let expected = scalars.firstIndex(where: { !$0.properties.isWhitespace }).map { start in
                String(scalars[start...scalars.lastIndex(where: { !$0.properties.isWhitespace })!])
            } ?? ""
            #expect(text.trimmingWhitespace == expected, "\(text.debugDescription)")
        }
    }
}
