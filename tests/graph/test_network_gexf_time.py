"""Gephi's timeline: in GEXF every node and edge lives over the days it was seen, dated documents and the intervals
undated editorial notes tell of alike, as the JSON and CSV exports' `note_intervals` and the network page's slider
say (docs/networks.md#exports)."""
from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from graph import open_store
from graph.networks import Spec, build_network, export
from graph.networks.exports import GEXF_NS, spells
from graph.networks.table import refresh_network_table
from ontology.namespaces import SCHEMA

# d19 (1 February 1977), and d113-d115 of frus1977-80v01: d114 is an undated editorial note that tells of
# 24 February to 30 March 1979, so a tie of d19 and d114 was seen over two intervals a year apart
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "tei" / "frus1977-80v01-editorial-note-and-1977.xml"
NS = {"g": GEXF_NS}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from ingest import ingest_paths

    db = open_store(tmp_path_factory.mktemp("gexf-time") / "store")
    summary = ingest_paths([FIXTURE], db)
    assert summary.documents == 4 and not summary.failures, summary.failures
    refresh_network_table(db)
    yield db
    db.close()


def _when(store, documents) -> tuple[list[str], list[tuple[str, str]]]:
    """The days the documents were written (schema:dateCreated) and the intervals the undated ones tell of."""
    values = " ".join(f"<{d}>" for d in documents)
    days, told = [], []
    for _, date, interval in store.query(f"""SELECT ?d ?date ?told WHERE {{ VALUES ?d {{ {values} }}
      OPTIONAL {{ ?d <{SCHEMA}dateCreated> ?date }} OPTIONAL {{ ?d <{SCHEMA}temporalCoverage> ?told }} }}""").rows():
        if date is not None:
            days.append(date.value[:10])
        elif interval is not None:
            told.append(tuple(interval.value.split("/")))
    return days, told


def _lived(el) -> list[tuple[str, str]]:
    """The intervals a GEXF node or edge lives over, as Gephi reads them: its spells, else its start and end."""
    listed = el.findall("g:spells/g:spell", NS)
    if listed:
        assert el.get("start") is None and el.get("end") is None, "Gephi ignores start and end beside spells"
        return [(s.get("start"), s.get("end")) for s in listed]
    return [(el.get("start"), el.get("end"))] if el.get("start") else []


def _drawn(store, kind):
    g = build_network(store, Spec(kind, evidence_cap=1000))
    assert all(d["documents"] == len(d["evidence"].documents) for *_, d in g.edges(data=True))
    return g, export(g, "gexf")


def _edges(data: bytes) -> dict[tuple[str, str], list[tuple[str, str]]]:
    graph = etree.fromstring(data).find("g:graph", NS)
    return {(e.get("source"), e.get("target")): _lived(e) for e in graph.iterfind("g:edges/g:edge", NS)}


def _covers(lived: list[tuple[str, str]], start: str, end: str) -> bool:
    return any(a <= start and end <= b for a, b in lived)


@pytest.mark.parametrize("kind", ["person-person", "claimant-entity"])
def test_regression_a_tie_seen_only_in_undated_editorial_notes_had_no_time_in_gexf(store, kind):
    """A tie seen only in note d114 had no `start` or `end` in the GEXF, so Gephi's timeline showed it at every
    time, while the JSON and CSV said it was seen in 24 February-30 March 1979. Now every edge lives exactly over
    the days of its documents, read from the store: the span of its dated ones and each interval its notes tell of,
    merged where they meet, as spells when there are several (a tie of d19 and d114)."""
    g, data = _drawn(store, kind)
    lived = _edges(data)
    only_notes = several = 0
    for (a, b), intervals in lived.items():
        days, told = _when(store, g.edges[a, b]["evidence"].documents)
        assert intervals == sorted(intervals) and all(s <= e for s, e in intervals)
        assert all(e1 < s2 for (_, e1), (s2, _) in zip(intervals, intervals[1:])), "Gephi refuses overlapping spells"
        bounds = set(days) | {day for interval in told for day in interval}
        assert {day for interval in intervals for day in interval} <= bounds
        if days:
            assert _covers(intervals, min(days), max(days))
        assert all(_covers(intervals, *interval) for interval in told)
        if not days:
            only_notes += 1
            assert intervals == sorted(set(told)) == [("1979-02-24", "1979-03-30")]
        several += len(intervals) > 1
    assert only_notes and several
    back = nx.read_gexf(io.BytesIO(data), version="1.3")
    for (a, b), intervals in lived.items():
        read = back.edges[a, b]
        assert (read.get("spells") or [(read["start"], read["end"])]) == intervals


def test_a_node_lives_whenever_one_of_its_ties_does(store):
    """Gephi's timeline hides the edges of a node it hides: a node seen in dated documents of 1977 and in note d114
    lives over both, its spells covering every interval of its ties and its own first to last date."""
    g, data = _drawn(store, "person-person")
    graph = etree.fromstring(data).find("g:graph", NS)
    nodes = {n.get("id"): _lived(n) for n in graph.iterfind("g:nodes/g:node", NS)}
    for (a, b), intervals in _edges(data).items():
        assert all(_covers(nodes[a], *i) and _covers(nodes[b], *i) for i in intervals)
    for n, attrs in g.nodes(data=True):
        if attrs["first"]:
            assert _covers(nodes[n], attrs["first"], attrs["last"])
    assert any(len(intervals) > 1 for intervals in nodes.values())


def test_the_gexf_is_dynamic_by_date_as_gephi_reads_it(store):
    root = etree.fromstring(_drawn(store, "co-mention")[1])
    assert root.tag == f"{{{GEXF_NS}}}gexf" and root.get("version") == "1.3"
    graph = root.find("g:graph", NS)
    assert (graph.get("mode"), graph.get("timeformat"), graph.get("timerepresentation")) == ("dynamic", "date", "interval")
    for el in graph.iter(f"{{{GEXF_NS}}}node", f"{{{GEXF_NS}}}edge", f"{{{GEXF_NS}}}spell"):
        for day in filter(None, (el.get("start"), el.get("end"))):
            assert dt.date.fromisoformat(day).isoformat() == day
    about = json.loads(root.find("g:meta/g:description", NS).text)
    assert "overlaps" in about["timeline"] and "whole interval" in about["timeline"]


def test_spells_merge_where_they_overlap_or_meet():
    assert spells("1977-02-01", "1979-03-01", ["1979-02-24/1979-03-30", "1977-11-18/1978-01-12"]) == [
        ("1977-02-01", "1979-03-30")]
    assert spells("1979-03-30", "1979-03-30", ["1979-02-24/1979-03-30"]) == [("1979-02-24", "1979-03-30")]
    assert spells(None, None, ["1979-02-24/1979-03-30", "1977-11-18/1978-01-12"]) == [
        ("1977-11-18", "1978-01-12"), ("1979-02-24", "1979-03-30")]
    assert spells(None, None) == []
