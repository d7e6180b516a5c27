"""Shared fixtures: the bundled sample memo, fresh stores, and a store with the sample ingested."""
from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "frus1981-88v41-d54.txt"
FIXTURES = ROOT / "tests" / "fixtures"


def pytest_configure(config):
    """Ctrl-C at Python's default, whatever the shell gave the suite. Started as a background job of a
    non-interactive shell (`make test &`, some CI steps), the suite inherits SIGINT ignored: so would every
    process it starts, and the tests of Ctrl-C (in this process and in `frus-kg` subprocesses) fail or hang."""
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


# The test files that take longest, longest first (about 300, 280, 210, 210, 100 and 60-80 s each, serial). `make test`
# hands test files to its pytest-xdist workers in collection order: these go first, so that no worker is left running
# one of them alone at the end while the others wait.
LONGEST_FIRST = ("ingest/test_claims_gold.py", "ingest/test_resume.py", "ingest/test_parallel.py",
                 "frus_kg/test_cli.py", "ontology/test_fast_shacl_parity.py", "frus_kg/test_remove_cli.py",
                 "graph/test_remote_roundtrip.py", "api/test_remote_backend.py", "graph/test_shards.py",
                 "frus_kg/test_remote_cli.py", "ingest/test_hostile_inputs.py", "ingest/test_claims_evaluation.py")


def pytest_collection_modifyitems(config, items):
    """Under pytest-xdist (each worker collects, and all must agree), the files of LONGEST_FIRST first, the rest after
    them in their usual order; a run in one process keeps the usual order."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        rank = {f"tests/{path}": i for i, path in enumerate(LONGEST_FIRST)}
        items.sort(key=lambda item: rank.get(item.nodeid.split("::", 1)[0], len(rank)))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A skipped test is a failed test: a missing browser or tool must not pass as green."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped tests count as failures here: {reason}"


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def sample_record():
    from ingest.text_reader import read_text_document

    return read_text_document(SAMPLE)


@pytest.fixture
def store(tmp_path):
    from graph import open_store

    db = open_store(tmp_path / "store")
    yield db
    db.close()


@pytest.fixture(scope="session")
def sample_store_path(tmp_path_factory) -> Path:
    """A store with the sample memo ingested once per session (open it read-only in tests)."""
    from graph import open_store
    from ingest import ingest_corpus
    from ingest.authorities.rdf import ensure_authority_graphs

    path = tmp_path_factory.mktemp("sample") / "store"
    db = open_store(path)
    ensure_authority_graphs(db)
    summary = ingest_corpus([SAMPLE], db, workers=0)              # the path `frus-kg ingest` takes
    assert summary.documents == 1 and not summary.failures, summary.failures
    db.close()
    from typer.testing import CliRunner

    from frus_kg.cli import app

    indexed = CliRunner().invoke(app, ["index", "--store", str(path)])   # the search index, as users build it
    assert indexed.exit_code == 0, indexed.output
    return path


@pytest.fixture
def sample_store(sample_store_path):
    from graph import open_store

    return open_store(sample_store_path, read_only=True)


@pytest.fixture
def scratch_copy(tmp_path):
    """Copy a file into tmp_path (to damage it safely)."""
    def copy(src: Path, name: str | None = None) -> Path:
        dst = tmp_path / (name or Path(src).name)
        shutil.copy(src, dst)
        return dst
    return copy
