"""Sentence segmentation on real FRUS prose (snippets copied from the sample memo and the 2015 TEI volumes)."""
from __future__ import annotations

import pytest

from ingest.claims.sentences import blocks, split_sentences


def sentences(text: str) -> list[str]:
    return [text[s.start:s.end] for s in split_sentences(text)]


@pytest.mark.parametrize("text, expected", [
    # abbreviations that do not end a sentence
    ("This documentation provides an accurate account of the policy of the U.S. Government toward the Soviet Union. "
     "It draws on the files.",
     ["This documentation provides an accurate account of the policy of the U.S. Government toward the Soviet Union.",
      "It draws on the files."]),
    ("Participants: Kosygin, Gromyko, Dobrynin, the Secretary and Amb. Thompson. The talk lasted an hour.",
     ["Participants: Kosygin, Gromyko, Dobrynin, the Secretary and Amb. Thompson.", "The talk lasted an hour."]),
    ("In National Security Action Memorandum No. 87, September 5, the President ordered resumption of underground "
     "weapons testing. See Document No. 54.",
     ["In National Security Action Memorandum No. 87, September 5, the President ordered resumption of underground "
      "weapons testing.", "See Document No. 54."]),
    ("Our Chargé, Mr. Thurston, has reported on the conversations. I am also informed of the proposals.",
     ["Our Chargé, Mr. Thurston, has reported on the conversations.", "I am also informed of the proposals."]),
    ("I will report to you further.\nNicholas deB. Katzenbach",
     ["I will report to you further.", "Nicholas deB. Katzenbach"]),
    ("Note, for example, Middleton's New York Times despatch Jan. 18. FonOff stressed its views.",
     ["Note, for example, Middleton's New York Times despatch Jan. 18.", "FonOff stressed its views."]),
    # an initialism that does end a sentence, when a sentence starter follows
    ("Advanced graduate students are capable of studying in the best institutes in the U.S. The Soviet draft spoke of "
     "50 students a year.",
     ["Advanced graduate students are capable of studying in the best institutes in the U.S.",
      "The Soviet draft spoke of 50 students a year."]),
    # session 27: an initialism printed without periods ends a sentence before a capitalized word (frus1955-57v02
    # d316, frus1958-60v14 d142), a bracketed aside ends with its period (frus1969-76v19p1 d138); a section's Roman
    # number does not
    ("O’Neill then suggested our alternate formula (Dulte 23) as acceptable to US. Vice Minister said he would repeat "
     "this suggestion to Chou En-lai.",
     ["O’Neill then suggested our alternate formula (Dulte 23) as acceptable to US.",
      "Vice Minister said he would repeat this suggestion to Chou En-lai."]),
    ("The Secretary approved if it is done at the request of the UN. 2) Lumumba wants to fly to NY to address the SC.",
     ["The Secretary approved if it is done at the request of the UN.", "2) Lumumba wants to fly to NY to address the SC."]),
    ("[Yi had told us earlier that Foreign Minister Kim was not to be cut in on the plans until Kim’s return from the "
     "U.S.] Kim said that his Government would want to consult immediately with us.",
     ["[Yi had told us earlier that Foreign Minister Kim was not to be cut in on the plans until Kim’s return from the "
      "U.S.]", "Kim said that his Government would want to consult immediately with us."]),
    ("III. Elements of a Settlement", ["III. Elements of a Settlement"]),
    ("Economic, military, etc. considerations are determinative. We disagree.",
     ["Economic, military, etc. considerations are determinative.", "We disagree."]),
    # quotes and brackets
    ("He called the meeting a “gratifying demonstration of unity and seriousness of purpose.” Although there was some "
     "disagreement on tactics, “all four of us agreed.”",
     ["He called the meeting a “gratifying demonstration of unity and seriousness of purpose.”",
      "Although there was some disagreement on tactics, “all four of us agreed.”"]),
    ('This nation did not "develop." It was created, with specific political purposes in mind.',
     ['This nation did not "develop."', "It was created, with specific political purposes in mind."]),
    ("In two areas of paramount interest to us the draft avoids specific commitments. (However, contracts for one "
     "exchange of performing groups have been signed.) We will insist on the principle.",
     ["In two areas of paramount interest to us the draft avoids specific commitments.",
      "(However, contracts for one exchange of performing groups have been signed.)",
      "We will insist on the principle."]),
    ("Why arm, and why fight, if the two superpowers are morally equal? Our human rights policy is at the center.",
     ["Why arm, and why fight, if the two superpowers are morally equal?", "Our human rights policy is at the center."]),
    # dashes inside sentences do not split
    ("But—particularly in the younger generation—its cause lies even more in relativism. That is why.",
     ["But—particularly in the younger generation—its cause lies even more in relativism.", "That is why."]),
])
def test_frus_prose_splits_where_a_reader_would(text, expected):
    assert sentences(text) == expected


def test_list_items_lose_their_bullets_and_numbers():
    text = ("On the positive track we should take the offensive:\n\n"
            "- Expounding our beliefs and opposing the USSR in the UN, CSCE and other bodies;\n"
            "- Hitting hard at abuses of freedom and decency by communist nations;\n"
            "—First, how we refer to the participation of those who would take part in the talks.\n"
            "2. However, it is generally agreed here that evacuation would be a blow.\n"
            "(2) We discussed Khrushchev’s speech.\n"
            "777. Saw Prime Minister for nearly an hour and Shah for nearly two hours yesterday afternoon.")
    assert sentences(text) == [
        "On the positive track we should take the offensive:",
        "Expounding our beliefs and opposing the USSR in the UN, CSCE and other bodies;",
        "Hitting hard at abuses of freedom and decency by communist nations;",
        "First, how we refer to the participation of those who would take part in the talks.",
        "However, it is generally agreed here that evacuation would be a blow.",
        "We discussed Khrushchev’s speech.",
        "Saw Prime Minister for nearly an hour and Shah for nearly two hours yesterday afternoon.",
    ]
    assert [b.enumerated for b in blocks(text)] == [False, True, True, True, True, True, True]


def test_a_sentence_broken_by_a_removed_page_break_is_joined():
    text = "There is no escaping this without destroying the policy, for\n\notherwise what would be left is coddling friends."
    assert sentences(text) == [text]


def test_markdown_emphasis_is_trimmed_from_the_ends():
    text = "*Our ability to resist the Soviets depends in part on our ability to persuade others of it.* We must act."
    assert sentences(text) == ["Our ability to resist the Soviets depends in part on our ability to persuade others of it.",
                               "We must act."]


def test_offsets_are_exact_in_the_sample_body(sample_record):
    r = sample_record
    found = split_sentences(r.text, r.body_start, r.body_end)
    assert len(found) > 50
    for s in found:
        piece = r.text[s.start:s.end]
        assert piece == piece.strip() and r.body_start <= s.start < s.end <= r.body_end
    texts = [r.text[s.start:s.end] for s in found]
    assert "Representative Millicent Fenwick" in texts
    assert any(t.startswith("We should not, if Pakistan or Argentina is abridging freedom") for t in texts)
