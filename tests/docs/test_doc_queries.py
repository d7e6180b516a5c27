"""Every ```sparql block in docs/ runs against the sample store and returns what its `# expect:` lines say."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"
TEI = DOCS.parent / "tests" / "fixtures" / "tei"
BLOCK = re.compile(r"```sparql\n(.*?)```", re.S)


def doc_queries():
    for page in sorted(DOCS.glob("*.md")):
        for i, m in enumerate(BLOCK.finditer(page.read_text(encoding="utf-8")), start=1):
            body = m.group(1)
            if "# store: " in body and "# store: sample" not in body:
                continue
            yield pytest.param(body, id=f"{page.name}#{i}")


@pytest.mark.parametrize("query", list(doc_queries()))
def test_documented_query_answers_as_documented(sample_store, query):
    expected = re.findall(r"^# expect: (.+)$", query, flags=re.M)
    assert expected, "every documented query states what it returns (# expect: …)"
    result = sample_store.query(query)
    answer = result.serialize("csv" if result.kind != "graph" else "turtle").decode()
    for value in expected:
        assert value in answer, f"expected {value!r} in:\n{answer}"


def test_regression_the_examples_about_the_memo_answered_for_every_volumes_d54(sample_store, tmp_path):
    """vocabulary.md named the memo by its number, fk:documentId "d54", which frus1969-76v01 d54 shares: on a store
    holding both, 'the page on which a passage is printed' answered 169 and 174, the first page of the other d54,
    which lacks the passage. Every example about the memo answers on such a store as on the memo alone."""
    from graph import open_store
    from ingest import ingest_paths

    store = tmp_path / "store"
    shutil.copytree(sample_store.path, store)
    db = open_store(store)
    try:
        assert ingest_paths([TEI / "frus1969-76v01-slice.xml"], db).documents == 8
        assert len(list(db.query('SELECT ?d WHERE { ?d <https://w3id.org/frus-kg/vocab#documentId> "d54" }').rows())) == 2
        about_the_memo = [p.values[0] for p in doc_queries() if "d54" in p.values[0]]
        assert len(about_the_memo) >= 3
        for query in about_the_memo:
            assert _csv(db, query) == _csv(sample_store, query), query
    finally:
        db.close()


def _csv(store, query: str) -> str:
    return store.query(query).serialize("csv").decode()
