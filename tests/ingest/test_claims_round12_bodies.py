"""Claims, round 12, person against body (issue 16): who signs a post's telegram, who sent it when the routing words
stand in a sentence of their own, who wrote a letter a telegram hands over, and a pronoun the entity layer took for a
word of a name. Each test pins the rule on the real passage of a readable gold document it failed on (rounds 1-10 and
round 11's write half)."""
from __future__ import annotations

from tests.ingest.test_claims_round7 import claim

PEOPLE = "https://w3id.org/frus-kg/id/people/"
ORGS = "https://w3id.org/frus-kg/id/organizations/"
NIXON = PEOPLE + "109882"        # Richard M. Nixon


def _labels(c) -> list[str]:
    return [a.label for a in c.agents] if c.agents else list(c.claimants)


def test_a_surname_signing_a_post_s_telegram_is_the_ambassador_not_the_post_1956_emmerson_in_beirut():
    # "Telegram From the Embassy in Lebanon to the Department of State", closed by the line "Emmerson", a name no
    # mention covers and no source note prints: the signer's own "I replied…" went to "Embassy in Lebanon".
    key = "frus1955-57v15/d134"
    for text in ("I replied it impossible state in advance", "Spoke to my British and French colleagues",
                 "Conveyed substance Department telegram 1392"):
        c = claim(key, text)
        assert _labels(c) == ["Emmerson"], text
        assert not any(i.startswith(ORGS) or "/organizations/" in i for i in c.claimants)


def test_routing_words_in_sentences_of_their_own_name_the_sender_1955_from_conant_in_berlin():
    # "31. For Secretary Dulles. From Conant in Berlin. Yesterday in Bonn I discussed with Brentano…", from the Mission
    # in Berlin, signed Gufler: the "I" is Conant's (was the Mission's).
    key = "frus1955-57v26/d221"
    for text in ("Yesterday in Bonn I discussed with Brentano", "I venture to recommend that in this answer"):
        assert _labels(claim(key, text)) == ["Conant"], text


def test_a_letter_a_telegram_hands_over_is_its_signer_s_not_the_united_states_1971_richard_nixon_unquote():
    # "1. Please pass the following message from the President to President Kaunda. / 2. Quote: Dear Mr. President:
    # Thank you for your letter of November 16. … Sincerely, / Richard Nixon Unquote / Rogers"
    key = "frus1969-76v28/d43"
    for text in ("Thank you for your letter of November 16.", "I look forward to a continuing close and friendly"):
        c = claim(key, text)
        assert c.claim_type == "quotation"
        assert c.claimants == (NIXON,), text
    assert _labels(claim(key, "Please pass the following message from the President")) == ["William Pierce Rogers"]


def test_you_is_the_addressee_not_a_person_whose_name_has_the_word_1956_yang_you_chan():
    # The entity layer tags "You" of "You authorized see Rhee…" as the Korean Ambassador Yang You Chan: the instruction
    # is the signer's (Dulles), and "You" is no one the claim is about.
    key = "frus1955-57v23p2/d121"
    yang = PEOPLE + "114872"
    c = claim(key, "You authorized see Rhee")
    assert yang not in c.claimants and "Dulles" in " ".join(_labels(c))
    assert yang not in c.about
    assert yang not in claim(key, "In view firm position Swiss and Swedes").claimants
