"""`make screenshots`: the main pages as PNGs in docs/screenshots/, so a reader sees the product before running it.

Ingests the bundled sample and the TEI test fixtures into a temporary store (as `frus-kg ingest` does,
search index included), serves it, and photographs each page in headless chromium.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from chromium import launch, served

__all__ = ["SHOTS", "main"]

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [ROOT / "examples", ROOT / "tests" / "fixtures" / "tei"]
VIEWPORT = {"width": 1200, "height": 760}
EDITOR_EXAMPLE = "Documents with their date, place, classification and archival file"
# (file, path, what to do before the picture)
SHOTS = [
    ("home.png", "/", None),
    ("editor.png", "/query", "run"),
    ("document.png", "/documents/frus1981-88v41/d54#claim-22", None),
    ("person.png", "/people/102617#by", None),
    ("country.png", "/countries/el-salvador#about", None),
    ("volume.png", "/volumes/frus1969-76v01", None),
    ("claims.png", "/claims?volume=frus1981-88v41&type=Recommendation", None),
    ("search.png", "/search?q=human+rights", None),
    ("network.png", "/network?kind=person-person&window=paragraph", "tie"),
]


def _ingest(store: Path) -> None:
    exe = Path(sys.executable).with_name("frus-kg")
    subprocess.run([str(exe), "ingest", "--store", str(store), *map(str, SOURCES)], check=False,
                   stdout=subprocess.DEVNULL)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        _ingest(store)
        with served(store) as base, launch() as browser:
            page = browser.new_page(viewport=VIEWPORT)
            for name, path, action in SHOTS:
                page.goto(base + path)
                if action == "run":
                    page.get_by_role("link", name=EDITOR_EXAMPLE).click()
                    page.locator(".yasqe_queryButton").last.click()
                    page.locator(".yasr table a").first.wait_for()
                elif action == "tie":       # the network drawn, and the passages of its heaviest tie listed
                    page.wait_for_function("() => window.frusNetwork && window.frusNetwork.ready", timeout=60_000)
                    page.locator("#ties button").first.click()
                    page.locator('#details-body[data-state="ready"]').wait_for()
                page.screenshot(path=str(out / name))
                print(out / name)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"))
