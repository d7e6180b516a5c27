"""Agreement between annotators of the claims gold set, scored by the system's own matching.

Two seeded samples were annotated again without seeing the first annotation (README "Agreement between
annotators"): annotator P re-annotated 12 round-11 documents, annotator AE 12 round-12 documents, BD 12
round-13 documents and BZ 12 round-14 documents. The
figures bound what the system can be asked for: a goal above what two annotators reach would measure
the annotation, not the rules. AE's, BD's and BZ's floors are the figures measured on their samples, rounded down to
two decimals; P's are those set in round 11.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.claims.evaluation import annotation_as_claims, evaluate, load_gold
from ingest.claims.intervals import pooled
from ingest.tei_reader import read_tei

GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "claims_gold"

# second annotation, the round's cuts, the first annotation's claims on the sample, and the floors
# (first annotation as gold): recall, precision, claimant, type, about recall, about precision
SAMPLES = {
    "P": ("agreement-P.tsv", "*-round11*.xml", 121, (0.99, 0.99, 0.98, 0.94, 0.91, 0.98)),
    "AE": ("agreement-AE.tsv", "*-round12*.xml", 144, (0.97, 0.99, 0.96, 0.93, 0.93, 0.96)),
    "BD": ("agreement-BD.tsv", "*-round13*.xml", 186, (0.99, 0.99, 0.98, 0.94, 0.98, 0.98)),
    "BZ": ("agreement-BZ.tsv", "*-round14*.xml", 114, (0.99, 0.99, 0.99, 0.96, 0.99, 0.97)),
}


@pytest.fixture(scope="module", params=sorted(SAMPLES))
def annotations(request):
    second_file, cuts, _, _ = SAMPLES[request.param]
    first, second = load_gold(GOLD / "gold.tsv"), load_gold(GOLD / second_file)
    wanted = {g.document for g in second}
    records = {}
    for path in sorted(GOLD.glob(cuts)):
        for record in read_tei(path):
            key = f"{record.volume.id}/{record.doc_id}"
            if key in wanted:
                records[key] = record
    assert set(records) == wanted
    return request.param, records, first, second


def _agreement(records, gold, other):
    return pooled([evaluate(record, gold, annotation_as_claims(record, [g for g in other if g.document == key]))
                   for key, record in sorted(records.items())])


def test_an_annotation_agrees_with_itself_on_every_figure(annotations):
    _, records, first, _ = annotations
    same = _agreement(records, first, first)
    assert same.unlocated == [] and same.gold > 100
    assert (same.recall, same.precision, same.type_accuracy, same.claimant_accuracy) == (1, 1, 1, 1)
    assert (same.about_precision, same.about_recall, same.non_claims_rejected) == (1, 1, 1)


def test_a_second_annotator_finds_the_same_claims_and_claimants(annotations):
    name, records, first, second = annotations
    _, _, claims, (recall, precision, claimant, type_, about_recall, about_precision) = SAMPLES[name]
    agreement = _agreement(records, first, second)
    assert agreement.unlocated == [] and agreement.gold == claims
    assert agreement.recall >= recall and agreement.precision >= precision, (agreement.missed, agreement.spurious)
    assert agreement.claimant_accuracy >= claimant, agreement.wrong_claimant
    assert agreement.type_accuracy >= type_, agreement.wrong_type
    assert agreement.about_recall >= about_recall and agreement.about_precision >= about_precision, \
        agreement.wrong_about


def test_what_one_annotator_finds_of_the_other_is_what_the_other_finds_correct(annotations):
    _, records, first, second = annotations
    one, other = _agreement(records, first, second), _agreement(records, second, first)
    assert (one.found, one.correct) == (other.correct, other.found)
    if one.gold == other.gold:
        # pairs are one to one only where both cut the sentences alike: BZ cuts one list of Strauss's into seven rows
        # (frus1955-57v20/d191), so on BZ's sample one claim of the first annotation pairs with several of BZ's
        assert one.type_ok == other.type_ok
