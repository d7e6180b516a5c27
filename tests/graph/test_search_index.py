"""The full-text index: filled from the store through SPARQL, incremental, ranked, and safe with any words."""
from __future__ import annotations

import os
import threading
import time

import pyoxigraph as ox
import pytest

from graph import open_store
from graph.search_index import INDEX_FILE, SearchIndex, SearchQueryError, parse_query, search_index_path
from ontology.namespaces import FK, OA, RDF, RDFS, SCHEMA, SKOS

BASE = "https://w3id.org/frus-kg/id/"
VOLUME = BASE + "historicaldocuments/frus1981-88v41"
PEOPLE = BASE + "graph/authority/people"
MEMO_TEXT = ("54. Memorandum on human rights policy\n\nHuman rights is at the core of our foreign policy. "
             "The Soviets are a special case. Rights of labor unions are human concerns too.")
CLAIM = "Human rights is at the core of our foreign policy."


def _n(iri):
    return ox.NamedNode(iri)


def document(number: int, text: str, *, date="1981-10-26", volume="frus1981-88v41", claims=()) -> dict:
    """A document graph as ingest writes it, reduced to what the index reads."""
    doc = f"{BASE}historicaldocuments/{volume}/d{number}"
    g = _n(doc)
    quads = [ox.Quad(g, _n(RDF + "type"), _n(FK + "Document"), g),
             ox.Quad(g, _n(SCHEMA + "text"), ox.Literal(text), g),
             ox.Quad(g, _n(SCHEMA + "name"), ox.Literal(text.split("\n")[0]), g),
             ox.Quad(g, _n(FK + "volumeId"), ox.Literal(volume), g)]
    if date:
        quads.append(ox.Quad(g, _n(SCHEMA + "dateCreated"), ox.Literal(date, datatype=_n("http://www.w3.org/2001/XMLSchema#date")), g))
    for i, claim in enumerate(claims, 1):
        c, target, sel = _n(f"{doc}/claims/{i}"), _n(f"{doc}/claims/{i}/target"), _n(f"{doc}/claims/{i}/target/position")
        quads += [ox.Quad(c, _n(RDF + "type"), _n(FK + "Claim"), g),
                  ox.Quad(c, _n(SCHEMA + "text"), ox.Literal(claim), g),
                  ox.Quad(c, _n(OA + "hasTarget"), target, g),
                  ox.Quad(target, _n(OA + "hasSelector"), sel, g),
                  ox.Quad(sel, _n(OA + "start"), ox.Literal(str(text.index(claim)), datatype=_n("http://www.w3.org/2001/XMLSchema#integer")), g)]
    return {doc: quads}


def people(*names: tuple[str, str, list[str]]) -> dict:
    g = _n(PEOPLE)
    quads = []
    for key, name, variants in names:
        p = _n(f"{BASE}people/{key}")
        quads += [ox.Quad(p, _n(RDF + "type"), _n(SCHEMA + "Person"), g),
                  ox.Quad(p, _n(RDFS + "label"), ox.Literal(name), g),
                  ox.Quad(p, _n(SCHEMA + "name"), ox.Literal(name), g)]
        quads += [ox.Quad(p, _n(SKOS + "altLabel"), ox.Literal(v), g) for v in variants]
    return {PEOPLE: quads}


@pytest.fixture
def db(tmp_path):
    store = open_store(tmp_path / "store")
    store.replace_graphs({**document(54, MEMO_TEXT, claims=[CLAIM]),
                          **people(("102617", "William Patrick Clark", ["William P. Clark"]),
                                   ("104215", "Millicent H. Fenwick", []))})
    yield store
    store.close()


@pytest.fixture
def index(db):
    idx = SearchIndex.for_store(db.path)
    idx.refresh(db)
    yield idx
    idx.close()


def find(index, q, **filters):
    return index.search(parse_query(q), **filters)[0]


def test_the_index_lives_in_the_store_folder_and_the_store_still_opens(tmp_path):
    store = open_store(tmp_path / "store")
    store.replace_graphs(document(54, MEMO_TEXT))
    index = SearchIndex.for_store(store.path)
    index.refresh(store)
    store.close()
    assert index.path == search_index_path(store.path) == store.path / INDEX_FILE
    for read_only in (True, False):
        reopened = open_store(store.path, read_only=read_only)
        assert reopened.quad_count() == 5
        reopened.close()


def test_words_find_the_document_with_the_passage_marked_in_its_text(index):
    hit = next(h for h in find(index, "human rights") if h.kind == "document")
    assert hit.iri.endswith("/d54") and hit.volume == "frus1981-88v41" and hit.date == "1981-10-26"
    assert [hit.snippet[a:b].lower() for a, b in hit.highlights][:2] == ["human", "rights"]
    start, end = hit.passage
    assert MEMO_TEXT[start:end] == hit.snippet
    assert [MEMO_TEXT[a:b] for a, b in hit.matches][:2] == ["human", "rights"]


def test_a_claim_is_a_hit_with_offsets_into_its_document(index):
    hit = next(h for h in find(index, "core foreign policy") if h.kind == "claim")
    assert hit.iri.endswith("/d54/claims/1") and hit.document.endswith("/d54")
    assert hit.snippet == CLAIM
    assert [MEMO_TEXT[a:b] for a, b in hit.matches] == ["core", "foreign", "policy"]


def test_names_and_their_variants_are_found(index):
    assert [h.iri for h in find(index, "Clark")] == [BASE + "people/102617"]
    hit = find(index, '"William P. Clark"')[0]
    assert hit.kind == "person" and hit.title == "William Patrick Clark"


def test_an_exact_phrase_ranks_before_the_same_words_apart(db, index):
    db.replace_graphs({**document(1, "Rights of the human kind; rights, rights and more rights for every human."),
                       **document(2, "A long note. " * 20 + "They spoke of human rights once.")})
    index.refresh(db)
    ranked = [h.iri.rsplit("/", 1)[1] for h in find(index, "human rights", kinds=["document"])]
    assert sorted(ranked[:2]) == ["d2", "d54"] and ranked[2] == "d1"


def test_a_name_ranks_before_a_passage_that_uses_it(db, index):
    db.replace_graphs(document(3, "Fenwick said so, and Fenwick repeated it."))
    index.refresh(db)
    assert find(index, "Fenwick")[0].kind == "person"


def test_a_reingested_document_replaces_its_entries(db, index):
    before = index.entry_count()
    db.replace_graphs(document(54, MEMO_TEXT.replace("Soviets", "Europeans"), claims=[CLAIM]))
    report = index.refresh(db)
    assert report.documents == 1 and report.unchanged >= 1
    assert index.entry_count() == before
    assert not find(index, "Soviets") and [h.kind for h in find(index, "Europeans")] == ["document"]
    assert len([h for h in find(index, "core") if h.kind == "claim"]) == 1


def test_an_unchanged_store_is_not_read_again(db, index):
    report = index.refresh(db)
    assert (report.documents, report.label_graphs, report.entries) == (0, 0, 0)
    assert report.unchanged == 2


def test_a_deleted_document_disappears_with_its_claims(db, index):
    db.drop_graphs([f"{BASE}historicaldocuments/frus1981-88v41/d54"])
    assert index.refresh(db).removed == 1
    assert find(index, "human rights") == []
    assert find(index, "Clark")


def test_rebuild_reads_everything_again_and_keeps_the_same_entries(db, index):
    before = index.entry_count()
    report = index.refresh(db, rebuild=True)
    assert report.documents == 1 and report.label_graphs == 1
    assert index.entry_count() == before


def test_rebuild_also_drops_what_is_gone(db, index):
    db.drop_graphs([f"{BASE}historicaldocuments/frus1981-88v41/d54"])
    assert index.refresh(db, rebuild=True).removed == 1
    assert find(index, "human rights") == []


def test_filters_by_kind_volume_and_dates(db, index):
    db.replace_graphs(document(7, "Human rights in 1969.", date="1969-03-01", volume="frus1969-76v01"))
    index.refresh(db)
    assert {h.kind for h in find(index, "human", kinds=["claim"])} == {"claim"}
    assert {h.volume for h in find(index, "human", volume="frus1969-76v01")} == {"frus1969-76v01"}
    assert {h.date for h in find(index, "human", date_from="1970-01-01")} == {"1981-10-26"}
    assert {h.date for h in find(index, "human", date_before="1969-04")} == {"1969-03-01"}
    assert find(index, "human", date_from="1969-03-02", date_before="1981-10-26") == []
    assert find(index, "Clark", date_from="1900") == []          # names have no date


def test_totals_count_every_kind_and_pages_follow_each_other(db, index):
    db.replace_graphs({k: v for n in range(10, 25) for k, v in document(n, f"{n}. Human rights note {n}").items()})
    index.refresh(db)
    hits, totals = index.search(parse_query("human"), kinds=["document"], limit=7)
    assert totals["document"] == 16 and totals["claim"] == 1
    seen = [h.iri for h in hits]
    while len(hits) == 7:
        hits, _ = index.search(parse_query("human"), kinds=["document"], limit=7, after=(hits[-1].score, hits[-1].id))
        seen += [h.iri for h in hits]
    assert len(seen) == len(set(seen)) == 16


@pytest.mark.parametrize("q, match", [
    ("human rights", '"human" AND "rights"'),
    ('"human rights" policy', '"human rights" AND "policy"'),
    ("soviet -human", '("soviet") NOT ("human")'),
    ("diplom*", '"diplom"*'),
    ("a*", '"a"'),
    ('NEAR(human rights) AND x:y', '"NEAR(human" AND "rights)" AND "AND" AND "x:y"'),
    ('NEAR(human rights) OR x:y', '"NEAR(human" AND ("rights)" OR "x:y")'),
    ("soviet OR russian treaty", '("soviet" OR "russian") AND "treaty"'),
    ('"human rights" OR freedom -torture', '(("human rights" OR "freedom")) NOT ("torture")'),
    ("kiss* OR haig OR shultz", '("kiss"* OR "haig" OR "shultz")'),
    ("OR treaty", '"OR" AND "treaty"'), ("treaty OR", '"treaty" AND "OR"'), ("treaty OR -soviet", '("treaty" AND "OR") NOT ("soviet")'),
    ("treaty or soviet", '"treaty" AND "or" AND "soviet"'),
    ('say "unbalanced', '"say" AND "unbalanced"'),
    ('he said "no"" more', '"he" AND "said" AND "no" AND "more"'),
])
def test_the_users_words_become_quoted_terms(q, match):
    assert parse_query(q).match == match


@pytest.mark.parametrize("q", ["", "   ", "-human", '""', "* - : ( ) ^", "\x00", "x" * 10_000, " ".join(["w"] * 30)])
def test_queries_with_nothing_to_search_are_refused(q):
    with pytest.raises(SearchQueryError):
        parse_query(q)


@pytest.mark.parametrize("q", ['"', "(", ")", "((human", 'human"rights', "NEAR(", "NEAR(a b, 2)", "*", "-", ":",
                               "title:human", "^human", "human + rights", "hu\x00man", "AND OR NOT", "'; DROP TABLE entries; --",
                               "\u201chuman rights\u201d", "ŝoviet", "日本", "\U0001F600 rights", "a" * 499, "human*" * 50])
def test_hostile_words_are_searched_or_refused_never_an_error(index, q):
    try:
        parsed = parse_query(q)
    except SearchQueryError:
        return
    hits, totals = index.search(parsed)
    assert isinstance(totals, dict) and isinstance(hits, list)


def test_a_reader_searches_while_a_writer_refreshes(db, index, tmp_path):
    reader = SearchIndex.for_store(db.path, read_only=True)
    errors, done = [], threading.Event()

    def search_until_done():
        while not done.is_set():
            try:
                assert find(reader, "Clark")
            except Exception as exc:  # noqa: BLE001 - any failure of the reader is what this test looks for
                errors.append(exc)

    thread = threading.Thread(target=search_until_done)
    thread.start()
    try:
        for n in range(30, 36):
            db.replace_graphs(document(n, f"{n}. Clark met the ministers."))
            index.refresh(db, rebuild=n % 2 == 0)
    finally:
        done.set()
        thread.join()
    assert not errors
    assert len([h for h in find(reader, "Clark ministers")]) == 6


def test_searching_does_not_make_a_read_only_store_reopen(tmp_path):
    writer = open_store(tmp_path / "store")
    writer.replace_graphs(document(54, MEMO_TEXT))
    SearchIndex.for_store(writer.path).refresh(writer)
    writer.close()
    served = open_store(tmp_path / "store", read_only=True)
    stamp = served._files_stamp()
    find(SearchIndex.for_store(served.path, read_only=True), "human rights")
    later = time.time() + 60
    for sidecar in served.path.glob(INDEX_FILE + "*"):   # a WAL reader writes its read marks into the -shm file
        os.utime(sidecar, (later, later))
    assert served._files_stamp() == stamp


@pytest.mark.parametrize("q", ["human", "human rights", '"human rights"', "rights -note", "clark"])
def test_ranking_a_table_without_its_entries_gives_the_pages_and_totals_of_the_joined_ranking(db, index, monkeypatch, q):
    """A table of one kind with no filter ranks and counts its matches alone; joined with the entries (the
    path that filters take) every page and total is the same."""
    db.replace_graphs({k: v for n in range(10, 25) for k, v in document(
        n, f"{n}. Human rights note {n}" + " rights" * (n % 4), claims=[f"{n}. Human rights note"]).items()})
    index.refresh(db)

    def pages():
        found, after = [], None
        while True:
            hits, totals = index.search(parse_query(q), limit=4, after=after)
            found.append((totals, [(h.id, h.kind, h.iri, h.score, h.snippet, h.passage) for h in hits]))
            if len(hits) < 4:
                return found
            after = (hits[-1].score, hits[-1].id)

    alone = pages()
    assert sum(len(hits) for _, hits in alone) > 0
    ranked, totals = SearchIndex._ranked, SearchIndex._totals
    monkeypatch.setattr(SearchIndex, "_ranked", staticmethod(lambda table, query, kinds, where, own:
                                                              ranked(table, query, kinds, where, False)))
    monkeypatch.setattr(SearchIndex, "_totals", staticmethod(lambda conn, where, params:
                                                              totals(conn, where or ["1 = 1"], params)))
    assert pages() == alone


def test_documents_containing_a_substring_are_a_superset_of_those_whose_text_holds_it(db, index):
    """Every ASCII slice of a text, cut anywhere, finds its document; a word it does not hold, whole, does not."""
    doc = f"{BASE}historicaldocuments/frus1981-88v41/d54"
    for start in range(0, len(MEMO_TEXT) - 3, 7):
        for length in (3, 8, 15, 31):
            piece = MEMO_TEXT[start:start + length]
            assert doc in index.documents_containing(piece.upper() if start % 2 else piece), piece
    assert index.documents_containing("the walrus said") == []
    assert index.documents_containing("café au lait") is None        # not ASCII: the caller scans
    assert index.document_count() == 1


def test_regression_a_persons_list_entry_linked_to_its_authority_record_was_a_second_hit(db, index):
    """'Hammarskjöld' found Dag Hammarskjöld and the volume's 'Hammarskjöld, Dag', which skos:exactMatch's him. An
    entry of the list that no record links stays findable."""
    g = _n(VOLUME)
    listed, unlisted = _n(VOLUME + "/persons/p_CWP_1"), _n(VOLUME + "/persons/p_XY_1")
    db.replace_graphs({VOLUME: [
        ox.Quad(listed, _n(RDF + "type"), _n(SCHEMA + "Person"), g), ox.Quad(listed, _n(RDFS + "label"), ox.Literal("Clark, William P."), g),
        ox.Quad(listed, _n(SKOS + "exactMatch"), _n(BASE + "people/102617"), g),
        ox.Quad(unlisted, _n(RDF + "type"), _n(SCHEMA + "Person"), g), ox.Quad(unlisted, _n(RDFS + "label"), ox.Literal("Clarkson, Ann"), g)]})
    index.refresh(db)
    assert [h.iri for h in find(index, "Clark", kinds=["person"])] == [BASE + "people/102617"]
    assert [h.iri for h in find(index, "Clarkson", kinds=["person"])] == [str(unlisted.value)]


def test_regression_an_over_long_search_said_it_would_be_cut_when_it_is_refused():
    with pytest.raises(SearchQueryError, match="shorten it"):
        parse_query("word " * 200)
