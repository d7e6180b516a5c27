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


def test_regression_the_preview_card_was_blocked_in_openrefines_iframe(browser, browser_server):
    """The card carried the pages' `frame-ancestors 'none'`: chromium showed its error page in the frame."""
    card = browser_server + "/reconcile/preview?id={{id}}".replace("{{id}}", "people%2F102617")
    page_html = f'<!doctype html><title>client</title><iframe src="{card}" width="400" height="240"></iframe>'
    context = browser.new_context()
    violations = []
    try:
        page = context.new_page()
        page.on("console", lambda m: "Content Security Policy" in m.text and violations.append(m.text))
        with client_origin(page_html) as client:
            page.goto(client)
            frame = page.frame_locator("iframe")
            frame.locator("h1").wait_for(timeout=10_000)
            assert frame.locator("h1").inner_text() == "William Patrick Clark"
            assert "Deputy Secretary of State" in frame.locator("body").inner_text()
        assert not violations, violations
    finally:
        context.close()
