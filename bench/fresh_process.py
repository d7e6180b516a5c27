"""Run one bench function in a new interpreter, so that its time and peak memory are its own.

Measured inside the bench process, the bare parse came out four times too slow (the garbage collector
kept rescanning an earlier section's rdflib heap) and the ingest's peak RSS included that heap.
"""
from __future__ import annotations

import multiprocessing
from typing import Any, Callable


def _child(fn: Callable[..., Any], args: tuple, conn) -> None:
    try:
        conn.send(fn(*args))
    except BaseException as exc:
        conn.send(RuntimeError(f"{getattr(fn, '__name__', fn)}: {type(exc).__name__}: {exc}"))
        raise


def call_in_fresh_process(fn: Callable[..., Any], *args: Any) -> Any:
    """`fn(*args)` in a spawned interpreter (fn must be importable by name); its result, or its error raised here."""
    ctx = multiprocessing.get_context("spawn")
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(fn, args, send), name=f"bench-{getattr(fn, '__name__', 'call')}")
    child.start()
    send.close()
    try:
        result = receive.recv()
    except EOFError:
        child.join()
        result = RuntimeError(f"the process running {getattr(fn, '__name__', fn)} died (exit code {child.exitcode})")
    child.join()
    if isinstance(result, BaseException):
        raise result
    return result
