"""The profiling process of bench/profile: runs inside the profiled project (its virtualenv,
its directory, its settings in the environment) and requests its pages through Django's
WSGI handler, as gunicorn would, without a network in between. Prints one JSON object.

    cd <project> && DJANGO_SETTINGS_MODULE=… <its python> bench/profile_worker.py \
        --urls '{"home": "/en/"}' [--urls-script FILE] [--requests 30] [--out FILE]

Three passes per URL, after --warmup requests (the first one fills the per-process caches):

1. plain: --requests requests, each timed with the thread's CPU clock, nothing installed;
   this is the CPU time per request to quote;
2. probes: the same URL with profile_probes installed (templates, nodes, queries,
   middlewares, connection); gives the shares and the query list;
3. cProfile with the thread's CPU clock as timer: the functions that cost the most, and
   how often the functions of interest (translations, settings, URLs, renditions) run.
"""

import argparse
import contextlib
import cProfile
import io
import json
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, os.getcwd())

import profile_probes  # noqa: E402  (beside this file)

# Functions counted per request in the cProfile pass: (part of the file path, name).
INTEREST = [
    ("django/utils/translation/__init__", "gettext"),
    ("django/utils/translation/__init__", "pgettext"),
    ("django/utils/translation/__init__", "ngettext"),
    ("django/utils/translation/__init__", "get_language"),
    ("django/utils/translation/trans_real", "translation"),
    ("django/utils/formats", "get_format"),
    ("django/utils/dateformat", "format"),
    ("django/utils/timezone", "localtime"),
    ("django/urls/base", "reverse"),
    ("django/urls/resolvers", "resolve"),
    ("django/templatetags/static", "static"),
    ("django/template/loader_tags", "render"),
    ("django/template/base", "render"),
    ("django/template/base", "resolve"),
    ("django/template/context", "push"),
    ("django/db/models/query", "_fetch_all"),
    ("django/db/models/base", "from_db"),
    ("django/db/models/base", "__init__"),
    ("wagtail/models/sites", "find_for_request"),
    ("wagtail/models/sites", "get_site_root_paths"),
    ("wagtail/models/pages", "get_url_parts"),
    ("wagtail/models/pages", "get_url"),
    ("wagtail/models/pages", "get_full_url"),
    ("wagtail/models/pages", "relative_url"),
    ("wagtail/models/pages", "specific"),
    ("wagtail/models/pages", "specific_deferred"),
    ("wagtail/models/i18n", "get_active"),
    ("wagtail/models/i18n", "localized"),
    ("wagtail/contrib/settings/models", "for_request"),
    ("wagtail/contrib/settings/models", "for_site"),
    ("wagtail/images/models", "get_rendition"),
    ("wagtail/images/models", "get_renditions"),
    ("wagtail/images/models", "img_tag"),
    ("wagtail/rich_text/__init__", "expand_db_html"),
    ("wagtail/blocks/stream_block", "render_basic"),
    ("csp/", "build_policy"),
]


def environ_for(path):
    path, _, query = path.partition("?")
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SCRIPT_NAME": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": "127.0.0.1",
        "HTTP_ACCEPT": "text/html",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }


def request(handler, path):
    """One request as gunicorn makes it: the response iterated and closed (which sends
    request_finished: connections are closed there when CONN_MAX_AGE is 0)."""
    status = []
    response = handler(environ_for(path), lambda s, headers, exc_info=None: status.append(s))
    try:
        body = b"".join(response)
    finally:
        response.close()
    return int(status[0].split()[0]), len(body)


def plain_pass(handler, path, count):
    cpu = []
    for _ in range(count):
        start = time.thread_time_ns()
        request(handler, path)
        cpu.append((time.thread_time_ns() - start) / 1e6)
    return cpu


def probe_pass(handler, path, count):
    rec = profile_probes.RECORDER
    rec.reset()
    first_queries = None
    for _ in range(count):
        rec.enabled = True
        rec.push(("request", "wsgi"))
        try:
            request(handler, path)
        finally:
            rec.pop()
            rec.enabled = False
        rec.requests += 1
        if first_queries is None:
            first_queries = list(rec.queries)
    summary = rec.summary()
    summary["queries"] = [
        {"caller": where, "sql": sql, "ms": ns / 1e6} for where, sql, ns in first_queries or []
    ]
    return summary


def short(filename):
    for marker in ("site-packages/", "lib/python3.11/"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return os.path.relpath(filename) if filename.startswith("/") else filename


def cprofile_pass(handler, path, count, top):
    profiler = cProfile.Profile(time.thread_time_ns, 1e-9)
    profiler.enable()
    for _ in range(count):
        request(handler, path)
    profiler.disable()
    stats = pstats.Stats(profiler).stats
    rows = []
    interest = {}
    for (filename, line, name), (_cc, ncalls, tottime, cumtime, _callers) in stats.items():
        label = f"{short(filename)}:{line} {name}"
        rows.append((label, ncalls / count, tottime * 1000 / count, cumtime * 1000 / count))
        for part, wanted in INTEREST:
            if name == wanted and part in filename:
                key = f"{part.rsplit('/', 1)[-1] or part}.{name}"
                interest[key] = interest.get(key, 0) + ncalls / count
    total = sum(row[2] for row in rows)

    def as_dicts(selected):
        return [
            {"function": label, "calls": calls, "self_ms": tt, "cum_ms": ct}
            for label, calls, tt, ct in selected
        ]

    return {
        "total_ms": total,
        "by_self": as_dicts(sorted(rows, key=lambda r: -r[2])[:top]),
        "by_cumulative": as_dicts(sorted(rows, key=lambda r: -r[3])[: top * 2]),
        "interest": interest,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--urls", default="{}", help="JSON {kind: path}")
    parser.add_argument("--urls-script", help="Python that prints JSON:{kind: path} (more URLs)")
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--probe-requests", type=int, default=10)
    parser.add_argument("--cprofile-requests", type=int, default=10)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--out")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection

    urls = json.loads(args.urls)
    if args.urls_script:
        output = io.StringIO()
        with contextlib.redirect_stdout(output):
            exec(Path(args.urls_script).read_text(), {"__name__": "__bench__"})  # noqa: S102
        line = [ln for ln in output.getvalue().splitlines() if ln.startswith("JSON:")][-1]
        urls.update({k: v for k, v in json.loads(line[5:]).items() if k not in urls})

    plain = WSGIHandler()
    middleware = list(settings.MIDDLEWARE)
    settings.MIDDLEWARE = profile_probes.with_probes(middleware)
    probed = WSGIHandler()
    settings.MIDDLEWARE = middleware
    profile_probes.install()
    connection.execute_wrappers.append(profile_probes.sql_wrapper)

    results = {
        "settings": {
            "module": os.environ.get("DJANGO_SETTINGS_MODULE"),
            "debug": settings.DEBUG,
            "conn_max_age": connection.settings_dict.get("CONN_MAX_AGE"),
            "database": connection.vendor,
            "page_cache_seconds": getattr(settings, "PAGE_CACHE_SECONDS", None),
            "middleware": middleware,
        },
        "pages": {},
    }
    for kind, path in urls.items():
        status, size = request(plain, path)
        for _ in range(args.warmup - 1):
            request(plain, path)
        cpu = plain_pass(plain, path, args.requests)
        for _ in range(2):
            request(probed, path)
        probes = probe_pass(probed, path, args.probe_requests)
        profile = cprofile_pass(plain, path, args.cprofile_requests, args.top)
        results["pages"][kind] = {
            "path": path,
            "status": status,
            "bytes": size,
            "cpu_ms": cpu,
            "cpu_ms_median": statistics.median(cpu),
            "probes": probes,
            "cprofile": profile,
        }
        print(
            f"  {kind:<28} {path:<60} {status} {size:>7} B  CPU {statistics.median(cpu):6.1f} ms"
            f" (min {min(cpu):.1f}, max {max(cpu):.1f})  queries {len(probes['queries'])}",
            file=sys.stderr,
            flush=True,
        )
    text = json.dumps(results)
    if args.out:
        with open(args.out, "w") as out:
            out.write(text)
    else:
        print(text)


if __name__ == "__main__":
    main()
