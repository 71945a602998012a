"""The address a request really came from, behind our own reverse proxies."""

from __future__ import annotations

from django.conf import settings


def client_ip(request) -> str:
    """REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies the address the outermost one
    saw. Each proxy appends what it saw to X-Forwarded-For, so only the last N entries are
    ours; anything to their left was written by the client and is not trusted."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    chain = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    chain = [part for part in chain if part]
    if not chain:
        return remote
    return chain[-proxies] if len(chain) >= proxies else chain[0]
