"""Every key of every JSON-LD answer maps to an IRI through /context.jsonld, so the RDF read from an answer keeps all
it says; and every term of ours it maps to is one the vocabulary defines."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
import rdflib
from rdflib.plugins.shared.jsonld.context import Context
from rdflib.plugins.shared.jsonld.keys import CONTEXT, ID, INCLUDED, JSON, TYPE

from ontology.namespaces import BASE, FK

ROOT = Path(__file__).resolve().parents[2]
TODAY = ROOT / "tests" / "fixtures" / "subjects" / "frus1981-88v41-d54-today.xml"
D54 = "/documents/frus1981-88v41/d54"
ANSWERS = [     # one of each kind of JSON-LD answer the sample store gives
    "/documents", "/documents?volume=frus1981-88v41", "/documents?text=oath", D54, "/claims", "/claims?from=1981&to=1981&type=Quotation",
    "/people", "/people/102617", "/people/102617/co-mentioned", "/people/115318", "/countries", "/countries/el-salvador",
    "/organizations", "/organizations/un", "/regions", "/regions/europe",
    "/search?q=oath", "/search?q=clark", "/search?q=salvador",
]
DEFINED = {str(s) for s in rdflib.Graph().parse(ROOT / "ontology" / "frus-kg.ttl").subjects()}


def _absolute(iri: str | None) -> bool:
    return bool(iri) and re.match(r"[A-Za-z][\w+.-]*:", iri) is not None and not iri.startswith("_:")


def _walk(node, ctx: Context, path: str, found: dict[str, str | None]) -> None:
    """Each key of `node` (a node object, or a list of them) under its active context, as JSON-LD expansion reads
    it (type-scoped and property-scoped contexts included): its path and the IRI it expands to, None if none."""
    if isinstance(node, list):
        for item in node:
            _walk(item, ctx, path + "[]", found)
        return
    if not isinstance(node, dict) or ctx.get_value(node) is not None:
        return
    if CONTEXT in node:
        ctx = ctx.subcontext(node[CONTEXT])
    ctx = ctx.get_context_for_type(node)
    for key, value in node.items():
        if key == CONTEXT or key in ctx.get_keys(ID):
            continue
        if key in ctx.get_keys(TYPE):
            for kind in value if isinstance(value, list) else [value]:
                found[f"{path}.{key}={kind}"] = ctx.expand(kind)
            continue
        term = ctx.terms.get(key)
        iri = term.id if term else ctx.expand(key)
        if iri == INCLUDED:
            _walk(value, ctx, f"{path}.{key}", found)
            continue
        found[f"{path}.{key}"] = iri
        if not (term and term.type == JSON):
            _walk(value, ctx.get_context_for_term(term), f"{path}.{key}", found)


def _keys(base: str, path: str) -> dict[str, str | None]:
    answer = httpx.get(base + path, headers={"accept": "application/ld+json"}, timeout=60)
    assert answer.status_code == 200, answer.text[:300]
    document = answer.json()
    assert document[CONTEXT] == base + "/context.jsonld"
    document[CONTEXT] = httpx.get(base + "/context.jsonld").json()[CONTEXT]
    found: dict[str, str | None] = {}
    _walk(document, Context(base=base + path), "", found)
    rdflib.Graph().parse(data=answer.text, format="json-ld")      # the answer as RDF tools read it: no error
    return found


def _unmapped(found: dict[str, str | None]) -> list[str]:
    return sorted(key for key, iri in found.items() if not _absolute(iri))


@pytest.mark.parametrize("path", ANSWERS)
def test_every_key_of_an_answer_maps_to_an_iri_the_vocabulary_defines(server, path):
    found = _keys(server, path)
    assert not _unmapped(found), _unmapped(found)
    ours = {iri for iri in found.values() if iri and iri.startswith(FK)}
    assert not ours - DEFINED, sorted(ours - DEFINED)


@pytest.fixture(scope="module")
def subjects_server(tmp_path_factory, launch_for_module) -> str:
    """A store holding the sample memo in today's TEI encoding, whose header lists subject headings."""
    store = tmp_path_factory.mktemp("subjects") / "store"
    run = subprocess.run([str(Path(sys.executable).with_name("frus-kg")), "ingest", "--workers", "0", "--store",
                          str(store), str(TODAY)], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    return launch_for_module(store)[1]


def test_regression_a_documents_subjects_had_no_mapping_and_dropped_out_of_its_rdf(subjects_server):
    """`subjects` (the FRUS taxonomy's headings and LCSH) had no term in /context.jsonld: the RDF read from the
    document's JSON-LD lost the dcterms:subject links that /id/… states."""
    found = _keys(subjects_server, D54)
    assert found[".subjects"] == "http://purl.org/dc/terms/subject" and not _unmapped(found), _unmapped(found)
    body = httpx.get(subjects_server + D54, headers={"accept": "application/ld+json"}).text
    read = rdflib.Graph().parse(data=body, format="json-ld", base=subjects_server)
    described = rdflib.Graph().parse(data=httpx.get(f"{subjects_server}/id/historicaldocuments/frus1981-88v41/d54",
                                                    headers={"accept": "text/turtle"}).text, format="turtle")
    subject = rdflib.URIRef("http://purl.org/dc/terms/subject")
    d54 = rdflib.URIRef(BASE + "historicaldocuments/frus1981-88v41/d54")
    stated = set(described.objects(d54, subject))
    assert stated and set(read.objects(d54, subject)) == stated
