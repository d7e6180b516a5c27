"""Telegrams printed in capitals, read in mixed case.

Many telegrams of the 1970s are printed in capitals ("HUANG SAID THERE HAVE BEEN PRESS REPORTS…").
The claim rules lean on case: a capitalized word after a period opens a sentence, a capitalized word
before a verb is a name, a sentence in capitals is a heading. So a body in capitals lost nearly all
its claims (19 of 21 in a 1972 telegram, 8 of 9 in a 1973 one). Such a body is read through a copy
of the record whose text is in mixed case at the same offsets: names and glossary terms the entity
layer found keep a capital (acronyms, and the volume's glossary terms, stay in capitals), titles and the abbreviations of the
segmentation lists take their printed form ("AMB" -> "Amb", "SECY" -> "Secy"), a sentence's first
word is capitalized, every other word is lowercased. The claims' offsets are those of the record,
and their text is read from the record itself, verbatim in capitals.
"""
from __future__ import annotations

import dataclasses
import re

from ..records import DocumentRecord
from .cues import Cues
from .unlinked_names import common_words

__all__ = ["in_mixed_case", "in_capitals"]

# A body whose letters are at most this share lowercase is printed in capitals.
MAX_LOWER_SHARE = 0.25
_UPPER, _LOWER = bytes(range(65, 91)), bytes(range(97, 123))
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
_DOTTED = re.compile(r"(?:[A-Z]\.){2,}")
_INITIALISM_END = re.compile(r"(?<![A-Za-z])(?:[A-Z]\.)+[A-Z]$")
# Acronyms among the names: "US", "PRC", "USG", "SYG", "USUN" stay in capitals.
_ACRONYM = re.compile(r"[A-Z]{1,5}")
# Session 31: a glossary term that is also an English function word ("WHO", "US", "AID" is not one) keeps its capitals only
# where the entity layer tagged it: "…DEPARTURE OF FREY FROM STAFF, WHO BELIEVES…" has a relative pronoun, not a speaker.
_FUNCTION_WORDS = frozenset("A AN AS AT BE BY DO GO HE IF IN IS IT ME NO OF ON OR SO TO UP US WE WHO ALL CAN MAY WILL".split())
_SMALL = frozenset({"of", "the", "and", "for", "in", "on", "to", "de", "da", "la", "le", "von", "van"})
# Where a sentence opens: the block's start (after an enumerator) or after a sentence's end.
_OPENS = re.compile(r"(?:^|\n|[.!?][”\"’')\]]*[ \t]+)[ \t]*(?:\(?\d{1,3}[.)][ \t]+|\([A-Za-z]\)[ \t]*|[-—–•][ \t]*)?[“\"(\[]*([a-z])")
_NAME_KINDS = frozenset({"person", "country", "organization", "region", "place", "term"})


def in_capitals(record: DocumentRecord) -> bool:
    """Whether the body is printed in capitals (three quarters of its letters or more)."""
    data = record.text[record.body_start:record.body_end].encode("ascii", "ignore")
    upper = len(data) - len(data.translate(None, _UPPER))       # counted in C: this runs on every document
    lower = len(data) - len(data.translate(None, _LOWER))
    return upper >= 40 and lower <= MAX_LOWER_SHARE * (upper + lower)


def in_mixed_case(record: DocumentRecord, cues: Cues) -> DocumentRecord:
    """The record itself, or, for a body in capitals, a copy whose body is in mixed case (same offsets)."""
    if not in_capitals(record):
        return record
    start, end = record.body_start, record.body_end if record.body_end is not None else len(record.text)
    body = _recased(record, start, end, cues)
    return dataclasses.replace(record, text=record.text[:start] + body + record.text[end:])


def _recased(record: DocumentRecord, start: int, end: int, cues: Cues) -> str:
    text = record.text
    names = sorted((m.start, m.end, m.kind) for m in record.mentions if m.kind in _NAME_KINDS and start <= m.start < end)
    terms = {t.name.split()[0] for t in record.volume.terms if t.name and t.name.split()[0].isupper()}
    chars = list(text[start:end])
    for w in _WORD.finditer(text, start, end):
        word = w.group(0)
        if not word.isupper() or word == "I" or (word in terms and word not in _FUNCTION_WORDS):
            continue
        new = _word_form(word, _covering(names, w.start(), w.end()), cues)
        chars[w.start() - start:w.end() - start] = new
    for d in _DOTTED.finditer(text, start, end):            # "U.S.": an initialism keeps its capitals
        chars[d.start() - start:d.end() - start] = d.group(0)
    out = "".join(chars)
    out = _titles(cues).sub(lambda m: _title_case(m.group(0)), out)
    return _OPENS.sub(lambda m: m.group(0) if _line_runs_on(out, m.start()) or _after_initialism(out, m.start())
                      else m.group(0)[:-1] + m.group(1).upper(), out)


def _after_initialism(text: str, at: int) -> bool:
    """Session 32: the period of "U.S." ends no sentence ("…THE U.S. LAST NOVEMBER PROPOSED A TRUST FUND…" had made a
    speaker of "U.S. Last November")."""
    return text[at:at + 1] == "." and _INITIALISM_END.search(text, max(0, at - 8), at) is not None


def _line_runs_on(text: str, at: int) -> bool:
    """Session 31: a line break inside a sentence of prose ("…THEY WERE AWARE THEY WERE\nENTERING INTO…", the printed line
    of a telegram): the long line before it stops on a word or a comma, so the next word opens no sentence."""
    if text[at:at + 1] != "\n":
        return False
    line = text[text.rfind("\n", 0, at) + 1:at]
    return len(line) >= 40 and (line[-1:].isalpha() or line.endswith(","))


def _covering(names: list[tuple[int, int, str]], s: int, e: int) -> tuple[int, int, str] | None:
    return next((n for n in names if n[0] < e and s < n[1]), None)


def _word_form(word: str, name: tuple[int, int, str] | None, cues: Cues) -> str:
    printed = _printed(cues).get(word.lower())
    if printed is not None:
        return printed
    if name is None:
        # session 28: a word the corpus never prints in lower case is a name no layer found ("GONZALEZ HAD HEARD…")
        return _title_case(word) if len(word) > 3 and _never_lower(word.lower()) else word.lower()
    if name[2] in ("term", "organization", "country") and _ACRONYM.fullmatch(word) and name[1] - name[0] <= 5:
        return word
    return word.lower() if word.lower() in _SMALL else _title_case(word)


def _never_lower(word: str) -> bool:
    common = common_words()
    return bool(common) and word not in common and not (word.endswith("s") and word[:-1] in common) \
        and not (word.endswith("ed") and (word[:-2] in common or word[:-1] in common)) \
        and not (word.endswith("ing") and (word[:-3] in common or word[:-3] + "e" in common))


def _title_case(word: str) -> str:
    return " ".join(w if w.lower() in _SMALL else w[:1].upper() + w[1:].lower() for w in word.split(" "))


_CACHE: dict[tuple[str, int], object] = {}


def _printed(cues: Cues) -> dict[str, str]:
    """The printed form of the abbreviations of the segmentation lists ("amb" -> "Amb", "jan" -> "Jan")."""
    if ("printed", id(cues)) in _CACHE:
        return _CACHE["printed", id(cues)]
    out: dict[str, str] = {}
    common = {w for w in cues.before_numbers if w.islower()}       # "no", "para": words, not only abbreviations
    for w in (*cues.titles, *cues.before_numbers, *cues.ambiguous):
        if w[:1].isupper() and w.lower() not in common:
            out.setdefault(w.lower(), w)
    _CACHE["printed", id(cues)] = out
    return out


def _titles(cues: Cues) -> re.Pattern[str]:
    """Titles of speakers in any case ("the president", "prime minister"), to be printed capitalized."""
    if ("titles", id(cues)) in _CACHE:
        return _CACHE["titles", id(cues)]
    alts = sorted(cues.speaker_titles, key=len, reverse=True)
    _CACHE["titles", id(cues)] = re.compile(r"(?<![\w’'])(?:" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in alts) + r")(?![\w’'])",
                      re.IGNORECASE)
    return _CACHE["titles", id(cues)]
