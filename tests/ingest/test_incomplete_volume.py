"""A whole volume whose ingest left documents out says so in its own graph, with the file, why, where reading
stopped and how many documents were read, until an ingest of the whole file commits every document."""
from __future__ import annotations

import io
import re
import threading
from pathlib import Path

import pytest

from graph import open_store
from ingest.incomplete import IncompleteIngest, read_incomplete_ingest
from ingest.ledger import INGEST_COMPLETE, INGEST_STATUS
from ingest.parallel import ingest_corpus
from ingest.pipeline import default_extractors
from ontology.validation import validate

ROOT = Path(__file__).resolve().parents[2]
WHOLE = ROOT / "tests" / "fixtures" / "tei" / "frus1948v05p1-slice.xml"
VOLUME = "frus1948v05p1"
VOLUME_IRI = f"https://w3id.org/frus-kg/id/historicaldocuments/{VOLUME}"


def cut_inside_d3(folder: Path) -> Path:
    """The slice cut in the middle of its third document's text, as a download that broke off."""
    text = WHOLE.read_text(encoding="utf-8")
    at = text.index("</p>", text.index('xml:id="d3"')) - 20
    path = folder / f"{VOLUME}.xml"
    path.write_text(text[:at], encoding="utf-8")
    return path


def whole(folder: Path) -> Path:
    path = folder / f"{VOLUME}.xml"
    path.write_text(WHOLE.read_text(encoding="utf-8"), encoding="utf-8")
    return path


def run(store_dir: Path, path: Path, **kwargs):
    db = open_store(store_dir)
    try:
        summary = ingest_corpus([path], db, workers=0, **kwargs)
        return summary, read_incomplete_ingest(db, VOLUME), _data(db), db.ledger.values(INGEST_STATUS, [VOLUME_IRI])
    finally:
        db.close()


def _data(db) -> set[str]:
    buf = io.BytesIO()
    db.export(buf, "nquads")
    return set(buf.getvalue().decode().splitlines())


def documents(quads: set[str]) -> set[str]:
    return {q.split()[0].rsplit("/", 1)[-1][:-1] for q in quads
            if q.split()[1] == "<http://schema.org/isPartOf>" and VOLUME in q.split()[2]}


def test_a_volume_cut_short_says_so_in_its_own_graph_with_the_file_the_line_and_the_documents_read(tmp_path):
    cut = cut_inside_d3(tmp_path)
    summary, said, quads, status = run(tmp_path / "store", cut)
    assert summary.documents == 2 and [f.kind for f in summary.failures] == ["unreadable"]
    assert documents(quads) == {"d1", "d2"} and status == {}
    lines = cut.read_text(encoding="utf-8").count("\n") + 1
    assert said == IncompleteIngest(f"{VOLUME}.xml", said.reason, documents_read=2, line=lines, column=said.column)
    assert said.reason.startswith("truncated or malformed XML") and said.column
    assert str(tmp_path) not in "".join(quads)                  # the file's name only, not where it was


def test_what_it_says_is_part_of_the_volumes_graph_and_passes_the_shapes_on_both_engines(tmp_path):
    run(tmp_path / "store", cut_inside_d3(tmp_path))
    db = open_store(tmp_path / "store", read_only=True)
    try:
        graph = list(db.quads(VOLUME_IRI))
    finally:
        db.close()
    assert any(q.predicate.value.endswith("#incompleteIngest") for q in graph)
    assert validate(graph, engine="fast").conforms and validate(graph).conforms
    without_file = [q for q in graph if not q.predicate.value.endswith("#sourceFile")]
    for engine in ("fast", "pyshacl"):
        report = validate(without_file, engine=engine)
        assert not report.conforms and "names the file it read" in report.format("volume")


def test_rerunning_the_cut_file_says_the_same_and_changes_nothing(tmp_path):
    cut = cut_inside_d3(tmp_path)
    _, said, quads, _ = run(tmp_path / "store", cut)
    summary, again, requads, _ = run(tmp_path / "store", cut)
    assert said is not None and summary.skipped_documents == 2 and again == said and requads == quads


def test_the_whole_file_ingested_later_removes_it_and_leaves_the_store_of_a_clean_run(tmp_path):
    assert run(tmp_path / "store", cut_inside_d3(tmp_path))[1] is not None
    summary, said, quads, status = run(tmp_path / "store", whole(tmp_path))
    assert said is None and summary.volumes == 1 and status == {VOLUME_IRI: INGEST_COMPLETE}
    _, _, clean, _ = run(tmp_path / "clean", whole(tmp_path))
    assert quads == clean and documents(quads) == {"d1", "d2", "d3", "d4"}


def test_a_later_ingest_keeps_saying_it_until_it_has_committed_every_document(tmp_path):
    """Written at the start of the later ingest, the volume's graph would have looked whole while d3 and d4 were
    still missing, and for good if that ingest were killed."""
    run(tmp_path / "store", cut_inside_d3(tmp_path))
    db = open_store(tmp_path / "store")
    seen: list[tuple[int, bool]] = []

    def after_commit(committed: int, abort: threading.Event) -> None:
        seen.append((committed, read_incomplete_ingest(db, VOLUME) is not None))

    try:
        ingest_corpus([whole(tmp_path)], db, workers=0, after_commit=after_commit)
        assert seen[-1] == (4, True) and all(said for _, said in seen)
        assert read_incomplete_ingest(db, VOLUME) is None
    finally:
        db.close()


def _fails_on_d2(record) -> None:
    if record.doc_id == "d2":
        raise RuntimeError("an extractor's bug")


def test_a_file_read_to_its_end_with_a_document_that_could_not_be_ingested_says_how_many(tmp_path):
    path = whole(tmp_path)
    summary, said, quads, status = run(tmp_path / "store", path, extractors=[*default_extractors(), _fails_on_d2])
    assert [f.kind for f in summary.failures] == ["crashed"] and documents(quads) == {"d1", "d3", "d4"}
    assert said == IncompleteIngest(f"{VOLUME}.xml", said.reason, documents_read=4, documents_failed=1)
    assert said.reason.startswith("1 of the 4 documents read could not be ingested") and status == {}
    _, said, quads, status = run(tmp_path / "store", path)
    assert said is None and documents(quads) == {"d1", "d2", "d3", "d4"} and status == {VOLUME_IRI: INGEST_COMPLETE}


@pytest.mark.parametrize("cut_at", ['xml:id="d1"', "<body"])
def test_a_file_cut_before_any_document_ended_leaves_no_volume_to_speak_of(tmp_path, cut_at):
    text = WHOLE.read_text(encoding="utf-8")
    path = tmp_path / f"{VOLUME}.xml"
    path.write_text(text[:text.index(cut_at)], encoding="utf-8")
    summary, said, quads, _ = run(tmp_path / "store", path)
    assert summary.documents == 0 and said is None and not documents(quads)


def test_the_query_documented_in_the_vocabulary_answers_as_documented(tmp_path):
    page = (ROOT / "docs" / "vocabulary.md").read_text(encoding="utf-8")
    query = next(q for q in re.findall(r"```sparql\n(.*?)```", page, re.S) if "a volume cut short" in q)
    run(tmp_path / "store", cut_inside_d3(tmp_path))
    db = open_store(tmp_path / "store", read_only=True)
    try:
        answer = db.query(query).serialize("csv").decode()
    finally:
        db.close()
    for expected in re.findall(r"^# expect: (.+)$", query, flags=re.M):
        assert expected in answer
