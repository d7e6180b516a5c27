"""Names inside other names: a surname that is part of a place, a paper, a programme or a doctrine names that
thing, not the person ("New York Times", "a New York dateline", "Kennedy Round", "Johnson Island", "Carter
Doctrine").

Data first: the words beside the name form a gazetteer surface ("Marshall Islands") or a phrase of the
volume's terms list ("NYT, New York Times"), or the word before it begins a multi-word country name of the
gazetteer and is no given name, title or surname ("New" of New Zealand, "Saint", "Puerto"); then patterns:
the word after the name is the head of a thing (Times, Round, Plan, Doctrine, Island, Street…; plus the
last words of gazetteer territories named after people: Island, Atoll, Coast…), or the word before it is
a place's first word (Fort, Port, Mount…).
"""
from __future__ import annotations

import re
from functools import cache

from ingest.authorities import authorities, norm

from .gazetteer import gazetteer

__all__ = ["NAMED_AFTER", "NAMED_BEFORE", "thing_named_after", "term_phrases"]

NAMED_AFTER = frozenset("""Act Acts Plan Library Line Report Amendment Amendments Resolution Award Foundation Institute
Center Centre Building Hall Street Avenue Dam Bridge Trophy Model Front Round Formula Proposal Proposals Corollary Committee
Commission Mission Group Fund Treaty Agreement Accord Accords Declaration Principles Program Programme Corporation Company
Airport Field University College School Hospital County File Files Aviv Community Paper Times Post Herald Tribune Journal
Gazette Doctrine Island Islands Atoll Square Boulevard Road Park Prize Memorial Highway Canal Building""".split())
NAMED_BEFORE = frozenset("""Western Eastern Northern Southern Allied Four Big Great Home Free United Occupying Central Axis Royal
Imperial Viet Fort Port Mount Lake Camp Point Glen St""".split())
# After these the name is still the person's, as the editors tag it ("Nixon Presidential Materials").
_STILL_THE_PERSON = frozenset({"Presidential"})
_PHRASE = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+")


@cache
def _gazetteer_words() -> tuple[frozenset[str], frozenset[str]]:
    """(first words of multi-word country names that are no name on their own and end none, last words of
    territories named after a person): 'New', 'Saint', 'Puerto'…; 'Island', 'Atoll', 'Coast'…"""
    a = authorities()
    gaz = gazetteer()
    surnames, people = a.surname_index, a.full_index
    first, last, heads = set(), set(), set()
    for surface, entries in gaz.items():
        words = surface.split()
        if len(words) < 2 or not any(e.kind == "country" for e in entries):
            continue
        heads.add(words[-1])
        w = words[0]
        if w not in gaz and w[1:].islower() and w != "The" and norm(w) not in surnames and norm(w) not in people:
            first.add(w)
        if norm(words[0]) in surnames and words[-1][1:].islower() and words[-1] not in gaz:
            last.add(words[-1])
    first -= heads            # "State", "Union", "Republic" end other names: generic nouns, not a place's first word
    return frozenset(first), frozenset(last)


@cache
def term_phrases(terms: tuple[str, ...]) -> frozenset[str]:
    """Runs of capitalised words in a terms list's expansions ('New York Times', 'Kennedy Round')."""
    return frozenset(m.group(0) for desc in terms for m in _PHRASE.finditer(desc))


def thing_named_after(prev: str, surface: str, nxt: str, phrases: frozenset[str] = frozenset(),
                      given_names: frozenset[str] | set[str] = frozenset()) -> str | None:
    """Why `surface`, printed between `prev` and `nxt` (capitalised neighbours, '' when none), names a thing
    and not a person; None when nothing says so."""
    if nxt in _STILL_THE_PERSON:
        return None
    gaz = gazetteer()
    first, last = _gazetteer_words()
    prev_is_name = not prev or prev.lower() in given_names or prev.endswith(".") or len(prev) == 1
    if nxt and f"{surface} {nxt}" in gaz:
        return f"'{surface} {nxt}' is a place in the gazetteer"
    if not prev_is_name and f"{prev} {surface}" in gaz:
        return f"'{prev} {surface}' is a place in the gazetteer"
    if nxt and any(f"{surface} {nxt}" in p for p in phrases):
        return f"'{surface} {nxt}' is part of a name in the volume's terms list"
    if not prev_is_name and any(f"{prev} {surface}" in p for p in phrases):
        return f"'{prev} {surface}' is part of a name in the volume's terms list"
    if nxt in NAMED_AFTER or nxt in last:
        return f"'{surface} {nxt}' names a thing after a person"
    if prev in NAMED_BEFORE or (not prev_is_name and prev in first):
        return f"'{prev} {surface}' names a place or group, not a person"
    return None
