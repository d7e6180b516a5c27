"""The pages in a real browser: the editor runs queries, claims lead to their passages, search finds the memo."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

DOCS_QUERY_TITLE = "Documents with their date, place, classification and archival file"


def test_editor_runs_a_documented_example_and_its_rows_link_to_pages(browser_page):
    page = browser_page
    page.goto("/query")
    page.get_by_role("link", name=DOCS_QUERY_TITLE).click()
    page.locator(".yasqe_queryButton").last.click()
    link = page.locator('.yasr table a[href^="/id/historicaldocuments/frus1981-88v41/d54"]').first
    link.wait_for(timeout=15_000)
    assert link.get_attribute("target") is None
    assert "1981-10-26" in page.locator(".yasr table").inner_text()


def test_editor_loads_a_shared_link_with_its_query(browser_page):
    page = browser_page
    page.goto("/query?query=" + "SELECT%20%3Fshared%20WHERE%20%7B%7D")
    page.locator(".CodeMirror").first.wait_for()
    assert "?shared" in page.locator(".tabPanel.active .CodeMirror").inner_text()
