"""Who the client is, and how many times it has done something: the rate limits of the admin's
password-reset form (core/login_throttle.py) and of the public forms (privacy/antispam.py).

Counting is django-ratelimit's, in the `limits` cache (RATELIMIT_USE_CACHE): Redis when
REDIS_URL is set, the database cache otherwise (core/cache.py), so that every worker process
and every app server counts together. A cache that fails lets the request through (logged):
a limit is skipped, never a visitor's submission.
"""

import ipaddress
import logging

from django.conf import settings
from django.core.cache import caches
from django_ratelimit.core import get_usage

logger = logging.getLogger(__name__)

LIMITS_CACHE = "limits"
UNKNOWN_ADDRESS = "0.0.0.0"


def client_address(request):
    """REMOTE_ADDR, or the address TRUSTED_PROXY_COUNT proxies away in X-Forwarded-For;
    IPv6 addresses by the first address of their /64 (one client usually holds a whole
    /64). Also django-axes' AXES_CLIENT_IP_CALLABLE, so that logins are counted per the
    same address.

    Anything that is no IP address (no REMOTE_ADDR: a Unix socket, Django's test client's
    force_login; a proxy forwarding garbage) is the unspecified address 0.0.0.0: one client
    for the limits, and an address that django-axes can store (PostgreSQL's inet column
    refuses any other text, and the admin login would answer 500)."""
    address = request.META.get("REMOTE_ADDR", "") if request is not None else ""
    proxies = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0)
    if proxies and request is not None:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            address = forwarded[-proxies]
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return UNKNOWN_ADDRESS
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False).network_address)
    return str(ip)


def count(request, group, value, limit, window_seconds):
    """Count one more `group` action for `value` (an address, an e-mail address…): 0 while
    it is within `limit` per `window_seconds`, else the seconds until the window ends. 0 too
    when the cache cannot count (logged)."""
    try:
        usage = get_usage(
            request,
            group=group,
            key=lambda _group, _request: value,
            rate=(int(limit), max(1, int(window_seconds))),
            increment=True,
        )
    except Exception:  # noqa: BLE001 - a cache outage must not block anyone
        usage = None
        logger.warning("Rate limit %s: cache error, not applied", group, exc_info=True)
    if usage is None:  # the cache failed (RATELIMIT_FAIL_OPEN) or limits are switched off
        if getattr(settings, "RATELIMIT_ENABLE", True):
            logger.warning("Rate limit %s: cache unavailable, not applied", group)
        return 0
    return max(1, usage["time_left"]) if usage["should_limit"] else 0


def store_description():
    """Where the limits are counted, for the log at start-up (config/wsgi.py)."""
    backend = settings.CACHES[LIMITS_CACHE]["BACKEND"]
    if "redis" in backend.lower():
        return "Redis (REDIS_URL), shared by every worker and server"
    if backend.endswith("DatabaseCache"):
        table = settings.CACHES[LIMITS_CACHE]["LOCATION"]
        return (
            f"the database cache (table {table}; REDIS_URL is not set), shared by every "
            "worker and server"
        )
    return f"{backend}: NOT shared between worker processes"


def limits_cache():
    return caches[LIMITS_CACHE]
