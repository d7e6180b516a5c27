"""Real SPARQL 1.1 servers for the tests, on 127.0.0.1: started, waited for until they answer, stopped cleanly.

The Oxigraph server comes from PyPI (the `oxigraph` dev dependency puts its binary beside this Python). It
serves the union of its graphs as the default graph (`--union-default-graph`), as frus-kg's queries need.
"""
from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

__all__ = ["OxigraphServer", "free_port", "oxigraph_binary"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
