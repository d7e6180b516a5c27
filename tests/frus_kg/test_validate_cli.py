"""`frus-kg validate` reads the store one graph at a time, with the fast engine unless pySHACL is asked for;
both engines give the same verdicts."""
from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from frus_kg.cli import app


def _run(*args: str):
    return CliRunner().invoke(app, ["validate", *args])


@pytest.mark.parametrize("engine", [[], ["--engine", "fast"], ["--engine", "pyshacl"]])
def test_every_graph_of_the_store_conforms_with_either_engine(sample_store_path, engine):
    result = _run("--store", str(sample_store_path), *engine)
    assert result.exit_code == 0, result.output
    checked, total = map(int, re.search(r"(\d+) of (\d+) graph\(s\) conform", result.output).groups())
    assert checked == total >= 7


@pytest.mark.parametrize("engine", ["fast", "pyshacl"])
def test_a_broken_file_is_rejected_by_either_engine(tmp_path, engine):
    broken = tmp_path / "broken.nq"
    broken.write_text('<https://w3id.org/frus-kg/id/d> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> '
                      '<https://w3id.org/frus-kg/vocab#Document> <https://w3id.org/frus-kg/id/g> .\n')
    result = _run(str(broken), "--engine", engine)
    assert result.exit_code == 1, result.output
    assert "0 of 1 graph(s) conform" in result.output
