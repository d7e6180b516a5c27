"""Sentence segmentation for FRUS prose, with offsets into the document text.

FRUS prose defeats naive splitting at periods: "U.S. Government", "Amb. Thompson", "No. 54",
"Nicholas deB. Katzenbach", "purpose.” Although", "(…terrorism.)", list items that begin with
"—" or "- ", telegram numbers ("777. Saw Prime Minister…") and numbered paragraphs ("2. However…").
The abbreviation lists are data (ingest/data/claims/cues.toml, [segmentation]).

A *block* is a paragraph or list item: one line of the text, joined with the next line when a
sentence visibly runs on ("…for\\n\\notherwise…", a page break removed by the reader).
Sentences never cross blocks. Spans are trimmed of whitespace, list enumerators and Markdown
emphasis, so that text[start:end] is the sentence a reader would quote.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .cues import Cues, load_cues

__all__ = ["Block", "Sentence", "blocks", "split_sentences", "sentences_in_block"]

_TERMINAL = re.compile(r"[.!?…]+[”\"’')\]*_]*(?=\s|$)")
_CLOSERS = "”\"’')]*_"
_OPENERS = "“\"‘'([*_—–-•"
_INITIALS = re.compile(r"(?:[A-Za-z]{0,2}[A-Z]\.)*[A-Za-z]{0,2}[A-Z]|[A-Za-z](?:\.[A-Za-z])+")
_NEXT_CHAR = re.compile(r"\s*(\S)")
_RUNS_ON = re.compile(r"[.!?:;…”\"’)\]*_]\s*$")


@dataclass(frozen=True)
class Block:
    """A paragraph or list item: text[start:end]."""
    index: int
    start: int
    end: int
    enumerated: bool = False     # began with a list enumerator ("—", "- ", "1.", "(a)")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    block: int                   # index of its Block
    first: bool = False          # first sentence of its block


def blocks(text: str, start: int = 0, end: int | None = None, cues: Cues | None = None,
           page_starts: tuple[int, ...] = ()) -> list[Block]:
    """The paragraphs and list items of text[start:end], run-on lines joined: a line that goes on in lower case, and
    (round 11) a line of prose cut by a page break in mid-sentence ("…attempt to offer Prime\n\n[page 72]
    Ministership to Qawugji…"), so that a report running on in the paragraph is not cut with it."""
    cues = cues or load_cues()
    end = len(text) if end is None else end
    lines: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        s, e = pos, stop
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            lines.append((s, e))
        pos = stop + 1
    merged: list[tuple[int, int]] = []
    for s, e in lines:
        if merged:
            ps, pe = merged[-1]
            alone = cues.enumerator.match(text[ps:pe] + " ")      # session 31: "1." on a line of its own, the item below it
            if (alone and alone.end() >= pe - ps) or not _RUNS_ON.search(text, pe - 1, pe) and (
                    text[s].islower() or _cut_by_page(text, ps, pe, s, page_starts)) and not cues.enumerator.match(text[s:e]):
                merged[-1] = (ps, e)
                continue
        merged.append((s, e))
    out = []
    for i, (s, e) in enumerate(merged):
        quote = len(text[s:e]) - len(text[s:e].lstrip("“\"‘"))
        m = cues.enumerator.match(text[s + quote:e])
        out.append(Block(i, s, e, enumerated=bool(m and m.end() > 0)))
    return out


def _cut_by_page(text: str, ps: int, pe: int, s: int, page_starts: tuple[int, ...]) -> bool:
    """A page begins between a line of prose that stops without punctuation and the next line."""
    return pe - ps >= 60 and (text[pe - 1].isalnum() or text[pe - 1] == ",") and any(pe <= p <= s for p in page_starts)


def _token_before(text: str, lo: int, dot: int) -> str:
    """The word ending at `dot` (the period's offset), without opening punctuation."""
    i = dot
    while i > lo and not text[i - 1].isspace():
        i -= 1
    return text[i:dot].lstrip(_OPENERS)


def _next_word(text: str, pos: int, hi: int) -> str:
    m = re.compile(r"\s*[“\"‘'(\[]*([\w’'.-]+)").match(text, pos, hi)
    return m.group(1) if m else ""


def _is_boundary(text: str, lo: int, hi: int, m: re.Match[str], cues: Cues) -> bool:
    after = m.end()
    following = _NEXT_CHAR.match(text, after, hi)
    if following is None:
        return True
    nxt = following.group(1)
    if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
        return False
    if not m.group(0).startswith("."):
        return True                                   # ! ? … end sentences
    if m.group(0).startswith("..."):
        return True
    token = _token_before(text, lo, m.start())
    word = _next_word(text, after, hi)
    if token in cues.titles:
        # Round 10: "…too rigid to be like the Sec. R. said if we can get…": a short title ending a sentence before
        # a telephone memorandum's initial that speaks.
        return token in ("Sec", "Pres", "Secy") and bool(_PERIOD_INITIAL_SPEAKS.match(text, after, hi))
    if token in cues.before_numbers and word[:1].isdigit():
        return False
    if _CLOSED_ASIDE.search(m.group(0)) and word[:1].isupper():
        return True                                   # "…before Kim's return from the U.S.] Kim said…"
    if _BARE_INITIALISM.fullmatch(token) and not _ROMAN.fullmatch(token) and not _all_capitals(text, lo, hi) and (
            _MIXED_CASE_WORD.fullmatch(word) or cues.enumerator.match(text[following.start(1):hi])):
        return True                                   # "…as acceptable to US. Vice Minister said…"
    if token == "etc" and _NAME_THEN_VERB.match(text, after, hi):
        return True                                   # "…impact on Taiwan, etc. Green made clear…"
    if token in cues.ambiguous or _INITIALS.fullmatch(token):
        return word.rstrip(".,") in cues.sentence_starters or bool(_OPENING_PARTICIPLE.fullmatch(word.rstrip(".,"))) \
            or bool(_INITIAL_SPEAKS.match(text, after, hi))
    return True


# Session 27: a period closed by a bracket or parenthesis ends the aside's sentence, and an initialism printed
# without periods ("US", "UN", "GRC") takes a final period only where a sentence ends, unlike "U.S. Government";
# in a telegram printed in capitals every word looks like one, so there the sentence starters still decide.
_CLOSED_ASIDE = re.compile(r"\.[”\"’']*[)\]]")
_BARE_INITIALISM = re.compile(r"[A-Z]{2,6}")
_ROMAN = re.compile(r"[IVXLC]+")                  # "III. Elements of a Settlement" is a section's number
_MIXED_CASE_WORD = re.compile(r"[A-Z][a-z’'-]+\w*")


# Session 30: after "etc." a name and a verb in the past open a sentence; a list's next item ("etc. Governments") does not.
_NAME_THEN_VERB = re.compile(r"\s+(?:(?:Mr|Mrs|Dr|Sir|M)\.?\s+)?[A-Z][a-z’'-]+\s+(?:[a-z]+ed|said|made|told|thought|felt|took|gave|went|saw|spoke|says|thinks|feels)\b")


def _all_capitals(text: str, lo: int, hi: int) -> bool:
    letters = [c for c in text[lo:hi] if c.isalpha()]
    return sum(c.isupper() for c in letters) > 0.8 * len(letters)


# Round 9: "…entrusted to the UN. L said the statement was made…" (a telephone memorandum's initial, or "Sec",
# "Pres", as the subject of a verb): a sentence opens after the initialism.
_INITIAL_SPEAKS = re.compile(r"\s+(?:[A-Z]|Sec|Pres|Amb|[B-HJ-Z]\.)\s+(?:said|says|thinks|thought|asked|agreed|replied|added|stated|"
                             r"feels|felt|wondered|will|would|is|was|has|had|does|did|wants|wanted|called|told)\b")

# Round 10: an initial with its period as the subject ("R. said…", Bernau's notes of a call with Robertson).
_PERIOD_INITIAL_SPEAKS = re.compile(_INITIAL_SPEAKS.pattern.replace(r"(?:[A-Z]|Sec|Pres|Amb|[B-HJ-Z]\.)", r"[B-HJ-Z]\."))


# "…opposition by the UK. Personally I think…", "…for GRC. Referring again to…": an -ly adverb or an -ing
# participle after an initialism opens a sentence; a name ("the U.S. Government") does not look like one.
_OPENING_PARTICIPLE = re.compile(r"[A-Z][a-z]{3,}(?:ing|ly)")


def _trim(text: str, s: int, e: int, cues: Cues, strip_enumerator: bool) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    if strip_enumerator:
        m = cues.enumerator.match(text[s:e])
        if m and s + m.end() < e:
            s += m.end()
    while s < e and (text[s] in "*_" or text[s].isspace()):
        s += 1
    while e > s and (text[e - 1] in "*_" or text[e - 1].isspace()):
        e -= 1
    return s, e


def sentences_in_block(text: str, block: Block, cues: Cues | None = None) -> list[Sentence]:
    cues = cues or load_cues()
    lo, hi = block.start, block.end
    enum = cues.enumerator.match(text[lo:hi])
    skip_to = lo + enum.end() if enum else lo       # "2. However…": the enumerator's period is no boundary
    cuts = [lo]
    for m in _TERMINAL.finditer(text, lo, hi):
        if m.end() <= skip_to:
            continue
        if m.end() < hi and _is_boundary(text, lo, hi, m, cues):
            cuts.append(m.end())
    cuts.append(hi)
    out: list[Sentence] = []
    for k in range(len(cuts) - 1):
        s, e = _trim(text, cuts[k], cuts[k + 1], cues, strip_enumerator=(k == 0))
        if e > s:
            out.append(Sentence(s, e, block.index, first=not out))
    return out


def split_sentences(text: str, start: int = 0, end: int | None = None, cues: Cues | None = None) -> list[Sentence]:
    """The sentences of text[start:end], in order, as trimmed spans."""
    cues = cues or load_cues()
    out: list[Sentence] = []
    for block in blocks(text, start, end, cues):
        out.extend(sentences_in_block(text, block, cues))
    return out
