"""One value for a parameter that takes one: `?limit=5&limit=500` is refused (400), not read as its last value.

FastAPI, like Starlette's `QueryParams`, reads a repeated single-valued parameter silently as its last value, so a
script that builds its query string twice over gets an answer to another question than it asked. This dependency,
installed on the whole application, reads which query parameters each route declares and whether each takes a
list; `declared_parameters` gives their names to api/known_params.py.
"""
from __future__ import annotations

import typing

from fastapi import HTTPException, Request

__all__ = ["one_value_each", "declared_parameters"]

_SINGLE: dict[int, tuple[str, ...]] = {}
_DECLARED: dict[int, tuple[object, tuple[str, ...]]] = {}     # the route is kept, so its id is never reused


def _takes_many(annotation) -> bool:
    origin = typing.get_origin(annotation)
    if origin in (list, tuple, set, frozenset):
        return True
    return any(_takes_many(a) for a in typing.get_args(annotation)) if origin is typing.Union or str(origin) == "types.UnionType" \
        else False


def _query_params(dependant) -> list:
    """The query parameters a route reads, its dependencies' included."""
    if dependant is None:
        return []
    return [*dependant.query_params, *(f for d in dependant.dependencies for f in _query_params(d))]


def declared_parameters(route) -> tuple[str, ...]:
    """The names of the query parameters a route reads (aliases, as clients send them), in declaration order."""
    key = id(route)
    if key not in _DECLARED:
        names = tuple(dict.fromkeys(f.alias for f in _query_params(getattr(route, "dependant", None))))
        _DECLARED[key] = (route, names)
    return _DECLARED[key][1]


def _single_valued(route) -> tuple[str, ...]:
    key = id(route)
    if key not in _SINGLE:
        fields = _query_params(getattr(route, "dependant", None))
        _SINGLE[key] = tuple(dict.fromkeys(f.alias for f in fields if not _takes_many(f.field_info.annotation)))
    return _SINGLE[key]


async def one_value_each(request: Request) -> None:
    """Refuse a request that repeats a parameter its route reads once."""
    for name in _single_valued(request.scope.get("route")):
        given = len(request.query_params.getlist(name))
        if given > 1:
            raise HTTPException(400, f"{name}: given {given} times; it takes one value")
