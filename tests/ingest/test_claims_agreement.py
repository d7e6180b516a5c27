"""Agreement between annotators of the claims gold set, scored by the system's own matching.

Annotator P re-annotated 12 round-11 documents (a seeded sample, README "Agreement between
annotators") without seeing the first annotation. The figures bound what the system can be asked
for: a goal above what two annotators reach would measure the annotation, not the rules.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.claims.evaluation import annotation_as_claims, evaluate, load_gold
from ingest.claims.intervals import pooled
from ingest.tei_reader import read_tei

GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "claims_gold"


@pytest.fixture(scope="module")
def annotations():
    first, second = load_gold(GOLD / "gold.tsv"), load_gold(GOLD / "agreement-P.tsv")
    wanted = {g.document for g in second}
    records = {}
    for path in sorted(GOLD.glob("*-round11*.xml")):
        for record in read_tei(path):
            key = f"{record.volume.id}/{record.doc_id}"
            if key in wanted:
                records[key] = record
    assert set(records) == wanted
    return records, first, second


def _agreement(records, gold, other):
    return pooled([evaluate(record, gold, annotation_as_claims(record, [g for g in other if g.document == key]))
                   for key, record in sorted(records.items())])


def test_an_annotation_agrees_with_itself_on_every_figure(annotations):
    records, first, _ = annotations
    same = _agreement(records, first, first)
    assert same.unlocated == [] and same.gold > 100
    assert (same.recall, same.precision, same.type_accuracy, same.claimant_accuracy) == (1, 1, 1, 1)
    assert (same.about_precision, same.about_recall, same.non_claims_rejected) == (1, 1, 1)


def test_a_second_annotator_finds_the_same_claims_and_claimants(annotations):
    records, first, second = annotations
    agreement = _agreement(records, first, second)
    assert agreement.unlocated == [] and agreement.gold == 121
    assert agreement.recall >= 0.99 and agreement.precision >= 0.99
    assert agreement.claimant_accuracy >= 0.98, agreement.wrong_claimant
    assert agreement.type_accuracy >= 0.94, agreement.wrong_type
    assert agreement.about_recall >= 0.91 and agreement.about_precision >= 0.98, agreement.wrong_about


def test_what_one_annotator_finds_of_the_other_is_what_the_other_finds_correct(annotations):
    records, first, second = annotations
    one, other = _agreement(records, first, second), _agreement(records, second, first)
    assert (one.found, one.correct) == (other.correct, other.found)
    assert one.type_ok == other.type_ok
