"""HTTP benchmark of the site: requests/s and latency of each page type, without cache
(cold), with the page cache of the app servers (cached), and behind Varnish purged by the
site (performance/varnish.vcl), against nginx serving the home page's HTML as a static file
(the ceiling).

    bench/http                              # 2,000 news items and 400 events (a few minutes)
    bench/http --news 10000 --events 2000   # the full size
    DATABASE_URL=postgres://… bench/http    # on PostgreSQL (a new database, dropped after)
    bench/http --redis                      # the page cache in a local Redis
    bench/http --help

It prepares a fresh database in a temporary directory (migrate, load_demo_content,
generate_load_data, prerender_renditions, collectstatic), starts gunicorn with the
production settings on 127.0.0.1 (SQLite unless DATABASE_URL is set; gthread workers, which
keep connections alive), runs `wrk` on each page (loopback only, bounded: --duration per
page and mode), prints a table, and stops everything it started. wrk, nginx (nginx-light),
varnish and redis-server come from Debian: the script installs them with apt-get when it
runs as root, and says what to install otherwise (--no-varnish skips that mode).
"""

import argparse
import contextlib
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VENV = REPO / ".venv"

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
    "home": f"/{{lang}}/",
    "news index": f"/{{lang}}/news/",
    "news page": news.get_url(),
    "events index": f"/{{lang}}/events/",
    "event page": event.get_url(),
    "project page": project.get_url(),
    "search": f"/{{lang}}/search/?q=security",
    "sitemap.xml": "/sitemap.xml",
    "calendar.ics": f"/{{lang}}/events/calendar.ics",
    "feed.xml": f"/{{lang}}/news/feed.xml",
}}))
"""

NGINX_CONF = """
worker_processes {workers};
pid {root}/nginx.pid;
error_log {root}/nginx-error.log warn;
daemon off;
{user}
events {{ worker_connections 1024; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    client_body_temp_path {root}/tmp;
    proxy_temp_path {root}/tmp;
    fastcgi_temp_path {root}/tmp;
    uwsgi_temp_path {root}/tmp;
    scgi_temp_path {root}/tmp;
    server {{
        listen 127.0.0.1:{port};
        root {root}/www;
        location / {{ default_type text/html; try_files /index.html =404; }}
    }}
}}
"""


def log(message):
    print(message, flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ensure_tools(need_redis, need_varnish):
    wanted = {"wrk": "wrk", "nginx": "nginx-light"}
    if need_redis:
        wanted["redis-server"] = "redis-server"
    if need_varnish:
        wanted["varnishd"] = "varnish"
    missing = [pkg for tool, pkg in wanted.items() if not find_tool(tool)]
    if not missing:
        return
    if os.geteuid() != 0:
        sys.exit(
            f"Missing: {', '.join(missing)}. Install them (Debian: `sudo apt-get install -y "
            f"{' '.join(missing)}`) or run this script as root, which installs them."
        )
    log(f"Installing {', '.join(missing)} with apt-get…")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True, env=env)


def find_tool(name):
    return shutil.which(name) or next(
        (str(p) for p in (Path("/usr/sbin") / name, Path("/sbin") / name) if p.exists()), None
    )


def machine():
    cpu = "unknown CPU"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    with contextlib.suppress(OSError, ValueError, IndexError):
        kb = int(Path("/proc/meminfo").read_text().split("MemTotal:")[1].split()[0])
        memory = f"{kb / 1024 / 1024:.0f} GiB RAM"
    system = platform.freedesktop_os_release().get("PRETTY_NAME", platform.system())
    return f"{cpu}, {os.cpu_count()} cores, {memory}; {system}; Python {platform.python_version()}"


class Bench:
    def __init__(self, args):
        self.args = args
        self.processes = []
        self.root = (
            Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="pactesur-bench-"))
        )
        self.root.mkdir(parents=True, exist_ok=True)
        self.root.chmod(0o755)  # nginx workers (nobody) read www/
        for sub in ("var/static", "var/media"):
            (self.root / sub).mkdir(parents=True, exist_ok=True)
        self.created_database = None
        self.env = self.base_env()

    # ------------------------------------------------------------------ environment

    def base_env(self):
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "PAGE_CACHE", "FRONTEND_CACHE"))
        }
        env.update(
            DJANGO_SETTINGS_MODULE="config.settings.production",
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            SECURE_SSL_REDIRECT="0",
            SECURE_HSTS_SECONDS="0",
            VAR_DIR=str(self.root / "var"),
            STATIC_ROOT=str(self.root / "var" / "static"),
            MEDIA_ROOT=str(self.root / "var" / "media"),
            LOG_LEVEL="ERROR",
            CONN_MAX_AGE=str(self.args.conn_max_age),
            PYTHONUNBUFFERED="1",
        )
        env.pop("REDIS_URL", None)
        return env

    def manage(self, *command, env=None, capture=False):
        result = subprocess.run(
            [str(VENV / "bin" / "python"), "manage.py", *command],
            cwd=REPO,
            env=env or self.env,
            text=True,
            capture_output=capture,
        )
        if result.returncode:
            sys.stderr.write((result.stdout or "") + (result.stderr or ""))
            raise SystemExit(f"manage.py {' '.join(command)} failed ({result.returncode})")
        return result.stdout

    def spawn(self, command, env=None, **kwargs):
        process = subprocess.Popen(
            command, env=env or self.env, cwd=REPO, start_new_session=True, **kwargs
        )
        self.processes.append(process)
        return process

    def stop(self, process):
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        if process in self.processes:
            self.processes.remove(process)

    def cleanup(self):
        for process in list(self.processes):
            self.stop(process)
        if self.created_database:
            self.drop_database()
        if not self.args.keep and not self.args.workdir:
            shutil.rmtree(self.root, ignore_errors=True)
        elif self.args.keep:
            log(f"Kept {self.root}")

    # ------------------------------------------------------------------ database

    def database(self):
        url = os.environ.get("DATABASE_URL", "")
        if not url.startswith(("postgres://", "postgresql://")):
            self.env.pop("DATABASE_URL", None)
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
            return "PostgreSQL (DATABASE_URL as given)"
        self.created_database = (url, name)
        self.env["DATABASE_URL"] = f"{base}/{name}"
        return f"PostgreSQL {version}"

    def drop_database(self):
        import psycopg

        url, name = self.created_database
        with contextlib.suppress(psycopg.Error), psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.created_database = None

    # ------------------------------------------------------------------ preparation

    def prepare(self):
        marker = self.root / "prepared.json"
        if marker.exists() and not self.created_database:
            prepared = json.loads(marker.read_text())
            self.args.news = prepared.get("news", self.args.news)
            self.args.events = prepared.get("events", self.args.events)
            log(
                f"Reusing the database prepared in {self.root} ({self.args.news} news items, "
                f"{self.args.events} events)"
            )
            return prepared
        log(f"Preparing: {self.args.news} news items and {self.args.events} events in 4 languages…")
        steps = [
            ("migrate", ["migrate", "--noinput", "-v", "0"]),
            ("load_demo_content", ["load_demo_content"]),
            (
                "generate_load_data",
                [
                    "generate_load_data",
                    "--news",
                    str(self.args.news),
                    "--events",
                    str(self.args.events),
                    "--seed",
                    "1",
                ],
            ),
            ("prerender_renditions", ["prerender_renditions"]),
            ("collectstatic", ["collectstatic", "--noinput", "-v", "0"]),
        ]
        timings = {}
        for label, command in steps:
            started = time.monotonic()
            output = self.manage(*command, capture=True)
            timings[label] = time.monotonic() - started
            log(f"  {label}: {timings[label]:.1f} s")
            if label == "generate_load_data":
                for line in output.splitlines():
                    log(f"    {line.strip()}")
        urls = json.loads(
            self.manage(
                "shell", "-c", URLS_SCRIPT.format(language=self.args.language), capture=True
            )
            .strip()
            .splitlines()[-1]
        )
        prepared = {
            "timings": timings,
            "urls": urls,
            "news": self.args.news,
            "events": self.args.events,
        }
        marker.write_text(json.dumps(prepared))
        return prepared

    # ------------------------------------------------------------------ servers

    def start_redis(self):
        port = free_port()
        self.spawn(
            [
                find_tool("redis-server"),
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.root),
            ],
            stdout=subprocess.DEVNULL,
        )
        self.env["REDIS_URL"] = f"redis://127.0.0.1:{port}/0"
        wait_for_port(port)

    def start_gunicorn(self, cache_seconds, port=None, **extra_env):
        """gthread workers by default: sync workers close the connection after each
        response, so every request would also pay a TCP handshake (wrk keeps connections
        alive, as browsers and proxies do)."""
        port = port or free_port()
        env = {**self.env, "PAGE_CACHE_SECONDS": str(cache_seconds), **extra_env}
        command = [
            str(VENV / "bin" / "gunicorn"),
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(self.args.workers),
            "--worker-class",
            self.args.worker_class,
            "--log-level",
            "warning",
            "--timeout",
            "120",
        ]
        if self.args.worker_class == "gthread":
            command += ["--threads", str(self.args.gunicorn_threads), "--keep-alive", "30"]
        process = self.spawn(command, env=env)
        wait_for(f"http://127.0.0.1:{port}/healthz", process)
        return process, f"http://127.0.0.1:{port}"

    def start_varnish(self):
        """gunicorn (page cache on, told that Varnish is in front: pages carry s-maxage)
        behind varnishd with performance/varnish.vcl."""
        varnish_port, app_port = free_port(), free_port()
        app, _ = self.start_gunicorn(
            300, port=app_port, FRONTEND_CACHE_VARNISH_URL=f"http://127.0.0.1:{varnish_port}/"
        )
        vcl = (REPO / "performance" / "varnish.vcl").read_text()
        vcl = vcl.replace('.port = "8000"', f'.port = "{app_port}"')
        (self.root / "varnish.vcl").write_text(vcl)
        workdir = self.root / "varnish"
        workdir.mkdir(exist_ok=True)
        process = self.spawn(
            [
                find_tool("varnishd"),
                "-F",
                "-a",
                f"127.0.0.1:{varnish_port}",
                "-f",
                str(self.root / "varnish.vcl"),
                "-n",
                str(workdir),
                "-s",
                "malloc,256m",
                "-p",
                f"thread_pools={max(1, os.cpu_count() or 1)}",
            ],
            stdout=subprocess.DEVNULL,
            stderr=(self.root / "varnish.log").open("w"),
        )
        try:
            wait_for(f"http://127.0.0.1:{varnish_port}/healthz", process)
        except SystemExit:
            sys.stderr.write((self.root / "varnish.log").read_text())
            raise
        return [process, app], f"http://127.0.0.1:{varnish_port}"

    def start_nginx(self, html):
        (self.root / "www").mkdir(exist_ok=True)
        (self.root / "tmp").mkdir(exist_ok=True)
        (self.root / "www" / "index.html").write_bytes(html)
        for path in (self.root / "www", self.root / "tmp"):
            path.chmod(0o755)
        (self.root / "www" / "index.html").chmod(0o644)
        port = free_port()
        conf = self.root / "nginx.conf"
        conf.write_text(
            NGINX_CONF.format(
                root=self.root,
                port=port,
                workers=self.args.workers,
                user="user root;" if os.geteuid() == 0 else "",
            )
        )
        process = self.spawn([find_tool("nginx"), "-c", str(conf), "-p", str(self.root)])
        wait_for(f"http://127.0.0.1:{port}/", process)
        return process, f"http://127.0.0.1:{port}/"

    # ------------------------------------------------------------------ measuring

    def wrk(self, url):
        args = self.args
        command = [
            find_tool("wrk"),
            f"-t{args.threads}",
            f"-c{args.connections}",
            f"-d{args.duration}s",
            "--timeout",
            "30s",
            "--latency",
            url,
        ]
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        return parse_wrk(output)

    def measure(self, base, urls, label, cache_header=None):
        results = {}
        for name in PAGE_TYPES:
            url = base + urls[name]
            headers, size = fetch(url)  # warm up: renditions, the page cache of each worker…
            for _ in range(self.args.workers * self.args.gunicorn_threads):
                headers, size = fetch(url)
            cache_state = headers.get(cache_header or "X-Page-Cache", "-")
            if cache_header and cache_state != "HIT" and name != "search":
                log(f"  note: {name} answered {cache_header}: {cache_state}")
            result = self.wrk(url)
            result["cache"] = cache_state
            result["size"] = size
            results[name] = result
            log(
                f"  {label:<7} {name:<13} {result['rps']:>9.1f} req/s  p50 {fmt_ms(result['p50'])}"
                f"  p99 {fmt_ms(result['p99'])}"
                + (f"  NON-2xx: {result['errors']}" if result["errors"] else "")
            )
        return results

    def run(self):
        args = self.args
        ensure_tools(args.redis, not args.no_varnish)
        log(f"Machine: {machine()}")
        database = self.database()
        log(f"Database: {database}; work directory {self.root}")
        if args.redis:
            self.start_redis()
        prepared = self.prepare()
        urls = prepared["urls"]

        self.load_before = os.getloadavg()[0]
        if self.load_before > 0.5:
            log(
                f"Note: load average {self.load_before:.2f} before measuring: other processes "
                "share the CPU, so the figures are lower bounds."
            )
        server, base = self.start_gunicorn(cache_seconds=0)
        home_html = urllib.request.urlopen(base + urls["home"], timeout=30).read()
        # The ceiling is measured first and last (the machine may be busier at one time than
        # at the other); the higher figure is the one pages are compared with.
        log("Ceiling: nginx serving the home page's HTML as a static file:")
        nginx, nginx_url = self.start_nginx(home_html)
        ceilings = [self.wrk(nginx_url)]
        log(f"  nginx {ceilings[0]['rps']:.1f} req/s, p50 {fmt_ms(ceilings[0]['p50'])}")
        log("Cold (page cache disabled):")
        cold = self.measure(base, urls, "cold")
        self.stop(server)

        log("Cached (page cache on, after one request per worker):")
        server, base = self.start_gunicorn(cache_seconds=300)
        cached = self.measure(base, urls, "cached", cache_header="X-Page-Cache")
        self.stop(server)

        varnish = None
        if not args.no_varnish:
            log("Behind Varnish (performance/varnish.vcl), page cache on behind it:")
            servers, base = self.start_varnish()
            varnish = self.measure(base, urls, "varnish", cache_header="X-Frontend-Cache")
            for server in servers:
                self.stop(server)

        log("Ceiling again:")
        ceilings.append(self.wrk(nginx_url))
        self.stop(nginx)
        log(f"  nginx {ceilings[1]['rps']:.1f} req/s, p50 {fmt_ms(ceilings[1]['p50'])}")
        ceiling = max(ceilings, key=lambda result: result["rps"])
        ceiling["size"] = len(home_html)
        ceiling["runs"] = [result["rps"] for result in ceilings]

        self.report(database, prepared, urls, cold, cached, varnish, ceiling)

    def report(self, database, prepared, urls, cold, cached, varnish, ceiling):
        args = self.args
        cache_store = "Redis" if args.redis else "local memory (per worker)"
        print()
        print(f"Machine: {machine()}")
        print(
            f"Site: {args.news} news items, {args.events} events, in 4 languages "
            f"({(args.news + args.events) * 4} generated pages); database {database}; "
            f"page cache in {cache_store}"
        )
        threads = f" x {args.gunicorn_threads} threads" if args.worker_class == "gthread" else ""
        print(
            f"gunicorn {args.workers} {args.worker_class} workers{threads}, production "
            f"settings, CONN_MAX_AGE={args.conn_max_age}; wrk -t{args.threads} "
            f"-c{args.connections} -d{args.duration}s on 127.0.0.1; pages in '{args.language}'"
        )
        timings = ", ".join(f"{k} {v:.0f} s" for k, v in prepared["timings"].items())
        print(f"Preparation: {timings}")
        print(
            f"Load average (1 min) before measuring {self.load_before:.2f}, "
            f"after {os.getloadavg()[0]:.2f}"
        )
        print()
        modes = [("Cold", cold), ("Cached", cached)]
        if varnish:
            modes.append(("Varnish", varnish))
        header = ["Page", "KB"]
        for mode, _ in modes:
            header += [f"{mode} req/s", "p50", "p99", "/ nginx"]
        print("| " + " | ".join(header) + " |")
        print("|---|" + "---:|" * (len(header) - 1))
        for name in PAGE_TYPES:
            row = [name, f"{cold[name]['size'] / 1024:.0f}"]
            for _, results in modes:
                r = results[name]
                row += [
                    f"{r['rps']:.0f}",
                    fmt_ms(r["p50"]),
                    fmt_ms(r["p99"]),
                    pct(r["rps"], ceiling["rps"]),
                ]
            print("| " + " | ".join(row) + " |")
        ceiling_row = [
            "nginx, static copy of the home page (best of 2 runs: "
            + ", ".join(f"{rps:.0f}" for rps in ceiling["runs"])
            + ")",
            f"{ceiling['size'] / 1024:.0f}",
        ] + ["", "", "", ""] * (len(modes) - 1)
        ceiling_row += [
            f"{ceiling['rps']:.0f}",
            fmt_ms(ceiling["p50"]),
            fmt_ms(ceiling["p99"]),
            "100 %",
        ]
        print("| " + " | ".join(ceiling_row) + " |")
        print()
        for name in PAGE_TYPES:
            print(f"- {name}: `{urls[name]}`")
        errors = [
            f"{mode} {name}: {result['errors']} non-2xx"
            for mode, results in modes
            for name, result in results.items()
            if result["errors"]
        ]
        if errors:
            print("\nErrors: " + "; ".join(errors))


def fmt_ms(seconds):
    if seconds is None:
        return "–"
    return f"{seconds * 1000:.1f} ms" if seconds < 10 else f"{seconds:.1f} s"


def pct(value, ceiling):
    if not ceiling:
        return "–"
    share = 100 * value / ceiling
    return f"{share:.1f} %" if share >= 1 else f"{share:.2f} %"


UNITS = {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}


def parse_duration(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    return float(match.group(1)) * UNITS[match.group(2)] if match else None


def parse_wrk(output):
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    p50 = re.search(r"^\s+50%\s+(\S+)", output, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", output, re.M)
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    return {
        "rps": float(rps.group(1)) if rps else 0.0,
        "p50": parse_duration(p50.group(1)) if p50 else None,
        "p99": parse_duration(p99.group(1)) if p99 else None,
        "errors": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
    }


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return dict(response.headers), len(response.read())
    except urllib.error.HTTPError as error:
        raise SystemExit(f"{url} answered {error.code}: the benchmark needs every page") from error


def wait_for(url, process, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"The server stopped (exit {process.returncode}) before {url}")
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=5) as response:
            if response.status == 200:
                return
        time.sleep(0.3)
    raise SystemExit(f"No answer from {url} after {timeout} s")


def wait_for_port(port, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
            return
        time.sleep(0.2)
    raise SystemExit(f"Nothing listens on port {port}")


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--news", type=int, default=2000, help="generated news items (2000)")
    parser.add_argument("--events", type=int, default=400, help="generated events (400)")
    parser.add_argument("--duration", type=int, default=5, help="seconds of wrk per page (5)")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections (16)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (2)")
    parser.add_argument(
        "--workers",
        type=int,
        default=(os.cpu_count() or 1) + 1,
        help="gunicorn workers and nginx worker processes (cores + 1)",
    )
    parser.add_argument(
        "--worker-class", default="gthread", help="gunicorn worker class (gthread; or sync)"
    )
    parser.add_argument(
        "--gunicorn-threads", type=int, default=4, help="threads per gthread worker (4)"
    )
    parser.add_argument("--no-varnish", action="store_true", help="skip the Varnish mode")
    parser.add_argument("--language", default="en", help="language of the pages (en)")
    parser.add_argument("--conn-max-age", type=int, default=60, help="CONN_MAX_AGE (60)")
    parser.add_argument("--redis", action="store_true", help="page cache in a local Redis")
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    parser.add_argument(
        "--workdir", help="a work directory to reuse (SQLite: skips the preparation)"
    )
    args = parser.parse_args()
    bench = Bench(args)

    def interrupted(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupted)
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
