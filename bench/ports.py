"""Ports on 127.0.0.1 for the servers the tests and the benches start, safe when pytest-xdist's workers (or a bench
beside a test run) start servers side by side. In bench/ because the tests import the benches, never the reverse.

A port found free and let go can be taken by another worker's server before the one it was found for binds it. The
servers here take a port number (`frus-kg serve --port`, `oxigraph serve --bind`, virtuoso-t's ServerPort), so each is
started on free ports and started again on new ones if it exits because one was taken; it counts as started only once
its own process listens on every port it was given, so a test never talks to another worker's server. (Given port 0,
oxigraph prints the address it was given, not the one it bound, and virtuoso-t refuses it: so one way serves all.)
"""
from __future__ import annotations

import os
import re
import socket
import subprocess
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Callable

import httpx

__all__ = ["PORT_TAKEN", "TRIES", "listens", "refused_port", "start_listening"]

TRIES = 5
# what uvicorn, oxigraph and virtuoso-t print when a port they were given is in use
PORT_TAKEN = re.compile(r"(?i)already in use|failed (to start |http )?listen")
_TABLES = (Path("/proc/net/tcp"), Path("/proc/net/tcp6"))
_LISTEN = "0A"


@contextmanager
def refused_port():
    """A port on 127.0.0.1 where no server answers, for as long as the block runs: bound but never listening, it
    refuses every connection, and no other process (a server another pytest-xdist worker starts) can take it."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        yield s.getsockname()[1]


def _free_ports(count: int) -> tuple[int, ...]:
    """`count` different ports, all bound at once so that the system cannot hand out one twice."""
    with ExitStack() as stack:
        sockets = [stack.enter_context(socket.socket()) for _ in range(count)]
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return tuple(s.getsockname()[1] for s in sockets)


def _listening_inodes(port: int) -> set[str]:
    inodes = set()
    for table in _TABLES:
        for line in table.read_text().splitlines()[1:] if table.exists() else ():
            fields = line.split()
            if fields[3] == _LISTEN and int(fields[1].rsplit(":", 1)[1], 16) == port:
                inodes.add(f"socket:[{fields[9]}]")
    return inodes


def _open_files(pid: int) -> set[str]:
    found = set()
    try:
        names = os.listdir(f"/proc/{pid}/fd")
    except OSError:
        return found
    for name in names:
        try:
            found.add(os.readlink(f"/proc/{pid}/fd/{name}"))
        except OSError:                 # closed meanwhile
            pass
    return found


def listens(pid: int, ports: tuple[int, ...]) -> bool:
    """Whether process `pid` itself listens on each of `ports` (Linux's /proc): one that answers on a port may be
    another worker's server, which took the port before this one could bind it."""
    held = _open_files(pid)
    return all(_listening_inodes(port) & held for port in ports)


def start_listening(launch: Callable[[tuple[int, ...]], subprocess.Popen], ready: Callable[[tuple[int, ...]], bool],
                    output: Callable[[subprocess.Popen], str], *, name: str, ports: int | tuple[int, ...] = 1,
                    timeout: float = 30.0) -> tuple[subprocess.Popen, tuple[int, ...]]:
    """Start a server, `launch(ports)`, and wait until its process listens on `ports` and `ready(ports)`; the process
    and its ports. `ports` is how many free ports to find, started on new ones when one was taken (TRIES times at
    most), or the ports to use (a restart on the ports a test's store URL names): one try. `output(process)` is what
    an exited server printed."""
    tries = TRIES if isinstance(ports, int) else 1
    for _ in range(tries):
        chosen = _free_ports(ports) if isinstance(ports, int) else ports
        proc = launch(chosen)
        taken = _wait(proc, chosen, ready, output, name, timeout)
        if taken is None:
            return proc, chosen
    raise RuntimeError(f"{name} could not listen: a port it was given was taken by another process, {tries} time(s) "
                       f"in a row; it printed: {taken[-2000:]}")


def _wait(proc: subprocess.Popen, ports: tuple[int, ...], ready: Callable[[tuple[int, ...]], bool],
          output: Callable[[subprocess.Popen], str], name: str, timeout: float) -> str | None:
    """None once the server is up; what it printed if it exited because one of its ports was taken."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            printed = output(proc)
            if PORT_TAKEN.search(printed):
                return printed
            raise RuntimeError(f"{name} exited with {proc.returncode}: {printed[-2000:]}")
        if listens(proc.pid, ports) and _answers(ready, ports):
            return None
        time.sleep(0.1)
    proc.kill()
    proc.wait()
    raise RuntimeError(f"{name} did not answer within {timeout:g} s: {output(proc)[-2000:]}")


def _answers(ready: Callable[[tuple[int, ...]], bool], ports: tuple[int, ...]) -> bool:
    try:
        return ready(ports)
    except httpx.TransportError:
        return False
