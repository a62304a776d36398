"""A small thread-safe TTL cache for remote listings; keys carry a credential identity, never a secret."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from settings import get_settings

T = TypeVar("T")

MAX_ENTRIES = 512


def credential_identity(*secrets: str | None) -> str:
    """A short one-way fingerprint of credentials ('anon' when none): safe to keep in a cache key."""
    material = "\x00".join(s or "" for s in secrets)
    if not material.strip("\x00"):
        return "anon"
    return hashlib.sha256(material.encode()).hexdigest()[:16]


@dataclass
class _Entry:
    value: Any
    created: float
    expires: float
    namespace: str
    hits: int = 0


class TTLCache:
    """Values by key for `ttl` seconds (FORGEFLOW_CACHE_TTL when not given); counts hits and misses."""

    def __init__(self, ttl: float | None = None, max_entries: int = MAX_ENTRIES) -> None:
        self._ttl = ttl
        self._max = max_entries
        self._lock = threading.Lock()
        self._entries: dict[str, _Entry] = {}
        self.hits = 0
        self.misses = 0

    @property
    def ttl(self) -> float:
        """The time-to-live in seconds (0 disables caching)."""
        return self._ttl if self._ttl is not None else get_settings().cache_ttl

    @staticmethod
    def make_key(namespace: str, identity: str, **parts: Any) -> str:
        """A stable key from a namespace, a credential identity and the call's arguments."""
        body = json.dumps(parts, sort_keys=True, default=str)
        digest = hashlib.sha256(body.encode()).hexdigest()[:24]
        return f"{namespace}:{identity}:{digest}"

    def get_or_compute(self, key: str, compute: Callable[[], T]) -> tuple[T, bool]:
        """The cached value for `key` or `compute()` stored; returns (value, was_cached).

        Errors are not cached: a failing remote is asked again next time.
        """
        now = time.monotonic()
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and entry.expires > now:
                entry.hits += 1
                self.hits += 1
                return entry.value, True
            if entry is not None:
                del self._entries[key]
            self.misses += 1
        value = compute()
        ttl = self.ttl
        if ttl > 0:
            with self._lock:
                if len(self._entries) >= self._max:
                    self._evict(now)
                self._entries[key] = _Entry(
                    value=value, created=now, expires=now + ttl, namespace=key.split(":", 1)[0]
                )
        return value, False

    def _evict(self, now: float) -> None:
        for key in [k for k, e in self._entries.items() if e.expires <= now]:
            del self._entries[key]
        while len(self._entries) >= self._max:
            oldest = min(self._entries, key=lambda k: self._entries[k].created)
            del self._entries[oldest]

    def clear(self) -> None:
        """Drop every entry and reset the counters."""
        with self._lock:
            self._entries.clear()
            self.hits = 0
            self.misses = 0

    def status(self) -> dict[str, Any]:
        """Entries (by namespace, age, time left, hits) and the hit/miss counters."""
        now = time.monotonic()
        with self._lock:
            live = [(k, e) for k, e in self._entries.items() if e.expires > now]
            items = [
                {
                    "namespace": e.namespace,
                    "age_seconds": round(now - e.created, 3),
                    "expires_in_seconds": round(e.expires - now, 3),
                    "hits": e.hits,
                }
                for _, e in sorted(live, key=lambda kv: kv[1].created)
            ]
            total = self.hits + self.misses
            return {
                "ttl_seconds": self.ttl,
                "entries": len(live),
                "hits": self.hits,
                "misses": self.misses,
                "hit_rate": round(self.hits / total, 4) if total else 0.0,
                "items": items,
            }


CACHE = TTLCache()
"""The process-wide cache of search, trending, configs and suggestion results."""
