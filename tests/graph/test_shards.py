"""`frus-kg ingest --to-shards`: validated graphs as gzip N-Quads shards, one per volume, that Oxigraph's own loader
(`oxigraph load`) turns into a store with the same quads as a normal ingest; `frus-kg adopt` then takes the store
over with its ledger, so a later ingest of the same files skips them. Real volumes, the real loader."""
from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from graph import open_store
from tests.sparql_servers import oxigraph_binary

ROOT = Path(__file__).resolve().parents[2]
INPUTS = [ROOT / "tests" / "fixtures" / "tei" / "frus1969-76v01-slice.xml",
          ROOT / "tests" / "fixtures" / "tei" / "frus1948v05p1-slice.xml"]
FRUS_KG = str(Path(sys.executable).with_name("frus-kg"))


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([FRUS_KG, *args], capture_output=True, text=True, timeout=600, env={**os.environ, **(env or {})})


def _quads_and_ledger(store: Path) -> tuple[set[str], set[tuple]]:
    db = open_store(store, read_only=True)
    buf = io.BytesIO()
    db.export(buf, "nquads")
    rows = set(db.ledger.rows())
    db.close()
    return {line for line in buf.getvalue().decode().splitlines() if line}, rows


def _shard_lines(folder: Path) -> dict[str, list[str]]:
    return {p.name: sorted(gzip.decompress(p.read_bytes()).decode().splitlines()) for p in sorted(folder.glob("*.nq.gz"))}


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("reference") / "store"
    proc = _run("ingest", "--workers", "0", "--store", str(store), *map(str, INPUTS))
    assert proc.returncode == 0, proc.stderr
    return store


@pytest.fixture(scope="module")
def shards(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("shards") / "out"
    proc = _run("ingest", "--workers", "0", "--to-shards", str(folder), *map(str, INPUTS))
    assert proc.returncode == 0, proc.stderr
    return folder


def test_one_shard_per_volume_with_a_manifest_of_digests(shards):
    manifest = json.loads((shards / "manifest.json").read_text())["shards"]
    assert sorted(manifest) == ["common.nq.gz", "frus1948v05p1.nq.gz", "frus1969-76v01.nq.gz"]
    for name, entry in manifest.items():
        data = (shards / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"] and len(data) == entry["bytes"]
        assert len(gzip.decompress(data).splitlines()) == entry["quads"] > 0
    assert not list(shards.glob("*.part"))


def test_oxigraphs_loader_gives_the_quads_of_a_normal_ingest_and_adopt_takes_the_ledger(shards, reference, tmp_path):
    store = tmp_path / "loaded"
    load = subprocess.run([oxigraph_binary(), "load", "--location", str(store), "--file",
                           *map(str, sorted(shards.glob("*.nq.gz")))], capture_output=True, text=True, timeout=600)
    assert load.returncode == 0, load.stderr
    adopt = _run("adopt", str(shards), "--store", str(store))
    assert adopt.returncode == 0, adopt.stderr
    index = _run("index", "--store", str(store))             # the statistics layer and search index, as after ingest
    assert index.returncode == 0, index.stderr
    assert _quads_and_ledger(store) == _quads_and_ledger(reference)
    again = _run("ingest", "--workers", "0", "--store", str(store), *map(str, INPUTS))
    assert again.returncode == 0, again.stderr
    assert re.search(r"documents\W+0 committed", again.stderr), again.stderr     # all skipped: the ledger was adopted


def test_adopt_refuses_a_store_that_lacks_the_shards_graphs(shards, tmp_path):
    store = tmp_path / "empty"
    open_store(store).close()
    adopt = _run("adopt", str(shards), "--store", str(store))
    assert adopt.returncode == 3 and "not in the store" in adopt.stderr
    db = open_store(store, read_only=True)
    assert db.ledger.rows() == []
    db.close()


def test_a_killed_shard_run_reruns_to_the_same_shards(shards, tmp_path):
    folder = tmp_path / "out"
    killed = _run("ingest", "--workers", "0", "--to-shards", str(folder), *map(str, INPUTS),
                  env={"FRUS_KG_INGEST_KILL_AFTER": "5"})
    assert killed.returncode == -9, killed.stderr
    rerun = _run("ingest", "--workers", "0", "--to-shards", str(folder), *map(str, INPUTS))
    assert rerun.returncode == 0, rerun.stderr
    assert _shard_lines(folder) == _shard_lines(shards)
    manifest = json.loads((folder / "manifest.json").read_text())["shards"]
    assert {n: e["graphs"] for n, e in manifest.items()} == \
        {n: e["graphs"] for n, e in json.loads((shards / "manifest.json").read_text())["shards"].items()}


def test_the_shard_writer_has_what_a_corpus_run_needs(tmp_path):
    import inspect

    from graph.shards import ShardWriter
    from ingest.ledger import CorpusSink

    writer = ShardWriter(tmp_path / "out")
    for name in {n for n in vars(CorpusSink) if not n.startswith("_")} | set(CorpusSink.__annotations__):
        assert hasattr(writer, name), f"ShardWriter lacks CorpusSink.{name}"
        wanted = getattr(CorpusSink, name, None)
        if callable(wanted):
            ours = inspect.signature(getattr(writer, name)).parameters
            assert all(p in ours or p == "kwargs" for p in list(inspect.signature(wanted).parameters)[1:]), name
    writer.close()
