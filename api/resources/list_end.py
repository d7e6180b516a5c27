"""How far a list goes, said of a page asked for past its end (a cursor or page number beyond the last: forged, or
left from before a removal): one account for the 404 page a browser gets (api/pages.py) and the 404 problem
details a script gets (api/resources/respond.py), so the two cannot tell the list's length differently."""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from .links import list_href
from .paging import Page, encode_cursor

__all__ = ["ListEnd", "offset_list_end", "keyset_list_end"]


@dataclass(frozen=True)
class ListEnd:
    """`number` is the page asked for (None for a keyset cursor, whose pages have no number); `first` and `last`
    are paths of this server (`last` None when the first page is the last, or a keyset list's, unknown without
    reading every page)."""
    what: str
    total: int
    pages: int
    number: int | None
    first: str
    last: str | None

    def sentence(self) -> str:
        asked = (f"There is no page {self.number:,} of {self.what}" if self.number
                 else f"There are no more {self.what} past this point")
        return f"{asked}: {self.total:,} in all, on {self.pages:,} page{'s' if self.pages != 1 else ''}."

    def links(self) -> list[tuple[str, str]]:
        """(path, text) of the last page, then the first."""
        last = [(self.last, f"The last page, page {self.pages:,}")] if self.last else []
        return [*last, (self.first, "The first page")]


def offset_list_end(what: str, path: str, given: dict, page: Page, total: int, limit: int | None) -> ListEnd:
    """The end of an offset-paged list (api/resources/paging.py) at `path` with the filters `given`; its links
    carry `limit` (None: the default page size)."""
    size = page.limit or max(1, total)
    pages = max(1, -(-total // size))
    last = (pages - 1) * size
    return ListEnd(what, total, pages, page.offset // size + 1, list_href(path, given, limit=limit),
                   list_href(path, given, cursor=encode_cursor(last, given), limit=limit) if last else None)


def keyset_list_end(what: str, path: str, params: list[tuple[str, str]], total: int, size: int) -> ListEnd:
    """The end of a keyset-paged list (a search's, whose cursor is the last hit read) at `path` with the request's
    `params`: its last page's cursor is the hit before that page, known only by reading every page up to it."""
    first = [(k, v) for k, v in params if k != "cursor"]
    return ListEnd(what, total, max(1, -(-total // size)), None, f"{path}?{urlencode(first)}" if first else path, None)
