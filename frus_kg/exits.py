"""The command line's boundary: exit codes, the one table that maps each package's errors to them, and
the helpers every command uses to fail (cli.py and linking.py share them; neither imports the other back).

Exit codes: 0 success; 1 some input was rejected or unreadable (the rest was ingested);
2 usage error; 3 the store cannot be opened, read or written (missing, locked, a disk fault);
4 malformed query or data.
"""
from __future__ import annotations

from pathlib import Path
from typing import NoReturn, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.measure import Measurement
from rich.table import Table

from graph import (GraphError, QueryError, SparqlSyntaxError, StoreError, StoreOptions, is_remote, open_store,
                   store_location)
from ingest import IngestError
from ontology.errors import OntologyError

__all__ = ["EXIT_OK", "EXIT_REJECTED", "EXIT_USAGE", "EXIT_STORE", "EXIT_QUERY", "EXIT_CODES", "exit_code",
           "fail", "fail_on", "error_text", "open_or_exit", "out", "err", "print_table"]

EXIT_OK, EXIT_REJECTED, EXIT_USAGE, EXIT_STORE, EXIT_QUERY = 0, 1, 2, 3, 4

# the first row whose class the error is an instance of decides; a class not listed is a bug (a traceback)
EXIT_CODES: tuple[tuple[type[Exception], int], ...] = (
    (QueryError, EXIT_QUERY),        # the user's SPARQL or data
    (StoreError, EXIT_STORE),        # missing, locked, unreadable, a disk fault
    (GraphError, EXIT_USAGE),        # a network, dataset or linkset the user asked for cannot be made
    (IngestError, EXIT_REJECTED),    # an input file or document
    (OntologyError, EXIT_QUERY),     # shapes or a validation request the engine cannot run
)

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


def print_table(table: Table, console: Console = out) -> None:
    """A table whose values all show whole. To a pipe or a file it is as wide as its widest row (Rich would
    squeeze it into 80 columns: IRIs cut to "https://w3id.org…", a column squeezed to nothing); in a terminal too
    narrow for it, values wrap at spaces or fold, never cut to an ellipsis or dropped."""
    for column in table.columns:
        column.overflow, column.no_wrap, column.min_width = "fold", False, None
    if console.is_terminal:
        console.print(table)
        return
    width = Measurement.get(console, console.options.update_width(1 << 20), table).maximum
    Console(file=console.file, width=max(width, console.width), soft_wrap=True).print(table)


def exit_code(exc: BaseException) -> int | None:
    """The exit code of an error the CLI expects; None for anything else (a bug, which must surface)."""
    return next((code for kind, code in EXIT_CODES if isinstance(exc, kind)), None)


def fail(message: str, code: int) -> NoReturn:
    """The message is printed as it is: it may quote a query or a path, whose brackets are not markup."""
    err.print(f"[bold red]error:[/] {escape(message)}", highlight=False)
    raise typer.Exit(code)


def error_text(exc: Exception) -> str:
    """What to print for `exc`: a SPARQL syntax error with its line, a caret under the place and the parser's report,
    as /sparql answers it."""
    return exc.explained() if isinstance(exc, SparqlSyntaxError) else str(exc)


def fail_on(exc: Exception) -> NoReturn:
    """Exit with the table's code for `exc`; re-raise it when the table does not know it."""
    code = exit_code(exc)
    if code is None:
        raise exc
    fail(error_text(exc), code)


def open_or_exit(store: Optional[Path], read_only: bool = False, options: StoreOptions = StoreOptions(),
                 create: bool = True):
    """The store, or exit 3 saying why. `create=False`: a command that changes a store but never makes one (remove,
    unload, link remove) refuses a folder with no store in it, where opening it for writing made an empty store that
    the refusal then left behind."""
    where = store_location(store)
    if not (create or read_only or is_remote(where) or (Path(where) / "CURRENT").exists()):
        fail(f"{where}: no store here yet; run `frus-kg ingest` first", EXIT_STORE)
    try:
        return open_store(store, read_only=read_only, options=options)
    except StoreError as exc:
        fail(str(exc), EXIT_STORE)
