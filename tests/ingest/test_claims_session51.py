"""Claims, session 51: the Under Secretary beside the Secretary of State (issue 16; docs/claims.md, "Session 51")."""
from __future__ import annotations

import pytest

from tests.ingest.test_claims_speakers import PEOPLE, document, named, the

TELEGRAM = "185. Telegram From the Department of State to the Embassy in Cyprus"
BALL = PEOPLE + "100810"
TALK = ("620. In hour and half conversation on March 24, Cypriot Foreign Minister Kyprianou reviewed recent Cyprus "
        "developments with Secretary, Under Secretary, Assistant Secretary Talbot.\n\nUnder Secretary reviewed recent "
        "talks in which we have been involved.{extra}\n\nSecretary said central problem that of Turk-Cypriot security.")


def _talk(extra: str = ""):
    r = document(TALK.format(extra=extra), heading=TELEGRAM, date="Washington, March 26, 1965, 4:16 p.m.")
    named(r, "Kyprianou", PEOPLE + "107527")
    return r


def test_the_under_secretary_beside_the_secretary_of_state_is_the_under_secretary_of_state_on_the_date():
    """frus1964-68v16 d185: the Department's telegram on the Secretary's talk with Kyprianou; 24 claims had gone to a
    node named "Under Secretary"."""
    r = _talk()
    c = the(r, "Under Secretary reviewed")
    assert c.claimants == (BALL,), c.explanation
    assert "beside the Secretary of State" in c.explanation and "Under Secretary of State on 1965-03-26" in c.explanation
    assert "Rusk" in the(r, "Secretary said central").explanation


@pytest.mark.parametrize("other", ["Under Secretary of the Treasury Fowler", "Under Secretary for Economic Affairs Mann",
                                   "Permanent Under Secretary Caccia", "Under-Secretary Caccia"])
def test_not_where_the_document_prints_another_under_secretary(other):
    r = _talk(f" {other} had been consulted.")
    assert the(r, "Under Secretary reviewed").claimants != (BALL,)


def test_not_where_the_secretary_is_no_secretary_of_state():
    """A Department of the Army memorandum's "Secretary" and "Under Secretary" are the Army's."""
    r = document("The Secretary of the Army met General Lemnitzer.\n\nThe Under Secretary reviewed the budget for the "
                 "coming year.", heading="12. Memorandum From the Department of the Army",
                 date="Washington, March 26, 1965")
    assert the(r, "The Under Secretary reviewed").claimants != (BALL,)


def test_the_chancellor_of_the_embassy_in_germanys_telegram_is_the_chancellor_of_west_germany():
    """frus1961-63v15 d50 (Bonn, May 1962): the telegram names Germany only as "Germany" and "German", which the date
    leaves open (FRG or GDR); the Embassy's country, West Germany, ties "Chancellor" to Adenauer, whom the volume's
    persons list describes so. Its claims had gone to a node named "Chancellor"."""
    from ingest.entities import extract_entities
    from ingest.records import ListEntry

    r = document("I had long conversation with Chancellor this afternoon about Germany.\n\nChancellor again expressed "
                 "unhappiness at lack of press responsibility.",
                 heading="50. Telegram From the Embassy in Germany to the Department of State", date="Bonn, May 14, 1962")
    r.volume.persons.append(ListEntry("p_AK3", "person", "Adenauer, Konrad",
                                      "Chancellor of the Federal Republic of Germany until October 1963"))
    extract_entities(r)
    c = the(r, "Chancellor again expressed")
    assert [x.rsplit("/", 1)[-1] for x in c.claimants] == ["p_AK3"], c.explanation
    assert "Chancellor of West Germany" in c.explanation


def test_the_under_secretary_of_a_department_telegram_that_prints_no_secretary_is_the_under_secretary_of_state():
    """frus1964-68v16 d169: "Nihat Erim discussed Cyprus situation with Under Secretary December 29. … Erim said he much
    comforted by position outlined by Under Secretary." The Department sends it; it prints no "Secretary" alone."""
    r = document("722. Nihat Erim discussed Cyprus situation with Under Secretary December 29.\n\nUnder Secretary said "
                 "we see no solution in direction either enosis or double enosis.",
                 heading="169. Telegram From the Department of State to the Embassy in Turkey",
                 date="Washington, December 29, 1964, 9:45 p.m.")
    assert the(r, "Under Secretary said").claimants == (BALL,)
