"""The network table: the networks drawn from it are the networks drawn from the mentions, and it stays current."""
from __future__ import annotations

import shutil

import networkx as nx
import pytest

from graph import open_store
from graph.networks import Filters, NetworkError, Spec, build_network, edge_evidence, project
from graph.networks.table import TABLE_GRAPH, TABLE_PREFIX, read_rows, refresh_network_table, table_state
from graph.statistics import volume_fingerprints

CO_MENTION = ["person-person", "person-country", "person-organization", "country-country"]
CASES = [(k, w) for k in CO_MENTION for w in ("document", "paragraph", "sentence")] + [
    ("correspondence", "document"), ("claimant-entity", "document")]


def _sentences(text):
    from ingest.claims.sentences import split_sentences

    return [(s.start, s.end) for s in split_sentences(text)]


@pytest.fixture(scope="module")
def tabled_path(network_slices_path, tmp_path_factory):
    """The slices' store (network_slices_path) with its network table, sentence windows included."""
    path = tmp_path_factory.mktemp("tabled") / "store"
    shutil.copytree(network_slices_path, path)
    db = open_store(path)
    report = refresh_network_table(db, sentences=_sentences)
    assert (report.volumes, report.rows, report.sentences) == (2, 13, True)
    db.close()
    return path


@pytest.fixture
def tabled(tabled_path):
    db = open_store(tabled_path, read_only=True)
    yield db
    db.close()


def _edges(g):
    return {(a, b): (d["weight"], d["documents"], d["passages"], d["first"], d["last"], tuple(d["evidence"].documents),
                     frozenset(p.iri for p in d["evidence"].passages), tuple(sorted((d.get("claim_types") or {}).items())))
            for a, b, d in g.edges(data=True)}


def _nodes(g):
    return {n: (d["label"], d["kind"], d["documents"], d["first"], d["last"], d["marked_documents"]) for n, d in g.nodes(data=True)}


@pytest.mark.parametrize("kind, window", CASES)
def test_the_table_draws_the_same_network_as_the_mentions(tabled, kind, window):
    spec = Spec(kind, window, "passages" if window == "paragraph" else "documents")
    from_table = build_network(tabled, spec, sentences=_sentences, metrics=False)
    from_mentions = build_network(tabled, spec, sentences=_sentences, metrics=False, source="mentions")
    assert from_table.graph["source"] == "table" and from_table.graph["source_note"] is None
    assert from_mentions.graph["source"] == "mentions"
    assert from_table.number_of_edges() > 0
    assert _edges(from_table) == _edges(from_mentions)
    assert _nodes(from_table) == _nodes(from_mentions)
    assert from_table.graph["coverage"] == from_mentions.graph["coverage"]


def test_time_filtering_on_a_real_volume_reads_only_the_rows_of_that_range(tabled):
    volume = Filters(volumes=("frus1969-76v01",))
    year = Filters("1970-01-01", "1970-12-31", volumes=("frus1969-76v01",))
    rows = read_rows(tabled, year)
    # dated in the range, or an undated editorial note telling of a time inside it
    assert rows and all("1970-01-01" <= r.date <= "1970-12-31" if r.date else "1970-01-01" <= r.told[0] <= r.told[1] <= "1970-12-31"
                        for r in rows)
    assert len(rows) < len(read_rows(tabled, volume))
    whole, slice_ = (project(tabled, Spec("person-person", filters=f)) for f in (volume, year))
    assert slice_.graph["source"] == "table"
    assert 0 < slice_.number_of_edges() < whole.number_of_edges()
    for _, _, d in slice_.edges(data=True):
        assert d["first"] is None or "1970-01-01" <= d["first"] <= d["last"] <= "1970-12-31"
    assert _edges(slice_) == _edges(project(tabled, Spec("person-person", filters=year), source="mentions"))
    one_day = Filters("1970-02-18", "1970-02-18")
    assert all(r.date == "1970-02-18" for r in read_rows(tabled, one_day))


def test_the_evidence_of_one_edge_is_the_same_from_both(tabled):
    spec = Spec("person-person", "paragraph")
    g = project(tabled, spec)
    a, b = max(g.edges, key=lambda e: g.edges[e]["passages"])
    from_table = edge_evidence(tabled, spec, a, b)
    assert from_table["passages"] == g.edges[a, b]["passages"]
    raw = project(tabled, spec, between=(a, b), source="mentions")
    assert from_table["documents"] == raw.edges[a, b]["documents"]
    assert [p["passage"] for p in from_table["evidence"]] == [p.iri for p in raw.edges[a, b]["evidence"].passages]


def test_the_sentence_window_needs_no_splitter_when_the_table_has_it(tabled):
    g = project(tabled, Spec("person-person", "sentence"))
    assert g.graph["source"] == "table" and g.number_of_edges() > 0


def test_without_the_table_the_mentions_are_read_and_the_graph_says_why(network_slices_path):
    db = open_store(network_slices_path, read_only=True)
    g = project(db, Spec("person-person"))
    assert g.graph["source"] == "mentions" and "frus-kg index" in g.graph["source_note"]
    with pytest.raises(NetworkError, match="network table"):
        project(db, Spec("person-person"), source="table")
    db.close()


def test_a_table_without_sentences_sends_the_sentence_window_to_the_mentions(network_slices_path, tmp_path):
    shutil.copytree(network_slices_path, tmp_path / "store")
    db = open_store(tmp_path / "store")
    assert refresh_network_table(db).sentences is False
    assert project(db, Spec("person-person", "paragraph")).graph["source"] == "table"
    g = project(db, Spec("person-person", "sentence"), sentences=_sentences)
    assert g.graph["source"] == "mentions" and "sentence" in g.graph["source_note"]
    report = refresh_network_table(db, sentences=_sentences)        # the splitter given later: tabled again
    assert (report.volumes, report.sentences) == (2, True)
    db.close()


def test_a_refresh_tables_only_what_changed_and_drops_volumes_that_are_gone(tabled_path, tmp_path):
    shutil.copytree(tabled_path, tmp_path / "store")
    db = open_store(tmp_path / "store")
    again = refresh_network_table(db, sentences=_sentences)
    assert (again.volumes, again.unchanged, again.removed) == (0, 2, 0)
    volume = "https://w3id.org/frus-kg/id/historicaldocuments/frus1969-76v01"
    docs = [r.document for r in read_rows(db, Filters(volumes=("frus1969-76v01",)))]
    db.drop_graphs([*docs, volume])
    db.update(f"DELETE WHERE {{ GRAPH ?g {{ ?d <http://schema.org/isPartOf> <{volume}> }} }}")
    report = refresh_network_table(db, sentences=_sentences)
    assert (report.volumes, report.unchanged, report.removed) == (0, 1, 1)
    assert not any(n.startswith(TABLE_PREFIX + "frus1969-76v01") for n in db.graph_names())
    assert db.has_graph(TABLE_GRAPH) and table_state(db).sentences
    assert not read_rows(db, Filters(volumes=("frus1969-76v01",)))
    db.close()


def test_a_remote_sparql_server_gets_the_same_table_and_networks(network_slices_path, tabled, oxigraph_server,
                                                                  tmp_path):
    """The table is built and read through SPARQL Query, Update and the Graph Store Protocol only."""
    import io

    source = open_store(network_slices_path, read_only=True)
    dump = io.BytesIO()
    source.export(dump, "nquads")
    source.close()
    oxigraph_server.clear()
    remote = open_store(oxigraph_server.store_url(tmp_path / "state"))
    remote.load(dump.getvalue(), "nquads")
    report = refresh_network_table(remote, sentences=_sentences)
    assert (report.volumes, report.rows, report.sentences) == (2, 13, True)
    for kind, window in (("person-person", "sentence"), ("claimant-entity", "document")):
        here = project(remote, Spec(kind, window))
        assert here.graph["source"] == "table"
        assert _edges(here) == _edges(project(tabled, Spec(kind, window)))
    assert refresh_network_table(remote, sentences=_sentences).unchanged == 2
    remote.close()


def test_identity_and_labels_come_from_the_table_without_asking_the_store(tabled, monkeypatch):
    """The table keeps who every IRI is (canonical IRI, label, kind, links): drawing a network from it asks
    the store for no identity or label, and gives the nodes the mentions' path gives."""
    from graph.networks import projections

    def refuse(*args, **kwargs):
        raise AssertionError("asked the store for identity or labels")

    expected = {kind: _nodes(build_network(tabled, Spec(kind), metrics=False, source="mentions", cache=False))
                for kind in ("person-person", "claimant-entity", "correspondence")}
    monkeypatch.setattr(projections, "canonical", refuse)
    monkeypatch.setattr(projections, "describe", refuse)
    for kind, nodes in expected.items():
        assert _nodes(build_network(tabled, Spec(kind), metrics=False, cache=False)) == nodes


def test_a_volume_tabled_in_an_older_row_format_is_tabled_again(tabled_path, tmp_path):
    shutil.copytree(tabled_path, tmp_path / "store")
    db = open_store(tmp_path / "store")
    old = TABLE_PREFIX + "frus1969-76v01"
    db.update(f"""DELETE {{ GRAPH <{old}> {{ <{old}> <https://w3id.org/frus-kg/vocab#rowFormat> ?f }} }}
                  INSERT {{ GRAPH <{old}> {{ <{old}> <https://w3id.org/frus-kg/vocab#rowFormat> "2" }} }}
                  WHERE {{ GRAPH <{old}> {{ <{old}> <https://w3id.org/frus-kg/vocab#rowFormat> ?f }} }}""")
    report = refresh_network_table(db, sentences=_sentences)
    assert (report.volumes, report.unchanged) == (1, 1)
    assert table_state(db) is not None and project(db, Spec("person-person")).graph["source"] == "table"
    db.close()


def test_a_change_of_the_authorities_tables_every_volume_again(tabled_path, tmp_path):
    """Identity and labels in the table come from the authority graphs: when they change, so must the table."""
    shutil.copytree(tabled_path, tmp_path / "store")
    db = open_store(tmp_path / "store")
    people = "https://w3id.org/frus-kg/id/graph/authority/people"
    db.update(f"DELETE {{ GRAPH <{people}> {{ ?s ?p ?o }} }} WHERE {{ {{ SELECT ?s ?p ?o WHERE {{ GRAPH <{people}> {{ ?s ?p ?o }} }} LIMIT 1 }} }}")
    assert refresh_network_table(db, sentences=_sentences).volumes == 2
    db.close()


def test_a_network_drawn_twice_from_the_table_is_drawn_once_until_the_table_changes(tabled_path, tmp_path, monkeypatch):
    from graph.networks import analysis

    shutil.copytree(tabled_path, tmp_path / "store")
    db = open_store(tmp_path / "store")
    drawn = []
    real = analysis._build
    monkeypatch.setattr(analysis, "_build", lambda *a: drawn.append(a[1]) or real(*a))
    spec = Spec("person-person", filters=Filters(volumes=("frus1969-76v01",)))
    first = build_network(db, spec)
    with pytest.raises(nx.NetworkXError, match="Frozen"):   # shared with the next caller: frozen
        first.remove_nodes_from(list(first)[:3])
    second = build_network(db, spec)
    assert len(drawn) == 1 and second is first
    assert _edges(second) == _edges(build_network(db, spec, cache=False))
    db.drop_graphs([TABLE_PREFIX + "frus1969-76ve09p1"])      # a volume's rows gone: the refresh tables it again,
    refresh_network_table(db, sentences=_sentences)             # from the same data: the drawn network still holds
    assert build_network(db, spec) is first and len(drawn) == 2
    changed = {v: fp + ";changed" for v, fp in volume_fingerprints(db).items()}
    refresh_network_table(db, sentences=_sentences, fingerprints=changed)   # the data changed: drawn again
    build_network(db, spec)
    assert len(drawn) == 3
    db.close()


def test_regression_the_table_state_was_random_so_two_stores_of_the_same_data_differed(tabled_path, tmp_path):
    copy = tmp_path / "again"
    shutil.copytree(tabled_path, copy)
    db = open_store(copy)
    db.drop_graphs([TABLE_GRAPH])
    refresh_network_table(db, sentences=_sentences)
    again = table_state(db)
    db.close()
    first = open_store(tabled_path, read_only=True)
    try:
        assert again == table_state(first)
    finally:
        first.close()


SLICE_FILTERS = [Filters(), Filters("1970-01-01", "1970-12-31"), Filters(volumes=("frus1969-76ve09p1",)),
                 Filters("1969-01-01", "1976-12-31", volumes=("frus1969-76v01",)), Filters(genres=("Memorandum",))]


@pytest.mark.parametrize("filters", SLICE_FILTERS, ids=["all", "1970", "one-volume", "volume-and-years", "genre"])
def test_every_projection_of_several_slices_is_the_same_from_the_month_bundles_as_from_the_mentions(tabled, filters):
    """Row format 4 reads whole month bundles and each document's entity set (the document window parses no offsets
    unless a passage is asked for): every kind and window of several slices gives the mentions' network, passages
    included."""
    drawn = 0
    for kind, window in CASES:
        spec = Spec(kind, window, filters=filters)
        from_table = build_network(tabled, spec, sentences=_sentences, metrics=False, cache=False)
        from_mentions = build_network(tabled, spec, sentences=_sentences, metrics=False, source="mentions")
        assert from_table.graph["source"] == "table"
        assert _edges(from_table) == _edges(from_mentions), (kind, window)
        assert _nodes(from_table) == _nodes(from_mentions), (kind, window)
        assert list(from_table) == list(from_mentions) and list(from_table.edges) == list(from_mentions.edges)
        drawn += from_table.number_of_edges()
    assert drawn > 0


def _as_format_3(db, volume: str) -> None:
    """Rewrite one volume's table graph as row format 3 wrote it (a literal per part on each document's row node),
    so that the upgrade from the table the corpus has can be tried."""
    import pyoxigraph as ox
    from graph.networks import table

    g = table.table_graph(volume)
    keep = [q for q in db.quads(g) if q.subject.value == g]
    quads = [ox.Quad(q.subject, q.predicate, ox.Literal("3") if q.predicate.value.endswith("#rowFormat") else q.object, q.graph_name)
             for q in keep]
    for row, genres in table.volume_rows(db, volume, _sentences):
        node = ox.NamedNode(f"{g}/{row.document.rstrip('/').rsplit('/', 1)[-1]}")
        head, parts = table.pack(row)
        head = "\t".join(head.split("\t")[:3])       # format 3's head: DATE HEADING-LENGTH MARKED
        fk = "https://w3id.org/frus-kg/vocab#"
        quads += [ox.Quad(node, ox.NamedNode(fk + "rowDocument"), ox.NamedNode(row.document), ox.NamedNode(g)),
                  ox.Quad(node, ox.NamedNode(fk + "rowHead"), ox.Literal(head), ox.NamedNode(g))]
        quads += [ox.Quad(node, ox.NamedNode(fk + table.PARTS[p]), ox.Literal(t), ox.NamedNode(g)) for p, t in parts.items()]
        if row.date:
            quads.append(ox.Quad(node, ox.NamedNode(fk + "rowDate"), ox.Literal(row.date), ox.NamedNode(g)))
        quads += [ox.Quad(node, ox.NamedNode(fk + "rowGenre"), genre, ox.NamedNode(g)) for genre in genres]
    db.drop_graphs([g, TABLE_GRAPH])
    db.replace_graphs({g: quads})


def test_a_table_of_row_format_3_is_repacked_from_its_own_rows_without_reading_the_mentions(tabled_path, tmp_path, monkeypatch):
    """The corpus's table is of format 3 (41 minutes to build from the mentions): `frus-kg index` packs its rows
    again into month bundles, and the networks are those of a table built afresh."""
    from graph.networks import table

    fresh = open_store(tabled_path, read_only=True)
    expected = {case: _edges(build_network(fresh, Spec(*case), cache=False, metrics=False)) for case in CASES}
    fresh.close()
    shutil.copytree(tabled_path, tmp_path / "store")
    db = open_store(tmp_path / "store")
    volumes = sorted(volume_fingerprints(db))
    for volume in volumes:
        _as_format_3(db, volume)
    assert table_state(db) is None
    monkeypatch.setattr(table, "volume_rows", lambda *a, **k: pytest.fail("read the mentions again"))
    report = refresh_network_table(db, sentences=_sentences)
    assert (report.volumes, report.repacked, report.rows, report.sentences) == (2, 2, 13, True)
    assert table_state(db).sentences
    for case in CASES:
        assert _edges(build_network(db, Spec(*case), cache=False, metrics=False)) == expected[case], case
    db.close()


def _as_format_4(db, volume: str) -> None:
    """Rewrite one volume's table graph as row format 4 wrote it: the heads without an undated editorial note's
    interval, and its notes in the bundle `undated`."""
    import pyoxigraph as ox
    from graph.networks import table

    g, fk = table.table_graph(volume), "https://w3id.org/frus-kg/vocab#"
    old = list(db.quads(g))
    dated = {q.subject for q in old if q.predicate.value == fk + "rowDate"}
    quads = []
    for q in old:
        p, o = q.predicate.value, q.object
        if p == fk + "rowFormat":
            o = ox.Literal("4")
        elif p == fk + "bundleRows":
            o = ox.Literal("\n".join(line.rsplit("\t", 1)[0] for line in o.value.split("\n")))
        elif p == fk + "rowMonth" and q.subject not in dated:
            o = ox.Literal("undated")
        quads.append(ox.Quad(q.subject, q.predicate, o, q.graph_name))
    db.drop_graphs([g, TABLE_GRAPH])
    db.replace_graphs({g: quads})


def test_a_table_of_row_format_4_is_repacked_with_the_intervals_of_its_undated_editorial_notes(tabled_path, tmp_path, monkeypatch):
    """Format 5 keeps an undated editorial note's interval (a slice counts the note when it holds it): a table of
    format 4, the corpus's, is packed again with the intervals read from the store, not tabled again from the
    mentions, and draws the networks of a table built afresh, its time slices too."""
    from graph.networks import table

    slices = [Spec(*case) for case in CASES] + [Spec("person-person", filters=Filters("1970", "1970")),
                                                Spec("person-person", "paragraph", filters=Filters("1969-03", "1971"))]
    fresh = open_store(tabled_path, read_only=True)
    expected = [_edges(build_network(fresh, spec, cache=False, metrics=False)) for spec in slices]
    fresh.close()
    shutil.copytree(tabled_path, tmp_path / "store")
    db = open_store(tmp_path / "store")
    for volume in sorted(volume_fingerprints(db)):
        _as_format_4(db, volume)
    assert table_state(db) is None
    monkeypatch.setattr(table, "volume_rows", lambda *a, **k: pytest.fail("read the mentions again"))
    report = refresh_network_table(db, sentences=_sentences)
    assert (report.volumes, report.repacked, report.rows) == (2, 2, 13) and table_state(db).sentences
    assert any(row.told for row in read_rows(db, Filters("1970", "1970")))
    for spec, edges in zip(slices, expected):
        assert _edges(build_network(db, spec, cache=False, metrics=False)) == edges, spec
    db.close()


def test_a_damaged_bundle_is_refused_with_the_graph_it_is_in(tabled_path, tmp_path):
    shutil.copytree(tabled_path, tmp_path / "store")
    db = open_store(tmp_path / "store")
    fk = "https://w3id.org/frus-kg/vocab#"
    db.update(f"""DELETE {{ GRAPH ?g {{ ?b <{fk}bundleRows> ?rows }} }} INSERT {{ GRAPH ?g {{ ?b <{fk}bundleRows> ?one }} }}
                  WHERE {{ GRAPH ?g {{ ?b <{fk}bundleRows> ?rows FILTER(CONTAINS(?rows, "\\n")) BIND(STRBEFORE(?rows, "\\n") AS ?one) }} }}""")
    with pytest.raises(NetworkError, match=f"bundle in {TABLE_PREFIX}.*damaged"):
        project(db, Spec("person-person"), source="table")
    db.close()
