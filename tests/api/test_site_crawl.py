"""The served site as a reader and an RDF client meet it, on the sample memo and a TEI volume slice.

The store is the session's sample store with frus1969-76v01's slice ingested into a copy by `frus-kg ingest`, served
by a real `frus-kg serve`."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import html5lib
import httpx
import pytest
import rdflib

from ontology.namespaces import BASE

from tests.api.conftest import TEI

SLICE = TEI / "frus1969-76v01-slice.xml"
HTML = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}    # as browsers send it
XHTML = "{http://www.w3.org/1999/xhtml}"


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
