"""`posguide serve` in a real browser: live reload, the error overlay, reconnecting after a restart."""
import os
import pathlib
import re
import shutil
import signal
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
ARTICLE = pathlib.Path("content/articles/hidden-fees.md")


def binary():
    for build in ("debug", "release"):
        path = ROOT / ".build" / build / "posguide"
        if path.exists():
            return path
    pytest.fail("no posguide binary: run `swift build` first")


class Preview:
    def __init__(self, site, port=0):
        self.site = site
        self.process = subprocess.Popen([str(binary()), "serve", "--source", str(site), "--port", str(port)],
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        for line in self.process.stdout:
            match = re.search(r"Serving at (http://127\.0\.0\.1:(\d+))/", line)
            if match:
                self.url, self.port = match.group(1), int(match.group(2))
                return
        pytest.fail("posguide serve did not start")

    def stop(self):
        self.process.send_signal(signal.SIGINT)
        assert self.process.wait(timeout=10) == 0


@pytest.fixture
def browser_context_args(browser_context_args):
    # Playwright's wait_for_function runs its predicate through eval, which the site's policy
    # forbids; these tests are about live reload, test_csp.py is about the policy.
    return {**browser_context_args, "bypass_csp": True}


@pytest.fixture
def site(tmp_path):
    for folder in ("content", "templates"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def live(page):
    page.wait_for_selector("html[data-posguide-live=connected]", timeout=5000)


def test_live_reload_and_error_overlay(page, site, console_errors):
    preview = Preview(site)
    try:
        original = (site / ARTICLE).read_text(encoding="utf-8")
        page.goto(preview.url + "/articles/hidden-fees/")
        live(page)

        # A save reloads the page with the new text.
        (site / ARTICLE).write_text(original + "\n浏览器预览测试的新句子。\n", encoding="utf-8")
        page.wait_for_function("document.body.innerText.includes('浏览器预览测试的新句子')", timeout=5000)
        live(page)

        # A save that breaks the build shows the errors over the page, which stays as it was.
        (site / ARTICLE).write_text(original.replace("\ntitle:", "\ntitel:"), encoding="utf-8")
        page.wait_for_selector(".posguide-error", timeout=5000)
        shown = page.locator(".posguide-error").all_inner_texts()
        # Each error as `check` prints it: the message, then the note with the fix.
        assert any(re.fullmatch(r"content/articles/hidden-fees\.md:(\d+:\d+): error: unknown key `titel` in front matter\n"
                                r"content/articles/hidden-fees\.md:\1: note: did you mean `title`\?", line) for line in shown), shown
        assert "浏览器预览测试的新句子" in page.inner_text("body")
        # Any page opened meanwhile shows it too, from the server, script or not.
        other = page.context.new_page()
        other.goto(preview.url + "/")
        assert other.locator(".posguide-error").count() >= 1
        other.close()

        # The fix clears it.
        (site / ARTICLE).write_text(original, encoding="utf-8")
        page.wait_for_selector(".posguide-error", state="detached", timeout=5000)
        live(page)
        assert "浏览器预览测试的新句子" not in page.inner_text("body")
        assert console_errors == []
    finally:
        preview.stop()


def test_the_page_reloads_after_the_server_restarts(page, site):
    preview = Preview(site)
    page.goto(preview.url + "/articles/hidden-fees/")
    live(page)
    page.evaluate("window.posguideTestMarker = 1")
    preview.stop()
    # Changed while the server was down: the page is now stale, and must notice once it reconnects.
    path = site / ARTICLE
    path.write_text(path.read_text(encoding="utf-8") + "\n重启之后的新句子。\n", encoding="utf-8")
    restarted = Preview(site, port=preview.port)
    try:
        page.wait_for_function("!window.posguideTestMarker && document.body.innerText.includes('重启之后的新句子')", timeout=10000)
    finally:
        restarted.stop()
