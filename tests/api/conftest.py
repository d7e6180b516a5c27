"""A real uvicorn serving the sample store on 127.0.0.1, started through `frus-kg serve`; reading its Turtle."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from bench.ports import start_listening

TEI = Path(__file__).resolve().parents[1] / "fixtures" / "tei"
DOCUMENT_SLICES = [TEI / f"{name}-slice.xml" for name in ("frus1948v05p1", "frus1949v07p1")]


def declared_prefixes_unused(turtle: str) -> tuple[dict[str, str], list[str]]:
    """(the prefixes a Turtle text declares, those of them its statements never write)."""
    declared = dict(re.findall(r"^@prefix ([\w-]*): <([^>]*)> \.$", turtle, re.MULTILINE))
    body = re.sub(r"^@prefix .*$", "", turtle, flags=re.MULTILINE)
    body = re.sub(r'"(?:[^"\\]|\\.)*"|<[^>]*>', " ", body)         # what a literal or a full IRI holds is no prefix
    return declared, [p for p in declared if not re.search(rf"(?<![\w:/#.-]){re.escape(p)}:", body)]


def start_server(store: Path, *extra: str, env: dict[str, str] | None = None) -> tuple[subprocess.Popen, str]:
    """`frus-kg serve` on a free port (bench/ports.py: another one if a parallel worker's server took it); the
    process and its base URL."""
    exe = Path(sys.executable).with_name("frus-kg")

    def launch(ports: tuple[int, ...]) -> subprocess.Popen:
        return subprocess.Popen([str(exe), "serve", "--store", str(store), "--port", str(ports[0]), *extra],
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                env={**os.environ, "FRUS_KG_LOG": "warning", **(env or {})})

    proc, (port,) = start_listening(launch, _answers, lambda proc: proc.stdout.read().decode(errors="replace"),
                                    name="frus-kg serve")
    return proc, _base(port)


def _base(port: int) -> str:
    return f"http://127.0.0.1:{port}"


def _answers(ports: tuple[int, ...]) -> bool:
    httpx.get(_base(ports[0]) + "/", timeout=1)           # any answer: the app is up
    return True


@pytest.fixture(scope="session")
def server(sample_store_path):
    proc, base = start_server(sample_store_path)
    yield base
    proc.terminate()
    proc.wait(10)


@pytest.fixture(scope="session")
def document_slices_path(tmp_path_factory) -> Path:
    """Two TEI test slices (footnotes, page breaks, roles, subjects) ingested by `frus-kg ingest` with two workers,
    which pack their documents at its end: once per session (per pytest-xdist worker) for the test files of the
    document pages and packs, which open it read-only."""
    path = tmp_path_factory.mktemp("document-slices") / "store"
    run = subprocess.run([str(Path(sys.executable).with_name("frus-kg")), "ingest", "--workers", "2", "--store",
                          str(path), *map(str, DOCUMENT_SLICES)], capture_output=True, text=True)
    assert "document packs: 2 volume(s) packed" in run.stderr, run.stderr
    return path


@pytest.fixture(scope="session")
def note_store_path(tmp_path_factory) -> Path:
    """frus1977-80v01's undated editorial note 114 between the documents of 24 February and 30 March 1979, ingested
    by `frus-kg ingest` (Carter is in 3 of its documents, with 67 others): opened read-only by its tests."""
    path = tmp_path_factory.mktemp("editorial-note") / "store"
    run = subprocess.run([str(Path(sys.executable).with_name("frus-kg")), "ingest", "--store", str(path),
                          str(TEI / "frus1977-80v01-editorial-note.xml")], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return path


def _launcher():
    """Start `frus-kg serve` with extra options (and environment); every server started is stopped at the end."""
    started: list[subprocess.Popen] = []

    def start(store: Path, *extra: str, env: dict[str, str] | None = None) -> tuple[subprocess.Popen, str]:
        proc, base = start_server(store, *extra, env=env)
        started.append(proc)
        return proc, base

    yield start
    for proc in started:
        if proc.poll() is None:
            proc.terminate()
            proc.wait(15)


@pytest.fixture
def launch():
    yield from _launcher()


@pytest.fixture(scope="module")
def launch_for_module():
    yield from _launcher()
