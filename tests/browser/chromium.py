"""Debian's headless chromium driven by Playwright, shared by the browser tests and `make screenshots`.

Playwright cannot download its own browsers on this closed network, so it drives /usr/bin/chromium
(installed by `make test`). The flags keep chromium from opening background connections that fail here.
"""
from __future__ import annotations

import importlib.util
import os
import sys
from contextlib import contextmanager
from pathlib import Path

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "launch", "served"]

CHROMIUM = Path(os.environ.get("FRUS_KG_TEST_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
_API_CONFTEST = Path(__file__).resolve().parent.parent / "api" / "conftest.py"


def _api_helpers():
    """tests/api/conftest.py by path; it imports bench.ports, so the repository must be importable when
    `make screenshots` runs this folder's script."""
    if str(_API_CONFTEST.parents[2]) not in sys.path:
        sys.path.append(str(_API_CONFTEST.parents[2]))
    spec = importlib.util.spec_from_file_location("frus_kg_api_test_helpers", _API_CONFTEST)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@contextmanager
def served(store: Path):
    """The base URL of `frus-kg serve` on `store` (a free port, as tests/api starts it), stopped on exit."""
    proc, base = _api_helpers().start_server(store)
    try:
        yield base
    finally:
        proc.terminate()
        proc.wait(10)


@contextmanager
def launch():
    """A headless chromium browser, closed on exit."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
