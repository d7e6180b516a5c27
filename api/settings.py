"""The service's settings: limits that protect a public endpoint, and the switches that open it further.

Every setting has a `frus-kg serve` option and an environment variable (docs/http.md lists them);
the defaults are safe for a public, read-only endpoint.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields

__all__ = ["Settings", "ENVIRONMENT"]

ENVIRONMENT = {
    "query_timeout": "FRUS_KG_QUERY_TIMEOUT",
    "row_cap": "FRUS_KG_ROW_CAP",
    "query_workers": "FRUS_KG_QUERY_WORKERS",
    "service_allow": "FRUS_KG_SERVICE_ALLOW",
    "service_timeout": "FRUS_KG_SERVICE_TIMEOUT",
    "service_concurrency": "FRUS_KG_SERVICE_CONCURRENCY",
    "update_token": "FRUS_KG_UPDATE_TOKEN",
    "max_body_bytes": "FRUS_KG_MAX_BODY_BYTES",
    "max_query_depth": "FRUS_KG_MAX_QUERY_DEPTH",
    "cors": "FRUS_KG_CORS",
    "rate_limit": "FRUS_KG_RATE_LIMIT",
    "page_cache_bytes": "FRUS_KG_PAGE_CACHE_BYTES",
}


@dataclass(frozen=True)
class Settings:
    query_timeout: float = 30.0
    row_cap: int = 100_000
    query_workers: int = 2
    service_allow: tuple[str, ...] = ()
    service_timeout: float = 10.0
    service_concurrency: int = 2
    update_token: str | None = field(default=None, repr=False)
    max_body_bytes: int = 1024 * 1024
    max_query_depth: int = 100
    cors: bool = True
    rate_limit: float = 0.0          # requests per second per client IP; 0 = off (api/rate_limit.py)
    page_cache_bytes: int = 32 * 2 ** 20    # rendered document pages kept per process; 0 = off (api/page_cache.py)

    @classmethod
    def from_env(cls, environ=os.environ, **overrides) -> "Settings":
        """Defaults, then the FRUS_KG_* environment, then explicit `overrides` (CLI options) that are not None."""
        values = {}
        for f in fields(cls):
            raw = environ.get(ENVIRONMENT[f.name])
            if raw is not None and raw != "":
                values[f.name] = _parse(f.name, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        if isinstance(values.get("service_allow"), (list, str)):
            values["service_allow"] = tuple(values["service_allow"] if isinstance(values["service_allow"], list)
                                            else values["service_allow"].split())
        settings = cls(**values)
        settings.check()
        return settings

    def check(self) -> None:
        for name in ("query_timeout", "row_cap", "query_workers", "service_timeout", "service_concurrency",
                     "max_body_bytes", "max_query_depth"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive, not {getattr(self, name)}")
        if self.query_workers > (limit := QUERY_WORKERS_PER_CPU * _cpus()):
            raise ValueError(f"query_workers must be at most {limit}, {QUERY_WORKERS_PER_CPU} per CPU of the {_cpus()} this "
                             f"process may use (each is a process of its own, holding the store open), not "
                             f"{self.query_workers}")
        if self.rate_limit < 0:
            raise ValueError(f"rate_limit must be 0 (off) or positive, not {self.rate_limit}")
        if self.page_cache_bytes < 0:
            raise ValueError(f"page_cache_bytes must be 0 (off) or positive, not {self.page_cache_bytes}")


QUERY_WORKERS_PER_CPU = 4


def _cpus() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _parse(name: str, raw: str):
    if name == "service_allow":
        return tuple(raw.split())
    if name == "update_token":
        return raw
    if name == "cors":
        if raw.lower() not in ("1", "0", "true", "false", "yes", "no", "on", "off"):
            raise ValueError(f"{ENVIRONMENT[name]} must be true or false, not {raw!r}")
        return raw.lower() in ("1", "true", "yes", "on")
    try:
        return float(raw) if name.endswith("timeout") or name == "rate_limit" else int(raw)
    except ValueError:
        raise ValueError(f"{ENVIRONMENT[name]} must be a number, not {raw!r}") from None
