"""Every command, option, environment variable and endpoint is documented; the README opens with the two commands."""
from __future__ import annotations

import re
from pathlib import Path

import click
import typer.main

from frus_kg.cli import app

ROOT = Path(__file__).resolve().parent.parent
CLI_DOC = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = ""):
    for name, cmd in group.commands.items():
        full = f"{prefix}{name}"
        if hasattr(cmd, "commands"):            # a group, whichever click it comes from (typer carries its own)
            if cmd.params:                      # `frus-kg network` draws with its own options
                yield full, cmd
            yield from _commands(cmd, full + " ")
        else:
            yield full, cmd


def test_every_command_and_option_is_in_docs_cli():
    group = typer.main.get_command(app)
    commands = dict(_commands(group))
    assert {"link import", "link remove", "network", "network stats", "authorities build"} <= set(commands), \
        "subcommands were never reached (typer carries its own click: isinstance checks against ours fail)"
    assert any(opt == "--kind" for p in commands["network"].params for opt in getattr(p, "opts", ()))
    for name, cmd in commands.items():
        assert f"### `frus-kg {name}" in CLI_DOC, f"`frus-kg {name}` is not documented in docs/cli.md"
        section = CLI_DOC.split(f"### `frus-kg {name}", 1)[1].split("\n### ", 1)[0]
        for param in cmd.params:
            if type(param).__name__ in ("Option", "TyperOption") or isinstance(param, click.Option):
                for opt in param.opts + param.secondary_opts:
                    if opt != "--help":
                        assert f"`{opt}" in section or f"{opt}`" in section or f" {opt} " in section, \
                            f"option {opt} of `frus-kg {name}` is not documented"


def test_every_environment_variable_is_documented():
    used = set()
    for path in ROOT.glob("*/**/*.py"):
        if path.parts[len(ROOT.parts)] in {"ontology", "ingest", "graph", "api", "frus_kg"}:
            used |= set(re.findall(r"FRUS_KG_[A-Z_]+", path.read_text(encoding="utf-8")))
    for var in used:
        assert f"`{var}`" in CLI_DOC, f"{var} is not documented in docs/cli.md"


def test_every_http_route_is_documented(sample_store):
    from api import create_app

    http_doc = (ROOT / "docs" / "http.md").read_text(encoding="utf-8")
    paths = [path for path in _route_paths(create_app(sample_store).routes) if not path.startswith("/docs/oauth2")]
    assert {"/sparql", "/documents", "/network", "/search", "/reconcile"} <= set(paths), paths
    for path in paths:
        assert f"`{path}`" in http_doc, f"route {path} is not documented in docs/http.md"


def _route_paths(routes):
    """Every path, including those of included routers (FastAPI 0.165 lists an included router as one entry)."""
    for route in routes:
        router = getattr(route, "original_router", None)
        if router is not None:
            yield from _route_paths(router.routes)
        elif getattr(route, "path", None):
            yield route.path


def test_readme_opens_with_make_run_and_make_test():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```sh", 1)[1].split("```", 1)[0]
    assert "make run" in first_block and "make test" in first_block
