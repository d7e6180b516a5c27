"""A failed command leaves the store as it was: a first `frus-kg ingest` into an empty store whose every input is refused
leaves it empty (no authority graph, no layer, no search index), and the authority graphs come with the first graph an
ingest does write; `remove`, `unload` and `link remove` on a folder with no store make none, and neither do a refused
`ingest` or `load` into a folder that holds no store."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from graph import open_store
from graph.ledger_file import LEDGER_FILE
from graph.search_index import INDEX_FILE
from ontology import iris
from ontology.namespaces import BASE

EXE = str(Path(sys.executable).with_name("frus-kg"))
HOSTILE = Path(__file__).resolve().parents[1] / "fixtures" / "hostile"
REFUSED = {
    "not-frus.txt": "A note to myself, not a FRUS document.\n",
    "broken-first-document.xml": '<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>\n'
                                 '<div type="document" xml:id="d1"><head>1. Telegram</head><p>Text\n',
    "not-tei.xml": "<html><body><p>A web page saved as .xml</p></body></html>\n",
}


def _ingest(store: Path, *paths: Path, code: int) -> subprocess.CompletedProcess:
    proc = subprocess.run([EXE, "ingest", "--store", str(store), "--workers", "0", *map(str, paths)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == code, proc.stderr
    assert "Traceback" not in proc.stderr
    return proc


def _graphs(store: Path) -> dict[str, int]:
    db = open_store(store, read_only=True)
    try:
        rows = db.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g").rows()
        return {g.value: int(n.value) for g, n in rows}
    finally:
        db.close()


@pytest.mark.parametrize("name", [*REFUSED, "doctype-system-entity-reference.xml"])
def test_regression_a_failed_first_ingest_left_the_authority_graphs_in_an_empty_store(tmp_path, name):
    """The five authority graphs (200,000 triples), then the layers and a search index of their names, were written
    before the first input was read: a run that refused its only file left a store of 200,000 triples and no document."""
    path = HOSTILE / name if name not in REFUSED else tmp_path / name
    if name in REFUSED:
        path.write_text(REFUSED[name], encoding="utf-8")
    open_store(tmp_path / "store").close()           # an empty store, made before
    proc = _ingest(tmp_path / "store", path, code=1)
    assert "authority graph" not in proc.stderr and "search index" not in proc.stderr
    assert _graphs(tmp_path / "store") == {}
    assert not (tmp_path / "store" / INDEX_FILE).exists()
    db = open_store(tmp_path / "store", read_only=True)
    try:
        assert list(db.ledger.rows()) == []
    finally:
        db.close()


def test_the_authority_graphs_come_with_the_first_document_an_ingest_commits(tmp_path, sample_path):
    refused = tmp_path / "not-frus.txt"
    refused.write_text(REFUSED["not-frus.txt"], encoding="utf-8")
    _ingest(tmp_path / "store", refused, code=1)
    proc = _ingest(tmp_path / "store", refused, sample_path, code=1)
    assert "loaded 5 authority graph(s)" in proc.stderr
    graphs = _graphs(tmp_path / "store")
    assert graphs[iris.authority_graph_iri("people")] > 100_000
    assert iris.graph_iri(iris.document_iri("frus1981-88v41", "d54")) in graphs
    assert "search index: 1 document(s)" in proc.stderr


@pytest.mark.parametrize("command", [["remove", "frus1981-88v41"], ["unload", "--graph", "http://example.org/data"],
                                     ["link", "remove", "wikidata-people"]], ids=lambda c: c[0])
def test_regression_a_refused_remove_on_a_folder_without_a_store_left_a_new_empty_store_there(tmp_path, command):
    """`frus-kg remove frus1981-88v41 --store typo/` said "no volume … in the store" (exit 2) and left an empty store in
    typo/, which a later command then took for the store. Now it is exit 3, "no store here yet", and nothing is made."""
    proc = subprocess.run([EXE, *command, "--store", str(tmp_path / "typo")], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 3, proc.stderr
    assert f"{tmp_path / 'typo'}: no store here yet" in proc.stderr
    assert not (tmp_path / "typo").exists()


def test_regression_a_refused_first_ingest_into_a_new_folder_left_an_empty_store_there(tmp_path):
    """`frus-kg ingest not-frus.txt --store new/` refused its only file (exit 1) and left an empty store in new/,
    which later commands took for the user's store; now the folder is as it was: absent, or holding what it held."""
    refused = tmp_path / "not-frus.txt"
    refused.write_text(REFUSED["not-frus.txt"], encoding="utf-8")
    proc = _ingest(tmp_path / "new" / "store", refused, code=1)
    assert "no store is left in" in proc.stderr
    assert not (tmp_path / "new").exists()
    (tmp_path / "kept").mkdir()
    (tmp_path / "kept" / "notes.txt").write_text("mine\n", encoding="utf-8")
    _ingest(tmp_path / "kept", refused, code=1)
    assert sorted(p.name for p in (tmp_path / "kept").iterdir()) == ["notes.txt"]


@pytest.mark.parametrize("file, graph", [("bad.ttl", "http://example.org/data"), ("good.ttl", BASE + "mine"),
                                         ("missing.ttl", "http://example.org/data")], ids=["unparsable", "own-base",
                                                                                           "missing"])
def test_regression_a_refused_load_into_a_new_folder_left_an_empty_store_there(tmp_path, file, graph):
    """`frus-kg load` opened (so made) the store before it read the file: a file that did not parse, or a graph IRI
    under our base, was exit 4 with an empty store left in a folder that had none."""
    (tmp_path / "bad.ttl").write_text("this is not turtle <<<", encoding="utf-8")
    (tmp_path / "good.ttl").write_text("<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n",
                                       encoding="utf-8")
    proc = subprocess.run([EXE, "load", str(tmp_path / file), "--graph", graph, "--store", str(tmp_path / "new")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 4, proc.stderr
    assert "Traceback" not in proc.stderr and proc.stderr.startswith("error: ")
    assert not (tmp_path / "new").exists()


def test_regression_a_refused_ingest_to_shards_left_its_ledger_file_in_the_new_folder(tmp_path, sample_path):
    """`frus-kg ingest not-frus.txt --to-shards new/` refused its only file (exit 1) and left new/ holding an empty
    ledger file (`frus-kg-ledger.sqlite3`), where a refused ingest into a store folder leaves the folder as it was; now
    the shard folder is as it was too: absent, or holding what it held, and a folder of shards keeps them."""
    refused = tmp_path / "not-frus.txt"
    refused.write_text(REFUSED["not-frus.txt"], encoding="utf-8")

    def to_shards(folder: Path, *paths: Path, code: int) -> str:
        proc = subprocess.run([EXE, "ingest", "--to-shards", str(folder), "--workers", "0", *map(str, paths)],
                              capture_output=True, text=True, timeout=600)
        assert proc.returncode == code, proc.stderr
        assert "Traceback" not in proc.stderr
        return proc.stderr

    assert "no store is left in" in to_shards(tmp_path / "new" / "shards", refused, code=1)
    assert not (tmp_path / "new").exists()
    (tmp_path / "kept").mkdir()
    (tmp_path / "kept" / "notes.txt").write_text("mine\n", encoding="utf-8")
    to_shards(tmp_path / "kept", refused, code=1)
    assert sorted(p.name for p in (tmp_path / "kept").iterdir()) == ["notes.txt"]
    to_shards(tmp_path / "shards", sample_path, code=0)
    written = sorted(p.name for p in (tmp_path / "shards").iterdir())
    assert "manifest.json" in written and LEDGER_FILE in written
    assert "no store is left in" not in to_shards(tmp_path / "shards", refused, code=1)
    assert sorted(p.name for p in (tmp_path / "shards").iterdir()) == written
