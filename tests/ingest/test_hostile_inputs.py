"""Hostile inputs of issue 18 (defects 2, 4 and 5): each test pins one way a file could hurt the ingest.

The files are in tests/fixtures/hostile/ (README.md there lists them and what must happen); FIFOs, secrets
and listeners are made per test.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from ingest import dates
from ingest.claims import extract_claims
from ingest.errors import SourceError
from ingest.parallel import process_document
from ingest.secure_xml import xml_events
from ingest.tei_reader import read_tei
from ingest.text_reader import parse_text_document, read_text_document

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
MEMO = ROOT / "examples" / "frus1981-88v41-d54.txt"
PAGE_MARKER = re.compile(r"\[\\?\[?Page\s+\w+\\?\]?\](?:\([^)\s]*\))?")
NS = 'xmlns="http://www.tei-c.org/ns/1.0"'
DOC = (f'<TEI {NS} xml:id="frus1969-76v01"><text><body><div type="document" xml:id="d1" n="1">'
       '<head>1. Heading</head><p>Text.</p></div></body></text></TEI>')


def run_python(code: str, *, timeout: float = 60, stdin=subprocess.DEVNULL, prefix: tuple[str, ...] = ()) -> dict:
    """Runs code in a fresh interpreter at the repository root; its last stdout line is JSON."""
    done = subprocess.run([*prefix, sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, stdin=stdin,
                          capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


READ_TEI = """
    import json, sys
    from ingest.errors import SourceError
    from ingest.tei_reader import read_tei
    try:
        print(json.dumps({"headings": [r.heading for r in read_tei(sys.argv[1] if len(sys.argv) > 1 else %r)]}))
    except SourceError as exc:
        print(json.dumps({"error": str(exc)}))
"""


# ------------------------------------------------------------------ defect 2: the DOCTYPE names a file

@pytest.mark.parametrize("target", ["file", "fifo", "stdin", "http"])
def test_doctype_system_file_is_never_opened(tmp_path, target):
    """A DOCTYPE's external DTD is ignored (the document parses), and what it names is never opened:
    opening the FIFO or /dev/stdin would block until the timeout, the secret would show, the listener would be called."""
    listener = None
    secret = tmp_path / "secret.dtd"
    secret.write_text('<!ENTITY leak "TOP-SECRET">')
    if target == "file":
        system = f"file://{secret}"
    elif target == "fifo":
        system = str(tmp_path / "fifo")
        os.mkfifo(system)
    elif target == "stdin":
        system = "/dev/stdin"
    else:
        listener = socket.create_server(("127.0.0.1", 0))
        system = f"http://127.0.0.1:{listener.getsockname()[1]}/tei_all.dtd"
    path = tmp_path / "volume.xml"
    path.write_text(f'<!DOCTYPE TEI SYSTEM "{system}">\n{DOC}')
    started = time.monotonic()
    try:
        got = run_python(READ_TEI % str(path), timeout=30, stdin=subprocess.PIPE)
    finally:
        if listener is not None:
            listener.setblocking(False)
            with pytest.raises(BlockingIOError):
                listener.accept()            # nobody connected
            listener.close()
    assert got == {"headings": ["1. Heading"]}
    assert time.monotonic() - started < 30


def test_xml_reader_opens_no_path_but_its_input(tmp_path):
    """Under strace: between two marker opens, the reader of a volume whose DOCTYPE names a secret file and a URL
    opens exactly one path, the volume."""
    if shutil.which("strace") is None:
        pytest.skip("strace is not installed (apt-get install strace): the system-call check cannot run")
    secret = tmp_path / "secret.dtd"
    secret.write_text("x")
    hostile = tmp_path / "hostile.xml"
    hostile.write_text(f'<!DOCTYPE TEI SYSTEM "file://{secret}">\n{DOC}')
    plain = tmp_path / "plain.xml"
    plain.write_text(DOC)
    log = tmp_path / "strace.log"
    got = run_python(f"""
        import json
        from ingest.tei_reader import read_tei

        def mark(name):                                  # an open that fails: a line in the trace
            try:
                open(name)
            except OSError:
                pass

        list(read_tei({str(plain)!r}))                  # warm up: imports, lazy loads
        mark("/frus-kg-begin")
        headings = [r.heading for r in read_tei({str(hostile)!r})]
        mark("/frus-kg-end")
        print(json.dumps(headings))
    """, prefix=("strace", "-f", "-qq", "-e", "trace=open,openat,openat2", "-o", str(log)))
    assert got == ["1. Heading"]
    lines = log.read_text().splitlines()
    begin = next(i for i, line in enumerate(lines) if '"/frus-kg-begin"' in line)
    end = next(i for i, line in enumerate(lines) if '"/frus-kg-end"' in line)
    opened = {line.split('"')[1] for line in lines[begin + 1:end] if '"' in line}
    assert opened == {str(hostile)}


def test_a_load_libxml2_still_asks_for_is_refused_not_opened(tmp_path, monkeypatch):
    """The second line of defence: were the external identifier not blanked, the resolver refuses to load it."""
    import ingest.secure_xml as secure_xml
    monkeypatch.setattr(secure_xml, "_safe_prolog", lambda path, head, eof: head)    # no prolog scan
    secret = tmp_path / "secret.dtd"
    secret.write_text("x")
    path = tmp_path / "v.xml"
    path.write_text(f'<!DOCTYPE TEI SYSTEM "file://{secret}">\n{DOC}')
    with pytest.raises(SourceError, match="external resources are never read"):
        list(xml_events(path, ("end",)))


@pytest.mark.parametrize("name,message,line", [
    ("internal-subset-quoted-bracket.xml", "declares entities", 3),   # a ']>' inside quotes does not end the subset
    ("parameter-entity-reference.xml", "parameter entit", 2),
    ("doctype-system-entity-reference.xml", "entity", 2),              # declared in a DTD that is never read
    ("declared-utf7.xml", "only UTF-8", 1),                            # would hide a DOCTYPE from the prolog scan
    ("xinclude.xml", "XInclude refused", 1),
])
def test_entities_and_inclusions_are_refused_with_the_place(name, message, line):
    path = HOSTILE / name
    with pytest.raises(SourceError, match=message) as err:
        list(read_tei(path))
    assert err.value.path == str(path) and err.value.line == line


@pytest.mark.parametrize("name", ["doctype-system-passwd.xml", "doctype-public-http.xml"])
def test_an_external_dtd_is_ignored_and_the_document_read(name):
    [record] = read_tei(HOSTILE / name)
    assert record.date == "1969-01-22" and "root:" not in record.text


def test_a_fifo_named_as_input_is_refused_not_waited_on(tmp_path):
    for name in ("volume.xml", "memo.txt"):
        fifo = tmp_path / name
        os.mkfifo(fifo)
        got = run_python(f"""
            import json
            from ingest.errors import SourceError
            from ingest.pipeline import read_inputs
            from pathlib import Path
            try:
                list(read_inputs(Path({str(fifo)!r})))
            except SourceError as exc:
                print(json.dumps(str(exc)))
        """, timeout=30)
        assert got.startswith(str(fifo)) and "not a regular file" in got


# ------------------------------------------------------------------ defect 4: one document takes memory without bound

def synthetic_memo(size: int) -> str:
    """The sample memo's header, then its body (without notes or their marks) repeated to about `size` bytes, one page
    per copy."""
    marks = str.maketrans("", "", "⁰¹²³⁴⁵⁶⁷⁸⁹")      # no notes, so no marks: a copy with marks but no notes is refused
    head, body = MEMO.read_text().translate(marks).split("PART I: HUMAN RIGHTS POLICY", 1)
    body = PAGE_MARKER.sub("", body.split("\n1. ", 1)[0])
    parts, total = [head], len(head)
    while total < size:
        parts.append(f"\n\n[Page {len(parts) + 167}]\n\n{body}")
        total += len(parts[-1].encode())
    return "".join(parts)[:size]


MEASURE = """
    import json, resource, sys
    cpu = int(sys.argv.pop(1))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))     # past it: SIGXCPU, then SIGKILL
    from pathlib import Path
    from ingest.errors import SourceError
    from ingest.parallel import process_document
    from ingest.pipeline import default_extractors
    from ingest.text_reader import parse_text_document, read_text_document

    def peak_mb():
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    extractors = default_extractors()
    warm = Path(sys.argv[1]).read_text()[:3000].translate(str.maketrans("", "", "⁰¹²³⁴⁵⁶⁷⁸⁹"))   # cut: no notes, no marks
    assert not process_document(parse_text_document(warm + "\\n\\nThe Secretary said so."), extractors).error
    out = {"base": peak_mb()}
    for path in sys.argv[2:]:
        try:
            result = process_document(read_text_document(path), extractors)
            out[path] = {"peak": peak_mb(), "error": result.error, "triples": result.triples}
        except SourceError as exc:
            out[path] = {"peak": peak_mb(), "error": str(exc)}
    print(json.dumps(out))
"""


# Only a guard against a child that waits for ever: the child's own bound is CPU time, which load does not stretch.
# A wall-clock bound of 240 s failed the memory test when the suite ran beside other work on 2 cores (its 11 s of
# CPU took over 240 s at a load average of 20), though its memory was the same as on an idle machine.
WALL_SECONDS = 1800


def measure(*paths: Path, env: dict | None = None, cpu_seconds: int = 60) -> dict:
    """Peak RSS (MB) of a fresh process after warming its extractors up ("base"), and after each document in turn;
    the process may use `cpu_seconds` of CPU (RLIMIT_CPU), however long the machine's load makes it take."""
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(MEASURE), str(cpu_seconds), str(MEMO), *map(str, paths)],
                          cwd=ROOT, capture_output=True, text=True, timeout=WALL_SECONDS, env={**os.environ, **(env or {})})
    assert done.returncode == 0, (f"the measuring process exited {done.returncode} (-24: SIGXCPU, over its "
                                  f"{cpu_seconds} s of CPU): {done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_10_mb_document_is_refused_unread_naming_file_and_size(tmp_path):
    """The audit's 10 MB document passed 7.6 GB; now it is refused before it is read, in bounded memory."""
    big = tmp_path / "big.txt"
    big.write_text(synthetic_memo(10_000_000))
    got = measure(big)
    size = big.stat().st_size
    assert got[str(big)]["error"].startswith(f"{big}: file of {size:,} bytes refused")
    assert "FRUS_KG_MAX_DOCUMENT_BYTES" in got[str(big)]["error"]
    assert got[str(big)]["peak"] - got["base"] < 20          # MB: the file was never read whole


def test_a_tei_document_over_the_limit_is_reported_and_the_others_read(tmp_path, monkeypatch):
    monkeypatch.setenv("FRUS_KG_MAX_DOCUMENT_BYTES", "200")
    small = '<div type="document" xml:id="d1" n="1"><head>1. Heading</head><p>Text.</p></div>'
    large = f'<div type="document" xml:id="d2" n="2"><head>2. Heading</head><p>{"Text. " * 100}</p></div>'
    path = tmp_path / "v.xml"
    path.write_text(f'<TEI {NS} xml:id="frus1969-76v01"><text><body><pb n="1"/>{small}{large}</body></text></TEI>')
    errors: list[SourceError] = []
    assert [r.doc_id for r in read_tei(path, on_error=errors.append)] == ["d1"]
    [error] = errors
    assert error.path == str(path) and "document d2" in error.message
    assert "its text of 6" in error.message and "limited to 200 bytes" in error.message


def test_numbers_of_thousands_of_digits_are_an_error_not_a_crash(tmp_path):
    """int() refuses strings of over 4,300 digits: such a heading, note or mark number must not reach it."""
    n = "9" * 5000
    path = tmp_path / "memo.txt"
    path.write_text(MEMO.read_text().replace("54. Memorandum", f"{n}. Memorandum") + f"\n\n{n}. Note\n{n}. Note\n")
    with pytest.raises(SourceError, match="numbered document heading"):
        read_text_document(path)
    path.write_text(MEMO.read_text().replace("Haig¹", "Haig" + "¹" * 5000) + f"\n\n{n}. Note\n{n}. Note\n")
    with pytest.raises(SourceError, match="footnote"):      # the notes that end the copy are no run 1, 2, 3…
        read_text_document(path)


# Peak RSS a document adds to a worker, per byte of input: its graph is ~75 bytes of N-Quads per input byte
# (every mention and claim is an annotation with a target and two selectors), held as term strings, as N-Quads
# and as the SHACL index. Measured 300x on this machine; docs/ingest.md states the bound.
MEMORY_MULTIPLE = 450


def test_document_memory_is_linear_in_its_size_and_bounded(tmp_path):
    """Peak RSS over the baseline is at most MEMORY_MULTIPLE x the input, and grows linearly (2x the input, <2.6x)."""
    small, large = tmp_path / "small.txt", tmp_path / "large.txt"
    small.write_text(synthetic_memo(480_000))
    large.write_text(synthetic_memo(960_000))
    got = measure(small, large, cpu_seconds=120)          # 11 s of CPU on this machine
    assert got[str(small)]["error"] is None and got[str(large)]["error"] is None
    grew_small = got[str(small)]["peak"] - got["base"]
    grew_large = got[str(large)]["peak"] - got["base"]
    assert grew_large * 1e6 <= MEMORY_MULTIPLE * large.stat().st_size * 1.048576, got
    assert grew_large < 2.6 * max(grew_small, 10), got


def test_regression_the_memory_test_failed_under_load_on_a_wall_clock_timeout(tmp_path):
    """The memory test gave its measuring process 240 s of wall time: beside other work on 2 cores (a load average of
    20) its 11 s of CPU took longer, and it failed with TimeoutExpired, its memory as on an idle machine. The process is
    now bounded by its own CPU time, which load does not stretch: here one second, which its warm-up alone exceeds."""
    small = tmp_path / "small.txt"
    small.write_text(synthetic_memo(48_000))
    with pytest.raises(AssertionError, match="exited -24 "):
        measure(small, cpu_seconds=1)


@pytest.mark.parametrize("shape", [
    "The Secretary believes that the Soviet Union will object and ",   # one sentence that never ends
    "the text runs on\n",                                               # lines that join into one block
    "a mark¹ ",                                                        # note marks
    "word [Page 9] ",                                                  # page markers
])
def test_run_on_text_is_read_and_claimed_in_linear_time(shape):
    """4x the text takes about 4x the time (each of these shapes was quadratic: 16x)."""
    head = MEMO.read_text().split("PART I", 1)[0].translate(str.maketrans("", "", "⁰¹²³⁴⁵⁶⁷⁸⁹")) + "[Page 168]\n\n"
    note = "\n\n1. A note." if "¹" in shape else ""       # marks need their note: a copy without is refused

    def seconds(n: int) -> float:
        best = float("inf")
        for _ in range(2):
            started = time.process_time()
            extract_claims(parse_text_document(head + shape * (n // len(shape)) + note))
            best = min(best, time.process_time() - started)
        return best

    seconds(5_000)
    assert seconds(160_000) < 8 * max(seconds(40_000), 0.01)


# ------------------------------------------------------------------ defect 5: dates

def test_year_with_five_digits_is_refused_not_truncated():
    record = read_text_document(HOSTILE / "date-five-digit-year.txt")
    assert record.date is None and record.place == "Washington"
    assert "19733" in record.date_basis and "1700–2100" in record.date_basis


def test_february_30_costs_the_date_not_the_document():
    record = read_text_document(HOSTILE / "date-february-30.txt")
    assert record.date is None and "February 1973 has no day 30" in record.date_basis
    result = process_document(record, [])
    assert result.error is None and result.triples
    assert b"dateBasis" in result.nquads and b"dateCreated" not in result.nquads


@pytest.mark.parametrize("name,why", [
    ("date-inverted-range.xml", "ends (1970-12-31T23:59:59Z) before it begins (1980-01-01T00:00:00Z)"),
    ("date-year-0000-to-9999.xml", "year 0000 is outside 1700–2100"),
    ("date-when-99999999.xml", "year 99999999 is outside 1700–2100"),
])
def test_implausible_tei_dates_are_refused_and_the_document_kept(name, why):
    [record] = read_tei(HOSTILE / name)
    assert (record.date, record.date_max) == (None, None)
    assert why in record.date_basis and "its date is unknown" not in record.date_basis
    assert process_document(record, []).error is None


def test_a_refused_date_is_still_placed_between_dated_neighbours(tmp_path):
    def div(n: int, when: str) -> str:
        return (f'<div type="document" subtype="historical-document" xml:id="d{n}" n="{n}"><head>{n}. Telegram</head>'
                f'<opener><dateline>Washington, <date when="{when}">x</date></dateline></opener><p>Text.</p></div>')
    path = tmp_path / "v.xml"
    path.write_text(f'<TEI {NS} xml:id="frus1969-76v01"><text><body><div type="chapter" xml:id="ch1">'
                    + div(1, "1970-01-22") + div(2, "1970-02-30") + div(3, "1970-02-10") + "</div></body></text></TEI>")
    d2 = {r.doc_id: r for r in read_tei(path)}["d2"]
    assert (d2.date, d2.date_max) == ("1970-01-22", "1970-02-10")
    assert d2.date_basis.startswith("date refused") and "February 1970 has no day 30" in d2.date_basis
    assert "the editors placed it between d1 (1970-01-22) and d3 (1970-02-10)" in d2.date_basis


@pytest.mark.parametrize("year,month,day", [("1700", 1, 1), ("2100", 12, 31), ("1972", 2, 29), ("2000", 2, 29)])
def test_dates_at_the_boundaries_are_kept(year, month, day):
    dates.check_day(year, month, day)


@pytest.mark.parametrize("year,month,day,why", [
    ("1699", 12, 31, "outside"), ("2101", 1, 1, "outside"), ("0000", 1, 1, "outside"), ("19733", 4, 5, "outside"),
    ("1973", 2, 29, "no day 29"), ("1900", 2, 29, "no day 29"), ("1973", 4, 31, "no day 31"),
    ("1973", 13, 1, "no month 13"), ("1973", 1, 0, "no day 0"),
])
def test_dates_past_the_boundaries_are_refused(year, month, day, why):
    with pytest.raises(dates.DateRefused, match=why):
        dates.check_day(year, month, day)


@pytest.mark.parametrize("low,high,ok", [
    ("1970-01-01", "1970-01-01", True),
    ("1970-01-01T10:00:00", "1970-01-01", True),                     # a day runs to its end
    ("1974-05-21T09:48:00-05:00", "1974-05-21T14:48:00Z", True),     # the same instant
    ("1974-05-21T10:00:00-05:00", "1974-05-21T14:48:00Z", False),    # 15:00Z is after 14:48Z
    ("1980-01-01", "1970-12-31", False),
])
def test_a_range_must_run_forward(low, high, ok):
    if ok:
        dates.check_range(low, high)
    else:
        with pytest.raises(dates.DateRefused, match="before it begins"):
            dates.check_range(low, high)


# The shapes say the same (fksh:DocumentDatesShape), for a date that reaches a graph another way; both engines agree.

def sample_with_dates(low: str, high: str | None = None) -> list:
    import pyoxigraph as ox

    from ingest.triples import document_quads
    from ontology.namespaces import FK, SCHEMA, XSD

    quads = document_quads(read_text_document(MEMO))
    doc, graph = next((q.subject, q.graph_name) for q in quads if q.predicate.value == SCHEMA + "dateCreated")

    def literal(value: str) -> ox.Literal:
        return ox.Literal(value, datatype=ox.NamedNode(XSD + ("dateTime" if "T" in value else "date")))
    out = [q for q in quads if q.predicate.value != SCHEMA + "dateCreated"]
    out.append(ox.Quad(doc, ox.NamedNode(SCHEMA + "dateCreated"), literal(low), graph))
    if high:
        out.append(ox.Quad(doc, ox.NamedNode(FK + "dateMax"), literal(high), graph))
    return out


@pytest.mark.parametrize("low,high,violations", [
    ("1700-01-01", "2100-12-31", set()),
    ("1699-12-31", None, {"1699-12-31"}),
    ("2101-01-01", None, {"2101-01-01"}),
    ("1650-01-01T00:00:00Z", "2200-01-01T00:00:00Z", {"1650-01-01T00:00:00Z", "2200-01-01T00:00:00Z"}),
    ("1980-01-01", "1970-01-01", {"1970-01-01"}),
    ("1974-05-21T10:00:00-05:00", "1974-05-21T14:48:00Z", {"1974-05-21T14:48:00Z"}),    # 15:00Z, then 14:48Z
    ("1974-05-21T09:48:00-05:00", "1974-05-21T14:48:00Z", set()),                       # the same instant
    ("1980-01-01", "1970-01-01T00:00:00", set()),               # a date and a dateTime: SPARQL does not compare them
    ("19733-04-05", None, {"19733-04-05"}),                     # a year of five digits, written out
    ("0000-01-01", "1981-02-30", {"0000-01-01"}),               # ill-typed dates: compared as written, never crash
])
def test_shapes_refuse_dates_outside_the_span_and_backward_ranges_on_both_engines(low, high, violations):
    from ontology.validation import validate

    data = sample_with_dates(low, high)
    for engine in ("fast", "pyshacl"):
        found = {v.value.replace("+00:00", "Z") for v in validate(data, engine=engine).violations
                 if v.shape == "fksh:DocumentDatesShape"}
        assert found == violations, engine
