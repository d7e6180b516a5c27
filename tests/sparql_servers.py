"""Real SPARQL 1.1 servers for the tests, on 127.0.0.1: started, waited for until they answer, stopped cleanly.

The Oxigraph server comes from PyPI (the `oxigraph` dev dependency puts its binary beside this Python). It
serves the union of its graphs as the default graph (`--union-default-graph`), as frus-kg's queries need.
"""
from __future__ import annotations

import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from bench.ports import refused_port, start_listening

__all__ = ["OxigraphServer", "VirtuosoServer", "oxigraph_binary", "refused_port", "virtuoso_binaries"]


def oxigraph_binary() -> str:
    found = Path(sys.executable).with_name("oxigraph")
    if found.exists():
        return str(found)
    path = shutil.which("oxigraph")
    if path is None:
        pytest.skip("the Oxigraph server is not installed (pip install oxigraph: a dev dependency)")
    return path


class _Server:
    """A server process that writes to `log`, appended to across its starts."""

    proc: subprocess.Popen | None = None
    log: Path
    _printed_from = 0

    def _printed(self, _proc: subprocess.Popen) -> str:
        """What it wrote to its log since it was last launched: this start's lines, not an earlier run's."""
        with open(self.log, "rb") as f:
            f.seek(self._printed_from)
            return f.read().decode(errors="replace")

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


class OxigraphServer(_Server):
    """`oxigraph serve` on a free port over `location`; `url` is its frus-kg store URL (without state)."""

    def __init__(self, location: Path, port: int | None = None):
        self.location = Path(location)
        self.port = port                        # a free one at the first start; a restart keeps it
        self.proc: subprocess.Popen | None = None
        self.log = self.location.with_name(self.location.name + ".log")

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        return f"sparql+{self.base}"

    def store_url(self, state: Path) -> str:
        return f"{self.url}?state={state}"

    def start(self, timeout: float = 30.0) -> "OxigraphServer":
        self.location.parent.mkdir(parents=True, exist_ok=True)
        self.proc, (self.port,) = start_listening(self._launch, self._answers, self._printed, name="oxigraph serve",
                                                  ports=(self.port,) if self.port else 1, timeout=timeout)
        return self

    def _launch(self, ports: tuple[int, ...]) -> subprocess.Popen:
        with open(self.log, "ab") as log:
            self._printed_from = log.tell()
            return subprocess.Popen([oxigraph_binary(), "serve", "--location", str(self.location), "--bind",
                                     f"127.0.0.1:{ports[0]}", "--union-default-graph"],
                                    stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)

    @staticmethod
    def _answers(ports: tuple[int, ...]) -> bool:
        return httpx.get(f"http://127.0.0.1:{ports[0]}/query", params={"query": "ASK {}"}, timeout=1).status_code == 200

    def clear(self) -> None:
        httpx.post(f"{self.base}/update", content=b"DROP ALL", headers={"Content-Type": "application/sparql-update"},
                   timeout=30).raise_for_status()

    def stop(self) -> None:
        """SIGTERM, then SIGKILL if it has not exited in 10 s."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()


VIRTUOSO_CONFIG = Path(__file__).resolve().parents[1] / "deploy" / "virtuoso"


def virtuoso_binaries() -> tuple[str, str]:
    server, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if server is None or isql is None:
        pytest.skip("Virtuoso is not installed (apt-get install virtuoso-opensource-7-bin; `make test` does it)")
    return server, isql


class VirtuosoServer(_Server):
    """Debian's `virtuoso-t` in `folder`, with the committed deploy/virtuoso config on free ports, set up by the
    committed frus-kg-setup.sql. `url` is its frus-kg store URL (endpoints: /sparql and /sparql-graph-crud)."""

    def __init__(self, folder: Path, settings: dict[str, str] | None = None):
        self.folder = Path(folder)
        self.settings = settings or {}          # virtuoso.ini lines to change, e.g. {"ResultSetMaxRows": "10"}
        self.sql_port = self.http_port = None   # free ones at the first start; a restart keeps them
        self.proc: subprocess.Popen | None = None
        self.log = self.folder / "console.log"

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def url(self) -> str:
        return f"sparql+{self.base}/?query=sparql&update=sparql&store=sparql-graph-crud&write=gsp"

    def store_url(self, state: Path) -> str:
        return f"{self.url}&state={state}"

    def start(self, timeout: float = 90.0) -> "VirtuosoServer":
        _, isql = virtuoso_binaries()
        self.folder.mkdir(parents=True, exist_ok=True)
        fresh = not (self.folder / "virtuoso.db").exists()
        ports = (self.sql_port, self.http_port) if self.sql_port else 2
        self.proc, (self.sql_port, self.http_port) = start_listening(self._launch, self._answers, self._printed,
                                                                     name="virtuoso-t", ports=ports, timeout=timeout)
        if fresh:
            setup = subprocess.run([isql, str(self.sql_port), "dba", "dba", str(VIRTUOSO_CONFIG / "frus-kg-setup.sql")],
                                   capture_output=True, text=True, timeout=120)
            if setup.returncode != 0 or "Error" in setup.stdout + setup.stderr:
                self.kill()
                raise RuntimeError(f"frus-kg-setup.sql failed: {setup.stdout[-2000:]} {setup.stderr[-2000:]}")
        return self

    def _launch(self, ports: tuple[int, ...]) -> subprocess.Popen:
        config = (VIRTUOSO_CONFIG / "virtuoso.ini").read_text()
        config = config.replace("ServerPort = 1111", f"ServerPort = {ports[0]}") \
            .replace("ServerPort = 8890", f"ServerPort = {ports[1]}")
        for key, value in self.settings.items():
            config = re.sub(rf"(?m)^{key}\s*=.*$", f"{key} = {value}", config)
        (self.folder / "virtuoso.ini").write_text(config)
        with open(self.log, "ab") as log:
            self._printed_from = log.tell()
            return subprocess.Popen([virtuoso_binaries()[0], "+foreground", "+configfile", "virtuoso.ini"],
                                    cwd=self.folder, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)

    @staticmethod
    def _answers(ports: tuple[int, ...]) -> bool:
        answer = httpx.get(f"http://127.0.0.1:{ports[1]}/sparql", params={"query": "ASK {}"}, timeout=2)
        return answer.status_code == 200

    def clear(self) -> None:
        """Drop every graph frus-kg can see (never DROP ALL: Virtuoso's own graphs must stay)."""
        from graph import open_store

        db = open_store(self.store_url(self.folder / "clear-state"))
        db.drop_graphs(db.graph_names())
        db.close()

    def stop(self) -> None:
        """A clean shutdown through isql (checkpoint, then exit); SIGKILL if it has not exited in 30 s."""
        if self.proc is None or self.proc.poll() is not None:
            return
        _, isql = virtuoso_binaries()
        subprocess.run([isql, str(self.sql_port), "dba", "dba", "exec=shutdown;"], capture_output=True, timeout=60)
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.kill()
