"""The cue lists of claim extraction, read from ingest/data/claims/cues.toml and compiled once.

The lists live in data so that a historian can read and change them without touching code;
docs/claims.md explains each one.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import SourceError

__all__ = ["Cues", "load_cues", "CUES_PATH"]

CUES_PATH = Path(__file__).resolve().parent.parent / "data" / "claims" / "cues.toml"
_FLAGS = re.IGNORECASE


def _words(items: list[str]) -> re.Pattern[str]:
    """One pattern matching any of the words or phrases, as whole words (longest first)."""
    alts = sorted({re.escape(w).replace(r"\ ", r"\s+") for w in items}, key=len, reverse=True)
    return re.compile(r"(?<![\w’'])(?:" + "|".join(alts) + r")(?![\w’'])", _FLAGS)


def _any(patterns: list[str]) -> list[re.Pattern[str]]:
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
    formulas: list[re.Pattern[str]]
    lines: list[re.Pattern[str]]
    # voice
    first_person_attitude: re.Pattern[str]
    non_speaker_labels: frozenset[str]
    # report
    speech_verbs: re.Pattern[str]
    attitude_verbs: re.Pattern[str]
    source_phrases: list[re.Pattern[str]]
    event_patterns: list[re.Pattern[str]]
    quote_source: re.Pattern[str]
    # quotation
    quotation_min_words: int
    # decision
    decision: list[re.Pattern[str]]
    instruction_heading: re.Pattern[str]
    instruction: list[re.Pattern[str]]
    decision_verbs: re.Pattern[str]
    # recommendation
    recommendation: list[re.Pattern[str]]
    not_recommendation: list[re.Pattern[str]]
    imperatives: frozenset[str]
    list_titles: dict[str, re.Pattern[str]]


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
        non_speaker_labels=frozenset(v.lower() for v in voice["non_speaker_labels"]),
        speech_verbs=_words(rep["speech_verbs"]),
        attitude_verbs=_words(rep["attitude_verbs"]),
        source_phrases=_any(rep["source_phrases"]),
        event_patterns=_any(rep["event_patterns"]),
        quote_source=re.compile(rep["quote_source"], _FLAGS),
        quotation_min_words=int(data["quotation"]["min_words"]),
        decision=_any(dec["patterns"]),
        instruction_heading=re.compile(dec["instruction_heading"], _FLAGS),
        instruction=_any(dec["instruction_patterns"]),
        decision_verbs=_words(dec["decision_verbs"]),
        recommendation=_any(rec["patterns"]),
        not_recommendation=_any(rec["not_recommendation"]),
        imperatives=frozenset(w.lower() for w in rec["imperatives"]),
        list_titles={k: re.compile(v, _FLAGS) for k, v in rec["list_titles"].items()},
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
