"""Properties of both readers over generated documents (hypothesis), whatever the words, marks and pages:

- offsets round-trip: every page, footnote, party, place, mention and claim span lies in the document's text,
  and where the record says what the span holds (`exact`, a party's name, a note's number) the slice is that;
- page assignment is monotone: pages follow each other, their numbers grow, and `page_at` never goes back;
- nothing escapes but the documented errors (ingest/errors.py): junk and damaged copies raise `IngestError`
  subclasses or read, never anything else.

The default run keeps example counts small (the whole file in well under a minute); `make test-slow` runs the
same properties with many more examples.
"""
from __future__ import annotations

import tempfile
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.errors import IngestError
from ingest.pipeline import default_extractors
from ingest.records import DocumentRecord
from ingest.tei_reader import read_tei
from ingest.text_reader import parse_text_document

_COMMON = dict(deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FAST = settings(max_examples=20, **_COMMON)
SLOW = settings(max_examples=400, **_COMMON)

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
# words the extractors act on (names, offices, reporting verbs), mixed with arbitrary letters in any script
VOCABULARY = ["Haig", "Kissinger", "Clark", "Secretary", "of", "State", "Soviet", "Union", "United", "States", "Moscow",
              "said", "recommended", "believes", "that", "the", "President", "NATO", "Japan", "Ambassador", "we", "must",
              "Nixon", "reported", "Department", "Embassy", "human", "rights", "Brezhnev", "Israel", "Egypt"]
word = st.one_of(st.sampled_from(VOCABULARY),
                 st.text(st.characters(categories=("Lu", "Ll", "Lo", "Nd"), exclude_characters="⁰¹²³⁴⁵⁶⁷⁸⁹"),
                         min_size=1, max_size=9))
punctuation = st.sampled_from(["", "", "", ",", ".", ";", ":", "—", "?", "\"", "'", ")", "("])
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


@lru_cache(maxsize=1)
def extractors():
    return default_extractors()


def enrich(record: DocumentRecord) -> DocumentRecord:
    for extract in extractors():
        extract(record)
    return record


# ------------------------------------------------------------------------------ the properties
def assert_offsets_round_trip(record: DocumentRecord) -> None:
    text, n = record.text, len(record.text)
    for page in record.pages:
        assert 0 <= page.start <= page.end <= n, page
    for note in record.footnotes:
        assert 0 <= note.start < note.end <= n, note
        assert text[note.start:note.end].startswith(f"{note.number}. ") or record.pages, note
        if note.anchor is not None:
            assert 0 <= note.anchor <= n
    for party in record.parties:
        if party.start is not None:
            assert 0 <= party.start < party.end <= n
            assert text[party.start:party.end] == party.name, party
    if record.place_span is not None:
        assert text[record.place_span.start:record.place_span.end] == record.place
    for m in record.mentions:
        assert 0 <= m.start < m.end <= n, m
        if m.exact is not None:
            assert text[m.start:m.end] == m.exact, m
    for c in record.claims:
        assert 0 <= c.start < c.end <= n, c
    assert 0 <= record.body_start <= (record.body_end if record.body_end is not None else n) <= n


def assert_pages_monotone(record: DocumentRecord, printed: list[int] | None = None) -> None:
    pages = record.pages
    assert pages, "every document has a page"
    for before, after in zip(pages, pages[1:]):
        assert before.end <= after.start or before.end == after.end, (before, after)
        assert before.start <= after.start
        if before.number.isdigit() and after.number.isdigit():
            assert int(before.number) < int(after.number), (before, after)
    if printed is not None:
        assert [int(p.number) for p in pages] == printed
    end = record.body_end if record.body_end is not None else len(record.text)
    order = {p.number: i for i, p in enumerate(pages)}
    seen = [order[record.page_at(offset)] for offset in range(0, end, max(1, end // 200))]
    assert seen == sorted(seen), "page_at went back to an earlier page"
    for m in record.mentions + record.claims:
        record.page_at(m.start)                      # every span has a page


# ------------------------------------------------------------------------------ plain-text copies
@st.composite
def text_documents(draw) -> tuple[str, list[int], int]:
    """A history.state.gov copy: series line, heading, dateline, SUBJECT, body with page markers and note marks,
    notes. Returns (text, printed page numbers in order, number of notes). As on history.state.gov, the first page
    has no marker: a marker starts the next page."""
    first_page = draw(st.integers(1, 900))
    notes = draw(st.integers(0, 4))
    paragraphs = []
    page, pages, mark = first_page, [first_page], 1
    for _ in range(draw(st.integers(1, 5))):
        words = [draw(st.sampled_from(VOCABULARY))]     # never '12. …' at a line's start: that is a note's line
        for w, p in draw(st.lists(st.tuples(word, punctuation), min_size=1, max_size=40)):
            words.append(w + p)
            if draw(st.integers(0, 30)) == 0:
                page += draw(st.integers(1, 3))
                pages.append(page)
                words.append(draw(st.sampled_from([f"[Page {page}]", f"[\\[Page {page}\\]](#)"])))
            if mark <= notes and draw(st.integers(0, 8)) == 0:
                words.append(draw(st.sampled_from(VOCABULARY)) + str(mark).translate(SUPERSCRIPT))
                mark += 1
        paragraphs.append(" ".join(words))
    while mark <= notes:                              # every note has its mark, each after its own word
        paragraphs[-1] += " " + draw(st.sampled_from(VOCABULARY)) + str(mark).translate(SUPERSCRIPT)
        mark += 1
    if len(pages) == 1:                               # the copy's pages are known from its markers: one at least
        page += 1
        pages.append(page)
        paragraphs[-1] += f" [Page {page}] " + draw(st.sampled_from(VOCABULARY))
    heading = (f"{draw(st.integers(1, 999))}. Memorandum From the Deputy Secretary of State "
               f"({draw(st.sampled_from(['Clark', 'Dam', 'Whitehead']))}) to Secretary of State Haig")
    dateline = draw(st.one_of(st.just(""), st.builds(lambda m, d, y: f"Washington, {m} {d}, {y}",
                                                     st.sampled_from(MONTHS), st.integers(1, 31), st.integers(1940, 1995))))
    subject = draw(st.one_of(st.just(""), st.lists(word, min_size=1, max_size=6).map(" ".join)))
    note_lines = [f"{k}. " + ("Source: Department of State, Central Foreign Policy File. Secret." if k == 1 else
                              " ".join(draw(st.lists(word, min_size=1, max_size=8)))) + "↵" for k in range(1, notes + 1)]
    parts = ["OFFICE OF THE HISTORIAN", "FOREIGN RELATIONS OF THE UNITED STATES, 1981-1988, VOLUME XLI, GLOBAL ISSUES II",
             heading, dateline, *(["SUBJECT", subject] if subject else []), *paragraphs, *note_lines]
    return "\n\n".join(p for p in parts if p), pages, notes


def check_text_document(doc) -> None:
    raw, pages, notes = doc
    record = enrich(parse_text_document(raw, "generated.txt"))
    assert_offsets_round_trip(record)
    assert_pages_monotone(record)
    assert [int(p.number) for p in record.pages] == [pages[1] - 1, *pages[1:]]   # the first: its successor's less one
    assert len(record.footnotes) == notes
    assert "[Page" not in record.text and not set("⁰¹²³⁴⁵⁶⁷⁸⁹") & set(record.text)


@FAST
@given(text_documents())
def test_text_reader_offsets_round_trip_and_pages_are_monotone(doc):
    check_text_document(doc)


@pytest.mark.slow
@SLOW
@given(text_documents())
def test_text_reader_properties_at_length(doc):
    check_text_document(doc)


def damaged(documents):
    """A generated document, then cut, spliced with junk, or with a slice deleted."""
    return st.tuples(documents, st.integers(0, 10 ** 6), st.integers(0, 10 ** 6), st.text(max_size=30),
                     st.sampled_from(["cut", "insert", "delete"]))


def _damage(raw: str, a: int, b: int, junk: str, how: str) -> str:
    a, b = sorted((a % (len(raw) + 1), b % (len(raw) + 1)))
    return {"cut": raw[:a], "insert": raw[:a] + junk + raw[a:], "delete": raw[:a] + raw[b:]}[how]


@FAST
@given(st.one_of(st.text(max_size=300), damaged(text_documents()).map(lambda d: _damage(d[0][0], *d[1:]))))
def test_text_reader_raises_only_documented_errors(raw):
    try:
        record = parse_text_document(raw, "junk.txt")
    except IngestError:
        return
    assert_offsets_round_trip(record)
    assert_pages_monotone(record)


@pytest.mark.slow
@SLOW
@given(st.one_of(st.text(max_size=2000), damaged(text_documents()).map(lambda d: _damage(d[0][0], *d[1:]))))
def test_text_reader_raises_only_documented_errors_at_length(raw):
    test_text_reader_raises_only_documented_errors.hypothesis.inner_test(raw)


# ------------------------------------------------------------------------------ TEI volumes
NS = "http://www.tei-c.org/ns/1.0"
PERSONS = [("p_HAA1", "Haig, Alexander M., Jr.", "Haig"), ("p_KHA1", "Kissinger, Henry A.", "Kissinger"),
           ("p_GAA1", "Gromyko, Andrei A.", "Gromyko")]


@st.composite
def tei_volumes(draw) -> tuple[str, list[list[int]], list[list[str]]]:
    """A TEI volume: header, a persons list, documents with <pb/>, <persName corresp>, <note>s and a dateline.
    Returns (xml, printed pages per document, persName texts per document)."""
    page = draw(st.integers(1, 500))
    docs, pages_per_doc, names_per_doc = [], [], []
    for number in range(1, draw(st.integers(1, 3)) + 1):
        pages, names, paragraphs = [page], [], []
        notes = 0
        for _ in range(draw(st.integers(1, 4))):
            out = []
            for w, p in draw(st.lists(st.tuples(word, punctuation), min_size=1, max_size=30)):
                choice = draw(st.integers(0, 25))
                if choice == 0:
                    page += draw(st.integers(1, 2))
                    pages.append(page)
                    out.append(f'<pb n="{page}" xml:id="pg_{page}"/>')
                elif choice == 1:
                    xml_id, _, surname = draw(st.sampled_from(PERSONS))
                    names.append(surname)
                    out.append(f'<persName corresp="#{xml_id}">{surname}</persName>')
                elif choice == 2 and notes < 3:
                    notes += 1
                    out.append(f'<note n="{notes + 1}" xml:id="d{number}fn{notes + 1}">'
                               f'{escape(" ".join(draw(st.lists(word, min_size=1, max_size=6))))}</note>')
                out.append(escape(w + p))
            paragraphs.append("<p>" + " ".join(out) + "</p>")
        month, day, year = draw(st.sampled_from(range(1, 13))), draw(st.integers(1, 28)), draw(st.integers(1945, 1990))
        when = f"{year}-{month:02d}-{day:02d}"
        docs.append(f'<div type="document" xml:id="d{number}" n="{number}"><head>{number}. Telegram From the Embassy in '
                    f'the Soviet Union to the Department of State<note n="1" xml:id="d{number}fn1" type="source">Source: '
                    f'National Archives, RG 59. Secret.</note></head><dateline><placeName>Moscow</placeName>, '
                    f'<date when="{when}">{MONTHS[month - 1]} {day}, {year}</date></dateline>{"".join(paragraphs)}</div>')
        pages_per_doc.append(pages)
        names_per_doc.append(names)
    persons = "".join(f'<item><persName xml:id="{i}">{n}</persName>, Secretary</item>' for i, n, _ in PERSONS)
    xml = (f'<TEI xmlns="{NS}" xml:id="frus1969-76v01"><teiHeader><fileDesc><titleStmt><title type="complete">Foreign '
           f'Relations of the United States, 1969–1976, Volume I, Foundations of Foreign Policy</title></titleStmt>'
           f'</fileDesc></teiHeader><text><front><div type="section" xml:id="persons"><head>Persons</head><list>'
           f'{persons}</list></div></front><body><div type="chapter" xml:id="ch1"><pb n="{pages_per_doc[0][0]}" '
           f'xml:id="pg_first"/>{"".join(docs)}</div></body></text></TEI>')
    return xml, pages_per_doc, names_per_doc


def read_volume(xml: str | bytes, errors: list | None = None) -> list[DocumentRecord]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "frus1969-76v01.xml"
        path.write_bytes(xml.encode("utf-8") if isinstance(xml, str) else xml)
        return list(read_tei(path, on_error=None if errors is None else errors.append))


def check_tei_volume(volume) -> None:
    xml, pages_per_doc, names_per_doc = volume
    records = read_volume(xml)
    assert [r.doc_id for r in records] == [f"d{k}" for k in range(1, len(pages_per_doc) + 1)]
    for record, pages, names in zip(records, pages_per_doc, names_per_doc):
        tagged = [m.exact for m in record.mentions if m.method == "tei-markup" and m.kind == "person"]
        enrich(record)
        assert_offsets_round_trip(record)
        assert_pages_monotone(record)
        assert {int(p.number) for p in record.pages} <= set(pages) | {pages[0] - 1}
        assert tagged == names                       # every <persName>, in order, at its place in the text
        assert record.date is not None and record.footnotes[0].is_source


@FAST
@given(tei_volumes())
def test_tei_reader_offsets_round_trip_and_pages_are_monotone(volume):
    check_tei_volume(volume)


@pytest.mark.slow
@SLOW
@given(tei_volumes())
def test_tei_reader_properties_at_length(volume):
    check_tei_volume(volume)


def _damage_bytes(xml: str, a: int, b: int, junk: str, how: str) -> bytes:
    raw = xml.encode("utf-8")
    a, b = sorted((a % (len(raw) + 1), b % (len(raw) + 1)))
    return {"cut": raw[:a], "insert": raw[:a] + junk.encode("utf-8", "surrogatepass") + raw[a:],
            "delete": raw[:a] + raw[b:]}[how]


damaged_volumes = st.one_of(
    st.binary(max_size=200),
    damaged(tei_volumes()).map(lambda d: _damage_bytes(d[0][0], *d[1:])),
    st.tuples(tei_volumes(), st.sampled_from(["<", "&", "&bogus;", "</p>", "<p>", "<pb/>", "<div type=\"document\">",
                                               "<note>", "]]>", "<!--", "\x00", "\ufffe", "<head>x</head>"]),
              st.integers(0, 10 ** 6)).map(lambda d: _damage_bytes(d[0][0], d[2], d[2], d[1], "insert")))


@FAST
@given(damaged_volumes)
def test_tei_reader_raises_only_documented_errors(raw):
    errors: list = []
    try:
        records = read_volume(raw, errors)
    except IngestError:
        return
    assert all(isinstance(e, IngestError) for e in errors)
    for record in records:
        assert_offsets_round_trip(record)
        assert_pages_monotone(record)


@pytest.mark.slow
@SLOW
@given(damaged_volumes)
def test_tei_reader_raises_only_documented_errors_at_length(raw):
    test_tei_reader_raises_only_documented_errors.hypothesis.inner_test(raw)
