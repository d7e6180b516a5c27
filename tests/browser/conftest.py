"""Browser fixtures: a real `frus-kg serve` on the sample store (with its search index) and a chromium page.

`browser_page` yields a Playwright page whose `base` attribute is the server's URL, and which fails
the test if the page loads anything from another host or raises a script error; `csp_page` also fails it on any
breach of the page's Content Security Policy.
"""
from __future__ import annotations

import shutil
from urllib.parse import urlsplit

import pytest

from chromium import CHROMIUM, launch, served


@pytest.fixture(scope="session")
def indexed_store_path(sample_store_path, tmp_path_factory):
    """A copy of the sample store with its full-text index, as `frus-kg ingest` leaves it."""
    from graph import SearchIndex, open_store

    path = tmp_path_factory.mktemp("indexed") / "store"
    shutil.copytree(sample_store_path, path)
    db, index = open_store(path), SearchIndex.for_store(path)
    index.refresh(db)
    index.close()
    db.close()
    return path


@pytest.fixture(scope="session")
def browser_server(indexed_store_path):
    with served(indexed_store_path) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    pytest.importorskip("playwright.sync_api")
    with launch() as chromium:
        yield chromium


@pytest.fixture
def browser_page(browser, browser_server):
    context = browser.new_context(base_url=browser_server, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.base = browser_server
    elsewhere, errors = [], []
    own = urlsplit(browser_server).netloc
    page.on("request", lambda r: urlsplit(r.url).netloc not in (own, "") and elsewhere.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert not elsewhere, f"the page loaded from another host: {elsewhere}"
    assert not errors, f"script errors: {errors}"


# Predicates for wait_for_function are arrow functions: Playwright evaluates a bare expression with eval, which the
# page's Content Security Policy refuses (and the probe would report).
CSP_PROBE = """window.__csp = [];
document.addEventListener("securitypolicyviolation", e => window.__csp.push(e.violatedDirective + " " + e.blockedURI));"""


@pytest.fixture
def csp_page(browser_page):
    """The shared page (nothing from another host, no script error), also failing on any CSP violation."""
    console = []
    browser_page.on("console", lambda m: m.type == "error" and console.append(m.text))
    browser_page.add_init_script(CSP_PROBE)
    yield browser_page
    assert browser_page.evaluate("window.__csp") == [], "the page broke its Content Security Policy"
    assert not [m for m in console if "Content Security Policy" in m], console
