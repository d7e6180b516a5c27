"""The cue lists of claim extraction, read from ingest/data/claims/cues.toml and compiled once.

The lists live in data so that a historian can read and change them without touching code;
docs/claims.md explains each one.
"""
from __future__ import annotations

import dataclasses

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import SourceError

__all__ = ["Cues", "Phrases", "load_cues", "CUES_PATH"]

CUES_PATH = Path(__file__).resolve().parent.parent / "data" / "claims" / "cues.toml"
_FLAGS = re.IGNORECASE


_TOKEN = re.compile(r"[\w’']+")


@dataclass(frozen=True)
class PhraseMatch:
    start: int
    end: int
    text: str
    kind: str


# Session 42: "referred favorably to", "made it abundantly clear": a manner adverb inside a phrase; not a hearsay one
# ("is reportedly planning"), and not in "turned to" ("has turned primarily to Egypt for military training").
_ADVERB = r"(?:\s+(?!(?:reportedly|allegedly|apparently|supposedly|reputedly|seemingly|presumably)\b)[a-z]{2,}ly(?=\s))?"


class Phrases:
    """Whole-word, case-insensitive matching of lists of words and phrases ("said", "pointed out"),
    each list under a kind, by token lookup: much faster than a regular expression with hundreds of
    alternatives, and one pass finds the words of every kind."""

    def __init__(self, lists: dict[str, list[str]]):
        self.by_first: dict[str, list[tuple[re.Pattern[str] | None, str]]] = {}
        for kind, items in lists.items():
            for item in items:
                words = item.lower().split()
                if not words:
                    continue
                adverb = _ADVERB if len(words) > 1 and not words[0].startswith("turn") else ""
                rest = re.compile("".join(adverb + r"\s+" + re.escape(w) for w in words[1:]) + r"(?![\w’'])") \
                    if len(words) > 1 else None
                self.by_first.setdefault(words[0], []).append((rest, kind))
        for options in self.by_first.values():
            options.sort(key=lambda o: -len(o[0].pattern) if o[0] else 0)

    def finditer(self, text: str, kinds: frozenset[str] | None = None):
        low = text.lower()
        pos = 0
        for m in _TOKEN.finditer(low):
            if m.start() < pos:
                continue
            options = self.by_first.get(m.group(0))
            if not options:
                continue
            for rest, kind in options:
                if kinds is not None and kind not in kinds:
                    continue
                end = m.end()
                if rest is not None:
                    tail = rest.match(low, end)
                    if not tail:
                        continue
                    end = tail.end()
                pos = end
                yield PhraseMatch(m.start(), end, text[m.start():end], kind)
                break

    def search(self, text: str, kinds: frozenset[str] | None = None) -> PhraseMatch | None:
        return next(self.finditer(text, kinds), None)


def _any(patterns: list[str]) -> re.Pattern[str]:
    """One pattern for a list (an alternation): a sentence is tested once, not once per pattern."""
    for p in patterns:
        re.compile(p, _FLAGS)                 # a broken pattern is reported on its own
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!x)x", _FLAGS)


def _each(patterns: list[str]) -> list[re.Pattern[str]]:
    return [re.compile(p, _FLAGS) for p in patterns]


@dataclass(frozen=True)
class Cues:
    # segmentation
    titles: frozenset[str]
    before_numbers: frozenset[str]
    ambiguous: frozenset[str]
    sentence_starters: frozenset[str]
    enumerator: re.Pattern[str]
    # not a claim
    min_words: int
    verbless_max_words: int
    verbs: frozenset[str]
    formulas: re.Pattern[str]
    lines: re.Pattern[str]
    # voice
    first_person_attitude: re.Pattern[str]
    relay_lead: re.Pattern[str]
    non_speaker_labels: frozenset[str]
    speaker_titles: frozenset[str]
    local_titles: frozenset[str]
    title_abbreviations: dict[str, str]
    not_person_subjects: frozenset[str]
    # report
    reporting: Phrases            # kinds: speech, attitude, view, decision, collective (the verbs of [report] and [decision])
    not_speech: re.Pattern[str]
    view_verbs: frozenset[str]    # session 28: a view held in one sentence, which never runs on
    source_phrases: list[re.Pattern[str]]
    event_patterns: re.Pattern[str]
    quote_source: re.Pattern[str]
    # quotation
    quotation_min_words: int
    # decision
    decision: re.Pattern[str]
    instruction_heading: re.Pattern[str]
    instruction: re.Pattern[str]
    # recommendation
    recommendation: re.Pattern[str]
    not_recommendation: re.Pattern[str]
    imperatives: frozenset[str]
    list_titles: dict[str, re.Pattern[str]]
    # bodies (glossary terms and capitals, ingest/claims/bodies.py)
    government_patterns: list[re.Pattern[str]]
    governments: dict[str, str]
    organization_words: re.Pattern[str]
    not_bodies: re.Pattern[str]
    cities: dict[str, tuple[str, ...]]
    short_names: dict[str, str]
    short_name_pattern: re.Pattern[str]
    local_body_heads: frozenset[str] = frozenset()
    open_demonyms: dict[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)
    adjective_regions: dict[str, str] = dataclasses.field(default_factory=dict)
    local_bodies: dict[str, str] = dataclasses.field(default_factory=dict)
    not_names: frozenset[str] = frozenset()      # session 13: capitalized words that are no name (unlinked_names.py)
    thing_heads: frozenset[str] = frozenset()    # session 14: documents, laws, schemes, treaties: not counted in about
    scheme_nouns: frozenset[str] = frozenset()   # session 14: "the Schuman plan": a name before one names a scheme
    vessel_heads: frozenset[str] = frozenset()   # session 14: weapons and vessels (bench/common_words.py reads them)


def _words_pattern(words: list[str], flags: int = 0) -> re.Pattern[str]:
    return re.compile(r"(?<![\w’'])(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?![\w’'])", flags)


def _build(data: dict) -> Cues:
    seg, nac, voice = data["segmentation"], data["not_a_claim"], data["voice"]
    rep, dec, rec = data["report"], data["decision"], data["recommendation"]
    return Cues(
        titles=frozenset(seg["titles"]),
        before_numbers=frozenset(seg["before_numbers"]),
        ambiguous=frozenset(seg["ambiguous"]),
        sentence_starters=frozenset(seg["sentence_starters"]),
        enumerator=re.compile(seg["enumerator"]),
        min_words=int(nac["min_words"]),
        verbless_max_words=int(nac["verbless_max_words"]),
        verbs=frozenset(v.lower() for v in nac["verbs"]),
        formulas=_any(nac["formulas"]),
        lines=_any(nac["lines"]),
        first_person_attitude=re.compile(voice["first_person_attitude"], _FLAGS),
        relay_lead=re.compile(voice["relay_lead"], _FLAGS),
        non_speaker_labels=frozenset(v.lower() for v in voice["non_speaker_labels"]),
        speaker_titles=frozenset(v.lower() for v in voice["speaker_titles"]),
        local_titles=frozenset(v.lower() for v in voice["local_titles"]),
        title_abbreviations={k.lower(): v for k, v in voice["title_abbreviations"].items()},
        not_person_subjects=frozenset(v.lower() for v in voice["not_person_subjects"]),
        reporting=Phrases({"speech": rep["speech_verbs"], "attitude": rep["attitude_verbs"],
                           "decision": dec["decision_verbs"], "collective": rep["collective_verbs"],
                           "view": rep.get("view_verbs", [])}),
        not_speech=_any(rep["not_speech"]),
        view_verbs=frozenset(v.lower() for v in rep.get("view_verbs", ())),
        source_phrases=_each(rep["source_phrases"]),
        event_patterns=_any(rep["event_patterns"]),
        quote_source=re.compile(rep["quote_source"], _FLAGS),
        quotation_min_words=int(data["quotation"]["min_words"]),
        decision=_any(dec["patterns"]),
        instruction_heading=re.compile(dec["instruction_heading"], _FLAGS),
        instruction=_any(dec["instruction_patterns"]),
        recommendation=_any(rec["patterns"]),
        not_recommendation=_any(rec["not_recommendation"]),
        imperatives=frozenset(w.lower() for w in rec["imperatives"]),
        list_titles={k: re.compile(v, _FLAGS) for k, v in rec["list_titles"].items()},
        government_patterns=_each(data["bodies"]["government_patterns"]),
        governments=dict(data["bodies"]["governments"]),
        organization_words=_words_pattern(data["bodies"]["organization_words"]),
        not_bodies=_words_pattern(data["bodies"]["not_bodies"], _FLAGS),
        cities={k: tuple(v) for k, v in {**data["bodies"]["cities"], **data["bodies"]["country_words"]}.items()},
        short_names=dict(data["bodies"]["short_names"]),
        local_body_heads=frozenset(data["bodies"].get("local_body_heads", ())),
        open_demonyms={k: tuple(v) for k, v in data["bodies"].get("open_demonyms", {}).items()},
        adjective_regions=dict(data["bodies"].get("adjective_regions", {})),
        local_bodies=dict(data["bodies"].get("local_bodies", {})),
        not_names=frozenset(w.lower() for w in data["bodies"].get("not_names", ())),
        thing_heads=frozenset(w.lower() for w in data["bodies"].get("thing_heads", ())),
        scheme_nouns=frozenset(w.lower() for w in data["bodies"].get("scheme_nouns", ())),
        vessel_heads=frozenset(w.lower() for w in data["bodies"].get("vessel_heads", ())),
        short_name_pattern=re.compile(r"(?<![\w’'-])(?:" + "|".join(re.escape(k) for k in sorted(data["bodies"]["short_names"], key=len, reverse=True)) + r")(?![\w’'-])"),
    )


@lru_cache(maxsize=4)
def load_cues(path: str | Path = CUES_PATH) -> Cues:
    """The compiled cues; a malformed file is a SourceError naming the file and the problem."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SourceError(str(path), f"cannot read the claim cues: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise SourceError(str(path), f"malformed claim cues: {exc}") from None
    try:
        return _build(data)
    except KeyError as exc:
        raise SourceError(str(path), f"claim cues lack the entry {exc.args[0]!r}") from None
    except re.error as exc:
        raise SourceError(str(path), f"claim cue pattern {exc.pattern!r} does not compile: {exc.msg}") from None
