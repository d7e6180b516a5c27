"""Marking a text up: crossing spans stay well formed, each span keeps its id on its first part, points land at
their offsets, and nothing outside the text is marked."""
from __future__ import annotations

from api.passages import Point, Span, mark_up


def test_crossing_spans_are_closed_and_reopened_around_each_other():
    text = "The Secretary said that aid must go on."
    claim = Span(4, 28, "span", {"class": "claim", "id": "claim-1"})
    mention = Span(19, 32, "a", {"class": "mention", "href": "/x"})
    html = mark_up(text, [claim, mention], [Point(4, "<sup>1</sup>"), Point(len(text), "<em>end</em>")])
    assert html == ('The <sup>1</sup><span class="claim" id="claim-1">Secretary said <a class="mention" href="/x">that '
                    'aid </a></span><a class="mention" href="/x">must</a> go on.<em>end</em>')


def test_spans_meeting_at_one_offset_open_outermost_first_and_close_innermost_first():
    text = "Millicent Fenwick spoke"
    outer, inner = Span(0, 17, "span", {"id": "c"}), Span(0, 9, "b")
    assert mark_up(text, [inner, outer]) == '<span id="c"><b>Millicent</b> Fenwick</span> spoke'
    same_end = Span(10, 17, "i")
    assert mark_up(text, [outer, same_end]) == '<span id="c">Millicent <i>Fenwick</i></span> spoke'


def test_text_is_escaped_and_spans_outside_the_text_or_empty_are_left_out():
    text = "a < b & c"
    assert mark_up(text, [Span(4, 4, "b"), Span(2, 99, "i"), Span(-1, 2, "u")], [Point(99, "x")]) == "a &lt; b &amp; c"


def test_regression_a_mention_of_an_entity_no_list_shows_was_coloured_as_a_place():
    """frus1958-60v11 d51: the unresolved sender "Bator" (a document's own person) and the volume's terms UN and MSP
    were purple, "place or region"."""
    from api.passages import mention_span

    def kind_of(entity_type, kind=None):
        entity = {"id": "x", "href": "/id/x", **({"kind": kind} if kind else {})}
        return mention_span({"start": 0, "end": 3, "entityType": entity_type, "entity": entity}).attrs["class"]

    assert kind_of("Person") == "mention person"
    assert kind_of("DefinedTerm") == "mention term"
    assert kind_of("http://schema.org/Place") == "mention place"
    assert kind_of(None) == "mention term"
    assert kind_of("DefinedTerm", kind="countries") == "mention country"
