"""The example queries of docs/ (```sparql blocks), so the editor offers exactly what the documentation shows and tests run.

A block's `# query:`, `# expect:` and `# store:` lines are for the tests (tests/docs/test_doc_queries.py): they name
the example, say what it returns and on which store, and are never shown. `# store:` other than `sample` marks a
query that finds nothing on the bundled sample, so the editor does not open on it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = ["Example", "DOCS", "ANNOTATIONS", "parse_examples", "examples", "default_example"]

DOCS = Path(__file__).resolve().parent.parent / "docs"
ANNOTATIONS = ("# expect:", "# query:", "# store:")
_FENCE = re.compile(r"```sparql\n(.*?)```", re.S)
_MARKUP = re.compile(r"\*\*|`|\[([^\]]*)\]\([^)]*\)")
_BOLD_LEAD = re.compile(r"^\*\*(.+?)\*\*", re.S)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_NO_END = re.compile(r"(?:\b[A-Z]|\b(?:vol|vols|doc|docs|no|nos|p|pp|ed|eds|e\.g|i\.e|cf|Mr|Mrs|Dr|St)\.)$", re.I)


@dataclass(frozen=True)
class Example:
    name: str
    title: str
    query: str
    source: str
    on_sample: bool = True       # answers on the bundled sample (examples/), the store `make run` builds


def _title(before: str) -> str:
    paragraphs = [p.strip() for p in before.split("\n\n") if p.strip()]
    text = paragraphs[-1] if paragraphs else "Example"
    lead = _BOLD_LEAD.match(text)
    text = " ".join(_MARKUP.sub(lambda m: m.group(1) or "", lead.group(1) if lead else text).split())
    starts = [0] + [m.end() for m in _SENTENCE.finditer(text) if not _NO_END.search(text[:m.start()])]
    return text[starts[-1]:].rstrip(":.").strip() or "Example"


def parse_examples(markdown: str, source: str) -> list[Example]:
    found = []
    end = 0
    for match in _FENCE.finditer(markdown):
        lines = match.group(1).splitlines()
        named = [line.split(":", 1)[1].strip() for line in lines if line.startswith("# query:")]
        stores = [line.split(":", 1)[1].strip() for line in lines if line.startswith("# store:")]
        query = "\n".join(line for line in lines if not line.startswith(ANNOTATIONS)).strip()
        title = _title(markdown[end:match.start()])
        end = match.end()
        slug = named[0] if named else re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:48]
        found.append(Example(slug, title, query, source, all(s.startswith("sample") for s in stores)))
    return found


@cache
def examples(docs: Path = DOCS) -> tuple[Example, ...]:
    """Every example of docs/vocabulary.md and docs/claims.md, in reading order (none when docs/ is absent)."""
    found: list[Example] = []
    for name in ("vocabulary.md", "claims.md"):
        path = docs / name
        if path.exists():
            found += parse_examples(path.read_text(encoding="utf-8"), name)
    return tuple(found)


def default_example(found: tuple[Example, ...]) -> int | None:
    """The index of the example the editor opens on: the first that answers on the bundled sample."""
    return next((i for i, e in enumerate(found) if e.on_sample), 0 if found else None)
