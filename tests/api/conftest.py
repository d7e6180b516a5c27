"""A real uvicorn serving the sample store on 127.0.0.1, started through `frus-kg serve`; reading its Turtle."""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest


def declared_prefixes_unused(turtle: str) -> tuple[dict[str, str], list[str]]:
    """(the prefixes a Turtle text declares, those of them its statements never write)."""
    declared = dict(re.findall(r"^@prefix ([\w-]*): <([^>]*)> \.$", turtle, re.MULTILINE))
    body = re.sub(r"^@prefix .*$", "", turtle, flags=re.MULTILINE)
    body = re.sub(r'"(?:[^"\\]|\\.)*"|<[^>]*>', " ", body)         # what a literal or a full IRI holds is no prefix
    return declared, [p for p in declared if not re.search(rf"(?<![\w:/#.-]){re.escape(p)}:", body)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(store: Path, *extra: str, env: dict[str, str] | None = None) -> tuple[subprocess.Popen, str]:
    port = free_port()
    exe = Path(sys.executable).with_name("frus-kg")
    proc = subprocess.Popen([str(exe), "serve", "--store", str(store), "--port", str(port), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ, "FRUS_KG_LOG": "warning", **(env or {})})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {proc.stdout.read().decode()}")
        try:
            httpx.get(base + "/", timeout=1)
            return proc, base
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("server did not start in 30 s")


@pytest.fixture(scope="session")
def server(sample_store_path):
    proc, base = start_server(sample_store_path)
    yield base
    proc.terminate()
    proc.wait(10)


def _launcher():
    """Start `frus-kg serve` with extra options (and environment); every server started is stopped at the end."""
    started: list[subprocess.Popen] = []

    def start(store: Path, *extra: str, env: dict[str, str] | None = None) -> tuple[subprocess.Popen, str]:
        proc, base = start_server(store, *extra, env=env)
        started.append(proc)
        return proc, base

    yield start
    for proc in started:
        if proc.poll() is None:
            proc.terminate()
            proc.wait(15)


@pytest.fixture
def launch():
    yield from _launcher()


@pytest.fixture(scope="module")
def launch_for_module():
    yield from _launcher()
