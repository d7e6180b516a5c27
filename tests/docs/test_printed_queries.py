"""Every SPARQL query README.md and docs/ print parses, and the ones a reader types in a shell (`curl … query=…`,
`frus-kg query '…'`) answer rows on the sample store, as `make run` builds it: a printed example that stopped
parsing or answers nothing fails here, where test_doc_queries.py runs the ```sparql blocks against their stores. The
```python blocks run on the sample store too."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pyoxigraph
import pytest
from typer.testing import CliRunner

from frus_kg.cli import app

ROOT = Path(__file__).resolve().parents[2]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"```sparql\n(.*?)```", re.S)
SHELL = re.compile(r"--data-urlencode '(?:query|update)=(.*?)'|frus-kg query '(.*?)'", re.S)
LINKSET = "https://w3id.org/frus-kg/id/graph/linkset/"


def printed(pattern: re.Pattern) -> list:
    return [pytest.param(next(g for g in m.groups() if g is not None), id=f"{page.name}#{i}")
            for page in PAGES
            for i, m in enumerate(pattern.finditer(page.read_text(encoding="utf-8")), start=1)]


def test_the_pages_print_queries_for_a_shell():
    assert {p.id.split("#")[0] for p in printed(SHELL)} >= {"README.md", "linking.md"}


@pytest.mark.parametrize("query", printed(BLOCK) + printed(SHELL))
def test_a_printed_query_parses(query):
    pyoxigraph.Store().query(query)            # parsed now, run only when read: SERVICE calls nothing here


@pytest.mark.parametrize("page, query", [pytest.param(p.id.split("#")[0], p.values[0], id=p.id) for p in printed(BLOCK)
                                         if re.search(r"^# store: (?!sample)", p.values[0], re.M)])
def test_a_query_for_another_store_names_the_test_that_runs_it(page, query):
    """test_doc_queries.py runs a block on the sample store; one marked `# store:` for another store is left to the
    test its line names, which must read the block's page (docs/linking.md named a test that ran a query of its own)."""
    (named,) = re.findall(r"^# store: .*\((tests/[\w/]+\.py)", query, re.M)
    assert page in (ROOT / named).read_text(encoding="utf-8"), f"{named} does not read docs/{page}"


@pytest.mark.parametrize("query", printed(SHELL))
def test_a_query_printed_for_a_shell_answers_rows_on_the_sample(query, sample_store_path, tmp_path):
    store = sample_store_path
    for name in set(re.findall(re.escape(LINKSET) + r"([\w-]+)", query)):      # linking.md's step 5 comes first
        store = _with_a_linkset(sample_store_path, tmp_path, name)
    answer = CliRunner().invoke(app, ["query", "--store", str(store), "-f", "csv", query])
    assert answer.exit_code == 0, answer.output
    assert len(answer.stdout.strip().splitlines()) >= 2, f"no rows:\n{answer.stdout}"


def _with_a_linkset(sample_store_path: Path, tmp_path: Path, name: str) -> Path:
    """A copy of the sample store with a linkset imported under `name`, as docs/linking.md's step 5 does."""
    store = tmp_path / "store"
    if not store.exists():
        shutil.copytree(sample_store_path, store)
    links = tmp_path / f"{name}.csv"
    links.write_text("iri,object,relation\nhttps://w3id.org/frus-kg/id/people/102617,Q4115189,skos:exactMatch\n",
                     encoding="utf-8")
    imported = CliRunner().invoke(app, ["link", "import", str(links), "--name", name, "--who", "Your Name",
                                        "--store", str(store)])
    assert imported.exit_code == 0, imported.output
    return store


@pytest.mark.parametrize("code", printed(re.compile(r"```python\n(.*?)```", re.S)))
def test_printed_python_runs_on_the_sample(code, sample_store_path, tmp_path, monkeypatch):
    """docs/networks.md's snippet, with `data/store` (the store `make run` builds) being the sample store."""
    assert "data/store" in code
    monkeypatch.chdir(tmp_path)
    exec(compile(code.replace('"data/store"', repr(str(sample_store_path))), "docs", "exec"), {})
