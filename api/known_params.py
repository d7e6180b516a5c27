"""Only the parameters a route declares: `/claims?claimType=Decision` (for `type`) is refused (400), not answered
with every claim as if no filter had been asked.

Installed on the REST resources and /search (api/app.py), not on the protocol endpoints (/sparql, /reconcile, the
Graph Store), whose parameters their specifications define, nor on /network, whose page passes its own. A client
preferring HTML gets the pages, which stay lenient.
"""
from __future__ import annotations

from fastapi import HTTPException, Request

from .pages import wants_html
from .query_params import declared_parameters

__all__ = ["declared_only"]


async def declared_only(request: Request) -> None:
    """Refuse a request naming a query parameter its route does not read, and say which ones it reads."""
    if not request.query_params or wants_html(request):
        return
    accepted = declared_parameters(request.scope.get("route"))
    unknown = [name for name in dict.fromkeys(request.query_params.keys()) if name not in accepted]
    if unknown:
        names = ", ".join(f"'{name[:60]}'" for name in unknown[:5])
        takes = f"accepts: {', '.join(accepted)}" if accepted else "takes no query parameters"
        raise HTTPException(400, f"unknown parameter{'s' if len(unknown) > 1 else ''} {names}; "
                                 f"{request.url.path} {takes}")
