#!/usr/bin/env python3
"""Synthetic zh-CN article corpus for the benchmark and the golden-output test.

usage: scripts/gencorpus.py OUT_DIR PAGES [--seed N] [--shape normal|tiny|long|links]

Writes OUT_DIR/content/articles/pNNNNN.md: front matter (title, date, summary,
tags) and a CommonMark body of sections with headings, paragraphs with emphasis
and code spans, bullet and numbered lists, block quotes, code blocks and links
to other pages of the corpus. The same arguments always write the same bytes:
every page draws from its own generator, seeded from --seed and its number.

Shapes differ in how a page is made (see SHAPES): `normal` has 4 sections (about
5 KB a page), `tiny` 1, `long` 24. `links` is a blog moved from elsewhere: newsletter
pages of about 20 KB, each with about 60 links to other sites, 30 images from other
hosts and a little raw HTML, and a site.yaml that allows both (hosts are reserved
example names, never real ones). A shape may also write content/site.yaml.
To add one, write a function (rng, number, pages) -> body and register it.
"""
import argparse, json, os, random, sys

TERMS = (
    "收款码 银行卡 信用卡 借记卡 刷卡 挥卡 扫码 费率 手续费 服务费 商户 店主 收单机构 "
    "支付机构 持牌 许可证 一清 二清 结算 到账 清算 对账单 流水 小票 签购单 终端 "
    "电签机 智能机 押金 激活费 年费 流量卡 套现 跳码 商户编号 MCC 地区码 投诉 "
    "客服 人民银行 备案 核实 合同 营业执照 个体户 小微 风控 冻结 退款 撤销 密码 "
    "芯片 磁条 T+1 D+0 0.38% 0.6% 95 开头 短信"
).split()
CONNECTORS = ("和", "与", "还是", "以及", "对比", "之外的")
CODE_SPANS = ("T+1", "D+0", "MCC 5812", "898310054110001", "0.60%", "pos --check")
ENDINGS = ("。", "。", "。", "？", "！", "；")


def words(rng, low, high):
    return "".join(rng.choice(TERMS) for _ in range(rng.randint(low, high)))


def sentence(rng):
    text = words(rng, 6, 20)
    roll = rng.random()
    if roll < 0.25:
        text += "**" + words(rng, 1, 3) + "**" + words(rng, 2, 6)
    elif roll < 0.35:
        text += "*" + words(rng, 1, 2) + "*"
    if rng.random() < 0.12:
        text += "`" + rng.choice(CODE_SPANS) + "`"
    return text + rng.choice(ENDINGS)


def paragraph(rng, low=2, high=6):
    return "".join(sentence(rng) for _ in range(rng.randint(low, high)))


def link_to_another(rng, pages):
    other = rng.randrange(pages)
    return f"相关：[第 {other} 篇](../p{other:05d}/)。"


def section(rng, number, pages, index):
    parts = [f"## {index}. {rng.choice(TERMS)}{rng.choice(CONNECTORS)}{rng.choice(TERMS)}", paragraph(rng)]
    if rng.random() < 0.55:
        parts.append("\n".join("- " + sentence(rng) for _ in range(rng.randint(2, 5))))
    if rng.random() < 0.35:
        parts.append("\n".join(f"{k}. {sentence(rng)}" for k in range(1, rng.randint(3, 5))))
    if rng.random() < 0.3:
        parts.append("> " + paragraph(rng, 1, 3))
    if rng.random() < 0.2:
        parts.append(f"```\n商户编号 {rng.randrange(10**14, 10**15)}\n终端号 {rng.randrange(10**7, 10**8)}\n```")
    if rng.random() < 0.15:
        parts.append("### " + words(rng, 2, 3) + "\n\n" + paragraph(rng, 1, 3))
    parts.append(link_to_another(rng, pages) + paragraph(rng, 1, 4))
    return "\n\n".join(parts)


def sections_body(count):
    def body(rng, number, pages):
        return "\n\n".join(section(rng, number, pages, index) for index in range(1, count + 1))
    return body


# Reserved names (RFC 2606 / 6761): a generated link never points at a real site.
LINK_HOSTS = ("news.example.com", "blog.example.org", "mp.example.net", "bbs.payments.example", "www.shop.test")
IMAGE_HOSTS = ("img.example-cdn.example", "pic.example.net", "static.example.com")


def external_link(rng):
    host = rng.choice(LINK_HOSTS)
    return f"[{words(rng, 1, 3)}](https://{host}/{rng.randrange(2015, 2027)}/{rng.randrange(16**8):08x}.html)"


def remote_image(rng):
    host = rng.choice(IMAGE_HOSTS)
    return f"![{words(rng, 1, 2)}](https://{host}/uploads/{rng.randrange(16**10):010x}.jpg)"


def links_section(rng, index):
    """A newsletter item: a paragraph and a list carrying 4 links, and 2 images."""
    links = [external_link(rng) for _ in range(4)]
    parts = [
        f"## {index}. {rng.choice(TERMS)}{rng.choice(CONNECTORS)}{rng.choice(TERMS)}",
        paragraph(rng, 2, 5) + "原文：" + links[0] + "。" + sentence(rng) + "另见" + links[1] + "。",
        remote_image(rng),
        "\n".join(f"- {sentence(rng)}{link}" for link in links[2:]),
        paragraph(rng, 1, 3),
        remote_image(rng),
    ]
    return "\n\n".join(parts)


def links_body(rng, number, pages):
    sections = [links_section(rng, index) for index in range(1, 16)]
    # A little raw HTML, as an imported post keeps: an inline span and one block.
    sections[0] += '<span class="hl">' + words(rng, 1, 2) + "</span>。"
    sections.append('<div class="signature">\n<p>' + paragraph(rng, 1, 2) + "</p>\n</div>")
    sections.append(link_to_another(rng, pages))
    return "\n\n".join(sections)


LINKS_SITE_YAML = """title: 合并进来的博客
# An imported blog: images stay on their hosts and the posts keep their bits of HTML.
remote_images: allow
allow_raw_html: true
"""


class Shape:
    """How one kind of corpus is made: a page body, and optionally the site's settings."""

    def __init__(self, body, site_yaml=None):
        self.body = body
        self.site_yaml = site_yaml


SHAPES = {
    "normal": Shape(sections_body(4)),
    "tiny": Shape(sections_body(1)),
    "long": Shape(sections_body(24)),
    "links": Shape(links_body, site_yaml=LINKS_SITE_YAML),
}


def page(rng, number, pages, shape):
    month, day = 1 + number % 12, 1 + number % 28
    front = {
        "title": f"{rng.choice(TERMS)}{rng.choice(TERMS)}问答 {number}",
        "date": f"2026-{month:02d}-{day:02d}",
        "summary": sentence(rng),
        "tags": [rng.choice(TERMS), rng.choice(TERMS)],
    }
    # JSON strings are YAML double-quoted strings.
    lines = ["---"]
    lines.append("title: " + json.dumps(front["title"], ensure_ascii=False))
    lines.append("date: " + front["date"])
    lines.append("summary: " + json.dumps(front["summary"], ensure_ascii=False))
    lines.append("tags: [" + ", ".join(json.dumps(tag, ensure_ascii=False) for tag in front["tags"]) + "]")
    lines.append("---")
    return "\n".join(lines) + "\n\n" + shape.body(rng, number, pages) + "\n"


def generate(out, pages, seed, shape_name):
    shape = SHAPES[shape_name]
    articles = os.path.join(out, "content", "articles")
    os.makedirs(articles, exist_ok=True)
    if shape.site_yaml is not None:
        with open(os.path.join(out, "content", "site.yaml"), "w", encoding="utf-8") as handle:
            handle.write(shape.site_yaml)
    for number in range(pages):
        # One generator per page: a page's text does not depend on the pages before it.
        rng = random.Random(f"{seed}/{shape_name}/{number}")
        with open(os.path.join(articles, f"p{number:05d}.md"), "w", encoding="utf-8") as handle:
            handle.write(page(rng, number, pages, shape))


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", metavar="OUT_DIR")
    parser.add_argument("pages", metavar="PAGES", type=int)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--shape", choices=sorted(SHAPES), default="normal")
    args = parser.parse_args(argv)
    if args.pages < 1:
        parser.error("PAGES must be at least 1")
    generate(args.out, args.pages, args.seed, args.shape)


if __name__ == "__main__":
    main(sys.argv[1:])
