"""The `frus-kg` command: the composition root that wires ingest, the store and the API together.

Exit codes, and the one table that maps each package's errors to them, are in frus_kg/exits.py:
0 success; 1 some input was rejected or unreadable (the rest was ingested); 2 usage error; 3 the store
cannot be opened, read or written (missing, locked, a disk fault); 4 malformed query or data.
"""
from __future__ import annotations

import json
import os
import socket
import sys
import time
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Iterator, NoReturn, Optional

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from graph import QueryError, StoreError, StoreOptions, store_location

from .exits import (EXIT_CODES, EXIT_OK, EXIT_QUERY, EXIT_REJECTED, EXIT_STORE, EXIT_USAGE, err, error_text, exit_code,
                    fail, fail_on, open_or_exit, out, print_table)
from .output_option import dash_is_stdout
from .help_format import Typer
from .new_store import NewStoreFolder

__all__ = ["app", "main", "EXIT_OK", "EXIT_REJECTED", "EXIT_USAGE", "EXIT_STORE", "EXIT_QUERY", "EXIT_CODES"]

app = Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="frus-kg: a linked-data knowledge graph of Foreign Relations of the United States.")

StoreOpt = Annotated[Optional[str], typer.Option("--store", help="Store folder, or a SPARQL 1.1 server as sparql+http(s)://host:port/... "
                                                          "(docs/deploy.md) [default: $FRUS_KG_STORE or ./data/store]")]


WORKERS_PER_CPU = 4


def _bounded_workers(value: Optional[int]) -> Optional[int]:
    """`--workers` of ingest, index and remove: each worker is a process of its own, so a slip of the keyboard
    (`-w 100000`) must not start thousands of them (it had the machine's memory run out)."""
    from ingest.parallel import default_workers

    cpus = default_workers()
    if value is not None and value > WORKERS_PER_CPU * cpus:
        raise typer.BadParameter(
            f"{value} is more than {WORKERS_PER_CPU * cpus}, {WORKERS_PER_CPU} per CPU of the {cpus} this process may "
            f"use: each worker is a process of its own (an ingest worker holds the name indexes, about 180 MB), "
            f"and past the CPUs they only wait for the writer")
    return value


class QueryFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    tsv = "tsv"


class ExportFormat(str, Enum):
    nquads = "nquads"
    trig = "trig"
    turtle = "turtle"
    jsonld = "jsonld"


class ValidationEngine(str, Enum):
    fast = "fast"
    pyshacl = "pyshacl"


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(metavar="PATH", help="Files or folders: plain-text document copies, TEI volumes (.xml, .xml.gz)")],
    store: StoreOpt = None,
    no_validate: Annotated[bool, typer.Option("--no-validate", help="Skip the SHACL gate (not recommended)")] = False,
    workers: Annotated[Optional[int], typer.Option("--workers", "-w", min=0, callback=_bounded_workers,
                       help="Worker processes [default: number of CPUs; small inputs run in this process]; 0 = no workers")] = None,
    force: Annotated[bool, typer.Option("--force", help="Re-ingest documents the ledger says are already committed from the same file")] = False,
    engine: Annotated[ValidationEngine, typer.Option("--engine", help="SHACL engine: fast (compiled shapes) or pyshacl (the reference, ~100x slower)")] = ValidationEngine.fast,
    bulk: Annotated[bool, typer.Option("--bulk", help="Write new graphs with Oxigraph's bulk loader: much faster for a first load; "
                                      "a crash may leave partial graphs until the next ingest removes them")] = False,
    max_document_bytes: Annotated[Optional[int], typer.Option("--max-document-bytes", min=1,
                                  help="Refuse larger documents [default: $FRUS_KG_MAX_DOCUMENT_BYTES or 1000000]")] = None,
    to_shards: Annotated[Optional[Path], typer.Option("--to-shards", help="Write the validated graphs as gzip N-Quads shards, "
                                                      "one per volume, into this folder instead of a store (docs/deploy.md)")] = None,
) -> None:
    """Read FRUS documents into the store: one validated named graph per document.

    Workers enrich and validate documents in parallel; this process writes them in batches. Each
    document is committed atomically, then its ledger entry (kept beside the store, outside RDF), so an
    interrupted ingest (Ctrl-C, kill) can simply be rerun: it skips what is committed and finishes the
    rest (see docs/ingest.md).
    """
    from ingest import IngestError, find_inputs
    from ingest.limits import ENV_MAX_DOCUMENT_BYTES
    from ingest.parallel import default_workers, estimate_documents, ingest_corpus

    from .ingest_hooks import after_commit_from_env

    if max_document_bytes is not None:
        os.environ[ENV_MAX_DOCUMENT_BYTES] = str(max_document_bytes)   # the readers (and workers) read it
    _check_ingest_paths(paths, find_inputs)

    new = NewStoreFolder(store) if to_shards is None else NewStoreFolder.of_shards(to_shards)
    db = _shard_writer(to_shards) if to_shards is not None else open_or_exit(store, options=StoreOptions.for_ingest(bulk))

    def close_refused() -> None:
        """Close the store; one this run made and wrote nothing to goes again: a refused run leaves no store. (An
        interrupted run keeps it, as the rerun it asks for expects.)"""
        try:
            empty = new.path is not None and not (db.written if to_shards is not None else _holds_any_graph(db))
        except StoreError:
            empty = False
        db.close()
        if empty and new.discard():
            err.print(f"nothing was stored, so no store is left in {new.path}: the folder is as it was", highlight=False)
    if db.migrated:
        err.print(f"moved {db.migrated} ingest ledger statement(s) out of the default graph into the store's "
                  f"ledger file (once)", highlight=False)
    from ingest.authorities.rdf import ensure_authority_graphs
    try:
        files = find_inputs(paths)
        expected = sum(estimate_documents(files).values())
    except KeyboardInterrupt:
        db.close()
        err.print("interrupted before any document was read: nothing was written; rerun the same command")
        raise typer.Exit(130)
    loaded: list[str] = []

    def load_authorities() -> None:          # with the first graph written, so a run that writes none leaves none
        loaded.extend(ensure_authority_graphs(db))
        if loaded:
            err.print(f"loaded {len(loaded)} authority graph(s) into the store (new, or changed since the store's)",
                      highlight=False)

    n_workers = workers if workers is not None else (default_workers() if expected >= 16 else 0)
    started = time.perf_counter()
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
                  TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=err, transient=True) as progress:
        task = progress.add_task("files 0/%d" % len(files), total=expected or None, rate="")

        def tick(p) -> None:
            done = p.documents + p.skipped + p.failures
            rate = p.documents / max(p.elapsed, 1e-9)
            total = max(p.documents_expected or 0, done) or None
            progress.update(task, completed=done, total=total, rate=f"{rate:.1f} docs/s",
                            description=escape(f"files {p.files_done}/{p.files_total} {p.current}".rstrip()))

        def failed(failure) -> None:
            progress.console.print(f"[red]{escape(failure.kind)}[/] {escape(failure.message)}", highlight=False)

        try:
            summary = ingest_corpus(files, db, workers=n_workers, engine=engine.value, check_shapes=not no_validate,
                                    force=force, on_progress=tick, on_failure=failed,
                                    after_commit=after_commit_from_env(), before_first_write=load_authorities)
        except KeyboardInterrupt:
            progress.stop()
            db.close()
            err.print("interrupted: every committed document is intact; rerun the same command to finish "
                      "(committed documents are skipped)")
            raise typer.Exit(130)
        except (IngestError, StoreError) as exc:
            progress.stop()
            err.print(f"[bold red]error:[/] {escape(str(exc))}", highlight=False)    # before the close, whose flush can be long
            close_refused()
            raise typer.Exit(exit_code(exc))
    if to_shards is None and _holds_any_graph(db):      # an empty store (every input refused) is left empty
        with _rest_left_to_index():
            _refresh_search_index(db, fatal=False)
            _refresh_layers(db, workers=n_workers, fatal=False, totals=bool(loaded))
    close_refused()
    elapsed = time.perf_counter() - started
    table = Table(title="ingest summary", show_header=False)
    table.add_row("files", str(len(files)))
    table.add_row("volumes completed", str(summary.volumes))
    table.add_row("documents", f"{summary.documents} committed, {summary.skipped_documents} unchanged (skipped)")
    table.add_row("unchanged files", str(summary.skipped_files))
    table.add_row("triples", str(summary.triples))
    kinds = summary.failures_by_kind()
    table.add_row("failed", f"{summary.rejected}" + (f" ({kinds})" if kinds else ""))
    if summary.notices:
        table.add_row("left out (nothing to ingest)", str(len(summary.notices)))
    if summary.superseded:
        table.add_row("copies the whole volume gave too", str(len(summary.superseded)))
    table.add_row("stale graphs dropped", str(summary.dropped_graphs))
    if summary.repaired:
        table.add_row("unfinished bulk graphs removed", str(summary.repaired))
    table.add_row("workers", str(n_workers))
    table.add_row("seconds", f"{elapsed:.2f}")
    table.add_row("rate", f"{summary.documents / max(elapsed, 1e-9):.1f} documents/s, {summary.triples / max(elapsed, 1e-9):,.0f} triples/s")
    table.add_row("shards" if to_shards is not None else "store", str(to_shards or store_location(store)))
    print_table(table, err)
    for notice in summary.notices + summary.superseded:
        err.print(f"[yellow]notice:[/] {escape(str(notice))}", highlight=False)
    for failure in summary.failures[:50]:
        err.print(f"[red]{escape(failure.kind)}:[/] {escape(failure.message)}", highlight=False)
    if len(summary.failures) > 50:
        err.print(f"… and {len(summary.failures) - 50} more failures (all were printed above as they happened)")
    if summary.failures:
        raise typer.Exit(EXIT_REJECTED)


def _holds_any_graph(db) -> bool:
    return bool(db.query("ASK { GRAPH ?g { ?s ?p ?o } }").boolean)


def _check_ingest_paths(paths: list[Path], find_inputs) -> None:
    """A usage error, before the store is opened, for a path that does not exist or a folder that holds no FRUS file."""
    from ingest.pipeline import TEI_SUFFIXES, TEXT_SUFFIXES

    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        fail(f"no such file or folder: {', '.join(missing)}", EXIT_USAGE)
    empty = [str(p) for p in paths if p.is_dir() and not find_inputs([p])]
    if empty:
        fail(f"nothing to ingest in {', '.join(empty)}: no file ending in "
             f"{', '.join(TEXT_SUFFIXES + TEI_SUFFIXES)} (folders are searched recursively)", EXIT_USAGE)


def _shard_writer(folder: Path):
    from graph.shards import ShardWriter

    try:
        return ShardWriter(folder)
    except StoreError as exc:
        fail(str(exc), EXIT_STORE)


@app.command()
def adopt(
    shards: Annotated[Path, typer.Argument(help="A folder written by `frus-kg ingest --to-shards`")],
    store: StoreOpt = None,
) -> None:
    """Take over a store an engine's own loader filled from shards: check it holds every shard's graphs, then
    copy the shards' ledger into it, so `ingest` skips what they hold. Run `frus-kg index` next."""
    from graph.shards import adopt_shards

    db = open_or_exit(store, create=False)
    try:
        graphs, rows = adopt_shards(shards, db)
    except StoreError as exc:
        db.close()
        fail(str(exc), EXIT_STORE)
    db.close()
    err.print(f"adopted {graphs} graph(s) from {shards}: {rows} ledger row(s) copied; run `frus-kg index` to build "
              f"the search index and statistics", highlight=False)


@app.command()
def remove(
    volume: Annotated[str, typer.Argument(help="A volume id, as in its IRIs: frus1969-76v38p1")],
    documents: Annotated[Optional[list[str]], typer.Argument(metavar="DOCUMENT", help="Document ids of that volume (d54 d55); "
                                                                   "without any, the whole volume")] = None,
    store: StoreOpt = None,
    workers: Annotated[Optional[int], typer.Option("--workers", "-w", min=0, callback=_bounded_workers,
                       help="Processes that recount changed volumes' layers [default: number of CPUs]")] = None,
) -> None:
    """Take a volume, or some of its documents, out of the store, then refresh the search index and the layers.
    Ingesting the file again brings them back."""
    from ingest.parallel import default_workers
    from ingest.removal import NotInStore, remove_documents

    db = open_or_exit(store, create=False)
    try:
        removal = remove_documents(db, volume, documents or ())
    except NotInStore as exc:
        db.close()
        fail(str(exc), EXIT_USAGE)
    except StoreError as exc:
        db.close()
        fail_on(exc)
    err.print(f"removed {len(removal.documents)} document graph(s) of {volume}"
              + (" and the volume's own graph" if removal.volume_graph else ""), highlight=False)
    with _rest_left_to_index():
        _refresh_search_index(db, fatal=False)
        _refresh_layers(db, workers=default_workers() if workers is None else workers, fatal=False)
    db.close()


def _refresh_search_index(db, *, rebuild: bool = False, fatal: bool = True) -> None:
    """Bring the full-text index beside the store up to date. After an ingest a failure is only a warning:
    the documents are committed, and `frus-kg index` can finish the job."""
    import sqlite3

    from graph import SearchIndex

    try:
        index = SearchIndex.for_store(db.path)
        with Progress(TextColumn("search index"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=err, transient=True) as progress:
            task = progress.add_task("", total=None)
            report = index.refresh(db, rebuild=rebuild, on_progress=lambda done, total: progress.update(task, completed=done, total=total))
        index.close()
    except (sqlite3.Error, StoreError, OSError) as exc:
        if fatal:
            fail(f"search index: {exc}", EXIT_STORE)
        err.print(f"[yellow]warning:[/] the search index was not refreshed ({escape(str(exc))}); run `frus-kg index`", highlight=False)
        return
    err.print(f"search index: {report.documents} document(s) and {report.label_graphs} name graph(s) indexed, "
              f"{report.removed} removed, {report.unchanged} unchanged, in {report.seconds:.1f} s", highlight=False)


def _interrupted(where: str) -> NoReturn:
    err.print(f"interrupted {where}: the documents are committed and no layer's volume graph is half-written; "
              f"run `frus-kg index` to finish")
    raise typer.Exit(130)


@contextmanager
def _rest_left_to_index() -> Iterator[None]:
    """Ctrl-C between the stages that follow the documents (opening the store, the search index, between two
    layers): Typer would turn it into a silent exit 130, and the user would not know what to run next."""
    try:
        yield
    except KeyboardInterrupt:
        _interrupted("before the search index and the layers were all refreshed")


def _refresh_layer(label: str, refresh, db, *, fatal: bool, describe, was: str = "were", **options) -> None:
    """Bring one materialised layer up to date with a progress bar and a line saying what it did. After an ingest
    a failure is only a warning: the documents are committed, and `frus-kg index` can finish the job."""
    try:
        with Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=err, transient=True) as progress:
            task = progress.add_task("", total=None)
            report = refresh(db, **options, on_progress=lambda done, total: progress.update(task, completed=done, total=total))
    except KeyboardInterrupt:
        db.close()
        _interrupted(f"while refreshing the {label}")
    except (StoreError, QueryError, OSError) as exc:
        if fatal:
            err.print(f"[bold red]error:[/] {label}: {escape(str(exc))}", highlight=False)
            raise typer.Exit(EXIT_STORE)
        err.print(f"[yellow]warning:[/] the {label} {was} not refreshed ({escape(str(exc))}); run `frus-kg index`", highlight=False)
        return
    err.print(f"{label}: {describe(report)}, in {report.seconds:.1f} s", highlight=False)


def _refresh_statistics(db, *, rebuild: bool = False, totals: bool = False, workers: int = 0, fatal: bool = True) -> None:
    """The statistics layer (graph/statistics.py): the counts that lists and entity pages read."""
    from graph.statistics import refresh_statistics

    _refresh_layer("statistics", refresh_statistics, db, fatal=fatal, rebuild=rebuild, totals=totals, workers=workers,
                   describe=lambda r: f"{r.volumes} volume(s) counted, {r.removed} removed, {r.unchanged} unchanged"
                                      f"{f', {r.lined} given their mention lines' if r.lined else ''}"
                                      f"{', entity summaries written' if r.summary else ''}"
                                      f"{', VoID counts written' if r.void else ''}")


def _refresh_claim_months(db, *, rebuild: bool = False, workers: int = 0, fatal: bool = True) -> None:
    """The claim-month layer (graph/claim_months.py): an entity's claims per type and month, which its typed or
    dated claim lists read; after the statistics, whose month keys it counts."""
    from graph.claim_months import refresh_claim_months

    _refresh_layer("claim months", refresh_claim_months, db, fatal=fatal, rebuild=rebuild, workers=workers,
                   describe=lambda r: f"{r.volumes} volume(s) counted, {r.removed} removed, {r.unchanged} unchanged")


def _refresh_network_table(db, *, rebuild: bool = False, workers: int = 0, fatal: bool = True) -> None:
    """The network table (graph/networks/table.py: what `frus-kg network` reads), with the ingest's sentence splitter."""
    from graph.networks.table import refresh_network_table

    _refresh_layer("network table", refresh_network_table, db, fatal=fatal, was="was", sentences=_sentence_spans,
                   rebuild=rebuild, workers=workers,
                   describe=lambda r: f"{r.volumes} volume(s) tabled ({r.rows} documents), {r.removed} removed, "
                                      f"{r.unchanged} unchanged")


def _refresh_document_packs(db, *, rebuild: bool = False, workers: int = 0, fatal: bool = True) -> None:
    """The document packs (api/resources/document_packs.py): each document's REST answer and Turtle, one value each."""
    from api.resources.document_packs import refresh_document_packs

    _refresh_layer("document packs", refresh_document_packs, db, fatal=fatal, rebuild=rebuild, workers=workers,
                   describe=lambda r: f"{r.volumes} volume(s) packed ({r.documents} documents), {r.removed} removed, "
                                      f"{r.unchanged} unchanged")


def _refresh_layers(db, *, rebuild: bool = False, workers: int = 0, fatal: bool = True, totals: bool = False) -> None:
    """The layers after the search index, in their order: the claim months count the statistics' month keys.
    `totals`: sum the corpus totals again though no volume changed (new authority names change their ranks)."""
    _refresh_statistics(db, rebuild=rebuild, workers=workers, fatal=fatal, totals=totals)
    for refresh in (_refresh_claim_months, _refresh_network_table, _refresh_document_packs):
        refresh(db, rebuild=rebuild, workers=workers, fatal=fatal)


@app.command("index")
def index_command(
    store: StoreOpt = None,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Read every graph and count every volume again instead of those that changed")] = False,
    workers: Annotated[Optional[int], typer.Option("--workers", "-w", min=0, callback=_bounded_workers,
                       help="Processes that compute volumes' layers [default: number of CPUs]; 0 or 1 = in this process")] = None,
) -> None:
    """Refresh the full-text search index, the statistics layer, the claim months, the network table and the document packs (`ingest` does all five at its end)."""
    from ingest.parallel import default_workers

    with _rest_left_to_index():
        db = open_or_exit(store, read_only=True)
        _refresh_search_index(db, rebuild=rebuild)
        db.close()
        from graph import open_store

        try:
            db = open_store(store)
        except StoreError as exc:
            err.print(f"[bold red]error:[/] statistics: {escape(str(exc))}", highlight=False)
            raise typer.Exit(EXIT_STORE)
        _refresh_layers(db, rebuild=rebuild, workers=default_workers() if workers is None else workers)
        db.close()


@app.command()
def query(
    sparql: Annotated[str, typer.Argument(help="A SPARQL query, or @FILE to read it from a file")],
    store: StoreOpt = None,
    format: Annotated[QueryFormat, typer.Option("--format", "-f")] = QueryFormat.table,
    timeout: Annotated[float, typer.Option("--timeout", min=0, help="Stop the query after this many seconds (0: no limit)")] = 0,
) -> None:
    """Run a SPARQL query over the union of all graphs, in a separate engine process."""
    from graph import GuardLimits, PoolSettings, inspect_query, open_reader

    if sparql.startswith("@"):
        try:
            sparql = Path(sparql[1:]).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            fail(f"{sparql[1:]}: cannot read the query: {exc}", EXIT_USAGE)
    try:
        shape = inspect_query(sparql, GuardLimits(max_length=64 * 1024 * 1024))
        db = open_reader(store, PoolSettings(workers=1, timeout=timeout or None, row_cap=10 ** 12))
    except QueryError as exc:
        fail(error_text(exc), EXIT_QUERY)
    except StoreError as exc:
        fail(str(exc), EXIT_STORE)
    try:
        if format == QueryFormat.table and shape.form in ("select", "unknown"):
            result = db.query(sparql)
            result.partial_ok = True                # shown as cut: the warning below says so
            _cut_warning(_print_table(result), getattr(result, "server_cut", None))
            return
        if format == QueryFormat.table and shape.form == "ask":
            out.print("true" if db.query(sparql).boolean else "false")
            return
        fmt = "turtle" if shape.form in ("construct", "describe") else \
            ("json" if format == QueryFormat.table else format.value)
        written = db.query_serialized(sparql, fmt)
        for chunk in written.chunks():
            sys.stdout.buffer.write(chunk)
        if shape.form == "ask":
            sys.stdout.write("\n")
        sys.stdout.flush()
        _cut_warning(written.rows, written.truncated)
    except QueryError as exc:
        fail(error_text(exc), EXIT_QUERY)
    except StoreError as exc:
        fail(str(exc), EXIT_STORE)
    finally:
        db.close()


def _print_table(result) -> int:
    table = Table(*result.variables)
    count = 0
    for row in result.rows():
        table.add_row(*[("" if v is None else v.value) for v in row])
        count += 1
    print_table(table)
    err.print(f"{count} row(s)")
    return count


def _cut_warning(rows: int, cut) -> None:
    """A remote server's row limit cut the answer (this command sets no cap of its own): say so on stderr."""
    if cut:
        err.print(f"[yellow]warning:[/] the server cut the answer short at {rows:,} rows (its row limit); the rest "
                  f"is missing. Raise the server's limit (frus-kg serve --row-cap; Virtuoso: ResultSetMaxRows), or "
                  f"narrow the query or page it with LIMIT and OFFSET", highlight=False)


@app.command()
def export(
    store: StoreOpt = None,
    format: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.nquads,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", callback=dash_is_stdout, help="File to write, - for stdout [default: stdout]")] = None,
) -> None:
    """Write the whole dataset. N-Quads, TriG and JSON-LD keep the named graphs; Turtle merges them."""
    db = open_or_exit(store, read_only=True)
    if output is None:
        try:
            db.export(sys.stdout.buffer, format.value)
        except StoreError as exc:
            fail(f"{exc}; the export on standard output is incomplete", EXIT_STORE)
        sys.stdout.flush()
    else:
        try:
            fh = open(output, "wb")
        except OSError as exc:
            fail(f"cannot write {output}: {exc.strerror}", EXIT_USAGE)
        try:
            with fh:
                db.export(fh, format.value)
        except StoreError as exc:
            output.unlink(missing_ok=True)            # never leave a short export behind
            fail(f"{exc}; {output} was not written", EXIT_STORE)
        err.print(f"wrote {output}")


@app.command()
def stats(store: StoreOpt = None, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Counts of quads, graphs, documents, mentions and claims."""
    from ontology.namespaces import sparql_prologue

    db = open_or_exit(store, read_only=True)
    q = sparql_prologue("schema", "fk", "oa") + """
    SELECT (COUNT(DISTINCT ?d) AS ?documents) (COUNT(DISTINCT ?v) AS ?volumes)
           (COUNT(DISTINCT ?m) AS ?mentions) (COUNT(DISTINCT ?c) AS ?claims) WHERE {
      { ?d a fk:Document } UNION { ?v a fk:Volume } UNION { ?m a fk:Mention } UNION { ?c a fk:Claim } }"""
    row = next(db.query(q).rows())
    figures = {"quads": db.quad_count(), "graphs": len(db.graph_names()),
               **{k: int(v.value) for k, v in zip(("documents", "volumes", "mentions", "claims"), row)}}
    if as_json:
        out.print_json(json.dumps(figures))
        return
    table = Table("measure", "count", title=f"store {store_location(store)}")
    for k, v in figures.items():
        table.add_row(k, str(v))
    print_table(table)


@app.command()
def validate(
    file: Annotated[Optional[Path], typer.Argument(help="An RDF file to validate instead of the store")] = None,
    store: StoreOpt = None,
    engine: Annotated[ValidationEngine, typer.Option("--engine", help="SHACL engine: fast (compiled shapes) or pyshacl (the reference, ~100x slower)")] = ValidationEngine.fast,
) -> None:
    """Re-validate every graph of the store (or one RDF file) against the SHACL shapes, one graph at a time."""
    from ontology.validation import validate as shacl

    checked = failures = 0
    for name, data in (_file_graphs(file) if file is not None else _store_graphs(store)):
        report = shacl(data, engine=engine.value)
        checked += 1
        if not report.conforms:
            failures += 1
            err.print(report.format(name), highlight=False)
    err.print(f"{checked - failures} of {checked} graph(s) conform")
    if failures:
        raise typer.Exit(EXIT_REJECTED)


def _store_graphs(store: Optional[Path]):
    """(name, N-Triples bytes) of each named graph, read one at a time: memory holds one graph, not the store."""
    import io

    db = open_or_exit(store, read_only=True)
    try:
        for name in db.graph_names():
            buf = io.BytesIO()
            db.export(buf, "ntriples", graph=name)
            yield name, buf.getvalue()
    finally:
        db.close()


def _file_graphs(file: Path):
    import rdflib

    try:
        g = rdflib.Dataset()
        g.parse(file)
    except Exception as exc:  # rdflib raises many parser-specific types
        fail(f"{file}: cannot parse: {exc}", EXIT_QUERY)
    for c in g.graphs():
        if len(c):
            yield str(c.identifier), rdflib.Graph().__iadd__(c)


@app.command()
def serve(
    store: StoreOpt = None,
    host: Annotated[str, typer.Option(help="Interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port")] = 8000,
    cors: Annotated[Optional[bool], typer.Option("--cors/--no-cors", help="CORS on read-only routes [default: on]")] = None,
    timeout: Annotated[Optional[float], typer.Option("--timeout", help="Query time limit in seconds [default: 30]")] = None,
    row_cap: Annotated[Optional[int], typer.Option("--row-cap", help="Most rows a query answers [default: 100000]")] = None,
    workers: Annotated[Optional[int], typer.Option("--workers", help="Query worker processes [default: 2]")] = None,
    service_allow: Annotated[Optional[list[str]], typer.Option("--service-allow", help="An endpoint IRI that SERVICE may call (repeatable)")] = None,
    service_timeout: Annotated[Optional[float], typer.Option("--service-timeout", help="Time limit of a federated query [default: 10]")] = None,
    update_token_file: Annotated[Optional[Path], typer.Option("--update-token-file", help="File holding the bearer token that allows SPARQL Update")] = None,
    max_body_bytes: Annotated[Optional[int], typer.Option("--max-body-bytes", help="Largest request body [default: 1048576]")] = None,
    rate_limit: Annotated[Optional[float], typer.Option("--rate-limit", help="Requests per second per client IP; 0 = off [default: 0]")] = None,
    page_cache_bytes: Annotated[Optional[int], typer.Option("--page-cache-bytes", help="Bytes of rendered document pages kept in memory; 0 = off [default: 33554432]")] = None,
) -> None:
    """Serve the SPARQL endpoint, the REST resources and the pages. Queries run in killable worker processes."""
    import uvicorn

    from api import create_app
    from api.settings import Settings
    from graph import PoolSettings, is_remote, open_reader

    token = None
    if update_token_file is not None:
        try:
            token = update_token_file.read_text(encoding="utf-8").strip() or None
        except OSError as exc:
            fail(f"{update_token_file}: cannot read the update token: {exc}", EXIT_USAGE)
    try:
        settings = Settings.from_env(cors=cors, query_timeout=timeout, row_cap=row_cap, query_workers=workers,
                                     service_allow=tuple(service_allow) if service_allow else None,
                                     service_timeout=service_timeout, update_token=token,
                                     max_body_bytes=max_body_bytes, rate_limit=rate_limit,
                                     page_cache_bytes=page_cache_bytes)
    except ValueError as exc:
        fail(str(exc), EXIT_USAGE)
    _check_listen(host, port)
    try:
        db = open_reader(store, PoolSettings(workers=settings.query_workers, local_reads=True,
                                             timeout=settings.query_timeout, row_cap=settings.row_cap))
    except StoreError as exc:
        fail(str(exc), EXIT_STORE)
    engine = "on the SPARQL server" if is_remote(store_location(store)) else f"{settings.query_workers} query workers"
    err.print(f"serving {store_location(store)} at http://{host}:{port}/ (SPARQL at /sparql; {engine}, "
              f"{settings.query_timeout:g} s time limit, {settings.row_cap:,} rows at most)")
    application = create_app(db, settings, owns_store=True)
    application.state.sentence_splitter = _sentence_spans      # api may not import ingest; the CLI wires it
    uvicorn.run(application, host=host, port=port, timeout_graceful_shutdown=3,
                log_level=os.environ.get("FRUS_KG_LOG", "info"))


def _check_listen(host: str, port: int) -> None:
    """A taken port is a usage error named before the workers start: uvicorn's own exit code, 3, means a store
    that cannot be opened here."""
    try:
        with socket.create_server((host, port), family=socket.AF_INET6 if ":" in host else socket.AF_INET):
            pass
    except OSError as exc:
        fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}; is another server there? "
             "Choose another port with --port", EXIT_USAGE)


authorities_app = Typer(no_args_is_help=True, help="Authority data: people, posts, countries, institutions, regions.")
app.add_typer(authorities_app, name="authorities")


@authorities_app.command("build")
def authorities_build(
    shared: Annotated[Path, typer.Option("--shared", help="Folder with the hsg-people/pocom/gsh tarballs and countries-wikidata/ (required)")],
    out: Annotated[Optional[Path], typer.Option("--out", help="Output folder [default: ingest/data/authorities]")] = None,
) -> None:
    """Rebuild the compact authority derivative (gzipped JSON) from the Office of the Historian archives."""
    from ingest.authorities.build import DATA_DIR, build_authorities

    try:
        report = build_authorities(shared, out or DATA_DIR)
    except FileNotFoundError as exc:
        fail(str(exc), EXIT_USAGE)
    err.print(report.format(), highlight=False)


@authorities_app.command("load")
def authorities_load(store: StoreOpt = None) -> None:
    """Load the authority data into the store as its own named graphs (graph/authority/people, …)."""
    from ingest.authorities.rdf import authority_graphs, ensure_authority_graphs

    db = open_or_exit(store)
    graphs = authority_graphs()
    ensure_authority_graphs(db, force=True)
    _refresh_search_index(db, fatal=False)
    _refresh_statistics(db, totals=True, fatal=False)
    db.close()
    for name, quads in graphs.items():
        err.print(f"{name}: {len(quads)} triples", highlight=False)


@app.command()
def evaluate(
    volumes: Annotated[list[Path], typer.Argument(metavar="VOLUME", help="TEI volumes (.xml, .xml.gz) with the editors' persName/gloss markup")],
    no_volume_lists: Annotated[bool, typer.Option("--no-volume-lists", help="Do not use the volumes' persons lists (as for a lone plain-text document)")] = False,
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, help="Only the first N documents of each volume")] = None,
) -> None:
    """Score the entity extractor against the editors' markup: JSON with per-volume figures and a total."""
    from ingest.errors import IngestError
    from ingest.evaluate import Score, evaluate_volume
    from ingest.pipeline import TEXT_SUFFIXES

    total = Score("total")
    rows, unmarked = [], []
    for path in volumes:
        if path.name.lower().endswith(TEXT_SUFFIXES):      # a plain-text copy: no markup to read
            unmarked.append(path)
            continue
        try:
            score = evaluate_volume(path, use_volume_lists=not no_volume_lists, limit=limit)
        except (IngestError, OSError) as exc:
            fail(str(exc), EXIT_USAGE)
        if not score.marked:
            unmarked.append(path)
            continue
        rows.append(score.as_dict())
        total.add(score)
    read = f" (--limit {limit}: the first {limit} documents of each read)" if limit else ""
    if not rows:
        fail(f"nothing to score: no editors' markup (persName/@corresp, gloss/@target) in {', '.join(map(str, unmarked))}"
             f"{read}; evaluate needs TEI volumes the editors marked up", EXIT_USAGE)
    for path in unmarked:
        err.print(f"[yellow]warning:[/] no editors' markup in {escape(str(path))}{escape(read)}: left out of the scores", highlight=False)
    sys.stdout.write(json.dumps({"volumes": rows, "total": total.as_dict(), "unmarked": [str(p) for p in unmarked],
                                 "settings": {"volume_lists": not no_volume_lists, "limit": limit}}, indent=2) + "\n")


from .linking import register as _register_linking  # noqa: E402  (link, load, unload)

_register_linking(app)


# -- networks of actors (graph.networks) ---------------------------------------------------------------
network_app = Typer(help="Networks of actors: export (GEXF, GraphML, Cytoscape, JSON, CSV), stats, paths.")
app.add_typer(network_app, name="network")

NetKind = Annotated[str, typer.Option("--kind", help="person-person, person-country, person-organization, country-country, "
                                      "co-mention, correspondence or claimant-entity")]
NetWindow = Annotated[str, typer.Option("--window", help="co-mention window: document, paragraph or sentence")]
NetWeight = Annotated[str, typer.Option("--weight", help="edge weight: documents or passages")]
NetFrom = Annotated[Optional[str], typer.Option("--from", help="first date (YYYY, YYYY-MM or YYYY-MM-DD); an undated "
                                                 "editorial note counts when the whole time it tells of is in the range")]
NetTo = Annotated[Optional[str], typer.Option("--to", help="last date, inclusive")]
NetVolume = Annotated[Optional[list[str]], typer.Option("--volume", help="only this volume (repeatable), e.g. frus1977-80v01")]
NetGenre = Annotated[Optional[list[str]], typer.Option("--genre", help="only this genre (repeatable), e.g. Memorandum")]
NetEntityKind = Annotated[Optional[list[str]], typer.Option("--entity-kind", help="person, country, organization or region (repeatable)")]
NetClaimType = Annotated[Optional[list[str]], typer.Option("--claim-type", help="assessment, recommendation, decision, report or quotation (repeatable)")]
NetMinWeight = Annotated[float, typer.Option("--min-weight", help="drop edges lighter than this")]
NetEvidence = Annotated[int, typer.Option("--evidence", help="documents and passages kept per edge (the counts are complete)")]
NetSeed = Annotated[int, typer.Option("--seed", help="seed of Louvain and of sampled betweenness")]


def _network_spec(kind, window, weight, date_from, date_to, volume, genre, entity_kind, claim_type, min_weight, evidence):
    from graph.networks import Filters, Spec

    filters = Filters(date_from, date_to, tuple(volume or ()), tuple(genre or ()), tuple(entity_kind or ()),
                      tuple(claim_type or ()), min_weight)
    return Spec(kind, window, weight, filters, evidence)


def _sentence_spans(text: str):
    from ingest.claims.sentences import split_sentences

    return [(s.start, s.end) for s in split_sentences(text)]


def _network(db, spec_args: tuple, seed: int, metrics: bool = True):
    from graph.networks import NetworkError, build_network

    try:
        g = build_network(db, _network_spec(*spec_args), sentences=_sentence_spans, metrics=metrics, seed=seed)
        if g.graph.get("source_note"):
            err.print(f"[yellow]note:[/] drawn from the mentions, not the network table: {escape(g.graph['source_note'])}", highlight=False)
        return g
    except NetworkError as exc:
        fail(str(exc), EXIT_USAGE)
    except QueryError as exc:
        fail(str(exc), EXIT_QUERY)


@network_app.callback(invoke_without_command=True)
def network(
    ctx: typer.Context,
    store: StoreOpt = None,
    kind: NetKind = "person-person", window: NetWindow = "document", weight: NetWeight = "documents",
    date_from: NetFrom = None, date_to: NetTo = None, volume: NetVolume = None, genre: NetGenre = None,
    entity_kind: NetEntityKind = None, claim_type: NetClaimType = None, min_weight: NetMinWeight = 1.0,
    evidence: NetEvidence = 20, seed: NetSeed = 42,
    format: Annotated[str, typer.Option("--format", "-f", help="gexf, graphml, cytoscape, node-link, csv (both tables), csv-nodes or csv-edges")] = "gexf",
    output: Annotated[Optional[Path], typer.Option("-o", "--output", callback=dash_is_stdout, help="File to write, - for stdout [default: stdout]; for csv, FILE.nodes.csv and FILE.edges.csv")] = None,
    ego: Annotated[Optional[str], typer.Option("--ego", help="keep only this node's ego network (an IRI)")] = None,
    radius: Annotated[int, typer.Option("--radius", min=1, help="steps from --ego")] = 1,
    pages: Annotated[bool, typer.Option("--pages/--no-pages", help="give each evidence passage its printed pages "
                                        "(evidence_pages; one lookup for every passage of the network)")] = True,
) -> None:
    """Build a network of actors from the store and write it (GEXF 1.3 by default)."""
    if ctx.invoked_subcommand is not None:
        given = [p.opts[0] for p in ctx.command.params          # by name: typer may carry its own click
                 if p.name and getattr(ctx.get_parameter_source(p.name), "name", "") == "COMMANDLINE"]
        if given:        # they would silently not apply: `stats` and `path` read their own options
            fail(f"{', '.join(given)} given before `network {ctx.invoked_subcommand}`, where they would be ignored; "
                 f"put them after it: frus-kg network {ctx.invoked_subcommand} {given[0]} …", EXIT_USAGE)
        return
    from graph.networks import FORMATS, NetworkError, export
    from graph.networks import ego as ego_network

    if format not in (*FORMATS, "csv"):
        fail(f"unknown format {format!r}; choose from {', '.join((*FORMATS, 'csv'))}", EXIT_USAGE)
    if format == "csv" and output is None:
        fail("--format csv writes two files: give -o FILE", EXIT_USAGE)
    db = open_or_exit(store, read_only=True)
    g = _network(db, (kind, window, weight, date_from, date_to, volume, genre, entity_kind, claim_type, min_weight, evidence), seed)
    if ego:
        try:
            g = ego_network(g, ego, radius)
        except NetworkError as exc:
            fail(str(exc), EXIT_USAGE)
    outputs = ({output.with_suffix(".nodes.csv"): "csv-nodes", output.with_suffix(".edges.csv"): "csv-edges"}
               if format == "csv" else {output: format})
    for path, fmt in outputs.items():
        data = export(g, fmt, db if pages else None)
        if path is None:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            try:
                path.write_bytes(data)
            except OSError as exc:
                fail(f"cannot write {path}: {exc.strerror}", EXIT_USAGE)
            err.print(f"wrote {path}", highlight=False)
    err.print(f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges", highlight=False)
    if g.graph.get("coverage_warning"):
        err.print(f"[yellow]warning:[/] {escape(g.graph['coverage_warning'])}", highlight=False)


@network_app.command("stats")
def network_stats(
    store: StoreOpt = None,
    kind: NetKind = "person-person", window: NetWindow = "document", weight: NetWeight = "documents",
    date_from: NetFrom = None, date_to: NetTo = None, volume: NetVolume = None, genre: NetGenre = None,
    entity_kind: NetEntityKind = None, claim_type: NetClaimType = None, min_weight: NetMinWeight = 1.0,
    evidence: NetEvidence = 20, seed: NetSeed = 42,
    top: Annotated[int, typer.Option("--top", min=1, help="how many actors to list")] = 20,
    by: Annotated[str, typer.Option("--by", help="rank by degree, weighted_degree, betweenness, pagerank, eigenvector, "
                                    "documents or documents_per_marked")] = "pagerank",
    as_json: Annotated[bool, typer.Option("--json", help="print JSON instead of tables")] = False,
) -> None:
    """Top actors and communities of a network, with the coverage warning when counts are not comparable."""
    from graph.networks import RANKABLE, ranking

    if by not in RANKABLE:
        fail(f"rank by one of {', '.join(RANKABLE)}, not {by!r}", EXIT_USAGE)
    g = _network(open_or_exit(store, read_only=True),
                 (kind, window, weight, date_from, date_to, volume, genre, entity_kind, claim_type, min_weight, evidence), seed)
    try:
        ranked = ranking(g, by, top)
    except ValueError as exc:
        fail(str(exc), EXIT_USAGE)
    groups: dict[int, list[dict]] = {}
    for _, d in g.nodes(data=True):
        groups.setdefault(d["community"], []).append(d)
    columns = {"label": "actor", "kind": "kind", "degree": "deg.", "weighted_degree": "w. deg.", "betweenness": "betw.",
               "pagerank": "PageRank", "documents": "docs", "documents_per_marked": "docs/marked", "community": "comm.",
               "first": "first", "last": "last"}
    if as_json:
        out.print_json(json.dumps({
            "nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "modularity": g.graph.get("modularity"),
            "ranked_by": by, "top": [{c: r.get(c) for c in ("iri", *columns)} for r in ranked.rows],
            "communities": [{"id": k, "size": len(v), "members": [m["label"] for m in sorted(v, key=lambda m: -m["pagerank"])[:10]]}
                            for k, v in sorted(groups.items())],
            "warning": ranked.warning, "timings": g.graph.get("timings"), "metric_timings": g.graph.get("metric_timings")}))
        return
    table = Table(title=f"{kind}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges; top {top} by {by}")
    for c, header in columns.items():
        table.add_column(header)
    for r in ranked.rows:
        table.add_row(*[(f"{r[c]:.3g}" if isinstance(r.get(c), float) else str(r.get(c) if r.get(c) is not None else "")) for c in columns])
    print_table(table)
    table = Table("community", "size", "most central members", title=f"communities (Louvain, seed {seed}; modularity {g.graph.get('modularity', 0):.3f})")
    for k, members in sorted(groups.items())[:top]:
        table.add_row(str(k), str(len(members)), "; ".join(m["label"] for m in sorted(members, key=lambda m: -m["pagerank"])[:6]))
    print_table(table)
    if ranked.warning:
        err.print(f"[yellow]warning:[/] {escape(ranked.warning)}", highlight=False)


@network_app.command("path")
def network_path(
    source: Annotated[str, typer.Argument(help="IRI of the first actor")],
    target: Annotated[str, typer.Argument(help="IRI of the second actor")],
    store: StoreOpt = None,
    kind: NetKind = "person-person", window: NetWindow = "document", weight: NetWeight = "documents",
    date_from: NetFrom = None, date_to: NetTo = None, volume: NetVolume = None, genre: NetGenre = None,
    min_weight: NetMinWeight = 1.0,
    strongest: Annotated[bool, typer.Option("--strongest", help="prefer heavy ties (length 1/weight) over fewest steps")] = False,
) -> None:
    """The shortest chain of ties between two actors, with the documents behind each step."""
    from graph.networks import NetworkError, shortest_path

    g = _network(open_or_exit(store, read_only=True),
                 (kind, window, weight, date_from, date_to, volume, genre, None, None, min_weight, 20), 42, metrics=False)
    try:
        steps = shortest_path(g, source, target, strongest=strongest)
    except NetworkError as exc:
        fail(str(exc), EXIT_USAGE)
    if not steps:
        fail("no path between them in this network", EXIT_REJECTED)
    table = Table("step", "from", "to", "documents", "first documents")
    for number, step in enumerate(steps, start=1):
        for tie in step.ties:
            table.add_row(str(number), g.nodes[tie.source]["label"], g.nodes[tie.target]["label"],
                          str(tie.document_count), " ".join(tie.documents[:3]))
    print_table(table)


def main() -> None:
    try:
        app()
    except Exception as exc:        # an error of the table that a command let through (`frus-kg stats` on a server
        code = exit_code(exc)       # that cut the list of graphs short): its message and code, not a traceback
        if code is None:
            raise
        err.print(f"[bold red]error:[/] {escape(str(exc))}", highlight=False)
        sys.exit(code)
    except KeyboardInterrupt:
        err.print("interrupted: every committed document is intact; rerun to finish")
        sys.exit(130)


if __name__ == "__main__":         # `python -m frus_kg.cli`, as `frus-kg`
    main()
