"""Document text as HTML with its spans marked: mentions linked by kind, claims with anchors, notes, page breaks.

Spans may cross (a mention running over a claim's end); an element closed out of order is closed and
reopened around it, so the markup stays well formed and each claim keeps one anchor (`id`) on its first part.

The plain-text copies of history.state.gov print italics as `*…*`. The stored text keeps the asterisks (every
offset, selector and passage address already published points into it); the page shows each such pair as an
`<em>` and leaves its two asterisks out (`emphasis`, `mark_up(hidden=…)`), so the offsets stay those of the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape

from .resources.links import claim_anchor      # minted with the claim IRIs' other paths; used here for the ids

__all__ = ["Span", "Point", "mark_up", "mention_span", "mention_spans", "claim_span", "claim_anchor", "passage_html",
           "emphasis", "without"]

KIND_CLASSES = {"people": "person", "countries": "country", "organizations": "organization", "regions": "place"}
# a mention's fk:entityType, for an entity no list page shows (a document's or volume's own person, a volume's term)
TYPE_CLASSES = {"Person": "person", "Country": "country", "Organization": "organization", "Place": "place",
                "Region": "place", "DefinedTerm": "term", "UnlinkedName": "term"}


@dataclass
class Span:
    start: int
    end: int
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    first_only: tuple[str, ...] = ("id",)
    tags: tuple[str, str] | None = field(default=None, repr=False, compare=False)    # (first opening, later ones)

    def open(self, first: bool) -> str:
        if self.tags is None:
            self.tags = _openings(self.tag, self.attrs, self.first_only)
        return self.tags[0] if first else self.tags[1]

    def close(self) -> str:
        return f"</{self.tag}>"


def _openings(tag: str, attrs: dict[str, str], first_only: tuple[str, ...]) -> tuple[str, str]:
    """The span's opening tag on its first part, and on the parts reopened after a crossing span (no `id`)."""
    first = "".join(f' {k}="{escape(v)}"' for k, v in attrs.items())
    later = "".join(f' {k}="{escape(v)}"' for k, v in attrs.items() if k not in first_only)
    return f"<{tag}{first}>", f"<{tag}{later}>"


@dataclass
class Point:
    at: int
    html: str


@lru_cache(maxsize=8192)
def _mention_tags(tag: str, kind: str, link: str | None, title: str) -> tuple[str, str]:
    """A mention's opening tags, the same for every mention of one entity (a long document names one 50 times)."""
    if link:
        return _openings(tag, {"class": f"mention {kind}", "href": link, "title": title}, ())
    return _openings(tag, {"class": "mention unresolved", "title": title}, ())


def _local_type(value: str | None) -> str:
    """'http://schema.org/Person', 'schema:Person' or 'Person' -> 'Person'."""
    return (value or "").rsplit("/", 1)[-1].rsplit("#", 1)[-1].rsplit(":", 1)[-1]


def mention_span(mention: dict) -> Span:
    entity = mention.get("entity") or {}
    kind = KIND_CLASSES.get(entity.get("kind") or "") or TYPE_CLASSES.get(_local_type(mention.get("entityType")), "term")
    if entity.get("href"):
        title = entity.get("name") or entity["id"]
        return Span(mention["start"], mention["end"], "a", {"class": f"mention {kind}", "href": entity["href"], "title": title},
                    tags=_mention_tags("a", kind, entity["href"], title))
    title = f"unresolved {mention.get('entityType') or 'name'}"
    return Span(mention["start"], mention["end"], "span", {"class": "mention unresolved", "title": title},
                tags=_mention_tags("span", "", None, title))


def mention_spans(mentions: list[dict]) -> list[Span]:
    """One span per name and what it links to: the editors' markup and the heading can both find "Nixon" in "Letter
    From President Nixon" (two mentions of one person at one place), and two links there would be a link inside a
    link, which HTML forbids (browsers split it)."""
    spans: dict[tuple, Span] = {}
    for mention in mentions:
        span = mention_span(mention)
        spans.setdefault((span.start, span.end, span.tag, span.attrs.get("href")), span)
    return list(spans.values())


def claim_span(claim: dict) -> Span:
    anchor = claim_anchor(claim["id"])
    attrs = {"class": "claim", "id": anchor, "data-claim": anchor, "title": claim.get("claimType") or "claim"}
    title, anchor = escape(attrs["title"]), escape(anchor)
    return Span(claim["start"], claim["end"], "span", attrs,
                tags=(f'<span class="claim" id="{anchor}" data-claim="{anchor}" title="{title}">',
                      f'<span class="claim" data-claim="{anchor}" title="{title}">'))


# `*words*` within one line: opened after a space or an opening mark, closed before one or before punctuation,
# touching no space inside. None of the 99 TEI volumes' texts has such a pair (their asterisks are the documents'
# own note marks, "Defense,* it is"), so the rule needs no word on where a text came from.
_EMPHASIS = re.compile(r"(?<![^\s(\[“\"‘—])\*(?=[^\s*])[^*\n]*?(?<=[^\s*])\*(?![^\s.,;:!?)\]”\"’—])")


def emphasis(text: str) -> tuple[list[Span], frozenset[int]]:
    """The `*…*` pairs of a text: an `<em>` span over each one's words, and the offsets of the asterisks to hide."""
    spans, hidden = [], set()
    for m in _EMPHASIS.finditer(text):
        spans.append(Span(m.start() + 1, m.end() - 1, "em"))
        hidden |= {m.start(), m.end() - 1}
    return spans, frozenset(hidden)


def without(text: str, offset: int, hidden: frozenset[int]) -> str:
    """`text` (which starts at `offset` in its document) without the characters at the `hidden` offsets."""
    if not hidden:
        return text
    return "".join(c for i, c in enumerate(text, offset) if i not in hidden)


def _events(text: str, spans: list[Span], points) -> tuple[dict, dict, dict]:
    opens: dict[int, list[Span]] = {}
    closes: dict[int, list[Span]] = {}
    inserts: dict[int, list[str]] = {}
    for span in spans:
        if 0 <= span.start < span.end <= len(text):
            opens.setdefault(span.start, []).append(span)
            closes.setdefault(span.end, []).append(span)
    for point in points:
        if 0 <= point.at <= len(text):
            inserts.setdefault(point.at, []).append(point.html)
    return opens, closes, inserts


def _close(span: Span, stack: list[Span], out: list[str]) -> None:
    """Close `span`, closing the elements opened inside it first and reopening them after."""
    if stack and stack[-1] is span:     # the usual case: nothing crosses it
        stack.pop()
        out.append(span.close())
        return
    reopen = []
    while stack:
        top = stack.pop()
        out.append(top.close())
        if top is span:
            break
        reopen.append(top)
    for again in reversed(reopen):
        out.append(again.open(False))
        stack.append(again)


def mark_up(text: str, spans: list[Span], points: list[Point] = (), hidden: frozenset[int] = frozenset()) -> str:
    """`text` escaped, with each span wrapped in its element and each point's HTML inserted at its offset; the
    characters at the `hidden` offsets are left out (the offsets of everything else stay the text's).

    A long document has a thousand spans: the sorts run only where two spans meet at one offset."""
    opens, closes, inserts = _events(text, spans, points)
    out: list[str] = []
    stack: list[Span] = []
    opened: set[int] = set()
    last = 0
    for at in sorted(opens.keys() | closes.keys() | inserts.keys() | hidden):
        out.append(escape(text[last:at], quote=False))
        last = at
        ending = closes.get(at)
        if ending:
            if len(ending) > 1:     # the innermost first
                ending = sorted(ending, key=lambda s: -next(i for i, x in enumerate(stack) if x is s))
            for span in ending:
                _close(span, stack, out)
        if at in inserts:
            out.extend(inserts[at])
        starting = opens.get(at)
        if starting:
            for span in (sorted(starting, key=lambda s: -s.end) if len(starting) > 1 else starting):
                out.append(span.open(id(span) not in opened))
                opened.add(id(span))
                stack.append(span)
        if at in hidden:
            last = at + 1
    out.append(escape(text[last:], quote=False))
    out.extend(s.close() for s in reversed(stack))
    return "".join(out)


def _emphasis_around(document: str, start: int, end: int) -> tuple[list[Span], frozenset[int]]:
    """The document's `*…*` pairs over its passage [start, end), in the passage's offsets: a pair the passage's edge
    cuts is in italics up to the edge and its asterisk inside is hidden. A pair never crosses a line, so the pairs
    of the lines the passage lies on are the document's own (`emphasis` over the whole text finds the same)."""
    first = document.rfind("\n", 0, start) + 1
    last = document.find("\n", end)
    spans, hidden = emphasis(document[first:last if last >= 0 else len(document)])
    shift, length = first - start, end - start
    cut = [Span(max(0, s.start + shift), min(length, s.end + shift), "em") for s in spans
           if s.start + shift < length and s.end + shift > 0]
    return cut, frozenset(h + shift for h in hidden if 0 <= h + shift < length)


def passage_html(text: str, offset: int, highlights: list[tuple[int, int]], document: str | None = None) -> str:
    """A passage (which starts at `offset` in its document) with the given document spans marked, and its `*…*`
    pairs in italics without their asterisks, as the document page shows them. Given the document's text, the pairs
    are the document's (a pair cut by the passage's edge is in italics up to it, and no lone asterisk is left);
    without it (or if the text there is another), the passage's own pairs (an asterisk whose pair lies outside stays)."""
    if document is not None and document[offset:offset + len(text)] == text:
        marks, hidden = _emphasis_around(document, offset, offset + len(text))
    else:
        marks, hidden = emphasis(text)
    spans = [Span(s - offset, e - offset, "mark") for s, e in highlights]
    return mark_up(text, spans + marks, hidden=hidden)
