"""The identity figure on corrected gold (issue 16): editors' tags that hand-checked rules show point at the wrong
person are moved to the person meant, beside the raw figure, never instead of it."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest.errors import IngestError
from ingest.evaluate import evaluate_volume
from ingest.markup_errors import markup_errors
from ingest.tei_reader import read_tei
from ontology import iris

SLICE = Path(__file__).resolve().parent.parent / "fixtures" / "eval" / "frus1964-68v29p1-d1-d12.xml.gz"
U_ALEXIS, LYNDON = "106681", "106664"


@pytest.fixture(scope="module")
def score():
    return evaluate_volume(SLICE)


def president_johnson_tags() -> int:
    """Counted from the markup itself: the editors' tags of U. Alexis Johnson (p_JUA1) printed after "President "."""
    n = 0
    for record in read_tei(SLICE, on_error=lambda e: None):
        n += sum(1 for m in record.mentions if m.method == "tei-markup" and (m.tei_ref or "").endswith("#p_JUA1")
                 and record.text[m.start:m.end] == "Johnson" and record.text[:m.start].endswith("President "))
    return n


def test_president_johnson_tagged_as_u_alexis_johnson_is_counted_for_the_president(score):
    """frus1964-68v29p1 lists no Lyndon Johnson and tags "President Johnson" as U. Alexis Johnson: raw, U. Alexis
    has two IRIs (the President's on those tags); corrected, each has his own one."""
    d = score.as_dict()
    expected = president_johnson_tags()
    assert expected > 0
    assert d["iris_per_person_corrected"]["by_rule"] == {"v29p1-president-johnson-as-u-alexis": expected}
    assert iris.person_iri(LYNDON) in score.person_iris[U_ALEXIS]
    assert score.corrected_iris[U_ALEXIS] == {iris.person_iri(U_ALEXIS)}
    assert score.corrected_iris[LYNDON] == {iris.person_iri(LYNDON)}
    assert score.corrected_tags[LYNDON] == expected and score.corrected_tags[U_ALEXIS] == score.person_tags[U_ALEXIS] - expected


def test_both_figures_are_reported_and_the_corrections_change_no_other(score, monkeypatch):
    d = score.as_dict()
    raw, fixed = d["iris_per_person"], d["iris_per_person_corrected"]
    assert raw["worst"] == 2 and raw["worst_person"] == U_ALEXIS
    assert fixed["worst"] == 1 and fixed["one_iri"] == fixed["people"]
    import ingest.evaluate as evaluate
    monkeypatch.setattr(evaluate, "matching_error", lambda record, tag, pid: None)
    plain = evaluate_volume(SLICE).as_dict()
    assert plain["iris_per_person_corrected"]["by_rule"] == {}
    for key in ("persons", "terms", "title_only", "iris_per_person", "senders"):
        assert plain[key] == d[key]


def test_every_rule_of_the_committed_list_is_well_formed_and_documented():
    rules = markup_errors()
    text = Path(markup_errors.__wrapped__.__defaults__[0]).read_text(encoding="utf-8")
    assert len(rules) >= 20 and len({r.id for r in rules}) == len(rules)
    for r in rules:
        assert r.volumes and all(re.fullmatch(r"frus[\w-]+", v) for v in r.volumes)
        assert r.meant == "" or r.meant.isdigit()
    assert text.count("why = ") == len(rules)


def test_a_malformed_rule_names_the_file_and_the_rule(tmp_path):
    bad = tmp_path / "errors.toml"
    bad.write_text('[[error]]\nid = "broken"\nvolumes = ["frus1955-57v17"]\nmeant = "103703"\nsurface = "Dulles("\n',
                   encoding="utf-8")
    with pytest.raises(IngestError, match=r"errors\.toml: rule 'broken', field 'surface'"):
        markup_errors(bad)
    bad.write_text('[[error]]\nid = "x"\nvolume = ["frus1955-57v17"]\n', encoding="utf-8")
    with pytest.raises(IngestError, match=r"errors\.toml: rule 1 \('x'\): unknown fields \['volume'\]; missing fields"):
        markup_errors(bad)
