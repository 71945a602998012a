"""Settings for bench/exam_storm.py only: the product's settings plus a bare JSON view."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.bench_urls"

# Without REDIS_URL the cache is per-process local memory, whose default of 300 entries
# evicts attempt facts as soon as a few hundred cadres save at once. Requested for
# config/settings.py as well (see the exams report); Redis has no such limit.
if CACHES["default"]["BACKEND"].endswith("LocMemCache"):  # noqa: F405
    CACHES["default"].setdefault("OPTIONS", {})["MAX_ENTRIES"] = 50000  # noqa: F405

# Where each request's time went on the server (bench/server_timing.py), read by the client.
MIDDLEWARE = ["bench.server_timing.ServerTimingMiddleware", *MIDDLEWARE]  # noqa: F405
