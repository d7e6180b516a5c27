"""Ingest is atomic per document: a rejected or unreadable document leaves the store as it was."""
from __future__ import annotations

from ingest import ingest_paths
from ontology import iris


def _dump(db):
    return sorted(str(q) for q in db.quads())


def test_reingest_keeps_the_same_quads(store, sample_path):
    ingest_paths([sample_path], store)
    first = _dump(store)
    summary = ingest_paths([sample_path], store)
    assert summary.documents == 1 and _dump(store) == first


def test_rejected_document_leaves_store_unchanged(store, sample_path):
    ingest_paths([sample_path], store)
    before = _dump(store)

    def lose_the_date(record):
        record.date = None
        record.is_editorial_note = False

    summary = ingest_paths([sample_path], store, extractors=[lose_the_date])
    assert summary.documents == 0 and summary.rejected == 1
    assert "schema:dateCreated" in summary.failures[0].message
    assert summary.failures[0].message.startswith(str(sample_path))
    assert _dump(store) == before


def test_first_ingest_rejected_writes_no_document_graph_and_no_ledger_entry(store, sample_path):
    """The volume's own graph is written when its first document is read (as `frus-kg ingest` does);
    the rejected document leaves no graph and no entry."""
    def bad_confidence(record):
        from ingest.records import Mention
        record.mentions.append(Mention(0, 2, "person", "header", 3.0, entity="https://example.org/p"))

    summary = ingest_paths([sample_path], store, extractors=[bad_confidence])
    assert summary.rejected == 1 and summary.documents == 0
    assert store.graph_names() == [iris.graph_iri(iris.volume_iri("frus1981-88v41"))]
    assert store.ledger.rows() == []


def test_bad_files_are_reported_and_good_ones_still_ingest(store, sample_path, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "wrong.txt").write_text("not a FRUS document\n")
    summary = ingest_paths([tmp_path / "empty.txt", sample_path, tmp_path / "wrong.txt", tmp_path / "missing.txt"], store)
    assert summary.documents == 1
    assert [f.kind for f in summary.failures] == ["unreadable"] * 3
    messages = " ".join(f.message for f in summary.failures)
    assert "empty.txt: empty file" in messages and "wrong.txt:1:1" in messages and "missing.txt: no such file or folder" in messages
    assert store.has_graph(iris.document_iri("frus1981-88v41", "d54"))


def test_document_and_volume_have_their_own_graphs(store, sample_path):
    ingest_paths([sample_path], store)
    assert store.graph_names() == [iris.volume_iri("frus1981-88v41"), iris.document_iri("frus1981-88v41", "d54")]
