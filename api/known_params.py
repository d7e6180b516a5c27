"""Only the parameters a route declares: `/claims?claimType=Decision` (for `type`) is refused (400), not answered
with every claim as if no filter had been asked.

Installed on the REST resources, /search, /network and /network/edge, the IRIs under /id/ and /vocab, /lookup,
/linksets, /crosswalk.csv and /.well-known/void (api/app.py); not on the protocol endpoints (/sparql, /reconcile, the
Graph Store), whose parameters their specifications define. An answer that is a page stays lenient, as browsers and
links add parameters of their own (`utm_source`): a client preferring HTML, or `format=html` where the route reads
a `format`.
"""
from __future__ import annotations

from fastapi import HTTPException, Request

from .pages import wants_html
from .query_params import declared_parameters

__all__ = ["declared_only"]


def _answers_a_page(request: Request, accepted: tuple[str, ...]) -> bool:
    """A `format` the route reads decides, as /network and /id/ decide it; else the Accept header does."""
    if "format" in accepted and "format" in request.query_params:
        return request.query_params["format"].lower() == "html"
    return wants_html(request)


async def declared_only(request: Request) -> None:
    """Refuse a request naming a query parameter its route does not read, and say which ones it reads."""
    if not request.query_params:
        return
    accepted = declared_parameters(request.scope.get("route"))
    if _answers_a_page(request, accepted):
        return
    unknown = [name for name in dict.fromkeys(request.query_params.keys()) if name not in accepted]
    if unknown:
        names = ", ".join(name[:60] for name in unknown[:5])
        takes = f"accepts: {', '.join(accepted)}" if accepted else "takes no query parameters"
        raise HTTPException(400, f"{names}: unknown parameter{'s' if len(unknown) > 1 else ''}; "
                                 f"{request.url.path} {takes}")
