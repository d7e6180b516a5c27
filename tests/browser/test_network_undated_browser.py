"""The network page's time slider and tie details in a real browser, for ties seen in an undated editorial note: the
note counts where the whole interval it tells of lies within the slider's months, as the server's date filter counts
it (docs/networks.md), and the tie says when it was seen.

The store holds frus1977-80v01's note 114 (undated, telling of 24 February to 30 March 1979) between its dated
documents, and the sample memo of October 1981, so that February–March 1979 is not the whole range; ingested by
`frus-kg ingest` (which tables them).
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from chromium import served

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [ROOT / "tests" / "fixtures" / "tei" / "frus1977-80v01-editorial-note.xml", ROOT / "examples" / "frus1981-88v41-d54.txt"]
INTERVAL = "1979-02-24/1979-03-30"


@pytest.fixture(scope="module")
def browser_server(tmp_path_factory):
    """Overrides the shared fixture for this module: `browser_page` serves this store."""
    path = tmp_path_factory.mktemp("note-network") / "store"
    run = subprocess.run([str(Path(sys.executable).with_name("frus-kg")), "ingest", "--store", str(path), *map(str, SOURCES)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    with served(path) as base:
        yield base


def _ties(page) -> list[dict]:
    return page.evaluate("""() => {
      const {graph, renderer} = window.frusNetwork;
      return graph.mapEdges((key, a) => ({key, start: a.start, told: a.told,
                                          shown: renderer.getEdgeDisplayData(key).visibility !== "hidden"}));
    }""")


def test_regression_a_tie_seen_only_in_an_undated_note_was_in_no_month_of_the_slider(csp_page):
    """A tie whose only document is note 114 had no first or last date: the slider hid it from every range but the
    whole, and its details gave no time. It is active in February–March 1979 (the whole interval), not in March alone,
    and says "an undated editorial note telling of 1979-02-24 to 1979-03-30"."""
    page = csp_page
    page.goto("/network?kind=person-person")
    page.wait_for_function("() => window.frusNetwork && window.frusNetwork.ready", timeout=60_000)
    months = page.evaluate("frusNetwork.months")
    assert months[0] == "1979-02" and months[-1] == "1981-10"
    only = [t["key"] for t in _ties(page) if t["start"] is None and t["told"] == [["1979-02", "1979-03"]]]
    assert only

    def shown_in(first: str, last: str) -> set[str]:
        page.evaluate(f"frusNetwork.setRange({months.index(first)}, {months.index(last)})")
        return {t["key"] for t in _ties(page) if t["shown"]}

    assert set(only) <= shown_in("1979-02", "1979-03")
    assert not set(only) & shown_in("1979-03", "1979-03")
    assert not set(only) & shown_in(months[0], "1979-02") and not set(only) & shown_in("1979-04", months[-1])
    assert set(only) <= shown_in(months[0], "1980-01")
    page.evaluate(f"frusNetwork.setRange({months.index('1979-02')}, {months.index('1979-03')})")
    page.evaluate(f"frusNetwork.showEdge({only[0]!r})")
    page.wait_for_function("() => document.getElementById('details-body').dataset.state === 'ready'")
    said = page.locator("#details-body .tie-when").inner_text()
    assert said.endswith("an undated editorial note telling of 1979-02-24 to 1979-03-30."), said
    assert "whole time the note tells of" in page.locator("#v-time-hint").inner_text()
