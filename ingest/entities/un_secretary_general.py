""""SYG" is the Secretary-General of the United Nations on the document's date (issue 16, item 4, session 26).

The editors list the abbreviation ("SYG, United Nations Secretary-General"; in 20 volumes just "SYG,
Secretary-General") and tag it as a term, so "SYG also said…" was a claimant node of its own in each document. The
holder comes from the hand table `un_secretaries_general.tsv`, built into the POCOM derivative like the Vice
Presidents. Not where the text names someone else's Secretary-General ("NATO SYG", "SYG of NATO", "Acting SYG"), nor
as a title before a name ("SYG Luns", "SYG Hammarskjold": the name is the mention), nor on a day the office was
vacant; where the list says only "Secretary-General", only in a document that speaks of the UN and not of NATO.
Since session 27 also "the Secretary-General" spelled out, where the document names no other body's (`spelled_out_holder`).
"""
from __future__ import annotations

import re

from ingest.authorities import authorities

__all__ = ["UN_SECRETARY_GENERAL", "SURFACES", "un_secretary_general", "holder_on", "spelled_out_holder"]

UN_SECRETARY_GENERAL = "Secretary-General of the United Nations"
SURFACES = frozenset({"SYG", "UNSYG", "SecGen", "UNSEC", "SGUN", "Secy Gen", "Sec. Gen."})
_GENERAL = r"Secretary[-–\s]General"
_OF_THE_UN = re.compile(rf"^(?:(?:United\s+Nations|U\.N\.|UN)\s+{_GENERAL}|{_GENERAL}(?:\s+of\s+the\s+United\s+Nations|\s*\((?:United\s+Nations|UN)\)))$")
_ANY = re.compile(rf"^{_GENERAL}$")
_OTHER_BODY_BEFORE = re.compile(r"\b(?:NATO|SEATO|CENTO|OAS|OECD|Party|Council|WEU|Acting|Deputy|Assistant|Under|former|ex-)\s*(?:['’]s\s+)?$")
_OTHER_BODY_AFTER = re.compile(r"^\s*(?:of\s+(?:the\s+)?)?(?:NATO|SEATO|CENTO|OAS|OECD|WEU)\b")
_NAME_AFTER = re.compile(r"^\s+(?:[A-Z][a-z]|U\s+Thant)")
# A list that says only "SYG, Secretary General" leaves the body to the document: the UN's where it speaks of the UN
# and not of NATO (frus1964-68v13's "Atlantic Council, chaired by SYG" is Brosio).
_UN_WORDS = re.compile(r"\b(?:UN|U\.N\.|United\s+Nations|USUN|Security\s+Council|General\s+Assembly|UNGA|UNSC|SC|GA|"
                       r"UNEF|UNTSO|UNRWA|UNMOGIP|ONUC|UNFICYP|UNCURK)\b")       # and the UN's forces and missions
_NATO_WORDS = re.compile(r"\b(?:NATO|NAC|North\s+Atlantic|USNATO|Atlantic\s+Council|SEATO|CENTO|OAS|WEU)\b")


def un_secretary_general(text: str, start: int, end: int, surface: str, expansion: str, date: str | None) -> tuple[str, str] | None:
    """(hsg id, why) of the Secretary-General the abbreviation at text[start:end] stands for, or None."""
    expansion = " ".join(expansion.split())
    explicit = bool(_OF_THE_UN.match(expansion))
    if surface not in SURFACES or not (explicit or _ANY.match(expansion)) or not date:
        return None
    if not explicit and (not _UN_WORDS.search(text) or _NATO_WORDS.search(text)):
        return None
    before, after = text[max(0, start - 20):start], text[end:end + 20]
    if _NAME_AFTER.match(after) or _OTHER_BODY_BEFORE.search(before) or _OTHER_BODY_AFTER.match(after):
        return None
    pid = holder_on(date)
    if pid is None:
        return None
    return pid, (f"'{surface}' is '{expansion}' in the volume's list of abbreviations; on {date[:10]} the "
                 f"{UN_SECRETARY_GENERAL} was {authorities().person(pid).name} (un_secretaries_general.tsv)")


def holder_on(date: str) -> str | None:
    """The canonical hsg id of the UN Secretary-General on `date`, or None (vacant, or the table unsure)."""
    held = [p for p in authorities().holders(UN_SECRETARY_GENERAL, date[:10]) if p.hsg]
    return authorities().canonical(held[0].hsg) if len({p.hsg for p in held}) == 1 else None


# Session 27: "the Secretary-General" spelled out. Other bodies have one too (the Quai d'Orsay, NATO, the OAS, the Arab
# League, a party), so the title is the UN's only in a document that speaks of the UN and names no other.
_OTHERS_SPELLED = re.compile(r"(?:[A-Z][\w.'’-]*\s+)(?<!United Nations )(?<!U\.N\. )(?<!UN )(?<!The )(?<!the )"
                             r"(?<!Acting )(?<!Deputy )(?<!Assistant )(?<!Under )(?<!and )" + _GENERAL + r"|"
                             + _GENERAL + r"\s+of\s+(?:the\s+)?(?!United\s+Nations|U\.N\.|UN\b)[A-Z]|"
                             r",\s*" + _GENERAL + r"(?!\s+of\s+the\s+United\s+Nations)|"    # "Hervé Alphand, Secretary-General, Ministry…"
                             r"\b(?:OAU|Organization\s+of\s+African\s+Unity|Arab\s+League|League\s+of\s+Arab\s+States|OEEC|"
                             r"Commonwealth\s+Secretariat)\b")


def spelled_out_holder(text: str, date: str | None) -> tuple[str, str] | None:
    """(hsg id, why) for "the Secretary-General" printed alone in this document, or None."""
    if not date or not _UN_WORDS.search(text) or _NATO_WORDS.search(text) or _OTHERS_SPELLED.search(text):
        return None
    pid = holder_on(date)
    if pid is None:
        return None
    return pid, (f"'the Secretary-General' in a document that speaks of the United Nations and of no other body's "
                 f"Secretary-General: on {date[:10]} the {UN_SECRETARY_GENERAL} was {authorities().person(pid).name} "
                 f"(un_secretaries_general.tsv)")
