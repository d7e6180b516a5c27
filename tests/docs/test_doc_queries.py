"""Every ```sparql block in docs/ runs against the sample store and returns what its `# expect:` lines say."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"
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
