"""The reconciliation preview card as OpenRefine shows it: in an iframe of a page on another origin."""
from __future__ import annotations

import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

pytestmark = pytest.mark.browser


@contextmanager
def client_origin(body: str):
    """A page served from 127.0.0.1 on a port of its own (another origin than the server's), as OpenRefine's is."""
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@contextmanager
def framed(browser, card: str):
    """The card at `card` in an iframe (400×240) of a page on another origin: (its frame, the CSP violations seen),
    the violations complete when the block ends."""
    page_html = f'<!doctype html><title>client</title><iframe src="{card}" width="400" height="240"></iframe>'
    context = browser.new_context()
    violations: list[str] = []
    try:
        page = context.new_page()
        page.on("console", lambda m: "Content Security Policy" in m.text and violations.append(m.text))
        with client_origin(page_html) as client:
            page.goto(client)
            page.frame_locator("iframe").locator("h1").first.wait_for(timeout=10_000)
            yield page.frame(url=lambda url: "/reconcile/preview" in url), violations
    finally:
        context.close()


def test_regression_the_preview_card_was_blocked_in_openrefines_iframe(browser, browser_server):
    """The card carried the pages' `frame-ancestors 'none'`: chromium showed its error page in the frame."""
    card = browser_server + "/reconcile/preview?id={{id}}".replace("{{id}}", "people%2F102617")
    with framed(browser, card) as (frame, violations):
        assert frame.locator("h1").inner_text() == "William Patrick Clark"
        assert "Deputy Secretary of State" in frame.locator("body").inner_text()
    assert not violations, violations


def test_regression_the_previews_404_was_a_bare_paragraph_with_no_title_or_language(browser, browser_server):
    """'<!doctype html><p>No entity people/0</p>': no <title>, no lang, none of the site's layout. It is the site's
    not-found page, which OpenRefine's iframe shows with the site's stylesheet and no policy violation."""
    with framed(browser, browser_server + "/reconcile/preview?id=people%2F0") as (frame, violations):
        assert frame.locator("main h1").inner_text() == "Not found"
        assert "No entity people/0" in frame.locator("main").inner_text()
        assert frame.title() == "Not found · frus-kg" and frame.evaluate("document.documentElement.lang") == "en"
        assert frame.locator("header.site nav a").count() > 5
        assert frame.evaluate("[...document.styleSheets].some(s => s.href && s.href.endsWith('/static/site.css') "
                              "&& s.cssRules.length)")
    assert not violations, violations
