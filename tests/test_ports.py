"""tests/ports.py: the servers the tests start never end up on a port another process took between the moment it
was found free and the moment the server bound it (pytest-xdist's workers start servers side by side)."""
from __future__ import annotations

import socket
import subprocess
import sys
import threading
from contextlib import ExitStack
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from tests import ports
from tests.api.conftest import start_server
from tests.sparql_servers import OxigraphServer, VirtuosoServer


def _http_server(folder: Path, chosen: tuple[int, ...]) -> subprocess.Popen:
    """`python -m http.server` on the port given, serving `folder` (its name.txt says whose it is)."""
    return subprocess.Popen([sys.executable, "-m", "http.server", str(chosen[0]), "--bind", "127.0.0.1"], cwd=folder,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)


def _named(folder: Path, name: str) -> Path:
    folder.mkdir()
    (folder / "name.txt").write_text(name)
    return folder


def _name_at(chosen: tuple[int, ...]) -> str:
    return httpx.get(f"http://127.0.0.1:{chosen[0]}/name.txt", timeout=2).text


def _start(folder: Path) -> tuple[subprocess.Popen, tuple[int, ...]]:
    return ports.start_listening(partial(_http_server, folder), lambda chosen: bool(_name_at(chosen)),
                                 lambda proc: proc.stdout.read().decode(errors="replace"), name="http.server")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class _TakenFirst:
    """ports._free_ports whose first `times` answers are ports another process then takes (listening, and answering
    HTTP with `name.txt` 'intruder'), as a server another pytest-xdist worker started could."""

    def __init__(self, stack: ExitStack, folder: Path, times: int = 1, which: int = 0):
        self.stack, self.times, self.which, self.calls = stack, times, which, 0
        self.handler = partial(_Quiet, directory=str(_named(folder, "intruder")))
        self.real = ports._free_ports

    def __call__(self, count: int) -> tuple[int, ...]:
        chosen = self.real(count)
        self.calls += 1
        if self.calls <= self.times:
            intruder = ThreadingHTTPServer(("127.0.0.1", chosen[self.which]), self.handler)
            threading.Thread(target=intruder.serve_forever, daemon=True).start()
            self.stack.callback(intruder.server_close)
            self.stack.callback(intruder.shutdown)
        return chosen


def test_regression_a_server_whose_port_was_taken_before_it_bound_it_starts_on_another(tmp_path, monkeypatch):
    """Another process answering on the port is not taken for the server: it starts again, on a port of its own."""
    with ExitStack() as stack:
        taken = _TakenFirst(stack, tmp_path / "intruder")
        monkeypatch.setattr(ports, "_free_ports", taken)
        proc, chosen = _start(_named(tmp_path / "ours", "ours"))
        try:
            assert taken.calls == 2
            assert _name_at(chosen) == "ours" and ports.listens(proc.pid, chosen)
        finally:
            proc.kill()
            proc.wait()


def test_regression_two_servers_started_at_once_on_the_same_free_port_never_share_it(tmp_path, monkeypatch):
    """Two workers may be handed the same free port: one server gets it, the other starts again on another."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        same = s.getsockname()[1]
    real, handed = ports._free_ports, []
    monkeypatch.setattr(ports, "_free_ports", lambda count: (same,) if len(handed) < 2 and not handed.append(0)
                        else real(count))
    started: dict[str, tuple[subprocess.Popen, tuple[int, ...]]] = {}
    threads = [threading.Thread(target=lambda name=name: started.update({name: _start(_named(tmp_path / name, name))}))
               for name in ("one", "two")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    try:
        assert sorted(started) == ["one", "two"]
        assert started["one"][1] != started["two"][1]
        assert {name: _name_at(chosen) for name, (_, chosen) in started.items()} == {"one": "one", "two": "two"}
    finally:
        for proc, _ in started.values():
            proc.kill()
            proc.wait()


def test_a_server_whose_ports_are_always_taken_fails_saying_so(tmp_path, monkeypatch):
    with ExitStack() as stack:
        monkeypatch.setattr(ports, "_free_ports", _TakenFirst(stack, tmp_path / "intruder", times=ports.TRIES))
        with pytest.raises(RuntimeError, match=f"taken by another process, {ports.TRIES} time"):
            _start(_named(tmp_path / "ours", "ours"))


def _frus_kg_serve(folder: Path):
    from graph import open_store

    open_store(folder / "store").close()
    proc, base = start_server(folder / "store")
    return proc, base


def _oxigraph(folder: Path):
    server = OxigraphServer(folder / "db").start()
    return server.proc, server.base


def _virtuoso(folder: Path):
    server = VirtuosoServer(folder / "virtuoso").start()
    return server.proc, server.base


@pytest.mark.parametrize("start, which", [(_frus_kg_serve, 0), (_oxigraph, 0), (_virtuoso, 0), (_virtuoso, 1)],
                         ids=["frus-kg-serve", "oxigraph", "virtuoso-sql-port", "virtuoso-http-port"])
def test_each_server_the_tests_start_is_started_again_when_its_port_was_taken(tmp_path, monkeypatch, start, which):
    """What each server prints when a port it was given is in use is known (ports.PORT_TAKEN)."""
    with ExitStack() as stack:
        taken = _TakenFirst(stack, tmp_path / "intruder", which=which)
        monkeypatch.setattr(ports, "_free_ports", taken)
        proc, base = start(tmp_path)
        try:
            assert taken.calls == 2
            assert ports.listens(proc.pid, (int(base.rsplit(":", 1)[1]),))
        finally:
            proc.kill()
            proc.wait()
