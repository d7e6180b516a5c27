"""A whole TEI volume and a single-document file of it (as history.state.gov serves one document), ingested in one run
or in two, in either order: the volume is complete, and its document is in the store once."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph import open_store
from ingest.incomplete import read_incomplete_ingest
from ingest.ledger import INGEST_COMPLETE, INGEST_STATUS, SOURCE_DIGEST, Ledger, file_digest
from ingest.parallel import ingest_corpus
from ontology import iris

TEI = Path(__file__).resolve().parents[1] / "fixtures" / "tei"
VOLUME_FILE = TEI / "frus1969-76ve09p1-today.xml"        # d1-d4 and d9, in today's encoding
DOCUMENT_FILE = TEI / "frus1969-76ve09p1-d9.xml"          # d9 alone, as a single-document file
VOLUME = "frus1969-76ve09p1"
D9 = iris.graph_iri(iris.document_iri(VOLUME, "d9"))


def _ingest(store_dir: Path, *paths: Path, workers: int = 0):
    db = open_store(store_dir)
    try:
        return ingest_corpus(list(paths), db, workers=workers, estimate=False)
    finally:
        db.close()


def _volume_state(store_dir: Path) -> tuple[object, str | None, set[str], str | None]:
    """What the store says of the volume: its incomplete-ingest note, its completion mark, its documents, d9's source."""
    db = open_store(store_dir, read_only=True)
    try:
        volume = iris.volume_iri(VOLUME)
        mark = db.ledger.values(INGEST_STATUS, [volume]).get(volume)
        return (read_incomplete_ingest(db, VOLUME), mark, Ledger(db).documents_of(volume),
                db.ledger.values(SOURCE_DIGEST, [D9]).get(D9))
    finally:
        db.close()


@pytest.mark.parametrize("workers", [0, 2])
@pytest.mark.parametrize("order", [(VOLUME_FILE, DOCUMENT_FILE), (DOCUMENT_FILE, VOLUME_FILE)],
                         ids=["volume-then-document", "document-then-volume"])
def test_regression_a_volume_and_its_single_document_file_in_one_run_marked_the_volume_incomplete(tmp_path, order,
                                                                                                 workers):
    """Read after its single-document file, the volume refused its own d9 as a duplicate: "1 of the 5 documents read
    could not be ingested", no completion mark, exit 1; read before it, the run still failed on the lone copy. Now the
    volume's copy of d9 is the one ingested, in either order, the volume is complete, and the lone copy is a notice."""
    summary = _ingest(tmp_path / "store", *order, workers=workers)
    assert summary.failures == []
    assert len(summary.superseded) == 1 and DOCUMENT_FILE.name in summary.superseded[0]
    assert summary.volumes == 1
    note, mark, documents, d9_source = _volume_state(tmp_path / "store")
    assert note is None and mark == INGEST_COMPLETE
    assert len(documents) == 5 and D9 in documents
    assert d9_source == file_digest(VOLUME_FILE)


@pytest.mark.parametrize("order", [(VOLUME_FILE, DOCUMENT_FILE), (DOCUMENT_FILE, VOLUME_FILE)],
                         ids=["volume-then-document", "document-then-volume"])
def test_a_volume_and_its_single_document_file_in_two_runs_leave_the_volume_complete(tmp_path, order):
    """In runs of their own, the later file's copy of d9 stands (as documented: a run of its own replaces a copy)."""
    for path in order:
        summary = _ingest(tmp_path / "store", path)
        assert summary.failures == [] and summary.superseded == []
    note, mark, documents, d9_source = _volume_state(tmp_path / "store")
    assert note is None and mark == INGEST_COMPLETE
    assert len(documents) == 5 and D9 in documents
    assert d9_source == file_digest(order[-1])


def test_a_single_document_file_beside_its_unchanged_volume_in_a_run_leaves_the_volumes_copy(tmp_path):
    """The volume's file is skipped unread (complete, unchanged): its copy of d9 still stands against the lone copy."""
    _ingest(tmp_path / "store", VOLUME_FILE)
    summary = _ingest(tmp_path / "store", VOLUME_FILE, DOCUMENT_FILE)
    assert summary.skipped_files == 1 and summary.failures == [] and summary.documents == 0
    assert len(summary.superseded) == 1 and DOCUMENT_FILE.name in summary.superseded[0]
    note, mark, documents, d9_source = _volume_state(tmp_path / "store")
    assert note is None and mark == INGEST_COMPLETE and d9_source == file_digest(VOLUME_FILE)


def test_a_new_file_of_a_volume_beside_its_unchanged_one_in_a_run_replaces_it_without_a_notice(tmp_path):
    """Two whole files of one volume, the first skipped unread as unchanged: the second is read and its copies ingested,
    as before; the unread one is no copy to give notice of."""
    _ingest(tmp_path / "store", VOLUME_FILE)
    edited = tmp_path / VOLUME_FILE.name
    edited.write_bytes(VOLUME_FILE.read_bytes() + b"<!-- edited -->\n")
    summary = _ingest(tmp_path / "store", VOLUME_FILE, edited)
    assert summary.skipped_files == 1 and summary.documents == 5
    assert summary.failures == [] and summary.superseded == []
    note, mark, documents, d9_source = _volume_state(tmp_path / "store")
    assert note is None and mark == INGEST_COMPLETE and d9_source == file_digest(edited)


def test_two_partial_copies_of_a_document_in_one_run_are_still_a_duplicate(tmp_path):
    """The whole volume's copy wins; between two single-document copies nothing says which is meant: the second fails."""
    again = tmp_path / "d9-again.xml"
    again.write_bytes(DOCUMENT_FILE.read_bytes())
    summary = _ingest(tmp_path / "store", DOCUMENT_FILE, again)
    assert [f.kind for f in summary.failures] == ["duplicate"] and "d9-again.xml" in summary.failures[0].message
