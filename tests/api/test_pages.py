"""The pages a historian reads, over plain HTTP: what the sample memo's pages say, and that they are valid and accessible."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import html5lib
import httpx
import pytest

from api.examples import ANNOTATIONS, DOCS, default_example, examples, parse_examples
from api.passages import Point, Span, mark_up
from api.timeline import timeline_svg

ROOT = Path(__file__).resolve().parents[2]
HTML = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
MEMO = "/documents/frus1981-88v41/d54"
CLARK = "/people/102617"
FENWICK = "/people/104215"
CLARK_DUPLICATE = "/people/115318"      # folded into 102617 (docs/entities.md, duplicates in hsg-people)
EL_SALVADOR = "/countries/el-salvador"
PAGES = ["/", "/query", "/search", MEMO, CLARK, CLARK_DUPLICATE, FENWICK, EL_SALVADOR, "/countries/soviet-union-1991", "/volumes/frus1981-88v41",
         "/documents", "/documents?mentions=countries/el-salvador&from=1981&to=1981", "/claims", "/claims?type=Quotation",
         "/people", "/people?office=deputy-secretary", "/countries", "/organizations", "/regions"]
NS = {"h": "http://www.w3.org/1999/xhtml"}
BASE_ID = "https://w3id.org/frus-kg/id/"


def get(server: str, path: str) -> httpx.Response:
    response = httpx.get(server + path, headers=HTML, timeout=30)
    assert response.status_code == 200, (path, response.status_code, response.text[:300])
    assert response.headers["content-type"].startswith("text/html")
    return response


def parse(text: str):
    """The page as an element tree; html5lib in strict mode raises on any HTML parse error."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(text)


def text_of(element) -> str:
    return " ".join("".join(element.itertext()).split())


def find_all(tree, xpath: str):
    return tree.findall(xpath, NS)


# -- what the sample memo's pages say ---------------------------------------------------------------

def test_clarks_page_shows_his_office_and_the_two_track_recommendation_in_its_passage(server):
    tree = parse(get(server, CLARK).text)
    assert "William Patrick Clark" in text_of(find_all(tree, ".//h:h1")[0])
    offices = [text_of(td) for td in find_all(tree, ".//h:table//h:td")]
    assert "Deputy Secretary of State" in offices
    passages = [q for q in find_all(tree, ".//h:blockquote") if "two-track policy" in text_of(q)]
    assert passages, "the two-track recommendation is not on Clark's page"
    item = next(li for li in find_all(tree, ".//h:ol[@class='claims']/h:li") if "two-track policy" in text_of(li))
    assert "Recommendation" in text_of(item)
    sources = [a.get("href") for a in item.iter("{%s}a" % NS["h"]) if "claim-source" in (a.get("class") or "")]
    assert sources and re.fullmatch(re.escape(MEMO) + r"#claim-\d+", sources[0])


def test_the_memo_highlights_the_fenwick_quotation_and_links_it_to_her_page(server):
    tree = parse(get(server, MEMO).text)
    quotation = next(span for span in find_all(tree, ".//h:span[@class='claim']")
                     if text_of(span).startswith("Americans don't fight and die"))
    assert quotation.get("title") == "Quotation" and quotation.get("id", "").startswith("claim-")
    attribution = next(s for s in find_all(tree, ".//h:span[@class='quoted-by']"))
    assert [a.get("href") for a in attribution.iter("{%s}a" % NS["h"])] == [FENWICK]
    # regression: the attribution sat inside the closing quotation mark ('…freedom. (quoted: …)"')
    assert not (attribution.tail or "").lstrip().startswith(("\"", "”"))
    mentions = [a for a in find_all(tree, ".//h:a") if a.get("href") == FENWICK and "mention" in (a.get("class") or "")]
    assert mentions and "person" in mentions[0].get("class") and text_of(mentions[0]) == "Millicent Fenwick"
    listed = [a.get("href") for a in find_all(tree, ".//h:aside//h:a")]
    assert "#" + quotation.get("id") in listed


def test_the_memo_marks_mentions_by_kind_notes_at_their_anchors_and_page_breaks(server):
    page = get(server, MEMO).text
    tree = parse(page)
    assert find_all(tree, ".//h:a[@class='mention country'][@href='/countries/el-salvador']")
    assert [text_of(s) for s in find_all(tree, ".//h:span[@class='pagebreak']")] == ["[Page 168]", "[Page 169]", "[Page 170]"]
    anchors = [a.get("href") for a in find_all(tree, ".//h:sup[@class='fn']/h:a")]
    assert anchors == ["#fn-1", "#fn-2", "#fn-3"]
    notes = {li.get("id"): text_of(li) for li in find_all(tree, ".//h:ol[@class='footnotes plain']/h:li")}
    assert "multilateral development banks" in notes["fn-2"]
    assert 'href="https://history.state.gov/historicaldocuments/frus1981-88v41/d54"' in page


def page_breaks_between_words(text: str, pages: list[dict], shown: str) -> int:
    """Check that each page break between two words of the stored text (a space before the page's first character)
    reads "word [Page N] word" in the page's text as shown; the number of such breaks."""
    between = [p for p in pages if p["start"] and text[p["start"] - 1] == " " and not text[p["start"]].isspace()]
    for p in between:
        before, after = text[:p["start"]].split()[-1].strip("*"), text[p["start"]:].split()[0].strip("*")
        assert f"{before} [Page {p['page']}] {after}" in shown, (p["page"], before, after)
    return len(between)


def test_regression_a_page_break_between_two_words_ran_into_the_next_one(server):
    """The memo's page read "If we act [Page 169]as if": the marker goes where page 169 starts, at "as", after the
    text's own space, and nothing followed it. It is followed by a space now; the stored text is unchanged."""
    detail = httpx.get(server + MEMO, headers={"Accept": "application/json"}, timeout=30).json()
    [body] = find_all(parse(get(server, MEMO).text), ".//h:div[@class='document-text']")
    shown = " ".join("".join(body.itertext()).split())
    assert page_breaks_between_words(detail["text"], detail["pages"], shown) == 3
    assert "If we act [Page 169] as if offenses" in shown and "act as if" in detail["text"]


def test_el_salvadors_page_lists_the_claim_about_aid_on_page_167(server):
    tree = parse(get(server, EL_SALVADOR).text)
    item = next(li for li in find_all(tree, ".//h:ol[@class='claims']/h:li") if "aid to El Salvador" in text_of(li))
    assert "page 167" in text_of(item)
    marked = [text_of(m) for m in item.iter("{%s}mark" % NS["h"])]
    assert marked == ["El Salvador"]
    links = [a.get("href") for a in item.iter("{%s}a" % NS["h"])]
    assert "https://history.state.gov/historicaldocuments/frus1981-88v41/d54#pg_167" in links


def test_a_lists_sparql_runs_and_its_more_link_opens_all_of_it_paged(server):
    tree = parse(get(server, CLARK).text)
    section = next(s for s in find_all(tree, ".//h:section") if s.get("aria-labelledby") == "by")
    total = int(re.match(r"(\d+) in all", text_of(find_all(section, ".//h:p[@class='tools']")[0])).group(1))
    sparql = text_of(find_all(section, ".//h:details//h:code")[0])
    answer = httpx.get(server + "/sparql", params={"query": sparql}, headers={"Accept": "application/sparql-results+json"})
    assert total > 20 and len({row["claim"]["value"] for row in answer.json()["results"]["bindings"]}) == total
    assert len(find_all(section, ".//h:ol[@class='claims']/h:li")) == 20
    more = [a.get("href") for a in find_all(section, ".//h:p[@class='more']/h:a")]
    assert more == ["/claims?claimant=people/102617"]
    listed = parse(get(server, more[0]).text)
    assert text_of(find_all(listed, ".//h:h1")[0]) == "Claims made by William Patrick Clark"
    assert re.match(rf"{total} in all, page 1 of {-(-total // 20)} ", text_of(find_all(listed, ".//h:p[@class='tools']")[0]))
    following = [a.get("href") for a in find_all(listed, ".//h:nav[@class='pager']//h:a")]
    second = parse(get(server, following[0]).text)
    assert [ol.get("start") for ol in find_all(second, ".//h:ol[@class='claims']")] == ["21"]
    assert len(find_all(second, ".//h:ol[@class='claims']/h:li")) == min(20, total - 20)


def test_the_home_page_counts_the_dataset_and_opens_each_documented_example_in_the_editor(server):
    tree = parse(get(server, "/").text)
    figures = {text_of(d.find("h:dt", NS)): text_of(d.find("h:dd", NS)) for d in find_all(tree, ".//h:dl[@class='figures']/h:div")}
    assert figures["Volumes"] == "1" and figures["Documents"] == "1" and figures["Dates"] == "1981"     # one year, not "1981–1981"
    assert int(figures["Claims"]) > 10
    links = [a.get("href") for a in find_all(tree, ".//h:ul[@class='examples']//h:a")]
    opened = [parse_qs(urlsplit(link).query)["query"][0] for link in links]
    assert opened == [e.query for e in examples()] and len(opened) >= 10
    assert any(a.get("href") == "/volumes/frus1981-88v41" for a in find_all(tree, ".//h:a"))


def test_the_home_figures_read_from_the_statistics_layer_equal_the_counted_ones(sample_store, monkeypatch):
    from api import stats
    from graph.statistics import has_statistics

    assert has_statistics(sample_store)
    stats._cache.clear()
    read = stats.dataset_stats(sample_store)
    stats._cache.clear()
    monkeypatch.setattr(stats, "has_statistics", lambda store: False)
    counted = stats.dataset_stats(sample_store)
    stats._cache.clear()
    for name in ("volumes", "documents", "claims", "countries", "people"):
        assert read.figures[name] == counted.figures[name], name
    assert read.figures["first"][:7] == counted.figures["first"][:7] and read.figures["last"][:7] == counted.figures["last"][:7]
    assert read.browse == counted.browse


def test_the_timeline_counts_read_from_the_statistics_layer_equal_the_counted_ones(sample_store, monkeypatch):
    from api import page_queries

    read = {iri: page_queries.documents_per_year(sample_store, iri) for iri in (BASE_ID + "countries/el-salvador", BASE_ID + "people/102617")}
    assert read[BASE_ID + "countries/el-salvador"] == {1981: 1}
    monkeypatch.setattr(page_queries, "has_statistics", lambda store: False)
    assert {iri: page_queries.documents_per_year(sample_store, iri) for iri in read} == read


def test_every_documented_example_is_offered_without_its_test_annotations():
    blocks = sum(path.read_text(encoding="utf-8").count("```sparql") for path in (DOCS / "vocabulary.md", DOCS / "claims.md"))
    found = examples()
    assert len(found) == blocks
    assert all("# expect:" not in e.query and "# query:" not in e.query and "SELECT" in e.query for e in found)
    assert [e.name for e in found if e.source == "claims.md"][:2] == ["claims-about-country", "claims-about-country-indexed"]


def test_regression_the_editor_opened_on_an_example_that_finds_nothing_on_the_sample(server, sample_store):
    """/query opened on "The LCSH subjects of a document", which needs a TEI volume's subjects: 0 rows on the memo
    `make run` ingests. It opens on the first example that answers there."""
    found = examples()
    opening = found[default_example(found)]
    rows = list(sample_store.query(opening.query).rows())
    assert len(rows) >= 1, opening.title
    tree = parse(get(server, "/query").text)
    assert text_of(find_all(tree, ".//h:textarea[@id='plain-query']")[0]) == " ".join(opening.query.split())
    assert find_all(tree, ".//h:div[@id='yasgui']")[0].get("data-default-example") == str(found.index(opening))


def test_regression_a_test_internal_comment_was_shown_in_an_example(server):
    """The LCSH example showed "# store: the subjects fixture (tests/ingest/test_subjects.py runs this query)"."""
    page = get(server, "/query").text
    shown = [line for e in examples() for line in e.query.splitlines()]
    assert not [line for line in shown if line.lstrip().startswith(ANNOTATIONS)]
    assert "# store:" not in page and "test_subjects.py" not in page
    lcsh = next(e for e in examples() if "LCSH" in e.title)
    assert not lcsh.on_sample and lcsh.query.rstrip().endswith("}")


def test_an_examples_title_is_the_paragraph_before_it():
    found = parse_examples("Intro.\n\n**Who wrote it** (here: d54):\n\n```sparql\n# query: who\nSELECT ?x {}\n# expect: x\n```\n", "t.md")
    assert [(e.name, e.title, e.query) for e in found] == [("who", "Who wrote it", "SELECT ?x {}")]


def test_regression_an_examples_title_was_cut_at_an_abbreviation_or_an_initial():
    """The editor offered "XLI, doc. 54) that mentions an entity…" and "Clark, most first…": the title was the text
    after the last full stop, and "vol." and "P." end no sentence."""
    text = ("Before. Every passage of one document (FRUS 1981–88, vol. XLI, doc. 54) that mentions an entity:\n\n"
            "```sparql\nSELECT ?x {}\n```\n\nThe volumes that mention William P. Clark, most first:\n\n"
            "```sparql\nSELECT ?y {}\n```\n")
    assert [e.title for e in parse_examples(text, "t.md")] == [
        "Every passage of one document (FRUS 1981–88, vol. XLI, doc. 54) that mentions an entity",
        "The volumes that mention William P. Clark, most first"]


def test_volumes_send_data_clients_to_the_document_list_and_unknown_volumes_are_404(server):
    answer = httpx.get(server + "/volumes/frus1981-88v41", headers={"Accept": "application/json"})
    assert answer.status_code == 303 and answer.headers["location"] == "/documents?volume=frus1981-88v41"
    assert httpx.get(server + "/volumes/frus1900v99", headers=HTML).status_code == 404
    # regression: scripts were sent on (303) to an empty list for a volume the store does not hold
    assert httpx.get(server + "/volumes/frus1900v99", headers={"Accept": "application/json"}).status_code == 404


@pytest.mark.parametrize("path", ["/volumes/frus1981-88v41", "/documents", "/documents?author=people/102617"])
def test_regression_the_volume_page_listed_the_authors_in_reverse_of_the_headings_order(server, path):
    """The heading names Clark, then Kennedy; the volume page's row said "Richard Thomas Kennedy; William Patrick Clark"."""
    row = next(tr for tr in find_all(parse(get(server, path).text), ".//h:tbody/h:tr") if "(Clark)" in text_of(tr))
    cells = [text_of(td) for td in row.findall("h:td", NS)]
    assert cells[2:] == ["William Patrick Clark; Richard Thomas Kennedy", "Alexander Meigs Haig, Jr."]


# -- valid and accessible --------------------------------------------------------------------------

@pytest.mark.parametrize("path", PAGES)
def test_pages_are_valid_html_with_landmarks_labels_and_a_language(server, path):
    page = get(server, path).text
    tree = parse(page)   # strict: raises on any parse error
    assert tree.get("lang") == "en"
    for landmark in ("header", "nav", "main", "footer"):
        assert find_all(tree, f".//h:{landmark}"), f"{path} has no <{landmark}>"
    assert len(find_all(tree, ".//h:h1")) == 1
    ids = [e.get("id") for e in tree.iter() if e.get("id")]
    assert len(ids) == len(set(ids)), f"{path} repeats ids"
    labels = find_all(tree, ".//h:label")
    labelled = {label.get("for") for label in labels} | {id(c) for label in labels for c in label.iter()}
    for tag in ("input", "select", "textarea"):
        for control in find_all(tree, f".//h:{tag}"):
            named = control.get("id") in labelled or id(control) in labelled or control.get("aria-label")
            assert named or control.get("type") in ("hidden", "submit"), f"{path}: unlabelled <{tag}>"
    assert not re.search(r'(src|href)="(https?:)?//(?!history\.state\.gov|www\.wikidata\.org|viaf\.org)', page.split("<main")[0])


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_of_black_on_white_is_21_and_the_formula_is_symmetric():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0 == round(contrast("#ffffff", "#000000"), 1)


def test_every_highlight_and_coloured_rule_meets_wcag_aa_contrast():
    css = (ROOT / "api" / "static" / "site.css").read_text(encoding="utf-8")
    checked = []
    for selector, body in re.findall(r"([^{}]+)\{([^}]*)\}", css):
        background = re.search(r"background(?:-color)?:\s*(#[0-9a-fA-F]{6})", body)
        colour = re.search(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})", body)
        if background and colour:
            ratio = contrast(background.group(1), colour.group(1))
            assert ratio >= 4.5, f"{selector.strip()}: {ratio:.2f}:1"
            checked.append(selector.strip())
    for kind in ("person", "country", "organization", "place", "unresolved"):
        assert f".mention.{kind}" in checked
    assert any(".claim:target" in s for s in checked) and any(".passage mark" in s for s in checked)
    link = re.search(r"^a \{ color: (#[0-9a-fA-F]{6})", css, re.M).group(1)
    assert contrast(link, "#ffffff") >= 4.5


# -- the parts the pages are made of ---------------------------------------------------------------

def test_crossing_spans_stay_well_formed_and_a_claim_keeps_one_anchor():
    claim = Span(0, 6, "span", {"class": "claim", "id": "claim-1", "data-claim": "claim-1"})
    mention = Span(4, 9, "a", {"href": "/people/1"})
    html = mark_up("abcdefghij<", [claim, mention], [Point(6, "<br>")])
    assert html == ('<span class="claim" id="claim-1" data-claim="claim-1">abcd<a href="/people/1">ef</a></span>'
                    '<a href="/people/1"><br>ghi</a>j&lt;')
    parse(f"<!doctype html><html lang=en><title>t</title><p>{html}</p>")


def test_the_timeline_draws_one_bar_per_year_with_documents_and_names_its_span():
    svg = timeline_svg({1981: 3, 1983: 1}, "Clark")
    assert svg.count('<rect class="bar"') == 2 and "<title>Clark: 4 dated documents, 1981–1983</title>" in svg
    assert "<title>1981: 3 documents</title>" in svg and "<title>1983: 1 document</title>" in svg
    assert timeline_svg({}) == ""


def test_search_results_mark_the_words_and_open_claims_at_their_passage(server):
    tree = parse(get(server, "/search?q=human+rights").text)
    hits = find_all(tree, ".//h:li[@class='search-hit']")
    assert hits and all(find_all(hit, ".//h:mark") for hit in hits)
    claims = [a.get("href") for hit in hits for a in find_all(hit, ".//h:a") if "#claim-" in (a.get("href") or "")]
    assert claims and all(re.fullmatch(re.escape(MEMO) + r"#claim-\d+", c) for c in claims)
    boxes = {i.get("value"): i.get("checked") for i in find_all(tree, ".//h:input[@name='kind']")}
    assert set(boxes) == {"document", "claim", "person", "country", "organization", "volume"}
    only = parse(get(server, "/search?q=human+rights&kind=document").text)
    assert [i.get("value") for i in find_all(only, ".//h:input[@name='kind']") if i.get("checked") is not None] == ["document"]
    assert [text_of(h.find(".//h:a[2]", NS)) for h in find_all(only, ".//h:li[@class='search-hit']")] == [
        "54. Memorandum From the Deputy Secretary of State (Clark) and the Under Secretary of State for Management "
        "(Kennedy) to Secretary of State Haig"]


def test_a_large_entitys_page_is_bounded_and_its_timeline_opens_a_years_documents(server):
    tree = parse(get(server, "/countries/soviet-union-1991").text)
    bars = [a.get("href") for a in tree.iter("{http://www.w3.org/2000/svg}a")]
    assert bars == ["/documents?mentions=countries/soviet-union-1991&from=1981&to=1981"]
    for section in find_all(tree, ".//h:section"):
        assert len(find_all(section, ".//h:ol[@class='claims']/h:li") + find_all(section, ".//h:tbody/h:tr")) <= 20
    about = next(s for s in find_all(tree, ".//h:section") if s.get("aria-labelledby") == "about")
    assert [a.get("href") for a in find_all(about, ".//h:p[@class='more']/h:a")] in ([], ["/claims?about=countries/soviet-union-1991"])
    year = parse(get(server, bars[0]).text)
    assert [a.get("href") for a in find_all(year, ".//h:tbody//h:a")] == [MEMO]
    chosen = {s.get("id"): [o.get("value") or text_of(o) for o in find_all(s, "h:option") if o.get("selected") is not None]
              for s in find_all(year, ".//h:select")}
    assert chosen["f-country"] == ["countries/soviet-union-1991"] or chosen["f-country"] == []
    assert chosen["f-from"] == ["1981"] and chosen["f-to"] == ["1981"]


def test_documents_written_beyond_what_a_page_sorts_are_counted_and_linked_not_listed(sample_store, monkeypatch):
    from fastapi.testclient import TestClient

    from api import create_app, page_views

    client = TestClient(create_app(sample_store))
    listed = parse(client.get(CLARK, headers=HTML).text)
    written = next(s for s in find_all(listed, ".//h:section") if s.get("aria-labelledby") == "written")
    assert [a.get("href") for a in find_all(written, ".//h:tbody//h:a")] == [MEMO]
    monkeypatch.setattr(page_views, "SORTED", 0)
    counted = parse(client.get(CLARK, headers=HTML).text)
    written = next(s for s in find_all(counted, ".//h:section") if s.get("aria-labelledby") == "written")
    assert not find_all(written, ".//h:table") and text_of(written).count("1 in all: too many to sort here")
    assert [a.get("href") for a in find_all(written, ".//h:p[@class='more']/h:a")] == ["/documents?author=people/102617"]


def test_an_entitys_co_mentions_are_counted_and_lead_on_to_its_network(server):
    tree = parse(get(server, FENWICK).text)
    heading = next(h for h in find_all(tree, ".//h:h2") if h.get("id") == "co-mentioned")
    assert text_of(heading) == "Mentioned in the same documents"
    counted = [text_of(li) for li in find_all(tree, ".//h:ul[@class='plain columns']/h:li")]
    assert "William Patrick Clark 1 document" in counted
    network = [a.get("href") for a in find_all(tree, ".//h:a") if text_of(a) == "See the network"]
    assert network == ["/network?entity=https%3A//w3id.org/frus-kg/id/people/104215"]
    assert httpx.get(server + network[0], headers=HTML, timeout=60).status_code == 200


def test_the_document_pages_entity_html_writes_what_the_entity_link_macro_writes():
    from api.pages import entity_html, templates

    macro = templates.env.from_string('{% from "_macros.html" import entity_link %}{{ entity_link(r) }}')
    function = templates.env.from_string("{{ entity_html(r) }}")
    for ref in ({"id": "x", "name": 'A <b> & "q"', "href": '/people/1?a=1&b="2"'}, {"id": "https://e/1", "name": None, "href": None},
                {"id": "i", "name": "n", "kind": None}, {"id": "<i>", "name": "", "href": "/h"}):
        assert function.render(r=ref) == macro.render(r=ref), ref
    assert str(entity_html({"id": "i", "name": "<n>"})) == "&lt;n&gt;"


@pytest.mark.parametrize("value, shown", [
    ("1968-12-09T22:12:00Z", "December 9, 1968, 22:12 UTC"), ("1947-11-26T19:00:00", "November 26, 1947, 19:00"),
    ("1981-10-26", "October 26, 1981"), ("1948-02", "February 1948"), ("1948", "1948"), ("circa 1948", "circa 1948"),
])
def test_regression_dates_were_shown_as_raw_iso_datetimes(value, shown):
    from api.pages import when
    got = str(when(value))
    assert f">{shown}<" in got or got == shown
    if got != shown:
        assert f'datetime="{value}"' in got


@pytest.mark.parametrize("path", ["/volumes", "/no-such-page", "/id/people/999999999"])
def test_regression_a_browser_got_fastapis_json_for_a_path_naming_nothing(server, path):
    page = httpx.get(server + path, headers=HTML)
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "<nav" in page.text and "Not found" in page.text
    data = httpx.get(server + path, headers={"accept": "application/ld+json, application/json;q=0.9"})
    assert data.status_code == 404 and data.headers["content-type"].startswith("application/problem+json")
    assert data.json()["detail"]


def test_regression_two_countries_of_one_name_were_two_identical_rows(server):
    """'Qatar' (1916–1971) and 'Qatar' (since 1971) read the same in /countries: a state that ended shows its years."""
    data = httpx.get(server + "/countries", params={"name": "S"}, headers={"accept": "application/json"}).json()
    ussr = next(i for i in data["items"] if i["id"].endswith("/soviet-union-1991"))
    assert (ussr["validSince"], ussr["validUntil"]) == ("1917", "1991")
    assert "Soviet Union</a> <span class=\"muted\">(1917–1991)</span>" in get(server, "/countries?name=S").text


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_regression_the_api_documentation_pages_said_no_language(server, path):
    assert '<html lang="en">' in httpx.get(server + path).text


BAD_IDS = ["bad%20id", "a%7Bb", "a%22b", "a%3Cb%3E"]
PATHS_WITH_AN_ID = ["/volumes/{}", "/documents/{}/d54", "/documents/frus1981-88v41/{}", "/people/{}", "/countries/{}",
                    "/organizations/{}", "/regions/{}"]


@pytest.mark.parametrize("pattern", PATHS_WITH_AN_ID)
def test_regression_a_browser_asking_for_an_id_no_iri_can_hold_got_a_500(server, pattern):
    """`/volumes/bad%20id` made an IRI that SPARQL cannot write (ValueError, a 500 for browsers, a 400 'bad graph
    name' for scripts). An id that is no identifier names nothing: 404 for browsers and scripts alike."""
    for bad in BAD_IDS:
        path = pattern.format(bad)
        page = httpx.get(server + path, headers=HTML)
        assert page.status_code == 404 and page.headers["content-type"].startswith("text/html"), (path, page.status_code)
        data = httpx.get(server + path, headers={"accept": "application/json"})
        assert data.status_code == 404, (path, data.status_code)


def test_regression_a_folded_duplicates_page_showed_its_own_empty_record_and_the_canonical_linked_a_bare_frus_kg(server):
    """/people/115318 answered the duplicate's record with 0 documents and no word of 102617, and Clark's page
    linked it as "frus-kg" under Elsewhere; now the duplicate's page opens by naming its canonical record."""
    tree = parse(get(server, CLARK_DUPLICATE).text)
    notice = find_all(tree, ".//h:main//h:p[@class='notice']")
    assert notice and "duplicate of William Patrick Clark" in text_of(notice[0])
    assert [a.get("href") for a in notice[0].iter("{%s}a" % NS["h"])] == [CLARK]
    elsewhere = {text_of(a): a.get("href") for a in find_all(tree, ".//h:dl[@class='facts']/h:dd/h:a")}
    assert elsewhere.get("canonical record 102617") == CLARK
    canonical = parse(get(server, CLARK).text)
    assert not find_all(canonical, ".//h:main//h:p[@class='notice']")
    links = {text_of(a): a.get("href") for a in find_all(canonical, ".//h:dl[@class='facts']/h:dd/h:a")}
    assert links.get("duplicate record 115318") == CLARK_DUPLICATE and "frus-kg" not in links
