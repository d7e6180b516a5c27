"""The served site as a reader and an RDF client meet it, on the sample memo and a TEI volume slice.

The store is the session's sample store with frus1969-76v01's slice (8 documents) ingested into a copy by `frus-kg
ingest`, served by a real `frus-kg serve`. The crawl (tests/api/site_crawler.py) starts at the home page, and at a
search a reader types ("human rights": the home page's search form is empty), and follows, breadth-first, every
same-host link the pages print (`a`, `link`, `script`, `img`, GET forms with their fields as they are), at most 10
URLs of a shape (`/people/*`, `/claims?volume&type`, …): about 620 requests in 8–13 s on a 2-core machine, every
document of the store included (the whole file, store and server included, takes about 45 s).
It asserts what a reader and an RDF client rely on:

- no answer, redirects included, is a 5xx, and no link a page printed answers a 4xx (the failure names the page
  and the link);
- every HTML page parses without error (html5lib, strict), declares its language and holds each id once, and the
  id each of its links points to (`#fn-1`, `…/d54#claim-7`) is on the target page, where the crawl read it;
- every link that announces a media type (`link rel="alternate" type=…`, `a type=…`) answers that type, and an RDF
  type parses with rdflib;
- no page loads anything (stylesheet, script, image, frame) from another host;
- a sample of the IRIs the pages print (two of each shape) dereferences as docs/http.md says: Turtle, JSON-LD and
  RDF/XML with `200`, that type, `Vary: Accept` and statements that name the IRI; a browser is sent (`303`) to the page
  of a document, volume or entity, and of a claim to its passage, and gets a page (`200`) for any other IRI."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import html5lib
import httpx
import pytest
import rdflib

from ontology.namespaces import BASE

from tests.api.conftest import TEI
from tests.api.site_crawler import BROWSER_ACCEPT, XHTML, Crawl, crawl, shape

SLICE = TEI / "frus1969-76v01-slice.xml"
HTML = {"Accept": BROWSER_ACCEPT}


@pytest.fixture(scope="module")
def site(sample_store_path, tmp_path_factory, launch_for_module) -> str:
    store = tmp_path_factory.mktemp("crawl") / "store"
    shutil.copytree(sample_store_path, store)
    run = subprocess.run([str(Path(sys.executable).with_name("frus-kg")), "ingest", "--store", str(store), str(SLICE)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    _, base = launch_for_module(store)
    return base


def strict_html(text: str):
    """The page as an element tree; html5lib in strict mode raises on any HTML parse error."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(text)


def test_regression_a_name_found_by_markup_and_heading_was_a_link_inside_a_link(site):
    """frus1969-76v01 d10, "Letter From President Nixon to Secretary of Defense Laird": the editors' markup and the
    heading each found "Nixon" (two mentions, one span, one person), and the page wrapped the name in two `<a>`, a
    link inside a link, which HTML forbids and browsers split."""
    page = httpx.get(site + "/documents/frus1969-76v01/d10", headers=HTML)
    tree = strict_html(page.text)
    text = next(d for d in tree.iter(f"{XHTML}div") if d.get("class") == "document-text")
    heading = [(a.get("href"), "".join(a.itertext())) for a in text.iter(f"{XHTML}a") if a.get("href") != "#fn-1"][:2]
    assert heading == [("/people/109882", "Nixon"), ("/people/107574", "Laird")]


RDF_FORMATS = {"text/turtle": "turtle", "application/ld+json": "json-ld", "application/n-triples": "nt",
               "application/rdf+xml": "xml"}


@pytest.mark.parametrize("path, iri", [
    ("/people/102617", "people/102617"),
    ("/documents/frus1981-88v41/d54", "historicaldocuments/frus1981-88v41/d54"),
    ("/volumes/frus1969-76v01", "historicaldocuments/frus1969-76v01"),
    ("/id/historicaldocuments/frus1981-88v41/d54/mentions/1", "historicaldocuments/frus1981-88v41/d54/mentions/1")])
def test_regression_a_page_announced_no_data_for_rdf_clients(site, path, iri):
    """The pages of a person, a document and a volume named their IRI as text and linked no data, and none had a
    `<link rel="alternate">`: an RDF client or harvester reading the page found nothing to read, and a reader had to
    know the `/id/` convention. Each now announces its data in the four RDF formats, in its head and in its body."""
    tree = strict_html(httpx.get(site + path, headers=HTML).text)
    head = {link.get("type"): link.get("href") for link in tree.iter(f"{XHTML}link") if link.get("rel") == "alternate"}
    shown = {a.get("type"): a.get("href") for a in tree.find(f"{XHTML}body").iter(f"{XHTML}a") if a.get("type")}
    assert set(head) == set(RDF_FORMATS) and shown == head
    for media, href in head.items():
        answer = httpx.get(site + href, headers={"Accept": media})
        assert answer.headers["content-type"].split(";")[0] == media
        graph = rdflib.Graph().parse(data=answer.content, format=RDF_FORMATS[media])
        assert (rdflib.URIRef(BASE + iri), None, None) in graph, (href, media)


@pytest.fixture(scope="module")
def site_crawl(site) -> Crawl:
    return crawl(site, per_shape=10, starts=("/", "/search?q=human+rights"))


def test_the_crawl_reaches_every_kind_of_page_within_its_bound(site_crawl):
    reached = {shape(v.link.url)[0] for v in site_crawl.pages()}
    assert any("cursor" in shape(v.url)[1] for v in site_crawl.pages() if shape(v.url)[0] == "search")
    assert {"", "documents", "documents/*/*", "volumes/*", "people/*", "countries/*", "organizations/*", "regions/*",
            "people/*/co-mentioned", "claims", "search", "network", "query", "docs",
            "id/historicaldocuments/*/*/names/*"} <= reached
    documents = {v.url for v in site_crawl.pages() if shape(v.url)[0] == "documents/*/*"}
    assert len(documents) == 9, documents
    assert {v.link.element for v in site_crawl.visits} >= {"a", "link", "script", "form"}
    assert len(site_crawl.visits) < 2000 and site_crawl.seconds < 60


def test_no_answer_is_a_5xx_and_no_printed_link_is_broken(site_crawl):
    broken = [f"{v.link.page} printed {v.link.url} ({v.link.element}): {v.status}" for v in site_crawl.visits
              if v.status >= 400 or any(r.status_code >= 500 for r in v.redirects)]
    assert not broken, "\n".join(broken)


def test_every_page_parses_and_declares_its_language(site_crawl):
    bad = [f"{v.url} (linked from {v.link.page}): {v.parse_error or 'no lang on <html>'}" for v in site_crawl.pages()
           if v.parse_error or not v.lang]
    bad += [f"{v.url} (linked from {v.link.page}): id '{name}' {n} times" for v in site_crawl.pages()
            for name, n in v.ids.items() if n > 1]
    assert not bad, "\n".join(bad)


def test_every_fragment_a_page_links_to_is_an_id_on_its_target(site_crawl):
    """`#fn-1`, `#claim-7`, `/#volumes`: the element a link scrolls to is there, on every target the crawl read."""
    ids = {v.url: v.ids for v in site_crawl.pages()}
    checked = [(v.url, url, fragment) for v in site_crawl.pages() for url, fragment in v.fragments if url in ids]
    assert len(checked) > 100
    bad = [f"{page} links {url}#{fragment}: no such id there" for page, url, fragment in checked
           if fragment not in ids[url]]
    assert not bad, "\n".join(bad)


def test_every_announced_media_type_is_answered_and_rdf_parses(site_crawl):
    announced = [v for v in site_crawl.visits if v.link.type]
    assert {v.link.type for v in announced} >= set(RDF_FORMATS)
    bad = []
    for v in announced:
        if v.media != v.link.type:
            bad.append(f"{v.link.page} announced {v.link.url} as {v.link.type}: answered {v.media}")
        elif v.media in RDF_FORMATS:
            try:
                rdflib.Graph().parse(data=v.body, format=RDF_FORMATS[v.media], publicID=v.url)
            except Exception as error:      # rdflib's parsers raise what they like
                bad.append(f"{v.link.page} announced {v.link.url} as {v.link.type}: rdflib: {error}")
    assert not bad, "\n".join(bad)


def test_no_page_loads_anything_from_another_host(site_crawl):
    first = {x.url: x for x in reversed(site_crawl.elsewhere)}      # each with the first page that loads it
    assert not first, "\n".join(f"{x.page} loads {x.url} ({x.element}), and so may others" for x in first.values())


PAGED = re.compile(r"(people|countries|organizations|regions)/[^/]+|historicaldocuments/[^/]+(/[^/]+)?"
                   r"|historicaldocuments/[^/]+/[^/]+/claims/[^/]+")


def _iris_printed(site_crawl: Crawl) -> dict[str, str]:
    """Two IRIs of each shape that the pages print, as links to /id/ or as text, with a page that printed each."""
    found: dict[str, str] = {}
    for v in site_crawl.pages():
        text = v.body.decode()
        for path in re.findall(rf'(?:{re.escape(BASE)}|href="/id/)([^"<>&\s?#]+)', text):
            found.setdefault(path, v.url)
    by_shape = defaultdict(list)
    for path, page in sorted(found.items()):
        by_shape[shape("/id/" + path)[0]].append((path, page))
    return dict(pair for pairs in by_shape.values() for pair in pairs[:2])


def test_the_iris_the_pages_print_dereference_by_content_negotiation(site, site_crawl):
    iris = _iris_printed(site_crawl)
    assert len(iris) > 20
    bad = []
    for path, page in iris.items():
        url, iri = f"{site}/id/{path}", BASE + path
        for media in ("text/turtle", "application/ld+json", "application/rdf+xml"):
            answer = httpx.get(url, headers={"Accept": media})
            problem = _data_problem(answer, media, iri)
            if problem:
                bad.append(f"{iri} (printed by {page}) as {media}: {problem}")
        problem = _browser_problem(site, httpx.get(url, headers=HTML), path)
        if problem:
            bad.append(f"{iri} (printed by {page}) for a browser: {problem}")
    assert not bad, "\n".join(bad)


def _browser_problem(site: str, answer: httpx.Response, path: str) -> str | None:
    """What is wrong with the answer to a browser asking for /id/{path}: a document, volume, entity or claim is sent
    (303) to a page that opens, any other IRI is a page (200); either varies on Accept."""
    expected = 303 if PAGED.fullmatch(path) else 200
    if answer.status_code != expected or "Accept" not in answer.headers.get("vary", ""):
        return f"{answer.status_code} (expected {expected}), Vary {answer.headers.get('vary')}"
    if expected == 303 and httpx.get(site + answer.headers["location"].split("#")[0], headers=HTML).status_code != 200:
        return f"sent to {answer.headers['location']}, which fails"
    if expected == 200 and not answer.headers["content-type"].startswith("text/html"):
        return answer.headers["content-type"]
    return None


def _data_problem(answer: httpx.Response, media: str, iri: str) -> str | None:
    """What is wrong with an IRI's data answer as docs/http.md describes it, if anything."""
    if answer.status_code != 200:
        return f"status {answer.status_code}"
    if answer.headers["content-type"].split(";")[0] != media:
        return f"Content-Type {answer.headers['content-type']}"
    if "Accept" not in answer.headers.get("vary", ""):
        return f"Vary {answer.headers.get('vary')}"
    graph = rdflib.Graph().parse(data=answer.content, format=RDF_FORMATS[media])
    node = rdflib.URIRef(iri)
    if (node, None, None) not in graph and (None, None, node) not in graph:    # an index key is what points to it
        return "no statement names the IRI"
    return None
