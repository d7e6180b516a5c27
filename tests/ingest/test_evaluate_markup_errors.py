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


SESSION_57 = [   # volume, passage as printed, the tagged words (first occurrence), tagged, rule, meant
    ("frus1955-57v03", "But on some unspecified date President Wilson evidently decided that the United States could "
     "not permit the Western Allies to go down in defeat in World War I.", "Wilson", "114659",
     "v03-president-wilson-of-world-war-i-as-charles-e", "114691"),
    ("frus1955-57v03", "Dr. Lin Lan Ying (spelling uncertain) who departed San Francisco President Wilson January 6, "
     "1957.", "Wilson", "114659", "v03-the-liner-president-wilson-as-charles-e", ""),
    ("frus1955-57v08", "Colonel Robert W. Duke sent a memorandum to Brigadier General James K. Wilson, Jr. In response, "
     "Wilson, on June 25, summarized the United States commitment.", "Wilson,", "114659",
     "v08-general-james-k-wilson-as-charles-e", "114677"),
    ("frus1955-57v24", "Mr. Evan M. Wilson, First Secretary, London\n\n1. Source: Confidential. Drafted by Wilson.",
     "Wilson.", "114659", "v24-drafted-by-evan-m-wilson-as-charles-e", "114665"),
    ("frus1955-57v25", "PARTICIPANTS Senator Hubert H. Humphrey, US Delegation\n\nHumphrey said there was much good will "
     "among American people.", "Humphrey said", "106281", "v25-senator-hubert-humphrey-as-george-m", "106282"),
    ("frus1964-68v29p1", "General Wheeler: General Clark is a hardliner whom you can count on.", "Clark", "102663",
     "v29p1-general-clark-as-clark-clifford", "102608"),
    ("frus1952-54v14p2", "the letter is quoted in Deputy Secretary Foster's reply of Jan. 7 to Lawton, as follows",
     "Lawton", "102739", "v14p2-lawton-as-j-lawton-collins", "107729"),
    ("frus1958-60v01", "Mr. Diem then explained that Mrs. Nhu is a very sick woman.", "Nhu", "109769",
     "v01-1958-60-madame-nhu-as-ngo-dinh-nhu", "113694"),
    ("frus1958-60v01", "his desire to divorce his wife, the sister of Mme Ngo dinh Nhu, apparently caused",
     "Mme Ngo dinh Nhu", "109769", "v01-1958-60-mme-ngo-dinh-nhu-as-ngo-dinh-nhu", "113694"),
    ("frus1961-63v01", "Diem's brothers, Ngo Dinh Nhu and Ngo Dinh Can, as directors", "Ngo Dinh Can", "109769",
     "v01-1961-63-ngo-dinh-of-ngo-dinh-can-as-nhu", "109766"),
    ("frus1958-60v13", "He had such a problem and was sending him a letter by his son, Ambassador Bourguiba. The "
     "latter thereupon handed the President a long letter.", "Bourguiba", "101606",
     "ambassador-bourguiba-as-his-father", "101607"),
    ("frus1969-76ve05p2", "FOREIGN: Habib Bourguiba, Jr Secretary of State for Foreign Affairs of Tunisia",
     "Habib Bourguiba", "101606", "habib-bourguiba-jr-as-his-father", "101607"),
]


@pytest.mark.parametrize("volume, text, tagged_words, tagged, rule_id, meant", SESSION_57,
                         ids=[row[4] for row in SESSION_57])
def test_the_session_57_slips_move_the_tag_to_the_person_the_passage_names(volume, text, tagged_words, tagged,
                                                                            rule_id, meant):
    """Session 57 read every tag of the corrected top 100 still linked to a second IRI; these are the editors' slips
    (Woodrow Wilson and General James K. Wilson tagged as the Secretary of Defense, Senator Hubert Humphrey as the
    Secretary of the Treasury, General Mark Clark as Clark Clifford, Madame Nhu as her husband, …)."""
    from ingest.markup_errors import matching_error
    from ingest.records import DocumentRecord, Mention, Page, VolumeRecord
    record = DocumentRecord(VolumeRecord(volume, "t"), "d1", "1", "1. Memorandum", text, "<test>", date="1956-01-01",
                            pages=[Page("1", 0, len(text))])
    start = text.index(tagged_words)
    end = start + len(re.sub(r"(?: said|,|\.| Can)$", "", tagged_words))
    rule = matching_error(record, Mention(start, end, "person", "tei-markup", 1.0, None, None), tagged)
    assert rule is not None and (rule.id, rule.meant) == (rule_id, meant)


def test_mr_and_mrs_nhu_stays_the_couple_the_editors_tag_as_him():
    """"Mr. and Mrs. Nhu" names the couple, which frus1958-60v01 tags as Ngo Dinh Nhu: no rule moves it."""
    from ingest.markup_errors import matching_error
    from ingest.records import DocumentRecord, Mention, Page, VolumeRecord
    text = "President Diem then discussed Mr. and Mrs. Nhu."
    record = DocumentRecord(VolumeRecord("frus1958-60v01", "t"), "d1", "1", "1. Memorandum", text, "<test>",
                            date="1960-11-17", pages=[Page("1", 0, len(text))])
    start = text.index("Nhu")
    assert matching_error(record, Mention(start, start + 3, "person", "tei-markup", 1.0, None, None), "109769") is None
