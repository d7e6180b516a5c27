"""Claim extraction against the hand-annotated gold set (tests/fixtures/claims_gold, see its README).

Rounds 13 and 14 (current): the 840 documents of round 13 and the 420 of round 14, each drawn by a seeded draw from a
stated pool and kept from the writer of the rules until those were frozen (05a2e04 for round 13; for round 14, the
session-20 rules at 4bb64b4), are held out (split.tsv): more than half of the gold set, by documents and by claims.
Round 13's errors were never read; round 14 was measured once, for the session-19 and the session-20 rules. All 771
round-1 to 12 documents are development, on which rules were tuned and the carry model fitted, and so are the 160 of
round 15 (session 47), drawn from the same pool as rounds 13 and 14 and measured once before any rule read them. The floors are what
was measured on each set with the session-20 rules, rounded down to two decimals, and raised to the session-28 to -30
figures where those passed a decimal or a half (docs/claims.md has the figures, their 95% intervals and where the rules
fail: the held-out claimant accuracy, 0.807 at session 34, is far below the issue's 0.85);
a change that lowers them is a regression to explain, and a rule tuned by looking at held-out documents would make
these figures meaningless.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from ingest.claims import claims_of
from ingest.claims.evaluation import evaluate, load_gold, load_split, locate
from ingest.claims.intervals import bootstrap_interval, pooled
from ingest.entities import extract_entities
from ingest.tei_reader import read_tei

GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "claims_gold"
TYPES = {"assessment", "recommendation", "decision", "report", "quotation"}
GENRES = {"telegram": r"\bTelegram\b|^(?:\d+\.\s+)?The (?:Ambassador|Acting Secretary|Secretary|Consul)",
          "memorandum of conversation": r"Memorandum of (?:a )?Conversation",
          "transcript": r"Transcript|Telephone Conversation",
          "memorandum": r"^(?:\d+\.\s+)?(?:Action |Information |Briefing )?Memorandum (?:From|by|for)\b"}


@pytest.fixture(scope="module")
def gold():
    return load_gold(GOLD / "gold.tsv")


@pytest.fixture(scope="module")
def split():
    return load_split(GOLD / "split.tsv")


@pytest.fixture(scope="module")
def run(gold):
    wanted = {g.document for g in gold}
    out = {}
    for path in sorted(GOLD.glob("*.xml")):
        for record in read_tei(path):
            key = f"{record.volume.id}/{record.doc_id}"
            if key in wanted:
                extract_entities(record)
                out[key] = (record, claims_of(record))
    return out


@pytest.fixture(scope="module")
def per_document(run, gold):
    return {key: evaluate(record, gold, found) for key, (record, found) in run.items()}


def _half(per_document, split, name):
    return [ev for key, ev in per_document.items() if split[key] == name]


def test_the_gold_set_is_as_large_and_varied_as_issue_16_asks(run, gold):
    claims = [g for g in gold if g.claim_type != "none"]
    records = [record for record, _ in run.values()]
    assert len(claims) >= 400 and len(run) >= 25 and len({r.volume.id for r in records}) >= 8
    years = sorted(int(r.date[:4]) for r in records if r.date)
    assert years[0] < 1950 and years[-1] >= 1980
    genres = {g for r in records for g, pattern in GENRES.items() if re.search(pattern, r.heading)}
    assert genres == set(GENRES), genres
    assert {g.claim_type for g in claims} == TYPES and all(g.claimants for g in claims)


def test_every_gold_passage_is_in_its_document(run, gold):
    assert set(run) == {g.document for g in gold}
    assert [g.line for g in gold if locate(run[g.document][0].text, g.text) is None] == []


def test_the_round_13_and_14_documents_are_held_out_and_are_more_than_half_the_gold_set(run, gold, split):
    assert set(split) == set(run)
    held = {key for key, v in split.items() if v == "held-out"}
    first_line, round15_line = _round_header_line("# Round 13"), _round_header_line("# Round 15")
    round13_and_14 = {g.document for g in gold if first_line < g.line < round15_line}
    assert held == round13_and_14 and len(held) == 840 + 420
    records = [run[key][0] for key in held]
    claims = [g for g in gold if g.claim_type != "none"]
    assert 2 * len(held) > len(run) and 2 * sum(g.document in held for g in claims) > len(claims)
    years = sorted(int(r.date[:4]) for r in records)
    assert years[0] < 1955 and years[-1] >= 1975      # rounds 1-12 took every pool document dated before 1950
    genres = {g for r in records for g, pattern in GENRES.items() if re.search(pattern, r.heading)}
    assert genres == set(GENRES), genres



def test_the_round_15_documents_are_development_and_new_to_the_gold_set(run, gold, split):
    """Session 47 drew them from the held-out rounds' pool to read what fresh documents get wrong (README.md)."""
    round13_line, round15_line = _round_header_line("# Round 13"), _round_header_line("# Round 15")
    round15 = {g.document for g in gold if g.line > round15_line}
    earlier = {g.document for g in gold if g.line < round13_line} | {g.document for g in gold if round13_line < g.line < round15_line}
    assert len(round15) == 160 and not round15 & earlier
    assert {split[key] for key in round15} == {"development"}
    assert {key for key, v in split.items() if v == "development"} == round15 | {g.document for g in gold if g.line < round13_line}
    years = {int(run[key][0].date[:4]) for key in round15}
    assert min(years) >= 1950 and max(years) <= 1976

def _round_header_line(header: str) -> int:
    """The comment line before which the earlier rounds' annotations end (README.md)."""
    text = (GOLD / "gold.tsv").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(text, start=1) if line.startswith(header))


def test_held_out_documents_meet_the_floors_measured_when_the_rules_were_frozen(per_document, split):
    held = pooled(_half(per_document, split, "held-out"))
    assert held.unlocated == []
    assert held.recall >= 0.97, held.missed                          # rounds 13-14: 0.972 (session-19 rules 0.972)
    assert held.precision >= 0.95, held.spurious                     # 0.955
    assert held.claimant_accuracy >= 0.825, held.wrong_claimant      # session 44: 0.8278 (0.780 session 20); goal 0.85: not met
    assert held.about_precision >= 0.89, held.wrong_about            # 0.892 (0.892)
    assert held.about_recall >= 0.86, held.wrong_about               # session 29: 0.866 (0.855 session 20)
    assert held.type_accuracy >= 0.69, held.wrong_type               # 0.694 (0.695)


def test_development_documents_keep_what_the_rules_were_tuned_to(per_document, split):
    dev = pooled(_half(per_document, split, "development"))
    assert dev.recall >= 0.96 and dev.precision >= 0.95, (dev.missed, dev.spurious)   # rounds 1-12: 0.963, 0.956
    assert dev.claimant_accuracy >= 0.89, dev.wrong_claimant         # rounds 1-12 and 15, session 47: 0.8897 → 0.8928 (rounds 1-12 0.9104)
    assert dev.about_precision >= 0.89 and dev.about_recall >= 0.87, dev.wrong_about   # session 31: 0.905, 0.877
    assert dev.non_claims_rejected >= 0.87                           # 0.873


def test_a_confidence_interval_brackets_each_figure_and_is_reproducible(per_document, split):
    held = _half(per_document, split, "held-out")
    whole, intervals = pooled(held), {}
    for figure in ("recall", "claimant_accuracy", "about_precision", "about_recall"):
        lo, hi = intervals[figure] = bootstrap_interval(held, figure)
        assert 0 <= lo <= getattr(whole, figure) <= hi <= 1
    assert intervals["claimant_accuracy"] == bootstrap_interval(held, "claimant_accuracy")   # the same resamples each run
    assert bootstrap_interval(held[:1] * 5, "recall")[0] == bootstrap_interval(held[:1] * 5, "recall")[1]


def test_every_type_is_recognised_somewhere_in_the_gold_documents(per_document):
    confusion = pooled(list(per_document.values())).confusion
    right = Counter(g for (g, s), n in confusion.items() if g == s for _ in range(n))
    assert set(right) == TYPES, confusion


def test_every_claim_is_verbatim_at_its_offsets_and_inside_the_body(run):
    assert sum(len(found) for _, found in run.values()) > 400
    for record, found in run.values():
        for c in found:
            text = record.text[c.start:c.end]
            assert text and text == text.strip()
            assert record.body_start <= c.start and c.end <= (record.body_end or len(record.text))
            assert c.claimants and c.claim_type in TYPES and 0 < c.confidence <= 1
