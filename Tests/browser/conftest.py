"""Browser tests: the built site served over http://127.0.0.1, driven by Debian's Chromium.

Never `playwright install`: Playwright drives /usr/bin/chromium (see ../shared/TOOLCHAIN.md).
"""
import functools
import http.server
import json
import os
import pathlib
import subprocess
import tempfile
import threading

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
VECTORS = json.loads((ROOT / "Tests" / "vectors" / "tools.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium",
            "args": ["--no-sandbox", "--disable-dev-shm-usage"]}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # A phone in WeChat's browser: the size the tools are designed for.
    return {**browser_context_args, "viewport": {"width": 390, "height": 844}}


@pytest.fixture(scope="session")
def site_output():
    """The repository's site, built once with the debug binary into a temporary folder."""
    binary = ROOT / ".build" / "debug" / "posguide"
    if not binary.exists():
        binary = ROOT / ".build" / "release" / "posguide"
    output = pathlib.Path(tempfile.mkdtemp(prefix="posguide-browser-")) / "public"
    subprocess.run([str(binary), "build", "--source", str(ROOT), "--output", str(output)], check=True)
    return output


@pytest.fixture(scope="session")
def site_pages(site_output):
    """Site paths of every HTML file the build wrote, print documents and 404.html included."""
    paths = []
    for file in sorted(site_output.rglob("*.html")):
        relative = file.relative_to(site_output).as_posix()
        paths.append("/" + relative.removesuffix("index.html"))
    assert len(paths) > 30, "the site should have every page built"
    return paths


@pytest.fixture(scope="session")
def site_url(site_output):
    """The built site served on a free local port."""
    handler = functools.partial(QuietHandler, directory=str(site_output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def console_errors(page):
    """Console errors of the page, except the browser's own /favicon.ico request."""
    errors = []

    def record(message):
        if message.type == "error" and "favicon" not in (message.location or {}).get("url", ""):
            errors.append(message.text)

    page.on("console", record)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


@pytest.fixture(scope="session")
def screenshot_dir():
    path = pathlib.Path(os.environ.get("POSGUIDE_SCREENSHOTS", tempfile.mkdtemp(prefix="posguide-shots-")))
    path.mkdir(parents=True, exist_ok=True)
    return path
