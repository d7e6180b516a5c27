"""Calendar entries: a document the volume describes in its heading alone, dated by day and by its section.

The microfiche supplements (frus1961-63v07-09mSupp, v10-12mSupp) print no documents, only entries: "276. Memorandum
from McNamara to President Kennedy, August 11. Provides … “Army Strength Planned as of June 30, 1963.” …", in a
section headed "August 1962". The entry's own date has no year; the first full date in it is often another
paper's (June 30, 1963 here), so the section gives the year; and its senders and recipients are read from the
title up to that date, not from the description and archive citation after it ("… Departments and Agencies Series").
"""
from __future__ import annotations

import calendar
import re

from .dates import DateRefused, check_day
from .heading import HeadingParty

__all__ = ["section_date", "entry_title", "entry_parties"]

_MONTH = "|".join(calendar.month_name[1:])
_DATE_OR_UNDATED = re.compile(rf"\b(?:(?:{_MONTH})\s+\d{{1,2}}(?:\s*[-–]\s*(?:(?:{_MONTH})\s+)?\d{{1,2}})?(?:,\s*\d{{4}})?|undated)\b")
_SECTION = re.compile(rf"^\s*(?P<month>{_MONTH})\s+(?P<year>\d{{4}})\s*$")
_YEARLESS_DAY = re.compile(rf",[”\"’']?\s+(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})"
                           rf"(?:\s*[-–]\s*(?:(?:{_MONTH})\s+)?\d{{1,2}})?(?=[.,;:]|\s+(?!\d))(?![.,]?\s*\d{{4}})")


def section_date(heading: str, section_head: str | None) -> str | None:
    """The ISO date where the heading prints a day without a year and the section its month and year.

    An entry filed under the next month's section ("December 30" under "January 1963") takes the year before."""
    section = _SECTION.match(section_head or "")
    entry = _YEARLESS_DAY.search(heading)
    if section is None or entry is None:
        return None
    month = list(calendar.month_name).index(entry.group("month"))
    section_month = list(calendar.month_name).index(section.group("month"))
    year = int(section.group("year")) + (-1 if month - section_month > 6 else 1 if section_month - month > 6 else 0)
    try:
        check_day(str(year), month, int(entry.group("day")))
    except DateRefused:
        return None
    return f"{year:04d}-{month:02d}-{int(entry.group('day')):02d}"


def entry_title(heading: str) -> str:
    """The heading up to its first date ("276. Memorandum from McNamara to President Kennedy, August 11"), or all of
    it where it prints none."""
    found = _DATE_OR_UNDATED.search(heading)
    return heading[:found.end()] if found else heading


_RANK = (r"(?:Lt\.\s+Gen\.|Gen\.|Col\.|Maj\.|Adm\.|Capt\.|Amb\.|Rep\.|Sen\.|Dr\.|Mr\.|Mrs\.|General|Admiral|Colonel|"
         r"Ambassador|Senator|Representative|President|Vice\s+President|Secretary|Under\s+Secretary|Prime\s+Minister|"
         r"Foreign\s+Minister|Chancellor|Governor|Director|Chairman)")
_NAME = re.compile(rf"(?:(?P<office>{_RANK})\s+)?(?P<name>[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|de|van|von|du|la))*?)"
                   r"(?:\s+\((?P<paren>[^()]{1,40})\))?$")
_CABLE = re.compile(r"(?:\d+[A-Z]?\.\s+)?(?:[A-Z][\w-]*\s+)?(?:Telegram|Airgram|Despatch|Dispatch|Cable|[A-Z][a-z]+)\s+\d")
_PARTIES = re.compile(r"\b(?:from|by)\s+(?P<senders>.+?)(?:\s+to\s+(?P<recipients>.+?))?(?:,\s+|\s*$)")


def entry_parties(heading: str) -> list[HeadingParty]:
    """Senders and recipients a calendar entry's title names: "Memorandum from Gen. Lemnitzer to Clifton, March 3",
    "Letter from Rep. Holifield and Sen. Jackson to President Kennedy", "Memorandum … prepared by McCone". Posts,
    offices and bodies ("from USUN", "from the Secretaries") are not people and are left out, nor is a cable's one-word
    sender or recipient with no office ("Telegram 2241 from Moscow", "Nusup 1083 to Geneva"): the post in that city."""
    title = entry_title(heading)
    found = _PARTIES.search(title)
    if found is None:
        return []
    cable = _CABLE.match(title) is not None
    out: list[HeadingParty] = []
    for role, group in (("author", "senders"), ("recipient", "recipients")):
        if found.group(group) is None:
            continue
        base = found.start(group)
        for part in re.finditer(r"[^,]+?(?=\s+and\s+|,|$)", found.group(group)):
            printed = part.group(0).strip()
            if printed.startswith("and "):
                printed = printed[4:]
            at = base + part.start() + part.group(0).index(printed)
            name = _NAME.match(printed)
            if name is None or name.group("name").isupper() or len(name.group("name").split()) > 4:
                continue
            office = name.group("office") or name.group("paren")
            if cable and office is None and " " not in name.group("name"):
                continue          # "Telegram 2241 from Moscow": the post in that city
            out.append(HeadingParty(role, name.group("name"), office, at + name.start("name"), at + name.end("name")))
    return out
