"""`/search` on a real uvicorn serving the sample store, whose index `frus-kg index` built."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

from typer.testing import CliRunner

from api.passages import emphasis
from api.search import search
from frus_kg.cli import app
from graph import SearchIndex
from graph.search_index import KINDS
from tests.conftest import SAMPLE

MEMO = "https://w3id.org/frus-kg/id/historicaldocuments/frus1981-88v41/d54"
CLARK = "https://w3id.org/frus-kg/id/people/102617"


def get(server, **params) -> httpx.Response:
    return httpx.get(server + "/search", params=params, timeout=30)


def test_words_find_the_sample_memo_with_its_passage_marked(server):
    r = get(server, q="human rights", kind="document")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/ld+json")
    body = r.json()
    assert body["@context"].endswith("/context.jsonld") and body["type"] == "Collection"
    assert body["total"] == 1 and body["totals"]["document"] == 1 and body["totals"]["claim"] > 5
    hit = body["items"][0]
    assert hit["id"] == MEMO and hit["href"] == "/documents/frus1981-88v41/d54" and hit["date"] == "1981-10-26"
    assert "<mark>" in hit["snippetHtml"]
    assert [hit["snippet"][a:b].lower() for a, b in hit["highlights"]][:2] == ["human", "rights"]


def test_regression_a_snippet_showed_the_plain_text_copys_asterisks(server):
    """The sample prints italics as "*positive track we should take the offensive*": the document page shows them as
    <em> (api/passages.py); the search snippet printed the asterisks. The plain `snippet` and its offsets keep them."""
    hit = get(server, q='"take the offensive"', kind="document").json()["items"][0]
    assert "*positive track" in hit["snippet"]
    assert "<em>positive track we should <mark>take the offensive</mark></em>" in hit["snippetHtml"]
    assert "*positive" not in hit["snippetHtml"]


def test_document_offsets_point_into_the_documents_text(server):
    hit = get(server, q='"the major threat to liberty"', kind="document").json()["items"][0]
    text = httpx.get(server + "/documents/frus1981-88v41/d54", headers={"Accept": "application/json"}).json()["text"]
    start, end = hit["passage"]["start"], hit["passage"]["end"]
    assert text[start:end] == hit["snippet"]
    assert [text[a:b] for a, b in hit["matches"]] == ["the major threat to liberty"]


def test_a_claim_is_a_hit_of_its_own(server):
    items = get(server, q="fight and die", kind="claim").json()["items"]
    assert items[0]["type"] == "Claim" and items[0]["document"] == MEMO
    assert items[0]["snippet"].startswith("Americans don't fight and die")


def test_a_name_finds_the_person(server):
    items = get(server, q="Clark", kind="person", limit=100).json()["items"]
    assert items[0]["id"] == CLARK and items[0]["name"] == "William Patrick Clark"   # the memo's author first
    assert items[0]["href"] == "/people/102617"


def test_an_exact_phrase_ranks_first(server):
    items = get(server, q="human rights policy", kind="claim").json()["items"]
    assert "human rights policy" in items[0]["snippet"].lower()


def test_plain_json_on_request(server):
    r = httpx.get(server + "/search", params={"q": "Fenwick"}, headers={"Accept": "application/json"})
    assert r.headers["content-type"].startswith("application/json") and "@context" not in r.json()


def test_a_browser_gets_the_results_page(server):
    r = httpx.get(server + "/search", params={"q": "human rights"}, headers={"Accept": "text/html"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "<mark>" in r.text and "/documents/frus1981-88v41/d54" in r.text
    bad = httpx.get(server + "/search", params={"q": "-human"}, headers={"Accept": "text/html"})
    assert bad.status_code == 400 and bad.headers["content-type"].startswith("text/html")


def test_pages_follow_next_links_without_repeats(server):
    first = get(server, q="human", kind="claim", limit=5).json()
    assert first["next"].startswith(server + "/search?")
    seen, page = [i["id"] for i in first["items"]], first
    while page["next"]:
        page = httpx.get(page["next"]).json()
        seen += [i["id"] for i in page["items"]]
    assert len(seen) == len(set(seen)) == first["total"]


def test_filters_by_volume_and_dates(server):
    assert get(server, q="human", volume="frus1981-88v41", kind="document").json()["total"] == 1
    assert get(server, q="human", volume="frus1981-88v41", **{"from": "1982"}).json()["total"] == 0
    assert get(server, q="human", **{"from": "1981-10", "to": "1981"}).json()["total"] > 0
    assert get(server, q="human", **{"from": "1982"}).json()["total"] == 0


@pytest.mark.parametrize("params", [
    {}, {"q": ""}, {"q": "x" * 10_240}, {"q": "-human"}, {"q": "human", "kind": "spaceship"},
    {"q": "human", "limit": "0"}, {"q": "human", "limit": "ten"}, {"q": "human", "from": "1981-13"},
    {"q": "human", "from": "1982", "to": "1981"}, {"q": "human", "cursor": "not-a-cursor"},
    {"q": "human", "volume": "../../etc"},
])
def test_unusable_requests_are_400_with_a_reason(server, params):
    r = get(server, **params)
    assert r.status_code == 400 and r.json()["detail"]


def test_a_cursor_of_another_search_is_refused(server):
    other = get(server, q="human", limit=1).json()["next"]
    cursor = other.split("cursor=")[1].split("&")[0]
    assert get(server, q="rights", limit=1, cursor=cursor).status_code == 400


HOSTILE = ['"', '"human', "human\"rights", "NEAR(", "NEAR(human rights, 2)", "*", "human*", "-", "- -", ":",
           "body:human", "((human", "human))", "(", ")", "\x00", "hu\x00man", "AND", "OR NOT", "^human", "+",
           "'; DROP TABLE entries; --", "\\", "%", "\u201chuman\u201d", "\U0001F600", "\ud7ff", "x" * 500,
           " ".join(["human"] * 24), "a*", "ab*", "col:umn:s", "{human}", "[human]", "NOT human"]


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_queries_answer_200_or_400(server, q):
    r = httpx.get(f"{server}/search?q={quote(q)}", timeout=30)
    assert r.status_code in (200, 400), (q, r.status_code, r.text[:200])
    refused = r.status_code == 400
    assert r.headers["content-type"].startswith(("application/problem+json",) if refused else
                                                ("application/ld+json", "application/json"))
    assert isinstance(r.json()["detail" if refused else "items"], (str if refused else list))


def test_searches_answer_while_the_index_is_rebuilt(server, sample_store_path):
    exe = Path(sys.executable).with_name("frus-kg")
    rebuild = subprocess.Popen([str(exe), "index", "--rebuild", "--store", str(sample_store_path)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    answers = []
    while rebuild.poll() is None:
        r = get(server, q="Clark", kind="person")
        answers.append((r.status_code, r.json()["items"][0]["id"] if r.status_code == 200 else r.text))
    assert rebuild.wait() == 0, rebuild.stdout.read()
    assert len(answers) > 3 and set(answers) == {(200, CLARK)}


def test_ingest_keeps_the_index_current_and_search_is_a_plain_function(tmp_path):
    store, edited = tmp_path / "store", tmp_path / SAMPLE.name
    ingested = CliRunner().invoke(app, ["ingest", "--store", str(store), "--workers", "0", str(SAMPLE)])
    assert ingested.exit_code == 0, ingested.output
    index = SearchIndex.for_store(store, read_only=True)
    assert search(index, "human rights", kind="document")["total"] == 1
    edited.write_text(SAMPLE.read_text(encoding="utf-8").replace("the major threat to liberty", "the gravest danger to liberty"),
                      encoding="utf-8")
    assert CliRunner().invoke(app, ["ingest", "--store", str(store), "--workers", "0", str(edited)]).exit_code == 0
    assert search(index, '"gravest danger to liberty"')["totals"] == {**dict.fromkeys(KINDS, 0), "document": 1, "claim": 1}
    assert search(index, '"major threat to liberty"')["total"] == 0
    assert search(index, "human rights", kind="document")["total"] == 1


def test_regression_a_snippet_cut_inside_italics_showed_a_lone_asterisk(server):
    """A snippet that begins or ends inside a "*…*" pair ("… abroad. *If we act", "Communist violations*, and few")
    printed that pair's one asterisk: its words are now in italics up to the cut, as on the document page."""
    hits = get(server, q="violations").json()["items"]
    lone = [h for h in hits if h["snippet"].count("*") > 2 * len(emphasis(h["snippet"])[0])]
    assert {h["kind"] for h in lone} == {"document", "claim"}
    for hit in lone:
        assert "*" not in hit["snippetHtml"] and "<em>" in hit["snippetHtml"], hit["snippetHtml"]


def _ids(server, q: str) -> set[str]:
    answer = get(server, q=q, limit=100)
    assert answer.status_code == 200, answer.text
    found = answer.json()
    assert found["next"] is None and found["total"] == len(found["items"])
    return {item["id"] for item in found["items"]}


@pytest.mark.parametrize("either, then", [("Poland OR Afghanistan", None), ('hippocratic OR "human rights"', None),
                                          ("Poland OR Afghanistan OR hippocratic", None),
                                          ("human OR hippocratic", "assessment")])
def test_regression_or_between_two_terms_was_a_word_all_had_to_hold_not_either(server, either, then):
    """`a OR b` is the union of `a` and of `b` (where it was the three words a, OR and b, all required: nothing);
    OR binds closer than the spaces: `a OR b c` is (a OR b) AND c."""
    left, right = either.rsplit(" OR ", 1)
    if then:
        assert _ids(server, f"{either} {then}") == _ids(server, f"{left} {then}") | _ids(server, f"{right} {then}")
    else:
        union = _ids(server, left) | _ids(server, right)
        assert _ids(server, either) == union and len(union) > max(len(_ids(server, left)), len(_ids(server, right)))


def test_or_with_a_term_missing_on_one_side_or_in_small_letters_is_a_word(server):
    assert _ids(server, "Poland or Afghanistan") == _ids(server, "Poland OR -Afghanistan") == set()
    assert _ids(server, "OR Afghanistan") == _ids(server, "Afghanistan OR") == _ids(server, "or Afghanistan") != set()
