"""JSON a client sends, read with a nesting limit: a ValueError naming the field, never a RecursionError.

json.loads recurses once per bracket, so `[[[…]]]` fifty thousand deep raises RecursionError (a 500), and a value
just under Python's limit can still overflow whatever walks it next (repr, json.dumps). No message of the
reconciliation API or cursor of ours nests more than a few levels, so a small limit refuses nothing real.
"""
from __future__ import annotations

import json

__all__ = ["MAX_DEPTH", "loads"]

MAX_DEPTH = 32


def loads(text: str | bytes, field: str, max_depth: int = MAX_DEPTH):
    """The value of `text`, or ValueError naming `field` when it is not JSON or nests deeper than `max_depth`."""
    try:
        value = json.loads(text)
    except RecursionError:
        raise ValueError(f"{field}: the JSON nests deeper than {max_depth} levels") from None
    except ValueError as exc:           # JSONDecodeError, and UnicodeDecodeError for bytes
        raise ValueError(f"{field}: not JSON ({exc})") from None
    if _depth(value) > max_depth:
        raise ValueError(f"{field}: the JSON nests deeper than {max_depth} levels")
    return value


def _depth(value) -> int:
    """Nesting depth of a parsed value, without recursion (a scalar is 0)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is not None:
            deepest = max(deepest, level)
            stack.extend((child, level + 1) for child in children)
    return deepest
