"""bench/ports.py: the servers the tests and benches start never end up on a port another process took between the
moment it was found free and the moment the server bound it (pytest-xdist's workers start servers side by side)."""
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

from bench import ports
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


def _empty_store(folder: Path) -> Path:
    from graph import open_store

    open_store(folder / "store").close()
    return folder / "store"


def _frus_kg_serve(folder: Path):
    return start_server(_empty_store(folder))


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
    _started_again_when_its_port_was_taken(tmp_path, monkeypatch, start, which)


def _started_again_when_its_port_was_taken(tmp_path: Path, monkeypatch, start, which: int = 0) -> None:
    """`start(folder)` gives (process, base URL) of a server whose first port another process takes: it is started
    a second time, and it is its own process that listens on the port of the URL."""
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


def _bench_api(folder: Path):
    from bench import api

    server = api._ours(_empty_store(folder), folder)
    return server.proc, server.base


def _bench_oxigraph(folder: Path):
    from bench import api

    server = api._oxigraph(_empty_store(folder), folder)
    return server.proc, server.base


def _bench_load(folder: Path):
    from bench import load

    return load.serve(_empty_store(folder), log=folder / "load-serve.log")


def _bench_pages(folder: Path):
    from bench import pages

    server = pages._serve(_empty_store(folder), folder / "pages-serve.log")
    return server.proc, server.base


def _bench_rdflib_endpoint(folder: Path):
    from bench import api, rdflib_endpoint

    server, _, peak = rdflib_endpoint._launch([api._exe("frus-kg"), "serve", "--store", str(_empty_store(folder)),
                                              "--port", "{port}"], "/sparql", folder / "ours.log", 2.0**40)
    assert server is not None and peak > 0
    return server.proc, server.base


@pytest.mark.parametrize("start", [_bench_api, _bench_oxigraph, _bench_load, _bench_pages, _bench_rdflib_endpoint],
                         ids=["api", "api-oxigraph", "load", "pages", "rdflib-endpoint"])
def test_regression_a_bench_server_could_be_timed_on_a_port_another_process_took(tmp_path, monkeypatch, start):
    """The benches found a free port, let it go and started their server on it: a server another process started in
    between answered in its place (or theirs exited, port in use). They start theirs as the tests do: again, on
    another port, until it is its own process that listens."""
    _started_again_when_its_port_was_taken(tmp_path, monkeypatch, start)
