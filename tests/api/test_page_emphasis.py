"""The plain-text copies print italics as `*…*`: the document page shows them as italics without the asterisks, while
the stored text, and every offset into it, keeps them."""
from __future__ import annotations

import re

import html5lib
import httpx
import pytest

from api.passages import Span, emphasis, mark_up, passage_html, without

MEMO = "/documents/frus1981-88v41/d54"
HTML = {"Accept": "text/html"}
NS = "{http://www.w3.org/1999/xhtml}"


def _page(server: str):
    """The memo's page, and its tree (html5lib in strict mode: any HTML parse error fails the test)."""
    response = httpx.get(server + MEMO, headers=HTML, timeout=30)
    assert response.status_code == 200
    return response.text, html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(response.text)


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def _words(element) -> str:
    """An element's text without what the page inserts into the document's text (page breaks, note marks, speakers)."""
    inserted = element.get("class") in ("pagebreak", "fn", "quoted-by")
    inner = "" if inserted else (element.text or "") + "".join(_words(child) for child in element)
    return inner + (element.tail or "")


def _document_text(tree):
    return next(div for div in tree.iter(NS + "div") if div.get("class") == "document-text")


def test_regression_the_sample_memos_page_printed_its_italics_as_raw_asterisks(server):
    """The page showed "*Our ability to resist the Soviets … persuade others of it.*" with its asterisks."""
    html, tree = _page(server)
    body = _document_text(tree)
    italics = [_text(em) for em in body.iter(NS + "em")]
    assert len(italics) == 9
    assert italics[0] == ("Our ability to resist the Soviets around the world depends in part on our ability to draw "
                          "this distinction and persuade others of it.")
    assert {"honest", "must", "taken together"} <= set(italics)
    assert "*" not in _text(body) and not re.search(r"\*[^*<>]+\*", html)


def test_each_claims_passage_is_still_marked_at_its_words_with_the_italics_inside_it(server):
    """Offsets point into the stored text, asterisks included: each claim's marked words on the page are its passage
    in the store, less the asterisks, whether a pair lies inside the claim (*honest*) or opens before it (d54's
    "*If we act …" claim starts after its asterisk)."""
    detail = httpx.get(server + MEMO, headers={"Accept": "application/json"}, timeout=30).json()
    text = detail["text"]
    _, hidden = emphasis(text)
    _, tree = _page(server)
    shown: dict[str, str] = {}
    for span in _document_text(tree).iter(NS + "span"):
        if span.get("class") == "claim":
            shown[span.get("data-claim")] = shown.get(span.get("data-claim"), "") + _words(span)[:-len(span.tail or "") or None]
    touched = 0
    for claim in detail["claims"]:
        passage = text[claim["start"]:claim["end"]]
        anchor = f"claim-{claim['id'].rsplit('/', 1)[-1]}"
        assert " ".join(shown[anchor].split()) == " ".join(without(passage, claim["start"], hidden).split()), anchor
        touched += "*" in passage
    assert touched == 8


def test_the_claims_beside_the_text_are_listed_without_the_asterisks(server):
    _, tree = _page(server)
    listed = [_text(li) for ol in tree.iter(NS + "ol") if ol.get("class") == "claims" for li in ol.iter(NS + "li")]
    assert any(item.startswith("Recommendation We must be honest about this.") for item in listed), listed[:3]
    assert not any("*" in item for item in listed)


def test_emphasis_is_a_pair_of_asterisks_around_words_and_the_documents_own_asterisks_stay():
    """The TEI volumes' texts print asterisks as note marks and for omissions; none of them makes a pair."""
    for literal in ("Secretary of Defense,* it is also recommended that the United States.**",
                    "* * * * *", "source of information as (*) in the table", "early date]* [at a time",
                    "a*b*c", "Ground-Alert/*/ Land-Based Aircraft"):
        assert emphasis(literal) == ([], frozenset()), literal
    text = "On the *positive track we should take the offensive*: and (*must*)."
    spans, hidden = emphasis(text)
    assert [text[s.start:s.end] for s in spans] == ["positive track we should take the offensive", "must"]
    assert sorted(hidden) == [i for i, c in enumerate(text) if c == "*"]


def test_hidden_characters_leave_every_other_offset_where_it_was():
    text = "We must be *honest* about this."
    marks, hidden = emphasis(text)
    claim = Span(0, len(text), "span", {"class": "claim"})
    mention = Span(text.index("honest"), text.index("honest") + 6, "a", {"href": "/x"})
    assert mark_up(text, [claim, mention, *marks], hidden=hidden) == (
        '<span class="claim">We must be <a href="/x"><em>honest</em></a> about this.</span>')
    crossing = Span(3, 16, "mark")                 # ends inside the italics: closed and reopened, well formed
    assert mark_up(text, [crossing, *marks], hidden=hidden) == (
        "We <mark>must be <em>hone</em></mark><em>st</em> about this.")
    assert passage_html("If we act as if … violations*, and few", 4866, []) == "If we act as if … violations*, and few"


def _memo_claims(server: str) -> tuple[str, dict[str, dict]]:
    """The memo's stored text and its claims by their anchor on the pages."""
    detail = httpx.get(server + MEMO, headers={"Accept": "application/json"}, timeout=30).json()
    return detail["text"], {f"claim-{c['id'].rsplit('/', 1)[-1]}": c for c in detail["claims"]}


@pytest.mark.parametrize("url", ["/claims?limit=100", "/claims?claimant=people/102617&type=Assessment&limit=100",
                                 "/people/102617"])
def test_regression_claim_lists_printed_raw_asterisks_and_a_lone_one_where_the_passage_cuts_a_pair(server, url):
    """/claims, a typed claims page and an entity page printed "*positive track …*" as stored, and a passage that starts
    inside a pair ("If we act … Communist violations*, and few …") its closing asterisk alone (and one wholly inside a
    pair in roman). Each passage now shows the words of its stored passage less the document's asterisks, and the
    document's italics over it, cut at its edges."""
    text, claims = _memo_claims(server)
    pairs, hidden = emphasis(text)
    response = httpx.get(server + url, headers=HTML, timeout=30)
    assert response.status_code == 200
    tree = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(response.text)
    shown = cut = 0         # passages, and those over part of a pair (an asterisk or both outside them)
    for li in (li for ol in tree.iter(NS + "ol") if ol.get("class") == "claims" for li in ol.iter(NS + "li")):
        [quote] = [q for q in li.iter(NS + "blockquote") if q.get("class") == "passage"]
        [link] = [a for a in li.iter(NS + "a") if a.get("class") == "claim-source"]
        claim = claims[link.get("href").rsplit("#", 1)[1]]
        start, end = claim["start"], claim["end"]
        assert _text(quote) == " ".join(without(text[start:end], start, hidden).split()), claim["id"]
        italics = "".join("".join(em.itertext()) for em in quote.iter(NS + "em"))
        assert italics == "".join(text[max(s.start, start):min(s.end, end)] for s in pairs if s.start < end and s.end > start)
        shown += 1
        cut += any(s.start < end and s.end > start and not start <= s.start - 1 < s.end < end for s in pairs)
    assert shown and cut, (shown, cut)


def test_a_passage_given_its_document_hides_the_asterisks_of_a_pair_its_edges_cut():
    document = "Before.\nSo *if we act as if it did not matter, no one will believe us*, and few will.\nAfter *this*."
    start = document.index("no one")
    passage = document[start:document.index(" and few")]
    assert passage_html(passage, start, []) == "no one will believe us*,"         # alone, the asterisk has no pair
    assert passage_html(passage, start, [], document) == "<em>no one will believe us</em>,"
    assert passage_html(passage, start, [(start, start + 6)], document) == "<em><mark>no one</mark> will believe us</em>,"
    assert passage_html(passage, start, [], document.replace("no one", "no two")) == "no one will believe us*,"
