"""`frus-kg network`: export files, stats tables and paths, with documented exit codes."""
from __future__ import annotations

import csv
import json
import re

import networkx as nx
from typer.testing import CliRunner

from frus_kg.cli import app

PEOPLE = "https://w3id.org/frus-kg/id/people/"
CLARK, KENNEDY, HAIG = PEOPLE + "102617", PEOPLE + "107031", PEOPLE + "105381"
runner = CliRunner()


def test_network_writes_gexf_and_both_csv_tables(sample_store_path, tmp_path):
    out = tmp_path / "memo.gexf"
    r = runner.invoke(app, ["network", "--store", str(sample_store_path), "--kind", "correspondence",
                            "--from", "1981", "--to", "1981", "--format", "gexf", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert set(nx.read_gexf(out, version="1.3").edges) == {(CLARK, HAIG), (KENNEDY, HAIG)}
    r = runner.invoke(app, ["network", "--store", str(sample_store_path), "--kind", "correspondence", "-f", "csv",
                            "-o", str(tmp_path / "memo")])
    assert r.exit_code == 0, r.output
    with open(tmp_path / "memo.edges.csv", newline="") as fh:
        assert {(row["source"], row["target"]) for row in csv.DictReader(fh)} == {(CLARK, HAIG), (KENNEDY, HAIG)}
    assert (tmp_path / "memo.nodes.csv").read_text().count("\n") == 4


def test_network_stats_json_lists_haig_first_by_pagerank(sample_store_path):
    r = runner.invoke(app, ["network", "stats", "--store", str(sample_store_path), "--kind", "correspondence", "--json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["top"][0]["iri"] == HAIG and data["nodes"] == 3 and data["edges"] == 2
    assert {"sparql", "networkx"} <= set(data["timings"])


def test_network_path_and_usage_errors(sample_store_path, tmp_path):
    r = runner.invoke(app, ["network", "path", CLARK, KENNEDY, "--store", str(sample_store_path), "--kind", "correspondence"])
    assert r.exit_code == 0 and "Haig" in r.stdout
    for args in (["--kind", "friendship"], ["--from", "1981-02-30"], ["--format", "pdf"], ["-f", "csv"]):
        r = runner.invoke(app, ["network", "--store", str(sample_store_path), *args])
        assert r.exit_code == 2, (args, r.output)
    r = runner.invoke(app, ["network", "stats", "--store", str(sample_store_path), "--by", "charisma"])
    assert r.exit_code == 2


def test_regression_network_path_printed_the_memo_to_haig_as_written_by_him(sample_store_path):
    """docs/networks.md's `frus-kg network path …/105381 …/102617 --kind correspondence` (Haig to Clark) printed
    'from Haig, to Clark' for the memo Clark wrote to Haig: a row of a directed network is its tie, author first."""
    r = runner.invoke(app, ["network", "path", HAIG, CLARK, "--store", str(sample_store_path), "--kind", "correspondence"])
    assert r.exit_code == 0, r.output
    (row,) = [line for line in r.stdout.splitlines() if "Haig" in line and "Clark" in line]
    assert row.index("Clark") < row.index("Haig") and "d54" in row


def test_regression_options_before_stats_were_silently_ignored(sample_store_path):
    """`network --kind correspondence stats` drew the default person network: the group's options never reached
    `stats`. They are refused, naming where they belong."""
    r = runner.invoke(app, ["network", "--kind", "correspondence", "stats", "--store", str(sample_store_path)])
    assert r.exit_code == 2
    assert "--kind given before `network stats`" in r.output


def test_regression_an_edges_documents_were_listed_in_iri_order_not_document_order(sample_path, tmp_path):
    """d100 sorted before d18 as strings; the docs promise the first documents in document order."""
    store = tmp_path / "store"
    memo = sample_path.read_text(encoding="utf-8")
    for n in ("100", "18", "9"):
        (tmp_path / f"d{n}.txt").write_text(memo.replace("\n54. Memorandum", f"\n{n}. Memorandum"), encoding="utf-8")
    r = runner.invoke(app, ["ingest", "--store", str(store), "--workers", "0", *(str(tmp_path / f"d{n}.txt") for n in ("100", "18", "9"))])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["network", "--store", str(store), "--kind", "correspondence", "-f", "csv-edges"])
    assert r.exit_code == 0, r.output
    edge = next(row for row in csv.DictReader(r.stdout.splitlines()) if {row["source"], row["target"]} == {CLARK, HAIG})
    shown = [d.rsplit("/", 1)[-1] for d in edge["evidence_documents"].split()]
    assert shown == ["d9", "d18", "d100"]


def _frus_kg(*args: str, env: dict[str, str] | None = None):
    """A real `frus-kg` subprocess with stdout piped, in the environment given (a terminal's, simulated)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    exe = str(Path(sys.executable).with_name("frus-kg"))
    clean = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "TTY_COMPATIBLE", "FORCE_COLOR")}
    proc = subprocess.run([exe, *args], capture_output=True, text=True, timeout=300, env={**clean, **(env or {})})
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def _first_column(table: str) -> str:
    """The first column's cells of a Rich table, joined without spaces (a value wrapped or folded reads whole)."""
    return "".join("".join(line.split("│")[1].split()) for line in table.splitlines() if line.startswith("│"))


NAMES = ["Alexander Meigs Haig, Jr.", "Millicent H. Fenwick", "Richard Thomas Kennedy"]


def test_regression_network_stats_piped_squeezed_the_actor_column_to_nothing(sample_store_path):
    """`frus-kg network stats --top 3 | cat`: Rich laid the 11 columns out in 80 and gave "actor" zero width."""
    table = _frus_kg("network", "stats", "--store", str(sample_store_path), "--top", "3")
    for name in NAMES:
        assert name in table, table
    assert "…" not in table, table


def test_regression_network_stats_in_a_100_column_terminal_dropped_the_names(sample_store_path):
    """In a terminal the table still fits its width, and the names wrap or fold instead of disappearing."""
    table = _frus_kg("network", "stats", "--store", str(sample_store_path), "--top", "3",
                     env={"TTY_COMPATIBLE": "1", "NO_COLOR": "1", "COLUMNS": "100"})
    top = re.sub(r"\x1b\[[0-9;]*m", "", table).split("communities")[0]      # styles (bold, italic) off
    assert max(len(line) for line in top.splitlines()) <= 100, top
    assert all("".join(name.split()) in _first_column(top) for name in NAMES), top


def test_regression_claim_types_on_a_person_network_were_ignored_and_the_file_said_they_were_applied(sample_store_path, tmp_path):
    """`frus-kg network --kind person-person --claim-type assessment` wrote the whole co-mention network, exit 0, with
    `"claim_types": ["assessment"]` in the GEXF's description. A filter the kind does not read is a usage error."""
    out = tmp_path / "x.gexf"
    r = runner.invoke(app, ["network", "--store", str(sample_store_path), "--kind", "person-person", "--claim-type",
                            "assessment", "-o", str(out)])
    assert r.exit_code == 2 and not out.exists()
    assert "claimant-entity network only" in r.output
    r = runner.invoke(app, ["network", "stats", "--store", str(sample_store_path), "--kind", "country-country",
                            "--entity-kind", "person"])
    assert r.exit_code == 2 and "co-mention and claimant-entity networks only" in r.output


def test_an_export_gives_each_passage_its_pages_unless_told_not_to(sample_store_path, tmp_path):
    """The sample memo is printed on page 167, the page of both letters' passage (its heading) in `evidence_pages`;
    `--no-pages` leaves the column empty (no lookup)."""
    def rows(*extra):
        out = tmp_path / "memo.csv"
        r = runner.invoke(app, ["network", "--store", str(sample_store_path), "--kind", "correspondence",
                                "-f", "csv-edges", "-o", str(out), *extra])
        assert r.exit_code == 0, r.output
        with open(out, newline="") as fh:
            return list(csv.DictReader(fh))

    assert [row["evidence_pages"] for row in rows()] == ["167", "167"]
    assert [row["evidence_pages"] for row in rows("--no-pages")] == ["", ""]
