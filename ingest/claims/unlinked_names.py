"""Session 13: names a claim is about that no layer links ("Binh Xuyen", "Quemoy", "Montagnards", "Camp David").

The gazetteer, the authority records and the volume's lists hold the countries, persons and bodies that most claims
are about; what they lack was simply missing from `about`. On the development documents of the claims gold set,
more than half of the "about" items the system missed were names printed in the claim that no layer had found.

A capitalized word is read as a name only where the FRUS corpus does not also print it in lower case
(data/claims/common_words.txt, built by bench/common_words.py from the volumes' text): "Moreover", "Government",
"Appendix" open sentences or name offices; "Quemoy", "Biafra" do not occur in lower case. Titles and the cue lists'
abbreviations ("The Sec", "Deptel") are not names either. A name is local to its document, with the class
fk:UnlinkedName (a person, place, group or thing of unknown kind); like the other readings of about.py it feeds
`about` only: the record's mentions are not changed and claimants do not use it.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from importlib import resources

from ontology import iris

from ..records import DocumentRecord, Mention
from .cues import Cues

__all__ = ["unlinked_names", "common_words", "weapon_names", "is_name_word", "overlaps"]

_PART = r"[A-Z][a-z’']+(?:[-–][A-Z0-9][\w’']*)*"
_NAME = re.compile(rf"(?<![\w’'-]){_PART}(?:[^\S\n]+(?:(?:of|de|del|van|von|al|el|da|bin|ibn)[^\S\n]+)?{_PART})*(?![\w’'-])")
_CONNECTORS = frozenset("of de del van von al el da bin ibn".split())
_LEADING = frozenset("The Our Your His Her Their Its This That These Those On In At For By From To And But Or Nor Yet So "
                     "Since Although Though While Whereas When If As After Before Because Unless Until Whether Where "
                     "Then Also Thus Hence However Meanwhile".split())
_CONTRACTION = re.compile(r"[’'](?:ll|ve|d|m|re|t)$")
_POSSESSIVE = re.compile(r"[’']s?$")
_NEXT_WORD = re.compile(r"[^\S\n]+([a-z]+)\b")


def _word_list(name: str) -> frozenset[str]:
    path = resources.files("ingest") / "data" / "claims" / name
    if not path.is_file():
        return frozenset()
    return frozenset(w for w in path.read_text(encoding="utf-8").split("\n") if w and not w.startswith("#"))


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Words the corpus prints in lower case (bench/common_words.py); empty where the list is not shipped."""
    return _word_list("common_words.txt")


@lru_cache(maxsize=1)
def weapon_names() -> frozenset[str]:
    """Names the corpus prints before a weapon's or vessel's noun, or after a ship's prefix (bench/common_words.py)."""
    return frozenset(w.lower() for w in _word_list("weapon_names.txt"))


def _names_a_thing(label: str, following: str, cues: Cues) -> bool:
    """A document, law, scheme, treaty, weapon or ship, which the annotation guide does not count in about."""
    head = _POSSESSIVE.sub("", label.split()[-1]).lower()
    nxt = _NEXT_WORD.match(following)
    return (head in cues.thing_heads or head in weapon_names() or head.rstrip("s") in weapon_names()
            or bool(nxt and (nxt.group(1) in cues.scheme_nouns or nxt.group(1) in cues.vessel_heads)))


def _not_a_name(word: str, cues: Cues, common: frozenset[str]) -> bool:
    w = _POSSESSIVE.sub("", word).replace("’", "'").lower()
    return (w in common or (w.endswith("s") and w[:-1] in common) or w in cues.not_names or w in cues.titles
            or w in cues.speaker_titles or w in cues.local_titles or w in cues.title_abbreviations)


def is_name_word(word: str, cues: Cues) -> bool:
    """Whether a capitalized word can be a name: the corpus never prints it in lower case, and it is no title or
    abbreviation of the cues file. False where the word list is not shipped."""
    common = common_words()
    return bool(common) and not _not_a_name(word, cues, common)


def overlaps(taken: list[tuple[int, int]], s: int, e: int) -> bool:
    """Whether text[s:e] overlaps a span of `taken` (sorted; spans of mentions, at most a few nested)."""
    i = bisect.bisect_left(taken, (e, e))
    return any(a < e and s < b for a, b in taken[max(0, i - 8):i])


def unlinked_names(record: DocumentRecord, taken: list[tuple[int, int]], cues: Cues) -> list[Mention]:
    """Names in the body that no mention or other reading covers (`taken`, sorted), local to the document."""
    common = common_words()
    if not common:
        return []
    text, base = record.text, iris.document_iri(record.volume.id, record.doc_id)
    out: list[Mention] = []
    for m in _NAME.finditer(text, record.body_start, record.body_end or len(text)):
        words = [(w.start(), w.end()) for w in re.finditer(r"\S+", m.group(0))]
        while words and m.group(0)[words[0][0]:words[0][1]] in _LEADING:
            words.pop(0)
        if not words:
            continue
        s, e = m.start() + words[0][0], m.start() + words[-1][1]
        printed = [text[m.start() + a:m.start() + b] for a, b in words]
        if any(_CONTRACTION.search(w) for w in printed):
            continue                                    # "I'll", "We’ll"
        if _POSSESSIVE.search(printed[-1]):
            e -= len(_POSSESSIVE.search(printed[-1]).group(0))
        label = " ".join(text[s:e].split())
        if len(label) < 3 or overlaps(taken, s, e):
            continue
        if all(w in _CONNECTORS or _not_a_name(w, cues, common) for w in label.split()):
            continue
        if _names_a_thing(label, text[e:e + 40], cues):
            continue                                    # "Geneva Accords", "the Schuman plan", "Titan"
        out.append(Mention(s, e, "name", "about-name", 0.4, f"{base}/names/{iris.slug(label)}", label,
                           explanation=f"'{label}' is a name no layer links (the corpus never prints it in lower case); "
                                       "local to the document", exact=text[s:e]))
    return out
