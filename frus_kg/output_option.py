"""`-o -` is standard output, as for most command-line tools: the three commands that write a file (export,
network, link export) read a dash as no file at all, where they had written a file named "-"."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

__all__ = ["dash_is_stdout"]


def dash_is_stdout(value: Optional[Path]) -> Optional[Path]:
    """The typer callback of an `-o/--output` option: None (standard output) for "-"."""
    return None if value is not None and str(value) == "-" else value
