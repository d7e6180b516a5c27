"""A volume whose ingest stopped early is not shown as a whole volume: its page says so, its documents' JSON and its
description too, until an ingest of the whole file completes it (ingest/incomplete.py writes what they read)."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

ROOT = Path(__file__).resolve().parents[2]
WHOLE = ROOT / "tests" / "fixtures" / "tei" / "frus1948v05p1-slice.xml"
VOLUME = "frus1948v05p1"
HTML = {"Accept": "text/html"}
JSON = {"Accept": "application/json"}
VOLUME_IRI = f"https://w3id.org/frus-kg/id/historicaldocuments/{VOLUME}"
DQV = "http://www.w3.org/ns/dqv#"
OA = "http://www.w3.org/ns/oa#"
DCT = "http://purl.org/dc/terms/"
FK = "https://w3id.org/frus-kg/vocab#"


def _void(base: str) -> dict[str, dict[str, list[str]]]:
    """The served VoID description: each subject's values per predicate."""
    r = httpx.get(base + "/.well-known/void", headers={"Accept": "text/turtle"}, timeout=60)
    assert r.status_code == 200, r.text
    about: dict[str, dict[str, list[str]]] = {}
    for t in ox.parse(r.content, format=ox.RdfFormat.TURTLE):
        about.setdefault(t.subject.value, {}).setdefault(t.predicate.value, []).append(t.object.value)
    return about


def _annotated(about: dict) -> dict[str, str]:
    """The volumes whose VoID subset bears a quality annotation, and the annotation's body."""
    dataset = about["https://w3id.org/frus-kg/id/void"]
    return {about[s][DCT + "source"][0]: about[note][OA + "hasBody"][0]
            for s in dataset["http://rdfs.org/ns/void#subset"] for note in about[s].get(DQV + "hasQualityAnnotation", [])}


def _ingest(store: Path, path: Path, code: int) -> None:
    exe = Path(sys.executable).with_name("frus-kg")
    proc = subprocess.run([str(exe), "ingest", "--store", str(store), "--workers", "0", str(path)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == code, proc.stderr


@pytest.fixture(scope="module")
def served(tmp_path_factory, launch_for_module):
    """A store holding the slice cut in the middle of d3, served; and the whole file, to ingest while it is."""
    folder = tmp_path_factory.mktemp("incomplete")
    text = WHOLE.read_text(encoding="utf-8")
    cut = folder / "cut" / f"{VOLUME}.xml"
    cut.parent.mkdir()
    cut.write_text(text[:text.index("</p>", text.index('xml:id="d3"')) - 20], encoding="utf-8")
    _ingest(folder / "store", cut, code=1)
    _, base = launch_for_module(folder / "store")
    return base, folder / "store", cut.read_text(encoding="utf-8").count("\n") + 1


def test_the_volume_page_says_plainly_that_the_volume_is_incomplete_where_and_why(served):
    base, _, lines = served
    page = httpx.get(f"{base}/volumes/{VOLUME}", headers=HTML, timeout=30)
    assert page.status_code == 200
    notice = page.text[page.text.index('id="incomplete-ingest"'):page.text.index("</p>", page.text.index('id="incomplete-ingest"'))]
    assert "This volume is incomplete in this store." in notice
    assert f"of <code>{VOLUME}.xml</code>, stopped at line {lines}, column" in notice
    assert "after reading 2 documents: truncated or malformed XML" in notice
    assert page.text.count('href="/documents/frus1948v05p1/d') == 2


def test_the_volumes_documents_as_json_carry_the_same_and_its_description_in_rdf(served):
    base, _, lines = served
    listing = httpx.get(f"{base}/volumes/{VOLUME}", headers=JSON, follow_redirects=True, timeout=30).json()
    assert listing["total"] == 2
    said = listing["incompleteIngest"]
    assert (said["file"], said["line"], said["documentsRead"], said["documentsFailed"]) == (f"{VOLUME}.xml", lines, 2, 0)
    assert said["reason"].startswith("truncated or malformed XML")
    assert "incompleteIngest" not in httpx.get(f"{base}/documents", headers=JSON, timeout=30).json()
    turtle = httpx.get(f"{base}/id/historicaldocuments/{VOLUME}", headers={"Accept": "text/turtle"}, timeout=30).text
    assert f"fk:incompleteIngest <https://w3id.org/frus-kg/id/historicaldocuments/{VOLUME}#ingest>" in turtle
    assert "fk:documentsRead 2" in turtle


def test_regression_the_void_description_did_not_name_the_incomplete_volume(served):
    """/.well-known/void described the cut volume's subset like a whole one; a harvester reads now, on that subset, a
    DQV quality annotation (completeness) whose body is the volume's fk:IncompleteIngest, with its facts, in words too."""
    base, _, lines = served
    about = _void(base)
    assert _annotated(about) == {VOLUME_IRI: VOLUME_IRI + "#ingest"}
    [subset] = [s for s, facts in about.items() if facts.get(DCT + "source") == [VOLUME_IRI]]
    [note] = about[subset][DQV + "hasQualityAnnotation"]
    assert about[note][OA + "hasTarget"] == [subset] and about[note][OA + "motivatedBy"] == [DQV + "qualityAssessment"]
    assert about[note][DQV + "inDimension"] == ["http://www.w3.org/2016/05/ldqd#completeness"]
    body = about[VOLUME_IRI + "#ingest"]
    assert (body[FK + "sourceFile"], body[FK + "stoppedAtLine"], body[FK + "documentsRead"]) == (
        [f"{VOLUME}.xml"], [str(lines)], ["2"])
    [words] = about[subset][DCT + "description"]
    assert words.startswith(f"Incomplete in this store: its last ingest, of {VOLUME}.xml, stopped at line {lines}, column ")
    assert "after reading 2 documents: truncated or malformed XML" in words


def test_the_sample_memos_volume_says_nothing_of_the_kind(server):
    listing = httpx.get(f"{server}/documents", params={"volume": "frus1981-88v41"}, headers=JSON, timeout=30).json()
    assert listing["total"] == 1 and listing["incompleteIngest"] is None
    page = httpx.get(f"{server}/volumes/frus1981-88v41", headers=HTML, timeout=30).text
    assert "incomplete" not in page
    assert _annotated(_void(server)) == {}


def test_ingesting_the_whole_file_while_serving_takes_the_notice_away(served):
    base, store, _ = served
    _ingest(store, WHOLE, code=0)
    deadline = time.monotonic() + 15          # the server's reads follow the store's files within about a second
    while True:
        listing = httpx.get(f"{base}/documents", params={"volume": VOLUME}, headers=JSON, timeout=30).json()
        if listing["total"] == 4 or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert listing["total"] == 4 and listing["incompleteIngest"] is None
    assert 'id="incomplete-ingest"' not in httpx.get(f"{base}/volumes/{VOLUME}", headers=HTML, timeout=30).text
    assert _annotated(_void(base)) == {}
