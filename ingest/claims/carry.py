"""Round 13: whose is a sentence that names no speaker of its own — the account running on, or the writer's?

Rules decide most of it (extract.py); these two choices moved fresh documents least, round after round, so they
are learned: a logistic regression over the sentence's wording and its place in the document, fitted on the
development rounds of the claims gold set (`bench/claims_carry.py`, weights in `data/claims/carry.json`).

- Point "A": the rules would continue the report begun earlier in the paragraph; the model may hand the sentence
  back to the writer.
- Point "B": the rules would give the sentence to the writer while another speaker was heard lately; the model may
  give it to that speaker ("4. GROMYKO ALLUDED…", numbered points relayed across paragraphs).
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["Context", "features", "Carrier", "load_carrier", "genre_of_heading"]

_FIRST = re.compile(r"[\s“\"‘'(\[*_]*(?P<item>(?:\(?\d{1,3}[.)]|\(?[a-zA-Z][.)]|[—–-]+)\s*)?(?P<word>[A-Za-z’']+)?")
_OPENERS = frozenset("he she they it i we our my the this that there in as if but and however also his her their you "
                     "a one these such at on after when while since no not both all".split())
_CUES = {
    "first_person": re.compile(r"\b(?:I|we|We|WE|our|Our|OUR|us|US(?=\s+(?:to|that|with|and)\b)|my|me)\b"),
    "second_person": re.compile(r"\b(?:you|your|YOU|YOUR)\b"),
    "he": re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|him|HE|SHE|HIS|HER|HIM)\b"),
    "they": re.compile(r"\b(?:[Tt]hey|[Tt]heir|them|THEY|THEIR|THEM)\b"),
    "reporting": re.compile(r"\b(?:said|stated|added|noted|replied|indicated|explained|believed|thought|felt|expressed|"
                            r"emphasized|emphasised|pointed out|told|asked|agreed|urged|suggested|remarked|observed|"
                            r"commented|mentioned|recalled|assured|insisted|hoped|feared|considered|SAID|STATED)\b"),
    "would": re.compile(r"\b(?:would|could|might|WOULD|COULD|MIGHT)\b"),
    "will": re.compile(r"\b(?:will|shall|WILL|SHALL)\b"),
    "should": re.compile(r"\b(?:should|must|ought|SHOULD|MUST)\b"),
    "past": re.compile(r"\b(?:was|were|had|did|WAS|WERE|HAD)\b"),
    "present": re.compile(r"\b(?:is|are|has|have|does|IS|ARE|HAS|HAVE)\b"),
    "quote": re.compile(r"[“”\"]"),
    "government": re.compile(r"\b(?:Government|Govt|GOVT|GOVERNMENT|Ministry|Embassy|Department|Dept)\b"),
}


_GENRES = (("transcript", re.compile(r"Transcript|Telephone")),
           ("memorandum of conversation", re.compile(r"Memorandum of (?:a )?Conversation")),
           ("telegram", re.compile(r"\bTelegram\b|^(?:\d+\.\s+)?The (?:Ambassador|Acting Secretary|Secretary|Consul)")),
           ("memorandum", re.compile(r"Memorandum|Minutes|Record")))


def genre_of_heading(heading: str) -> str:
    return next((name for name, pattern in _GENRES if pattern.search(heading)), "other")


@dataclass(frozen=True)
class Context:
    """What the choice can see: the sentence (quotes blanked) and where it stands."""
    text: str
    point: str                   # "A" (a report runs on) or "B" (the writer, another speaker heard lately)
    genre: str                   # telegram | memorandum of conversation | memorandum | transcript | other
    enumerated: bool             # the paragraph is a numbered or lettered item
    first_in_block: bool
    sentence_index: int          # the sentence's place in its paragraph
    blocks_since_speaker: int    # paragraphs since the other speaker was last heard (0: this one)
    speaker_is_person: bool
    speaker_named: bool          # the sentence names the other speaker again
    other_person_opens: bool     # a person who is neither speaker nor writer opens the sentence
    previous_other: bool         # the sentence before went to the other speaker


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


def features(ctx: Context) -> list[str]:
    """Binary features, each also crossed with the decision point."""
    t = ctx.text.strip()
    m = _FIRST.match(t)
    word = (m.group("word") or "") if m else ""
    low = word.lower()
    opener = low if low in _OPENERS else ("cap" if word[:1].isupper() else "other")
    letters = [c for c in t if c.isalpha()]
    caps = bool(letters) and sum(c.isupper() for c in letters) > 0.8 * len(letters)
    words = len(t.split())
    out = [f"open:{opener}", f"genre:{ctx.genre}", f"since:{_bucket(ctx.blocks_since_speaker, (0, 1, 2, 4))}",
           f"index:{_bucket(ctx.sentence_index, (0, 1, 3))}", f"words:{_bucket(words, (8, 15, 25))}"]
    if m and m.group("item"):
        out.append("item")
    if caps:
        out.append("capitals")
    if t.endswith(":"):
        out.append("colon_end")
    for name, pattern in _CUES.items():
        if pattern.search(t):
            out.append(name)
    for flag in ("enumerated", "first_in_block", "speaker_is_person", "speaker_named", "other_person_opens",
                 "previous_other"):
        if getattr(ctx, flag):
            out.append(flag)
    crossed = [f"{ctx.point}|{f}" for f in out]
    crossed += [f"{ctx.point}|{ctx.genre}|open:{opener}", f"{ctx.point}|{ctx.genre}|since:{out[2][6:]}",
                f"{ctx.point}|bias"]
    return crossed


class Carrier:
    """The fitted model: P(the other speaker's) for a context."""

    def __init__(self, weights: dict[str, float], thresholds: dict[str, float] | None = None):
        self.weights = weights
        self.thresholds = thresholds or {"A": 0.5, "B": 0.5}

    def probability(self, ctx: Context) -> float:
        z = sum(self.weights.get(f, 0.0) for f in features(ctx))
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))

    def others(self, ctx: Context) -> bool:
        return self.probability(ctx) >= self.thresholds[ctx.point]


@lru_cache(maxsize=1)
def load_carrier() -> Carrier | None:
    """The shipped model, or None where none is shipped (the rules then decide alone)."""
    path = resources.files("ingest") / "data" / "claims" / "carry.json"
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return Carrier(data["weights"], data.get("thresholds"))
