"""Titles a telegram abbreviates and prints without its article (issue 16, session 45): "Secy said…" is the
Secretary of State on the document's date, as "the Secretary" is; "Secy Gen", "Secy of Defense" and "Secy Rusk" are
not read so."""
from __future__ import annotations

from ingest.claims import claims_of
from ingest.entities import EntityExtractor
from ingest.heading import parties_of
from ingest.records import DocumentRecord, Page, Party, VolumeRecord
from ontology import iris

RUSK = iris.person_iri("111738")
HEADING = "301. Telegram From the Mission to the United Nations to the Department of State"


def _telegram(body: str) -> DocumentRecord:
    text = f"{HEADING}\n\nNew York, November 3, 1968, 0130Z.\n\n{body}"
    record = DocumentRecord(VolumeRecord("frus1964-68v20", "t"), "d301", "301", HEADING, text, "<test>", date="1968-11-03",
                            pages=[Page("1", 0, len(text))], body_start=text.index(body))
    record.parties.extend(Party(p.role, p.name, p.office, p.start, p.end) for p in parties_of(HEADING))
    EntityExtractor(title_only=True).run(record)
    return record


def _mentions_at(record: DocumentRecord, printed: str) -> list:
    at = record.text.index(printed, record.body_start)
    return [m for m in record.mentions if m.start == at and m.kind == "person"]


def test_secy_in_a_telegram_is_the_secretary_of_state_on_the_date():
    """frus1964-68v20 d301: "Secy said he speaking only for US, not anyone else." had gone to Israel, the voice of the
    numbered points, because "Secy" was no one; it is Rusk, Secretary of State on November 3, 1968 (POCOM)."""
    record = _telegram("7544. In lengthy review with Riad of settlement issues, Secy outlined US views.\n\n"
                       "Secy said he speaking only for US, not anyone else.")
    [secy] = _mentions_at(record, "Secy said")
    assert secy.entity == RUSK and "POCOM" in secy.explanation
    [said] = [c for c in claims_of(record) if record.text.startswith("Secy said", c.start)]
    assert said.claimants == (RUSK,)


def test_guard_secy_gen_secy_of_defense_and_secy_before_a_name_are_not_the_secretary_alone():
    record = _telegram("Secy Gen said he would see Riad. SECY GEN WILL SEE RIAD. Secy of Defense will attend. "
                       "SECY FOR HIS PART AGREED. Secy Rusk met Eban.")
    for printed in ("Secy Gen", "SECY GEN", "Secy of Defense", "SECY FOR", "Secy Rusk"):
        at = record.text.index(printed)
        assert not [m for m in record.mentions if (m.start, m.end) == (at, at + 4)], printed
