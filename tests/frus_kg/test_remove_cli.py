"""`frus-kg remove`: a volume, or some of its documents, taken out of the store with everything built from them,
and brought back by ingesting the file again."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXE = str(Path(sys.executable).with_name("frus-kg"))
SLICE = Path(__file__).resolve().parents[1] / "fixtures" / "tei" / "frus1948v05p1-slice.xml"
VOLUME = "frus1948v05p1"


def run(*args: str, code: int = 0) -> subprocess.CompletedProcess:
    proc = subprocess.run([EXE, *args], capture_output=True, text=True, timeout=600)
    assert proc.returncode == code, proc.stdout + proc.stderr
    return proc


def graphs(store: Path) -> set[str]:
    out = run("query", "--store", str(store), "--format", "csv", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    return set(out.stdout.split()[1:])


def data(store: Path) -> set[str]:
    """The quads of every graph that is data, not a layer (layers carry tokens renewed at each refresh)."""
    from graph.layer_graphs import is_layer_graph

    out = run("export", "--store", str(store), "-f", "nquads").stdout.splitlines()
    return {q for q in out if q and not is_layer_graph(q.rsplit("<", 1)[-1].split(">", 1)[0])}


def documents(store: Path) -> set[str]:
    out = run("query", "--store", str(store), "--format", "csv",
              "SELECT ?d WHERE { ?d a <https://w3id.org/frus-kg/vocab#Document> }")
    return {d.rsplit("historicaldocuments/", 1)[-1] for d in out.stdout.split()[1:]}


@pytest.fixture(scope="module")
def ingested(tmp_path_factory, sample_path):
    path = tmp_path_factory.mktemp("remove") / "store"
    run("ingest", "--store", str(path), "--workers", "0", str(SLICE), str(sample_path))
    return path


@pytest.fixture
def store(ingested, tmp_path):
    """A copy of the ingested store (closed, so its files are whole), one per test."""
    return Path(shutil.copytree(ingested, tmp_path / "store"))


def test_removing_a_volume_drops_its_documents_its_own_graph_and_every_layer_built_from_them(store):
    before = graphs(store)
    assert {f"{VOLUME}/d{n}" for n in range(1, 5)} | {"frus1981-88v41/d54"} == documents(store)
    assert any(VOLUME in g and "/graph/" in g for g in before), "the layers hold graphs of the volume"
    proc = run("remove", VOLUME, "--store", str(store))
    assert f"removed 4 document graph(s) of {VOLUME} and the volume's own graph" in proc.stderr
    assert "search index: 0 document(s) and 0 name graph(s) indexed, 5 removed" in proc.stderr
    assert "network table: 0 volume(s) tabled (0 documents), 1 removed" in proc.stderr
    assert documents(store) == {"frus1981-88v41/d54"}
    left = graphs(store)
    assert not [g for g in left if VOLUME in g]
    assert {g for g in before if "frus1981-88v41" in g} <= left


def test_a_removed_volume_comes_back_from_its_file_which_is_not_skipped_as_unchanged(store):
    run("remove", VOLUME, "--store", str(store))
    proc = run("ingest", "--store", str(store), "--workers", "0", str(SLICE))
    assert "4 committed, 0 unchanged" in proc.stderr
    assert {f"{VOLUME}/d{n}" for n in range(1, 5)} <= documents(store)


def test_removing_documents_keeps_the_rest_of_the_volume_and_its_file_brings_them_back(store):
    proc = run("remove", VOLUME, "d2", "d4", "--store", str(store))
    assert f"removed 2 document graph(s) of {VOLUME}" in proc.stderr and "own graph" not in proc.stderr
    assert "statistics: 1 volume(s) counted" in proc.stderr
    assert documents(store) == {f"{VOLUME}/d1", f"{VOLUME}/d3", "frus1981-88v41/d54"}
    assert f"https://w3id.org/frus-kg/id/historicaldocuments/{VOLUME}" in graphs(store)
    proc = run("ingest", "--store", str(store), "--workers", "0", str(SLICE))
    assert "2 committed, 2 unchanged" in proc.stderr
    assert len(documents(store)) == 5


def test_a_volume_cut_short_at_ingest_goes_with_what_its_graph_says_of_that_and_the_store_is_as_before(store, tmp_path):
    run("remove", VOLUME, "--store", str(store))
    before = data(store)
    text = SLICE.read_text(encoding="utf-8")
    cut = tmp_path / f"{VOLUME}.xml"
    cut.write_text(text[:text.index("</p>", text.index('xml:id="d3"')) - 20], encoding="utf-8")
    run("ingest", "--store", str(store), "--workers", "0", str(cut), code=1)
    assert any("#incompleteIngest>" in q for q in data(store))
    proc = run("remove", VOLUME, "--store", str(store))
    assert f"removed 2 document graph(s) of {VOLUME} and the volume's own graph" in proc.stderr
    assert data(store) == before


@pytest.mark.parametrize("args, says", [
    (["frus1999v99"], "no volume 'frus1999v99' in the store"),
    ([VOLUME, "d2", "d99"], f"volume '{VOLUME}' has no document d99 in the store; nothing was removed"),
    ([f"{VOLUME}>", "d1"], "is not a volume or document id"),
])
def test_what_the_store_does_not_hold_is_a_usage_error_and_nothing_is_removed(store, args, says):
    before = graphs(store)
    proc = run("remove", *args, "--store", str(store), code=2)
    assert says in proc.stderr and "Traceback" not in proc.stderr
    assert graphs(store) == before
