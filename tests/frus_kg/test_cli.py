"""The frus-kg command: documented exit codes, clear errors, and the round trip ingest -> query -> export."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

EXE = str(Path(sys.executable).with_name("frus-kg"))


def run(*args: str, check_code: int | None = 0) -> subprocess.CompletedProcess:
    proc = subprocess.run([EXE, *args], capture_output=True, text=True, timeout=300)
    if check_code is not None:
        assert proc.returncode == check_code, proc.stdout + proc.stderr
    return proc


@pytest.fixture(scope="module")
def cli_store(tmp_path_factory, sample_path):
    store = tmp_path_factory.mktemp("cli") / "store"
    run("ingest", "--store", str(store), str(sample_path.parent))
    return store


def test_ingest_reports_documents_and_triples(tmp_path, sample_path):
    proc = run("ingest", "--store", str(tmp_path / "s"), str(sample_path))
    assert "documents" in proc.stderr and "failed" in proc.stderr


def test_bad_files_exit_1_and_the_good_one_is_ingested(tmp_path, sample_path):
    (tmp_path / "empty.txt").write_text("")
    proc = run("ingest", "--store", str(tmp_path / "s"), str(tmp_path / "empty.txt"), str(sample_path), check_code=1)
    assert "empty.txt: empty file" in proc.stderr
    assert "Traceback" not in proc.stderr
    out = run("query", "--store", str(tmp_path / "s"), "--format", "json", "SELECT (COUNT(*) AS ?n) WHERE { ?d a <http://schema.org/CreativeWork> }")
    assert int(json.loads(out.stdout)["results"]["bindings"][0]["n"]["value"]) >= 1


def test_regression_a_folder_with_no_frus_file_was_an_ingest_of_nothing_that_succeeded(tmp_path):
    """`frus-kg ingest folder/` on a folder of PDFs said "files 0" and exited 0; a path that does not exist exited 1
    as an unreadable input. Both are usage errors, named, before a store is opened."""
    folder = tmp_path / "scans"
    folder.mkdir()
    (folder / "d54.pdf").write_bytes(b"%PDF-1.4")
    proc = run("ingest", "--store", str(tmp_path / "s"), str(folder), check_code=2)
    assert f"nothing to ingest in {folder}" in proc.stderr and ".xml.gz" in proc.stderr and "Traceback" not in proc.stderr
    proc = run("ingest", "--store", str(tmp_path / "s"), str(tmp_path / "nowhere.xml"), check_code=2)
    assert f"no such file or folder: {tmp_path / 'nowhere.xml'}" in proc.stderr
    assert not (tmp_path / "s").exists()


def test_regression_two_copies_of_one_document_in_a_run_committed_both_and_kept_the_last(tmp_path, sample_path):
    """Four copies of d54 gave "4 committed" and the last one read stood, with no word of the others."""
    copy = tmp_path / "d54-again.txt"
    copy.write_text(sample_path.read_text(encoding="utf-8").replace("Reinvigoration", "Revival"), encoding="utf-8")
    proc = run("ingest", "--store", str(tmp_path / "s"), "--workers", "0", str(sample_path), str(copy), check_code=1)
    assert "d54-again.txt" in proc.stderr and "was already read in this run" in proc.stderr
    out = run("query", "--store", str(tmp_path / "s"), "--format", "csv",
              "SELECT ?s WHERE { ?d <https://w3id.org/frus-kg/vocab#subject> ?s }").stdout
    assert "Reinvigoration of Human Rights Policy" in out and "Revival" not in out


@pytest.mark.parametrize("workers", ["0", "2"])
def test_regression_two_whole_files_of_one_volume_in_a_run_dropped_the_first_files_documents(tmp_path, workers):
    """Two slices of frus1948v05p1 in one run: the second, finishing as the whole volume, dropped the first's
    documents as stale ("stale graphs dropped 6"), with no failure. The second is now refused, naming both files."""
    tei = Path(__file__).resolve().parents[1] / "fixtures" / "tei"
    first, second = tei / "frus1948v05p1-slice.xml", tei / "frus1948v05p1-printed-names.xml"
    proc = run("ingest", "--store", str(tmp_path / "s"), "--workers", workers, str(first), str(second), check_code=1)
    assert f"volume frus1948v05p1 was already read whole in this run from {first}" in proc.stderr
    out = run("query", "--store", str(tmp_path / "s"), "--format", "csv",
              "SELECT ?id WHERE { ?d <https://w3id.org/frus-kg/vocab#documentId> ?id }").stdout
    read_first = {f"d{n}" for n in (1, 2, 3, 4)}
    assert set(out.split()[1:]) == read_first


def test_query_formats(cli_store):
    q = "PREFIX schema: <http://schema.org/> SELECT ?subject WHERE { ?d <https://w3id.org/frus-kg/vocab#subject> ?subject }"
    assert "Reinvigoration of Human Rights Policy" in run("query", "--store", str(cli_store), q).stdout
    csv_out = run("query", "--store", str(cli_store), "-f", "csv", q).stdout
    assert csv_out.splitlines() == ["subject", "Reinvigoration of Human Rights Policy"]
    tsv_out = run("query", "--store", str(cli_store), "-f", "tsv", q).stdout
    assert tsv_out.splitlines()[0] == "?subject"


def test_regression_query_table_piped_cut_every_iri_to_an_ellipsis(cli_store):
    """`frus-kg query 'SELECT ?s ?p …'` printed "https://w3id.org…" for every IRI when stdout was not a terminal."""
    proc = run("query", "--store", str(cli_store), "SELECT ?s ?p WHERE { VALUES ?s "
               "{ <https://w3id.org/frus-kg/id/historicaldocuments/frus1981-88v41> } ?s ?p ?o } ORDER BY ?p")
    assert "…" not in proc.stdout, proc.stdout
    assert "https://w3id.org/frus-kg/id/historicaldocuments/frus1981-88v41" in proc.stdout, proc.stdout
    assert "http://www.w3.org/1999/02/22-rdf-syntax-ns#type" in proc.stdout, proc.stdout


def test_query_from_file(cli_store, tmp_path):
    f = tmp_path / "q.rq"
    f.write_text("ASK { ?s ?p ?o }")
    assert run("query", "--store", str(cli_store), "-f", "json", f"@{f}").stdout.strip().endswith("true}")


def test_malformed_query_exits_4(cli_store):
    proc = run("query", "--store", str(cli_store), "SELECT WHERE", check_code=4)
    assert "SPARQL syntax error" in proc.stderr and "Traceback" not in proc.stderr


def test_a_misspelt_query_form_is_named_with_its_position(cli_store):
    proc = run("query", "--store", str(cli_store), "SELEC ?s WHERE { ?s ?p ?o }", check_code=4)
    assert proc.stderr == ("error: SPARQL syntax error at line 1, column 1 ('SELEC'): did you mean SELECT? A query "
                           "begins with SELECT, CONSTRUCT, DESCRIBE or ASK\n"
                           "  1 | SELEC ?s WHERE { ?s ?p ?o }\n"
                           "    | ^\n"
                           "parser: error at 1:10: expected CONSTRUCT\n")


def test_regression_an_error_quoting_brackets_was_read_as_markup(cli_store, tmp_path):
    """`frus-kg query @'…/[/x].rq'` ended in rich's MarkupError (a traceback) instead of naming the missing file;
    `[bold]` in a quoted query vanished from its error."""
    missing = run("query", "--store", str(cli_store), f"@{tmp_path}/[/x].rq", check_code=2)
    assert "[/x].rq: cannot read the query" in missing.stderr and "Traceback" not in missing.stderr
    quoted = run("query", "--store", str(cli_store), "SELECT ?s WHER [bold]x {}", check_code=4)
    assert "  1 | SELECT ?s WHER [bold]x {}\n" in quoted.stderr


def test_regression_an_ingest_failure_naming_brackets_was_read_as_markup(tmp_path):
    """A document failure quoting "[/x]" (here, the file's folder) ended `frus-kg ingest` in rich's MarkupError, a
    traceback, instead of the failure it was printing."""
    folder = tmp_path / "a[" / "x]"      # the path reads ".../a[/x]/bad.txt"
    folder.mkdir(parents=True)
    (folder / "bad.txt").write_text("not a FRUS document\n", encoding="utf-8")
    proc = run("ingest", "--store", str(tmp_path / "store"), str(folder / "bad.txt"), check_code=None)
    assert proc.returncode == 1, proc.stderr
    assert "[/x]" in proc.stderr and "bad.txt" in proc.stderr and "Traceback" not in proc.stderr


def test_regression_a_10_kb_query_of_nested_parentheses_segfaulted_frus_kg_query(cli_store):
    deep = "(" * 5000 + "1" + ")" * 5000
    proc = run("query", "--store", str(cli_store), f"SELECT * WHERE {{ ?s ?p ?o FILTER({deep}) }} LIMIT 1", check_code=4)
    assert "nest" in proc.stderr and "Traceback" not in proc.stderr


def test_missing_store_exits_3(tmp_path):
    proc = run("query", "--store", str(tmp_path / "none"), "ASK {}", check_code=3)
    assert "no store here yet" in proc.stderr


def test_export_nquads_reimports_to_same_count(cli_store, tmp_path):
    dump = tmp_path / "all.nq"
    run("export", "--store", str(cli_store), "-o", str(dump))
    lines = [line for line in dump.read_text().splitlines() if line.strip()]
    assert all(line.endswith("> .") for line in lines)
    stats = json.loads(run("stats", "--store", str(cli_store), "--json").stdout)
    assert len(lines) == stats["quads"] and stats["documents"] == 1 and stats["volumes"] == 1


@pytest.mark.parametrize("fmt", ["trig", "turtle", "jsonld"])
def test_export_other_formats_parse(cli_store, tmp_path, fmt):
    import rdflib
    out = tmp_path / f"all.{fmt}"
    run("export", "--store", str(cli_store), "-f", fmt, "-o", str(out))
    ds = rdflib.Dataset()
    ds.parse(out, format={"trig": "trig", "turtle": "turtle", "jsonld": "json-ld"}[fmt])
    assert len(ds) > 50 or sum(len(g) for g in ds.graphs()) > 50


def test_validate_store_and_file(cli_store, tmp_path):
    from graph import open_store

    db = open_store(cli_store, read_only=True)
    graphs = len(db.graph_names())
    db.close()
    assert graphs >= 7
    assert f"{graphs} of {graphs} graph(s) conform" in run("validate", "--store", str(cli_store)).stderr
    broken = tmp_path / "broken.ttl"
    broken.write_text("@prefix schema: <http://schema.org/> . @prefix fk: <https://w3id.org/frus-kg/vocab#> .\n"
                      "<http://example.org/d> a schema:CreativeWork, fk:HistoricalDocument, fk:Document .\n")
    proc = run("validate", str(broken), check_code=1)
    assert "fksh:HistoricalDocumentShape" in proc.stderr and "needs its date" in proc.stderr


@pytest.fixture(scope="module")
def two_slices_store(tmp_path_factory) -> Path:
    root = Path(__file__).resolve().parents[2]
    store = tmp_path_factory.mktemp("two-slices") / "store"
    slices = [root / "tests" / "fixtures" / "tei" / name for name in ("frus1969-76v01-slice.xml", "frus1969-76ve09p1-slice.xml")]
    run("ingest", "--store", str(store), *map(str, slices))
    return store


def _index_interrupted(store: Path, when) -> str:
    """`frus-kg index --rebuild` with Ctrl-C once `when(line)` holds after its search index line; its stderr."""
    import signal

    proc = subprocess.Popen([EXE, "index", "--rebuild", "--workers", "2", "--store", str(store)],
                            stderr=subprocess.PIPE, text=True)
    said = []
    for line in proc.stderr:
        said.append(line)
        if line.startswith("search index:"):
            when()
            proc.send_signal(signal.SIGINT)
            break
    said.append(proc.stderr.read())
    assert proc.wait(timeout=120) == 130, "".join(said)
    return said[-1]


def _finished_by_frus_kg_index(store: Path) -> None:
    again = run("index", "--store", str(store))
    assert "document packs: " in again.stderr and "volume(s) packed" in again.stderr, again.stderr


def test_ctrl_c_during_the_layers_exits_130_and_frus_kg_index_finishes_them(two_slices_store):
    import time

    def statistics_started() -> None:               # its workers' checkpoint is in the store's folder
        deadline = time.monotonic() + 60
        while not any(two_slices_store.glob("frus-kg-volumes-*")):
            assert time.monotonic() < deadline, "the statistics layer never started its workers"
            time.sleep(0.01)

    said = _index_interrupted(two_slices_store, statistics_started)
    assert "interrupted while refreshing the statistics" in said and "Traceback" not in said, said
    _finished_by_frus_kg_index(two_slices_store)


def test_bug_ctrl_c_between_the_search_index_and_the_layers_exited_130_saying_nothing(two_slices_store):
    """Typer turns a KeyboardInterrupt that reaches it into exit 130 in silence: pressed while the store was
    being reopened for the layers, the user was not told what state it was in or what finishes the job."""
    said = _index_interrupted(two_slices_store, lambda: None)
    assert "interrupted " in said and "run `frus-kg index` to finish" in said and "Traceback" not in said, said
    _finished_by_frus_kg_index(two_slices_store)


@pytest.mark.parametrize("args", [
    ("export", "-o", "/nonexistent/dir/x.nq"),
    ("link", "export", "-o", "/nonexistent/dir/x.csv"),
    ("serve", "--port", "99999"),
    ("query", "--timeout", "-1", "ASK {}"),
])
def test_regression_a_bad_output_path_port_or_timeout_gave_a_traceback(cli_store, args):
    proc = run(*args, "--store", str(cli_store), check_code=2)
    assert "Traceback" not in proc.stderr and ("cannot write /nonexistent/dir" in proc.stderr or "Invalid value" in proc.stderr)


def test_regression_evaluate_limit_below_one_gave_a_traceback_or_read_everything(tmp_path):
    for limit in ("-1", "0"):
        proc = run("evaluate", "--limit", limit, str(tmp_path / "v.xml"), check_code=2)
        assert "Traceback" not in proc.stderr and "Invalid value" in proc.stderr


UNMARKED_TEI = Path(__file__).resolve().parents[1] / "fixtures" / "tei" / "frus1961-63v07-09mSupp-slice.xml"   # no persName, no gloss
MARKED_TEI = Path(__file__).resolve().parents[1] / "fixtures" / "eval" / "frus1969-76v01-d1-d20.xml.gz"


def test_regression_evaluate_scored_a_file_without_the_editors_markup_as_0_and_succeeded(sample_path):
    """`evaluate --limit 50` on a TEI file without persName/gloss (or a plain-text copy) printed precision, recall and
    F1 of 0.0 with gold 0 and exited 0; there is nothing to score: it says so on stderr and exits 2."""
    for path in (UNMARKED_TEI, sample_path):
        proc = run("evaluate", "--limit", "50", str(path), check_code=2)
        assert proc.stdout == "" and "nothing to score: no editors' markup" in proc.stderr and str(path) in proc.stderr
        assert "Traceback" not in proc.stderr


def test_evaluate_scores_the_marked_up_volumes_and_warns_about_the_others():
    proc = run("evaluate", "--limit", "3", str(UNMARKED_TEI), str(MARKED_TEI))
    data = json.loads(proc.stdout)
    assert [v["volume"] for v in data["volumes"]] == ["frus1969-76v01-d1-d20"] and data["total"]["documents"] == 3
    assert data["unmarked"] == [str(UNMARKED_TEI)] and data["total"]["persons"]["exact"]["gold"] > 0
    assert f"warning: no editors' markup in {UNMARKED_TEI}" in proc.stderr


def test_regression_evaluate_help_named_its_argument_by_python_type():
    """`frus-kg evaluate --help` showed `{volumes}...` and `volumes... <list[Path]>`; arguments read as docs/cli.md
    writes them, in every command."""
    usage = {args: run(*args, "--help").stdout for args in (("evaluate",), ("ingest",), ("remove",), ("network", "path"))}
    assert "Usage: frus-kg evaluate [OPTIONS] VOLUME...\n" in usage[("evaluate",)]
    assert "\n  VOLUME...  TEI volumes" in usage[("evaluate",)]
    assert "Usage: frus-kg ingest [OPTIONS] PATH...\n" in usage[("ingest",)]
    assert "Usage: frus-kg remove [OPTIONS] VOLUME [DOCUMENT]...\n" in usage[("remove",)]
    assert "Usage: frus-kg network path [OPTIONS] SOURCE TARGET\n" in usage[("network", "path")]
    arguments = [text.split("\nOptions:")[0] for text in usage.values()]
    assert not any(mark in text for text in arguments for mark in ("<list[", "<str>", "<path>", "{"))


def test_regression_query_select_star_printed_its_columns_alphabetically(cli_store):
    """`frus-kg query 'SELECT * …{ ?s ?p ?o }'` printed the columns o, p, s; they follow the query in every format."""
    query = "SELECT * WHERE { ?s ?p ?o } LIMIT 1"
    csv_out = run("query", "--store", str(cli_store), "--format", "csv", query).stdout
    assert csv_out.splitlines()[0] == "s,p,o"
    assert json.loads(run("query", "--store", str(cli_store), "--format", "json", query).stdout)["head"]["vars"] == ["s", "p", "o"]
    assert run("query", "--store", str(cli_store), "--format", "tsv", query).stdout.splitlines()[0] == "?s\t?p\t?o"
    header = run("query", "--store", str(cli_store), query).stdout.splitlines()[1]
    assert header.index(" s ") < header.index(" p ") < header.index(" o "), header


@pytest.mark.parametrize("module", ["frus_kg", "frus_kg.cli"])
def test_regression_python_dash_m_ran_nothing_and_exited_0(module, tmp_path):
    """`python -m frus_kg.cli ingest …` printed nothing and exited 0 without ingesting: a script took it for done."""
    proc = subprocess.run([sys.executable, "-m", module, "stats", "--store", str(tmp_path / "none")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode != 0 and "error" in proc.stderr, proc.stdout + proc.stderr
    usage = subprocess.run([sys.executable, "-m", module, "--help"], capture_output=True, text=True, timeout=120)
    assert usage.returncode == 0 and "Usage: " in usage.stdout and "ingest" in usage.stdout


def test_regression_serve_on_a_port_in_use_exited_3_the_code_of_a_store_that_cannot_be_opened(cli_store):
    """uvicorn's own exit code 3 said 'the store cannot be opened' (cli.md), after 'serving … at …' was printed
    and the query workers were started: the port is checked first, a usage error naming it."""
    import socket

    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        port = held.getsockname()[1]
        proc = run("serve", "--store", str(cli_store), "--port", str(port), check_code=2)
    assert f"127.0.0.1:{port}" in proc.stderr and "--port" in proc.stderr
    assert "serving" not in proc.stderr
