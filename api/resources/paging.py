"""Opaque cursors: an offset into a query's ordered answers, tied to the filters it was made for.

The cursor is base64url JSON `{"o": offset, "f": fingerprint}`. Offsets (not keysets) because the
orderings mix optional dates and IRIs, and Oxigraph sorts the filtered answers either way; the
fingerprint makes a cursor from another query a 400 instead of a silently wrong page.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass

from .. import json_input
from .params import BadParameter

__all__ = ["Page", "fingerprint", "encode_cursor", "decode_cursor"]

MAX_OFFSET = 10_000_000


def fingerprint(filters: dict) -> str:
    canonical = json.dumps(filters, sort_keys=True, ensure_ascii=True, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()[:12]


def encode_cursor(offset: int, filters: dict) -> str:
    raw = json.dumps({"o": offset, "f": fingerprint(filters)}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None, filters: dict) -> int:
    """The offset a cursor stands for; 0 without one. BadParameter for a damaged or foreign cursor."""
    if not cursor:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor.encode("ascii") + b"=" * (-len(cursor) % 4))
        data = json_input.loads(raw, "cursor")
        offset, mark = data["o"], data["f"]
    except (ValueError, UnicodeError, binascii.Error, KeyError, TypeError):
        raise BadParameter("cursor: not a cursor this API made") from None
    if not isinstance(offset, int) or isinstance(offset, bool) or not 0 <= offset <= MAX_OFFSET:
        raise BadParameter("cursor: not a cursor this API made")
    if mark != fingerprint(filters):
        raise BadParameter("cursor: it belongs to a query with other filters")
    return offset


@dataclass
class Page:
    """Where a page starts and how long it is (None: no limit); `next_cursor` is None on the last page."""
    offset: int = 0
    limit: int | None = 20

    def next_cursor(self, total: int, filters: dict) -> str | None:
        if self.limit is None:
            return None
        end = self.offset + self.limit
        return encode_cursor(end, filters) if end < total else None
