"""The garbage collector paused while a network is drawn, measured or written.

A corpus network holds millions of small objects (evidence, passages, tuples) and no cycles, so every
collection the allocations trigger rescans all of them for nothing: it took 40% of a projection's time,
and made copying a 30,000-edge graph into igraph five times slower (0.34 s against 0.06 s).
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator

__all__ = ["collector_paused"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Disable the collector for the block, and restore it as it was (a nested pause leaves it off)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
