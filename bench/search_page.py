#!/usr/bin/env python
"""CPU per search results page, end to end, of the checkout in the current directory, on the
database the environment names
(issue 17.2: a ranked first page at 10,000 news items per language on PostgreSQL).

    cd <checkout> && DJANGO_SETTINGS_MODULE=config.settings.production DATABASE_URL=… \\
        CONN_MAX_AGE=60 .venv/bin/python bench/search_page.py [--requests 40] [PATH …]

Each path (default: common, rarer and absent words in English and French) is requested
through Django's WSGI handler as gunicorn would (bench/profile_worker.py's request()),
after warm-up requests, and the CPU time is read for this thread (Python: routing, the
view, the queries' client side, template rendering) and, on PostgreSQL, for the server
process of the connection (from /proc: run it on the database's machine, with
CONN_MAX_AGE > 0 so that one connection serves every request). Figures are CPU
milliseconds per request, never wall time: the machine may be shared. /proc counts in
clock ticks (10 ms), hence many requests per path.
"""

import argparse
import os
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, os.getcwd())  # the checkout to measure: the current directory

from profile_worker import request  # noqa: E402

DEFAULT_PATHS = [
    "/en/search/?q=security",
    "/en/search/?q=security&type=news",
    "/en/search/?q=festival",
    "/en/search/?q=bollards",
    "/en/search/?q=zzzzqx",
    "/fr/search/?q=s%C3%A9curit%C3%A9",
    "/fr/search/?q=s%C3%A9curit%C3%A9&page=3",
]


def server_cpu_ms(connection):
    """CPU time used so far by the PostgreSQL process serving this connection (None
    elsewhere)."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])  # utime, stime
    return ticks * 1000 / os.sysconf("SC_CLK_TCK")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", default=DEFAULT_PATHS)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--warmup", type=int, default=3)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection

    handler = WSGIHandler()
    print(f"{'path':45} {'status':>6} {'KB':>5} {'Python ms':>10} {'DB ms':>7} {'total':>7}")
    for path in args.paths:
        for _ in range(args.warmup):
            status, size = request(handler, path)
        db_before = server_cpu_ms(connection)
        start = time.thread_time_ns()
        for _ in range(args.requests):
            request(handler, path)
        python_ms = (time.thread_time_ns() - start) / 1e6 / args.requests
        db_after = server_cpu_ms(connection)
        db_ms = (db_after - db_before) / args.requests if db_before is not None else 0.0
        print(
            f"{path:45} {status:>6} {size / 1024:>5.0f} {python_ms:>10.1f} {db_ms:>7.1f} "
            f"{python_ms + db_ms:>7.1f}"
        )
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
