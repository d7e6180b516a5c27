"""Offices POCOM does not cover, settled by the volume's persons list: "Special Representative for Economic
Summits (Owen)" is Henry D. Owen, not Lord David Owen.

The persons list describes each entry with its offices and dates ("British Foreign Secretary from February
21, 1977, until May 4, 1979"). Among the entries of the printed surname, each is scored on the office's
words found in its description, on nationality (a title with no foreign demonym, such as any office in a
U.S. document heading, is held by an American: an entry described by a foreign demonym cannot hold it), and
on dates (a description whose years all end before the document cannot describe its author). One entry
must lead by a clear margin; the explanation names the evidence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ingest.authorities import norm, split_name
from ingest.records import VolumeRecord

from .gazetteer import gazetteer

__all__ = ["office_from_note", "ListChoice", "office_from_persons_list", "office_from_remarks", "nationality", "dates_allow",
           "month_number"]

_WORD = re.compile(r"[A-Za-z][a-z]+")
_GENERIC = {"the", "of", "for", "and", "to", "in", "on", "at", "special", "assistant", "deputy", "office", "affairs",
            "acting", "chief", "member", "from", "until", "also", "with", "staff"}
_NATION = re.compile(r"\bof\s+(?:the\s+)?(?=(?P<of>[A-Z][\w.]+(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w.]+){0,3}))|(?P<adj>U\.S\.|\b[A-Z][a-z]+)(?=(?P<adj2>[ ][A-Z][a-z]+)?)")
_UNTIL = re.compile(r"\buntil\s+(?:(?P<m>[A-Z][a-z]+)\.?\s+(?:\d{1,2},\s+)?)?(?P<y>1[89]\d\d|20\d\d)\b")
# Session 52: "Foreign Minister of Japan from July 1964 to 1966" (Shiina) ends in 1966, as "until 1966" would; "Japanese
# Finance Minister from 1965 to 1966 and from 1968 to 1970" holds two spans; "…from April 1952–June 1953" (Wilopo) one.
_FROM_TO = re.compile(r"\bfrom\s+(?:(?P<m0>[A-Z][a-z]+)\.?\s+)?(?:\d{1,2},?\s+)?(?P<y0>1[89]\d\d|20\d\d)(?:\s+(?:to|through)\s+|\s*[-–—]\s*)"
                      r"(?:(?P<m>[A-Z][a-z]+)\.?\s+(?:\d{1,2},\s+)?)?(?P<y>1[89]\d\d|20\d\d)\b")
_THEREAFTER = re.compile(r"\s*(?:and\s+)?(?:thereafter|afterwards?|subsequently|then)\b", re.IGNORECASE)
_FROM = re.compile(r"\b(?:from|after|since)\s+(?:(?P<m>[A-Z][a-z]+)\.?\s+(?:\d{1,2},\s+)?)?(?P<y>1[89]\d\d|20\d\d)\b")
# session 50: a span printed with a dash ("Italian Prime Minister, July 1958–January 1959", "1961–63")
_SPAN = re.compile(r"\b(?:(?P<m1>[A-Z][a-z]+)\.?\s+(?:\d{1,2},\s+)?)?(?P<y1>1[89]\d\d|20\d\d)\s*[–—-]\s*"
                   r"(?:(?P<m2>[A-Z][a-z]+)\.?\s+(?:\d{1,2},\s+)?)?(?P<y2>1[89]\d\d|20\d\d|\d\d)\b")
_DAY_SPAN = re.compile(r"\b(?P<m>[A-Z][a-z]+)\.?\s+\d{1,2}\s*[–-]\s*\d{1,2},\s+(?P<y>1[89]\d\d|20\d\d)\b")
_MONTHS = {m: i for i, m in enumerate(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1)}


@dataclass(frozen=True)
class ListChoice:
    xml_id: str
    name: str
    explanation: str


def nationality(text: str, demonyms: bool = True) -> str | None:
    """The territory of the first demonym or 'of <country>' in `text` ('British Foreign Secretary', 'Prime
    Minister of Japan'), else None; of 'of <country>' only, without `demonyms`."""
    gaz = gazetteer()
    for m in _NATION.finditer(text):
        if not demonyms and not m.group("of"):
            continue
        surface = m.group("of") or m.group("adj")
        # session 50: the longest name the words after "of" begin with: "President of the Republic of Vietnam" (Diem) is
        # of South Vietnam, "President of Guatemala March 15, 1951-…" of Guatemala, not of "Guatemala March"
        if m.group("of"):
            ends = [w.end() for w in re.finditer(r"[\w.]+", surface)]
            forms = [*_formal_names(text, m), *(surface[:end] for end in reversed(ends))]
        else:       # session 52: "West German Chancellor", "South Korean Foreign Minister"
            forms = [surface + m.group("adj2"), surface] if m.group("adj2") else [surface]
        for form in dict.fromkeys(forms):
            for e in gaz.get(form, ()):
                if e.kind == "country" and ((e.form != "demonym") if m.group("of") else (e.form == "demonym" or surface == "U.S.")):
                    return e.key      # "of France", "French"; not "of the American Red Cross" (Gruenther)
    return None


def _formal_names(text: str, m: re.Match) -> list[str]:
    """Session 52: a state's formal name that runs back from "of <name>" over the capitalised words before it, longest
    first: "Republic of Korea" (South Korea), "Democratic People’s Republic of Korea" (North Korea), where "of Korea"
    alone is the Korea of 1945-1948."""
    run = re.search(r"(?:[A-Z][\w’'.]*[ ])+$", text[max(0, m.start() - 60):m.start()])
    if run is None:
        return []
    words = run.group(0).split(" ")[:-1]
    name = re.match(r"[A-Z][\w.]+", m.group("of")).group(0)
    return [" ".join(words[k:]) + " " + text[m.start():m.start("of")] + name for k in range(len(words))]


def dates_allow(description: str, year: int | None, month: int | None = None, spans: bool = True) -> bool:
    """Whether some clause of a persons-list description leaves `year` (and `month`, where the caller knows it and the
    clause prints one) possible: 'from 1974' begins after it, or 'until March 15, 1979' ends before it, in every clause
    that prints a date, or none prints one; a clause 'thereafter…' begins where the clause before it ended. Session 50:
    a span printed with a dash ('July 1958–January 1959') bounds it too, unless `spans` is False."""
    if year is None:
        return True
    latest, earliest = (year, month or 12), (year, month or 1)     # the document's date, as far as it is known
    dated, ended = False, None
    for clause in description.split(";"):
        clause = _DAY_SPAN.sub(lambda d: f"{d['m']} {d['y']}–{d['m']} {d['y']}", clause)     # "June 27-28, 1954"
        span = _SPAN.search(clause) if spans else None
        if span and not (_FROM.search(clause) or _UNTIL.search(clause)):
            dated, ended = True, _span_end(span)[0]
            if not (_span_start(span) > latest or _span_end(span) < earliest):
                return True
            continue
        ranges = list(_FROM_TO.finditer(clause))
        if ranges and not _UNTIL.search(clause):
            dated, ended = True, int(ranges[-1].group("y"))
            if any((int(r.group("y0")), _MONTHS.get((r.group("m0") or "")[:3], 1)) <= latest and _bound(r, 12) >= earliest
                   for r in ranges):
                return True
            continue
        since, until = _FROM.search(clause), _UNTIL.search(clause)
        if not (since or until) and _THEREAFTER.match(clause):
            # session 36: "…until March 31, 1966; thereafter President's Special Assistant" (Walt W. Rostow, frus1964-68v14)
            dated = True
            if ended is None or ended <= year:
                return True
        ended = int(until.group("y")) if until else None
        if since or until:
            dated = True
            begins, ends = _bound(since, 1), _bound(until, 12)
            if not ((begins and begins > latest) or (ends and ends < earliest)):
                return True
            if begins and ends and until.start() < since.start() and not (ends < earliest and begins > latest):
                return True     # session 49: "Prime Minister of Greece until March 1958 and from May 1958" (Karamanlis)
    return not dated


def month_number(word: str) -> int | None:
    """'June' and 'Sept.' -> their month's number; None for any other word."""
    return _MONTHS.get(word[:3]) if word[:1].isupper() else None


def _span_start(m: re.Match) -> tuple[int, int]:
    return int(m.group("y1")), _MONTHS.get((m.group("m1") or "")[:3], 1)


def _span_end(m: re.Match) -> tuple[int, int]:
    y = m.group("y2")
    year = int(m.group("y1")[:2] + y) if len(y) == 2 else int(y)
    return year, _MONTHS.get((m.group("m2") or "")[:3], 12)


def _bound(m: re.Match | None, unprinted_month: int) -> tuple[int, int] | None:
    """(year, month) of a 'from'/'until' date; session 49: the month counts where the description prints one ("British
    Prime Minister until October 1964" is not December 1964's, when Wilson was)."""
    if m is None:
        return None
    return int(m.group("y")), _MONTHS.get((m.group("m") or "")[:3], unprinted_month)


@lru_cache(maxsize=32)
def _by_surname(entries: tuple[tuple[str, str, str], ...]) -> dict[str, list[tuple[str, str, str]]]:
    out: dict[str, list[tuple[str, str, str]]] = {}
    for xml_id, name, desc in entries:
        surname = norm(split_name(name).surname)
        out.setdefault(surname, []).append((xml_id, name, desc))
    return out


def office_from_persons_list(office: str, surname: str, volume: VolumeRecord, year: int | None) -> ListChoice | None:
    """The persons-list entry of `surname` whose description fits `office` clearly best, or None."""
    if not volume.persons:
        return None
    entries = _by_surname(tuple((e.xml_id, e.name, e.description) for e in volume.persons)).get(norm(surname), [])
    if len(entries) < 2:
        return None
    words = {w.lower() for w in _WORD.findall(office)} - _GENERIC
    held_by = nationality(office) or "united-states"
    scored = []
    for xml_id, name, desc in entries:
        low = desc.lower()
        hits = sorted(w for w in words if re.search(rf"\b{w}", low))
        score, why = 2.0 * len(hits), [f"the office's words {', '.join(hits)} are in its description"] if hits else []
        theirs = nationality(desc)
        if theirs and theirs != held_by:
            score -= 3
            why.append(f"described as a foreign official ('{desc.split(';')[0][:100].rstrip(', ')}'), while '{office}' is "
                       f"{'a U.S. title' if held_by == 'united-states' else 'an office of ' + held_by}")
        if not dates_allow(desc, year):
            score -= 2
            why.append(f"the dates it prints exclude {year}, the document's year")
        scored.append((score, xml_id, name, why))
    scored.sort(key=lambda s: -s[0])
    best, second = scored[0], scored[1]
    if best[0] < 2 or best[0] - second[0] < 2:
        return None
    explanation = (f"'{office} ({surname})': decided by the volume's persons list, which lists {len(scored)} people "
                   f"named {surname}: {best[2]} ({best[1]}): {'; '.join(best[3])}; "
                   + "; ".join(f"not {n} ({x}): {'; '.join(w) or 'nothing in its description fits'}"
                               for _, x, n, w in scored[1:]))
    return ListChoice(best[1], best[2], explanation)


def office_from_remarks(office: str, ids: frozenset[str] | set[str], year: int | None,
                        surname: str | None = None) -> tuple[str, str] | None:
    """(hsg id, description) of the one namesake among `ids` whom a persons list of a FRUS volume covering `year`
    describes with every word of `office` (two at least, beyond the generic ones): "Deputy Assistant Secretary of
    Defense for International Security Affairs (Bundy)" in 1962 is William P. Bundy, whom the 1961-63 volumes
    describe so, even in a volume that lists only McGeorge (frus1961-63v21). With `surname`, only records of that
    surname are asked ("(Harlech)" is no surname: one of the two records of Lord Harlech, "David Ormsby Gore", is not
    preferred to the listed one). None when no one or several fit."""
    from ingest.authorities import authorities
    words = {w.lower() for w in _WORD.findall(office)} - _GENERIC
    if year is None or len(words) < 2:
        return None
    a = authorities()
    fit: dict[str, str] = {}
    for pid in sorted(ids):
        if surname is not None and norm(a.person(pid).surname) != norm(surname):
            continue
        for text, y0, y1 in a.person(pid).offices:
            low = text.lower()
            if y0 <= year <= y1 and all(re.search(rf"\b{w}", low) for w in words):
                fit[a.canonical(pid)] = text
                break
    return next(iter(fit.items())) if len(fit) == 1 else None


def office_from_note(office: str, pid: str, year: int | None) -> str | None:
    """Session 26: the hsg-people note of the one bearer of a surname, when it describes them with the office
    printed beside the name in a heading of a volume without a persons list: "The Iranian Prime Minister (Hakimi)"
    of 1948 is Ebrahim Hakimi, "former Prime Minister of Iran, 1945 and 1948". The note must name the office's words
    (two at least, beyond the generic ones and the demonym), the country the office's demonym or "of" names, and,
    where it prints years, the document's year among or between them. The note, or None."""
    from ingest.authorities import authorities
    note = authorities().person(pid).note or ""
    country = nationality(office)
    demonyms = {m.group("adj").lower() for m in _NATION.finditer(office) if m.group("adj")
                and any(e.kind == "country" and e.form == "demonym" for e in gazetteer().get(m.group("adj"), ()))}
    words = {w.lower() for w in _WORD.findall(office)} - _GENERIC - demonyms
    if year is None or not note or len(words) < 2 or not all(re.search(rf"\b{w}", note.lower()) for w in words):
        return None
    if country is not None and nationality(note) != country:
        return None
    years = [int(y) for y in re.findall(r"\b(1[89]\d\d|20\d\d)\b", note)]
    if years and not min(years) <= year <= max(years):
        return None
    return note
