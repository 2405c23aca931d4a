"""The Content-Security-Policy in a real browser: every page of the built site loads without a
single violation or console error, and so does `posguide serve` with its live-reload script
and error overlay (which the policy would block if they were inline)."""
import re

from test_preview import Preview, live, site  # noqa: F401 (site is a fixture)

# Recorded from the first moment of every page, before any script of the site runs.
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__csp.push(event.violatedDirective + " blocked " + (event.blockedURI || "inline") +
                    " at " + event.sourceFile + ":" + event.lineNumber);
});
"""


def pages(site_output):
    return sorted(path.relative_to(site_output).as_posix() for path in site_output.rglob("*.html"))


def test_every_page_carries_the_policy_and_breaks_none_of_it(page, site_url, site_output, console_errors):
    page.add_init_script(RECORD_VIOLATIONS)
    paths = pages(site_output)
    assert len(paths) > 20
    problems = []
    for path in paths:
        html = (site_output / path).read_text(encoding="utf-8")
        if 'http-equiv="Content-Security-Policy"' not in html:
            problems.append(f"{path}: no Content-Security-Policy meta tag")
        console_errors.clear()
        page.goto(f"{site_url}/{path}", wait_until="load")
        page.wait_for_timeout(50)
        violations = page.evaluate("window.__csp")
        problems += [f"{path}: {v}" for v in violations]
        problems += [f"{path}: console: {e}" for e in console_errors]
    assert not problems, "\n".join(problems)


def test_no_inline_script_style_or_handler_in_the_built_site(site_output):
    """What the browser test cannot see on a page it never reaches: the files themselves."""
    inline = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>|\sstyle=\"|\son[a-z]+=\"", re.I)
    offenders = []
    for path in pages(site_output):
        html = (site_output / path).read_text(encoding="utf-8")
        if 'content="default-src \'none\'; style-src \'unsafe-inline\'' in html:
            continue  # a printed guide: one file that must stand alone, with no script at all
        offenders += [f"{path}: {m.group(0)}" for m in inline.finditer(html)]
    assert not offenders, "\n".join(offenders[:20])


def test_the_preview_works_under_its_policy_header(page, site, console_errors):
    page.add_init_script(RECORD_VIOLATIONS)
    preview = Preview(site)
    try:
        response = page.goto(preview.url + "/articles/hidden-fees/")
        assert "script-src 'self'" in response.headers["content-security-policy"]
        live(page)
        # Break the page: the overlay arrives by the event stream, styled from /_posguide/overlay.css.
        article = site / "content" / "articles" / "hidden-fees.md"
        text = article.read_text(encoding="utf-8")
        article.write_text(text.replace("\ntitle:", "\ntitel:", 1), encoding="utf-8")
        page.wait_for_selector("#posguide-overlay", timeout=5000)
        assert page.eval_on_selector("#posguide-overlay", "e => getComputedStyle(e).position") == "fixed"
        # A fresh load shows the server-side overlay, styled the same way.
        page.reload()
        page.wait_for_selector("#posguide-overlay")
        assert page.eval_on_selector("#posguide-overlay", "e => getComputedStyle(e).position") == "fixed"
        assert page.evaluate("window.__csp") == []
        assert console_errors == []
    finally:
        preview.stop()
