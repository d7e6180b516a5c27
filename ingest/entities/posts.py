"""Senders and recipients that are posts or offices ("the Embassy in Iran", "the Department of State", "the Mission
to the United Nations") as organizations: an institution of the curated list where it is one, else a U.S. post
minted once per kind and territory (`…/organizations/us-embassy-iran`), linked to its country and to the
Department of State. The heading names the post; the territory is the one the gazetteer gives for its place
at the document's date (the Embassy in the Soviet Union in 1978 is in soviet-union-1991).
"""
from __future__ import annotations

from dataclasses import dataclass

from ingest.authorities import authorities
from ingest.heading import HeadingPost, posts_of
from ingest.records import DocumentRecord, Mention
from ontology import iris

from .gazetteer import gazetteer
from .places import choose

__all__ = ["PostEntity", "resolve_post", "post_description", "is_minted_post", "heading_posts", "ORGANIZATIONS"]

ORGANIZATIONS = iris.organization_iri("un").removesuffix("un")     # …/organizations/
_PREFIX = "us-"
_KINDS = ("consulate-general", "liaison-office", "interests-section", "embassy", "legation", "consulate", "mission",
          "delegation")


@dataclass(frozen=True)
class PostEntity:
    iri: str
    label: str
    explanation: str


def _institution(name: str) -> str | None:
    for surface in (name, name.removeprefix("U.S. "), "U.S. " + name):
        for e in gazetteer().get(surface, ()):
            if e.kind == "organization":
                return e.key
    return None


def resolve_post(post: HeadingPost, date: str | None, year: int | None) -> PostEntity | None:
    """The organization a heading's post denotes, or None ('All Diplomatic Posts', a place we cannot place)."""
    a = authorities()
    key = _institution(post.name)
    if key:
        label = a.institutions[key].label
        return PostEntity(iris.organization_iri(key), label,
                          f"the heading names '{post.name}' as {post.role}: {label}, in the curated list of institutions")
    if post.kind and post.place:
        held = _institution(post.place)
        entries = gazetteer().get(post.place) or gazetteer().get("the " + post.place)
        if held:
            where, target = a.institutions[held].label, held
        elif entries:
            ch = choose(post.place, entries, post.place, 0, len(post.place), year, date)
            if ch is None or ch.entry is None or ch.entry.kind != "country":
                return None
            where, target = a.territories[ch.entry.key].name, ch.entry.key
        else:
            return None
        kind = post.kind.lower().replace(" ", "-")
        label = f"U.S. {post.kind} {'to' if held or post.kind == 'Mission' else 'in'} {where}"
        return PostEntity(iris.organization_iri(f"{_PREFIX}{kind}-{target}"), label,
                          f"the heading names '{post.name}' as {post.role}: the U.S. {post.kind.lower()} "
                          f"{'to' if held else 'in'} {where}" + ("" if held else f" (hsg-gsh {target} at the document's date)"))
    if post.kind is None and post.name[:1].isupper():
        return PostEntity(iris.organization_iri(_PREFIX + iris.slug(post.name)), post.name,
                          f"the heading names '{post.name}' as {post.role}; not in the curated list of institutions")
    return None


def is_minted_post(iri: str) -> bool:
    return iri.startswith(ORGANIZATIONS + _PREFIX)


def post_description(iri: str) -> tuple[str | None, str | None]:
    """(country IRI, parent organization IRI) of a minted post: what the document graph states about it."""
    rest = iri[len(ORGANIZATIONS + _PREFIX):]
    for kind in _KINDS:
        if rest.startswith(kind + "-"):
            target = rest[len(kind) + 1:]
            country = iris.country_iri(target) if target in authorities().territories else None
            return country, iris.organization_iri("department-of-state")
    return None, None


def heading_posts(record: DocumentRecord) -> list[tuple[str, Mention]]:
    """(role, organization mention) for each post the heading names as sender or recipient and the entity
    extractor resolved: what the graph writes as schema:author and schema:recipient."""
    at = record.text.find(record.heading) if record.heading else -1
    if at < 0:
        return []
    by_span = {(m.start, m.end): m for m in record.mentions if m.kind == "organization" and m.entity}
    out = []
    for post in posts_of(record.heading):
        m = by_span.get((at + post.start, at + post.end))
        if m is not None:
            out.append((post.role, m))
    return out
