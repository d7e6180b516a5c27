"""/docs and /redoc render in a real browser with every other host cut off."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser


def _cut_the_network(page) -> list[str]:
    own = urlsplit(page.base).netloc
    blocked: list[str] = []

    def route(r):
        if urlsplit(r.request.url).netloc in (own, ""):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    return blocked


def test_swagger_ui_lists_the_operations_offline(browser_page):
    blocked = _cut_the_network(browser_page)
    browser_page.goto("/docs")
    browser_page.wait_for_selector(".opblock", timeout=30000)
    assert browser_page.locator(".opblock").count() >= 10
    assert browser_page.get_by_text("/sparql", exact=True).first.is_visible()
    assert not blocked


def test_redoc_renders_the_reference_offline(browser_page):
    blocked = _cut_the_network(browser_page)
    browser_page.goto("/redoc")
    browser_page.wait_for_selector("text=SPARQL 1.1 query and update endpoint", timeout=30000)
    assert not blocked
