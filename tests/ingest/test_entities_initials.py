"""A person's initials printed as a name are that person where the document names exactly one person with them
(issue 16; ingest/entities/initials.py): "AWD said…" in the Secretary's notes of his calls with the Director of
Central Intelligence, "CCK replied…" in the embassy's telegrams from Taipei."""
from __future__ import annotations

import pytest

from ingest.entities import EntityExtractor
from ingest.heading import parties_of
from ingest.records import DocumentRecord, ListEntry, Mention, Page, Party, VolumeRecord
from ontology import iris

ALLEN, FOSTER = iris.person_iri("103701"), iris.person_iri("103703")
CHIANG_CHING_KUO = iris.person_iri("102482")
_CALL = "22. Memorandum of a Telephone Conversation Between the Secretary of State and the Director of Central " \
        "Intelligence (Dulles)"


@pytest.fixture(scope="module")
def extractor():
    return EntityExtractor()


def read(extractor, body: str, heading: str = _CALL, terms=(), tagged=()) -> DocumentRecord:
    text = f"{heading}\n\nWashington, February 21, 1958.\n\n{body}"
    record = DocumentRecord(VolumeRecord("frus1958-60v17", "t", terms=list(terms)), "d22", "22", heading, text, "<test>",
                            date="1958-02-21", pages=[Page("1", 0, len(text))])
    record.parties += [Party(p.role, p.name, p.office, p.start, p.end) for p in parties_of(heading)]
    record.mentions += [m(record) for m in tagged]
    extractor.run(record)
    return record


def entities_of(record: DocumentRecord, exact: str) -> list[str | None]:
    return [m.entity for m in record.mentions if record.text[m.start:m.end] == exact and m.kind == "person"]


def test_initials_are_the_one_person_the_document_names_with_them(extractor):
    r = read(extractor, "The Sec. asked if there is anything new, and AWD said he is not at all sure that he would do it.")
    assert entities_of(r, "AWD") == [ALLEN]
    (m,) = [m for m in r.mentions if r.text[m.start:m.end] == "AWD"]
    assert "initials of Allen W. Dulles" in m.explanation


def test_initials_of_no_one_the_document_names_stay_unread(extractor):
    r = read(extractor, "The Sec. asked if there is anything new, and JFD said he is not at all sure.",
             heading="22. Memorandum of a Telephone Conversation Between the Secretary of State and the Under Secretary "
                     "of State (Herter)")
    assert entities_of(r, "JFD") == []


def test_an_english_word_in_capitals_or_a_place_is_never_initials(extractor):
    body = "THE SECRETARY SAID WE WOULD NOT AGREE TO ANY SUCH ARRANGEMENT. AWD SAID HE WOULD LOOK INTO IT AT ONCE."
    r = read(extractor, body)
    assert entities_of(r, "AWD") == [] and entities_of(r, "THE") == []


def test_the_editors_gloss_of_initials_listed_as_a_persons_name_is_that_person(extractor):
    """frus1964-68v30: "CCK" is glossed as the term t_CCK1, "Chiang Ching-kuo; also Ching Chuan Kang Air Base"."""
    term = ListEntry("t_CCK1", "term", "CCK", "Chiang Ching-kuo; also Ching Chuan Kang Air Base")
    body = "When DefMin Chiang Ching-kuo (CCK) came to my residence, CCK said that any deep cuts would be serious. " \
           "The aircraft will stay at CCK Air Base."
    heading = "290. Telegram From the Embassy in the Republic of China to the Department of State"

    def gloss(nth):
        def make(record):
            at = -1
            for _ in range(nth + 1):
                at = record.text.index("CCK", at + 1)
            return Mention(at, at + 3, "term", "tei-markup", 1.0, iris.term_iri("frus1958-60v17", "t_CCK1"), "CCK",
                           tei_ref="#t_CCK1")
        return make

    def person(record):
        at = record.text.index("Chiang Ching-kuo")
        return Mention(at, at + 16, "person", "tei-markup", 1.0, CHIANG_CHING_KUO, "Chiang Ching-kuo", tei_ref="#p_CC1")

    r = read(extractor, body, heading=heading, terms=[term], tagged=[person, gloss(0), gloss(1), gloss(2)])
    assert entities_of(r, "CCK") == [CHIANG_CHING_KUO, CHIANG_CHING_KUO]
    kept = [m for m in r.mentions if r.text[m.start:m.end] == "CCK" and m.kind == "term"]
    assert len(kept) == 1 and r.text.startswith(" Air Base", kept[0].end)
