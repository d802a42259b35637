"""HTTP benchmark of the site: requests/s, latency and the server's CPU time per request of
each page type, without cache (cold), with the page cache of the app servers (cached), and
behind Varnish purged by the site (performance/varnish.vcl), against nginx serving the home
page's HTML as a static file (the ceiling).

    bench/http                              # 2,000 news items and 500 events per language
    bench/http --runs 5 --duration 10       # more and longer runs
    bench/http --modes cold --pages home,search   # a subset
    bench/http --news 10000 --events 2000   # the full size
    DATABASE_URL=postgres://… bench/http    # on PostgreSQL (a new database, dropped after)
    bench/http --redis                      # the page cache in a local Redis
    bench/http --peer                       # against bakerydemo, as measure.sh (peer_bench.py)
    bench/http --help

It prepares a fresh database in a temporary directory (migrate, load_demo_content,
generate_load_data, prerender_renditions, collectstatic), starts one gunicorn per mode with
config.settings.bench (production + the demo app) on 127.0.0.1 (SQLite unless DATABASE_URL
is set; gthread workers, which keep connections alive), nginx and Varnish, then measures in
--runs interleaved rounds: each round measures the ceiling, then every page in every mode,
so that a change in the machine's load touches all figures alike. Each figure is the median
of the rounds with its spread; "/ nginx" is the median of the per-round ratios to that
round's ceiling. CPU ms / request is the server's own CPU time (user + system of its
processes, from /proc, once it has finished what wrk left in flight) divided by the
requests it answered (gunicorn's access log): unlike req/s it hardly moves when other
processes share the machine. wrk, nginx (nginx-light), varnish and redis-server come from
Debian: the script installs them with apt-get when it runs as root (--no-varnish skips that
mode). BENCH_PORTS=8800-8899 keeps the servers in a port range.
"""

import argparse
import contextlib
import json
import os
import secrets
import shutil
import signal
import sys
import tempfile
from pathlib import Path

import benchkit
import datasets
import http_report
import peer_bench
from benchkit import fmt_ms, log
from http_servers import HttpServers

REPO, VENV = benchkit.REPO, benchkit.VENV
PAGE_TYPES = [
    "home",
    "news index",
    "news page",
    "events index",
    "event page",
    "project page",
    "search",
    "sitemap.xml",
    "calendar.ics",
    "feed.xml",
]
MODES = ["cold", "cached", "varnish"]

URLS_SCRIPT = """
import json
from events.models import EventPage
from news.models import NewsPage
from projects.models import ProjectPage
lang = {language!r}
news = NewsPage.objects.live().filter(locale__language_code=lang).order_by("-date", "-pk").first()
event = (EventPage.objects.live().filter(locale__language_code=lang, registration_enabled=False)
         .exclude(city=None).order_by("-start").first())
project = (ProjectPage.objects.live().filter(locale__language_code=lang)
           .order_by("-start_date").first())
print(json.dumps({{
    "home": f"/{{lang}}/", "news index": f"/{{lang}}/news/", "news page": news.get_url(),
    "events index": f"/{{lang}}/events/", "event page": event.get_url(),
    "project page": project.get_url(), "search": f"/{{lang}}/search/?q=security",
    "sitemap.xml": "/sitemap.xml", "calendar.ics": f"/{{lang}}/events/calendar.ics",
    "feed.xml": f"/{{lang}}/news/feed.xml",
}}))
"""


class Bench(HttpServers):
    def __init__(self, args):
        self.args = args
        self.processes = benchkit.Processes()
        self.root = Path(args.workdir or tempfile.mkdtemp(prefix="pactesur-bench-"))
        for sub in ("var/static", "var/media"):
            (self.root / sub).mkdir(parents=True, exist_ok=True)
        self.root.chmod(0o755)  # nginx workers (nobody) read www/
        self.created_database = None
        self.access_logs = {}
        self.env = datasets.project_env(self.root / "var")
        self.env.update(SECRET_KEY=secrets.token_urlsafe(50), CONN_MAX_AGE=str(args.conn_max_age))

    # ------------------------------------------------------------------ database

    def database(self):
        url = os.environ.get("DATABASE_URL", "")
        if not url.startswith(("postgres://", "postgresql://")):
            return "SQLite"
        import psycopg

        name = f"pactesur_bench_{os.getpid()}"
        base, _, _ = url.rpartition("/")
        try:
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{name}"')
                version = conn.execute("SHOW server_version").fetchone()[0]
        except psycopg.Error as error:
            log(f"Cannot create a database ({error}); using DATABASE_URL as it is.")
            self.env["DATABASE_URL"] = url
            return "PostgreSQL (DATABASE_URL as given)"
        self.created_database = (url, name)
        self.env["DATABASE_URL"] = f"{base}/{name}"
        return f"PostgreSQL {version}"

    def cleanup(self):
        self.processes.stop_all()
        if self.created_database:
            import psycopg

            url, name = self.created_database
            with contextlib.suppress(psycopg.Error), psycopg.connect(url, autocommit=True) as c:
                c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not self.args.keep and not self.args.workdir:
            shutil.rmtree(self.root, ignore_errors=True)
        elif self.args.keep:
            log(f"Kept {self.root}")

    def prepare(self):
        marker = self.root / "prepared.json"
        if marker.exists() and not self.created_database:
            prepared = json.loads(marker.read_text())
            self.args.news, self.args.events = prepared["news"], prepared["events"]
            log(
                f"Reusing the database prepared in {self.root} ({self.args.news} news items, "
                f"{self.args.events} events), migrated to this checkout"
            )
            python = str(VENV / "bin" / "python")
            command = [python, "manage.py", "migrate", "--noinput", "-v", "0"]
            benchkit.run_checked(command, cwd=REPO, env=self.env)
            return prepared
        log(f"Preparing: {self.args.news} news items and {self.args.events} events in 4 languages…")
        python = str(VENV / "bin" / "python")
        timings = datasets.prepare_site(
            python, self.root / "var", self.env, self.args.news, self.args.events
        )
        output = benchkit.run_checked(
            [python, "manage.py", "shell", "-c", URLS_SCRIPT.format(language=self.args.language)],
            cwd=REPO,
            env=self.env,
            capture=True,
        )
        prepared = {
            "timings": timings,
            "urls": json.loads(output.strip().splitlines()[-1]),
            "news": self.args.news,
            "events": self.args.events,
        }
        marker.write_text(json.dumps(prepared))
        return prepared

    # ------------------------------------------------------------------ measuring

    def wrk(self, url, server):
        a = self.args
        return benchkit.wrk(url, a.threads, a.connections, a.duration, server=server)

    def warm(self, mode, base, urls, pages):
        """Fill the caches of every worker (renditions, page cache) and check each page."""
        header = {"cached": "X-Page-Cache", "varnish": "X-Frontend-Cache"}.get(mode)
        info = {}
        for name in pages:
            for _ in range(1 + self.args.workers * self.args.gunicorn_threads):
                headers, body = benchkit.fetch(base + urls[name])
            state = headers.get(header, "-") if header else "-"
            if header and state != "HIT" and name != "search":
                log(f"  note: {mode} {name} answered {header}: {state}")
            info[name] = {"size": len(body), "cache": state}
        return info

    def run(self):
        args = self.args
        tools = {"wrk": "wrk", "nginx": "nginx-light"}
        if args.redis:
            tools["redis-server"] = "redis-server"
        if "varnish" in args.modes:
            tools["varnishd"] = "varnish"
        benchkit.ensure_tools(tools)
        log(f"Machine: {benchkit.machine()}")
        database = self.database()
        log(f"Database: {database}; work directory {self.root}")
        if args.redis:
            self.start_redis()
        prepared = self.prepare()
        urls = prepared["urls"]

        servers = {}  # mode -> (PIDs, base URL)
        for mode in args.modes:
            if mode == "varnish":
                servers[mode] = self.start_varnish()
            else:
                process, base = self.start_gunicorn(0 if mode == "cold" else 300)
                servers[mode] = (
                    benchkit.Server([process.pid], self.access_logs[process.pid]),
                    base,
                )
        _, home_html = benchkit.fetch(servers[args.modes[0]][1] + urls["home"])
        nginx, nginx_url = benchkit.start_nginx(
            self.processes, self.root / "nginx", home_html, args.workers
        )
        info = {
            mode: self.warm(mode, base, urls, args.pages) for mode, (_, base) in servers.items()
        }

        load_before = benchkit.loadavg()
        rounds = []
        for number in range(1, args.runs + 1):
            log(f"Round {number} of {args.runs} (load average {benchkit.loadavg()}):")
            record = {"ceiling": self.wrk(nginx_url, benchkit.Server([nginx.pid])), "pages": {}}
            log(f"  ceiling  nginx        {record['ceiling']['rps']:>9.1f} req/s")
            for name in args.pages:
                for mode, (server, base) in servers.items():
                    result = self.wrk(base + urls[name], server)
                    record["pages"][(name, mode)] = result
                    log(
                        f"  {mode:<8} {name:<13} {result['rps']:>9.1f} req/s  p50 "
                        f"{fmt_ms(result['p50'])}  CPU {result['cpu_ms'] or 0:.2f} ms/request"
                        + (f"  NON-2xx: {result['errors']}" if result["errors"] else "")
                    )
            rounds.append(record)
        http_report.report(self.args, database, prepared, urls, info, rounds, load_before)


def csv(choices):
    def parse(text):
        values = [v.strip() for v in text.split(",") if v.strip()]
        unknown = [v for v in values if v not in choices]
        if unknown:
            raise argparse.ArgumentTypeError(f"unknown: {', '.join(unknown)} (from {choices})")
        return values

    return parse


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--news", type=int, default=2000, help="generated news items (2000)")
    parser.add_argument("--events", type=int, default=500, help="generated events (500)")
    parser.add_argument("--runs", type=int, default=3, help="interleaved rounds (3)")
    parser.add_argument("--duration", type=int, help="seconds of wrk per run (5; --peer 15)")
    parser.add_argument("--connections", type=int, help="wrk connections (16; --peer 8)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (2)")
    parser.add_argument(
        "--workers", type=int, help="gunicorn workers, nginx processes (cores + 1; --peer 2)"
    )
    parser.add_argument("--worker-class", default="gthread", help="gthread (default) or sync")
    parser.add_argument("--gunicorn-threads", type=int, default=4, help="per gthread worker (4)")
    parser.add_argument("--modes", type=csv(MODES), default=MODES, help="cold,cached,varnish")
    parser.add_argument(
        "--pages",
        type=csv(PAGE_TYPES),
        default=PAGE_TYPES,
        help="a comma-separated subset of: " + ", ".join(PAGE_TYPES),
    )
    parser.add_argument("--no-varnish", action="store_true", help="no varnish mode")
    parser.add_argument("--language", default="en", help="language of the pages (en)")
    parser.add_argument("--conn-max-age", type=int, default=60, help="CONN_MAX_AGE (60)")
    parser.add_argument("--redis", action="store_true", help="page cache in a local Redis")
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    parser.add_argument(
        "--workdir",
        help="a work directory to reuse (SQLite: skips the preparation); --peer: where its "
        f"databases are prepared ({datasets.DEFAULT_WORKDIR})",
    )
    parser.add_argument("--json", help="--peer: write the raw figures to this file")
    peer_bench.add_arguments(parser)
    args = parser.parse_args()

    def interrupted(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupted)
    if args.peer:
        args.workdir = args.workdir or datasets.DEFAULT_WORKDIR
        try:
            peer_bench.main(args)
        except KeyboardInterrupt:
            log("Interrupted.")
            return 130
        return 0
    args.duration, args.connections = args.duration or 5, args.connections or 16
    args.workers = args.workers or (os.cpu_count() or 1) + 1
    if args.no_varnish:
        args.modes = [mode for mode in args.modes if mode != "varnish"]
    bench = Bench(args)
    try:
        bench.run()
    except KeyboardInterrupt:
        log("Interrupted.")
        return 130
    finally:
        bench.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
