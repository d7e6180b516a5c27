"""Claims, session 56: "the Minister" where the participants list prints "Foreign Minister of <country>", which had been
read as another ministry (issue 16; docs/claims.md, "Session 56")."""
from __future__ import annotations

from tests.ingest.test_claims_speakers import PEOPLE, document, named, the

MEMCON = "258. Memorandum of Conversation"


def test_regression_foreign_minister_of_indonesia_was_read_as_another_ministry():
    """frus1958-60v17 d258 (May 1960): "Dr. Subandrio, Foreign Minister of Indonesia" is listed; "Minister of Indonesia"
    was taken for a ministry such as "Minister of Defense", so "The Minister said…" went to a node named "Minister"
    (34 claims)."""
    r = document("PARTICIPANTS\n\nDr. Subandrio, Foreign Minister of Indonesia\nThe Acting Secretary, Mr. Dillon\n\nThe "
                 "Minister said he was glad to have this opportunity to visit Washington.", heading=MEMCON,
                 date="Washington, May 19, 1960")
    named(r, "Subandrio", PEOPLE + "subandrio")
    named(r, "Dillon", PEOPLE + "dillon")
    assert the(r, "The Minister said").claimants == (PEOPLE + "subandrio",)


def test_a_minister_of_another_ministry_still_leaves_the_minister_untied():
    r = document("PARTICIPANTS\n\nDr. Subandrio, Foreign Minister of Indonesia\nGeneral Nasution, Minister of Defense\n\n"
                 "The Minister said he was glad to have this opportunity to visit Washington.", heading=MEMCON,
                 date="Washington, May 19, 1960")
    named(r, "Subandrio", PEOPLE + "subandrio")
    named(r, "Nasution", PEOPLE + "nasution")
    assert the(r, "The Minister said").claimants != (PEOPLE + "subandrio",)
