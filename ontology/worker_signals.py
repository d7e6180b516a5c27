"""Ctrl-C around the worker processes that ingest and graph spawn, and the threads that wait on them. It lives
here, in the one package both may import, because the two pools need the same pieces and imports are one-way."""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator

__all__ = ["DeferredCtrlC", "ctrl_c_held", "worker_ignores_ctrl_c"]


class DeferredCtrlC:
    """Ctrl-C raised where the caller checks for it (`check`), or on leaving, never in the middle of a lock.

    Python raises KeyboardInterrupt at whichever bytecode is running. Raised inside the Python code that takes
    the lock of a queue, a Condition or a Future, it leaves that lock held, and the clean-up that follows waits
    for it for ever: an interrupted ingest hung, saying nothing. Inside this block the handler only notes the
    press. Every wait inside needs a timeout, since a handler that raises nothing ends no wait (PEP 475).
    Where Ctrl-C is ignored or left to the system (SIG_IGN, SIG_DFL), or outside the main thread, nothing
    changes and `check` never raises."""

    def __init__(self) -> None:
        self._pressed = threading.Event()
        self._previous: object = None
        self._deferring = False

    def __enter__(self) -> "DeferredCtrlC":
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.getsignal(signal.SIGINT)
            self._deferring = callable(self._previous)
        if self._deferring:
            signal.signal(signal.SIGINT, self._note)
        return self

    def _note(self, signum: int, frame: object) -> None:
        self._pressed.set()

    def check(self) -> None:
        """Raise the Ctrl-C pressed since entering, once."""
        if self._pressed.is_set():
            self._pressed.clear()
            raise KeyboardInterrupt

    def __exit__(self, kind, error, traceback) -> None:
        if self._deferring:
            signal.signal(signal.SIGINT, self._previous)
            self._deferring = False
        if kind is None:
            self.check()


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
