"""Real SPARQL 1.1 servers for the tests, on 127.0.0.1: started, waited for until they answer, stopped cleanly.

The Oxigraph server comes from PyPI (the `oxigraph` dev dependency puts its binary beside this Python). It
serves the union of its graphs as the default graph (`--union-default-graph`), as frus-kg's queries need.
"""
from __future__ import annotations

import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

__all__ = ["OxigraphServer", "VirtuosoServer", "free_port", "oxigraph_binary", "refused_port", "virtuoso_binaries"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def refused_port():
    """A port on 127.0.0.1 where no server answers, for as long as the block runs: bound but never listening, it
    refuses every connection, and no other process (a server another pytest-xdist worker starts) can take it."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        yield s.getsockname()[1]


def oxigraph_binary() -> str:
    found = Path(sys.executable).with_name("oxigraph")
    if found.exists():
        return str(found)
    path = shutil.which("oxigraph")
    if path is None:
        pytest.skip("the Oxigraph server is not installed (pip install oxigraph: a dev dependency)")
    return path


class OxigraphServer:
    """`oxigraph serve` on a free port over `location`; `url` is its frus-kg store URL (without state)."""

    def __init__(self, location: Path, port: int | None = None):
        self.location = Path(location)
        self.port = port or free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None
        self.log = self.location.with_name(self.location.name + ".log")

    @property
    def url(self) -> str:
        return f"sparql+{self.base}"

    def store_url(self, state: Path) -> str:
        return f"{self.url}?state={state}"

    def start(self, timeout: float = 30.0) -> "OxigraphServer":
        self.location.parent.mkdir(parents=True, exist_ok=True)
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(self.location), "--bind",
                                          f"127.0.0.1:{self.port}", "--union-default-graph"],
                                         stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"oxigraph serve exited with {self.proc.returncode}: {self.log.read_text()[-2000:]}")
            try:
                if httpx.get(f"{self.base}/query", params={"query": "ASK {}"}, timeout=1).status_code == 200:
                    return self
            except httpx.TransportError:
                time.sleep(0.1)
        self.kill()
        raise RuntimeError(f"oxigraph serve did not answer within {timeout:g} s")

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

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


VIRTUOSO_CONFIG = Path(__file__).resolve().parents[1] / "deploy" / "virtuoso"


def virtuoso_binaries() -> tuple[str, str]:
    server, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if server is None or isql is None:
        pytest.skip("Virtuoso is not installed (apt-get install virtuoso-opensource-7-bin; `make test` does it)")
    return server, isql


class VirtuosoServer:
    """Debian's `virtuoso-t` in `folder`, with the committed deploy/virtuoso config on free ports, set up by the
    committed frus-kg-setup.sql. `url` is its frus-kg store URL (endpoints: /sparql and /sparql-graph-crud)."""

    def __init__(self, folder: Path, settings: dict[str, str] | None = None):
        self.folder = Path(folder)
        self.settings = settings or {}          # virtuoso.ini lines to change, e.g. {"ResultSetMaxRows": "10"}
        self.sql_port, self.http_port = free_port(), free_port()
        self.base = f"http://127.0.0.1:{self.http_port}"
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"sparql+{self.base}/?query=sparql&update=sparql&store=sparql-graph-crud&write=gsp"

    def store_url(self, state: Path) -> str:
        return f"{self.url}&state={state}"

    def start(self, timeout: float = 90.0) -> "VirtuosoServer":
        server, isql = virtuoso_binaries()
        self.folder.mkdir(parents=True, exist_ok=True)
        config = (VIRTUOSO_CONFIG / "virtuoso.ini").read_text()
        config = config.replace("ServerPort = 1111", f"ServerPort = {self.sql_port}") \
            .replace("ServerPort = 8890", f"ServerPort = {self.http_port}")
        for key, value in self.settings.items():
            config = re.sub(rf"(?m)^{key}\s*=.*$", f"{key} = {value}", config)
        (self.folder / "virtuoso.ini").write_text(config)
        fresh = not (self.folder / "virtuoso.db").exists()
        with open(self.folder / "console.log", "ab") as log:
            self.proc = subprocess.Popen([server, "+foreground", "+configfile", "virtuoso.ini"], cwd=self.folder,
                                         stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        self._wait(timeout)
        if fresh:
            setup = subprocess.run([isql, str(self.sql_port), "dba", "dba", str(VIRTUOSO_CONFIG / "frus-kg-setup.sql")],
                                   capture_output=True, text=True, timeout=120)
            if setup.returncode != 0 or "Error" in setup.stdout + setup.stderr:
                self.kill()
                raise RuntimeError(f"frus-kg-setup.sql failed: {setup.stdout[-2000:]} {setup.stderr[-2000:]}")
        return self

    def _wait(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"virtuoso-t exited with {self.proc.returncode}: "
                                   f"{(self.folder / 'console.log').read_text()[-2000:]}")
            try:
                if httpx.get(f"{self.base}/sparql", params={"query": "ASK {}"}, timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.3)
        self.kill()
        raise RuntimeError(f"virtuoso-t did not answer within {timeout:g} s")

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

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
