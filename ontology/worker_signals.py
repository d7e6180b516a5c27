"""Ctrl-C around the worker processes that ingest and graph spawn. It lives here, in the one package both
may import, because the two pools need the same two halves and imports are one-way."""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator

__all__ = ["ctrl_c_held", "worker_ignores_ctrl_c"]


@contextmanager
def ctrl_c_held() -> Iterator[None]:
    """Ctrl-C held while this process spawns a worker, and raised on leaving.

    Raised between the worker's exec and the start data this process pipes to it, it made the worker print
    an EOFError traceback. Blocking SIGINT in this thread is not enough: the kernel then hands it to another
    thread, and Python raises it in this one all the same. So the handler defers it too. The worker inherits
    the blocked mask through exec, so a terminal's Ctrl-C, sent to the whole group, stays pending in it
    until `worker_ignores_ctrl_c`."""
    main = threading.current_thread() is threading.main_thread()
    pressed: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: pressed.append(signum)) if main else None
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT}) if hasattr(signal, "pthread_sigmask") else None
    try:
        yield
    finally:
        if blocked is not None and signal.SIGINT not in blocked:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})     # a pending one lands in `pressed`
        if main:
            signal.signal(signal.SIGINT, previous)
    if pressed and callable(previous):
        previous(signal.SIGINT, None)
    elif pressed and previous == signal.SIG_DFL:
        raise KeyboardInterrupt


def worker_ignores_ctrl_c() -> None:
    """A worker's first step: Ctrl-C is its parent's to handle. One pressed since the spawn is pending (see
    `ctrl_c_held`); ignoring SIGINT drops it, then the mask is lifted."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
