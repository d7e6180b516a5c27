"""Claims, session 36: rules found in documents outside the gold set, each pinned on a passage built from the one it
was found in (issue 16; docs/claims.md, "Session 36")."""
from __future__ import annotations

from ingest.claims import claims_of
from tests.ingest.test_claims_speakers import PEOPLE, document, named

_LETTER = [
    "Thank you for so quickly following up on my discussions with Mr. Reinhardt in your letter of 7th December.",
    "Until early in September I was urging the British Government to do nothing until there had been time.",
    "I persistently argued that Smith cannot be converted, he can only be forced to accept majority rule.",
    "On 29th August I argued the same case to the British emissaries.",
    "There was no misunderstanding between us on the conditions of a settlement in Rhodesia.",
    "That then was my position until the British brought me the Callaghan proposals in September.",
    "For let me repeat: I said then, “nothing must be done to help Smith,” and I say it again now.",
    "When we met on 15th September, we were talking in terms of a solution in Rhodesia without Smith.",
    "The nationalists and the front-line states do accept the principle of an interim government.",
    "The first of our two reasons for insisting upon active British involvement is a legal one.",
    "I cannot consider whether there is anything more we can do to help until I understand the problem.",
]


def _nyerere_letter(opening: str = "Following is letter from President Nyerere received 10:00 p.m. local Dec 9:"):
    body = "\n\n".join([opening, "“Dear Dr. Kissinger,", *_LETTER, "Yours sincerely,\n\nJulius Nyerere”", "Levin"])
    r = document(body, heading="230. Telegram From the Embassy in Tanzania to the Department of State",
                 date="Dar es Salaam, December 9, 1976, 2000Z.")
    named(r, "Nyerere", PEOPLE + "nyerere")
    named(r, "Levin", PEOPLE + "levin", nth=0 if "Levin" not in opening else 1)
    return r


def _claimants_of_the_letter(r) -> set[tuple[str, ...]]:
    return {c.claimants for c in claims_of(r) for s in _LETTER if r.text.find(s[:40], c.start, c.end) >= 0}


def test_a_letter_of_many_paragraphs_quoted_after_a_lead_in_naming_its_sender_is_the_senders():
    """frus1969-76v28 d230: the embassy passes on Nyerere's letter to Kissinger, eleven paragraphs and more between
    one pair of marks, with a quotation inside one of them. A quotation that had not closed within eight paragraphs
    was not trusted, so each of Nyerere's "I argued…" was the telegram's signer's."""
    assert _claimants_of_the_letter(_nyerere_letter()) == {(PEOPLE + "nyerere",)}


def test_a_long_quotation_without_a_lead_in_is_not_trusted_as_one():
    r = _nyerere_letter(opening="The President's letter was received 10:00 p.m. local Dec 9 and reads much as expected.")
    assert (PEOPLE + "nyerere",) not in _claimants_of_the_letter(r)


def test_a_quoted_message_the_lead_in_calls_msg_fr_someone_is_theirs():
    """frus1955-57v02 d196 (Chase to Stump): "Subj is msg fr Min Yu Ta Wei:". The quoted message runs to twelve
    paragraphs; once trusted as one quotation, its sender had to be read from the abbreviated lead-in."""
    points = ["1. The vital necessity of control of strait has made it impossible for ChiComs to attack.",
              "2. Significance of ChiCom air bldup. A ChiCom air bldup across strait would challenge this control.",
              *[f"{chr(97 + i)}. About {40 + i} MIGs were seen on the airfield near Swatow this month."
                for i in range(9)],
              "3. Our control of Formosan Strait will soon be challenged and localization of war no longer possible.”"]
    body = "\n\n".join(["Cite 6901. Subj is msg fr Min Yu Ta Wei:", "“" + points[0], *points[1:],
                        "MAAG comment: The bldup across the straits is genuine and becoming more threatening."])
    r = document(body, heading="196. Telegram From the Chief of the Military Assistance Advisory Group, Formosa "
                               "(Chase) to the Commander in Chief, Pacific (Stump)", date="Taipei, April 8, 1955")
    named(r, "Yu Ta Wei", PEOPLE + "yu-ta-wei")
    quoted = [c for c in claims_of(r) if "MIGs" in r.text[c.start:c.end] or "Formosan" in r.text[c.start:c.end]]
    assert len(quoted) == 10 and {c.claimants for c in quoted} == {(PEOPLE + "yu-ta-wei",)}, \
        [(r.text[c.start:c.end][:30], c.explanation) for c in quoted]

