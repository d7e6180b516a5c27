"""Test hooks of `frus-kg ingest`, read from the environment here, by the composition root, and handed to
`ingest_corpus(after_commit=…)`: the ingest package itself holds no code that kills its own process.

FRUS_KG_INGEST_PAUSE_AFTER=N makes the writer stop after N committed documents and wait (printing a line to
stderr) until the run is interrupted; FRUS_KG_INGEST_KILL_AFTER=N makes the process SIGKILL itself. The
resume tests (tests/ingest/test_resume.py) and the crash campaign drive the command with them.
"""
from __future__ import annotations

import os
import signal
import sys
import threading
from typing import Callable

__all__ = ["AfterCommit", "after_commit_from_env"]

AfterCommit = Callable[[int, threading.Event], None]


def after_commit_from_env(environ=os.environ) -> AfterCommit | None:
    """The hook the environment asks for, or None (the normal case)."""
    pause_after = int(environ.get("FRUS_KG_INGEST_PAUSE_AFTER", "0") or 0)
    kill_after = int(environ.get("FRUS_KG_INGEST_KILL_AFTER", "0") or 0)
    if not (pause_after or kill_after):
        return None

    def after_commit(committed: int, abort: threading.Event) -> None:
        if kill_after and committed >= kill_after:
            print(f"frus-kg ingest: test hook: SIGKILL after {committed} committed documents", file=sys.stderr,
                  flush=True)
            os.kill(os.getpid(), signal.SIGKILL)
        if pause_after and committed >= pause_after:
            print(f"frus-kg ingest: test hook: paused after {committed} committed documents", file=sys.stderr,
                  flush=True)
            abort.wait()                                # until the run is interrupted

    return after_commit
