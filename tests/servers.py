"""Real servers for the tests that need them: gunicorn on the production settings, over a copy
of the test database, and a redis-server that a test starts, stops and kills.

Used by tests/security/test_shared_limits.py (limits shared by gunicorn workers) and
tests/core/test_outages.py (Redis drill), and by scripts/flood.py (the flood figures of
docs/security-and-privacy.md).
"""

import os
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from http.client import HTTPConnection
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
REDIS_SERVER = os.environ.get(
    "REDIS_SERVER", shutil.which("redis-server") or "/usr/bin/redis-server"
)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port, seconds=30, process=None):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the server exited with status {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing answers on port {port} after {seconds} s")


# ---------------------------------------------------------------------------------- Redis


def require_redis():
    """Skip without redis-server, or fail when REQUIRE_REDIS=1 (set by .ci/run)."""
    if os.access(REDIS_SERVER, os.X_OK):
        return
    reason = f"redis-server not found ({REDIS_SERVER}; Debian package redis-server)"
    if os.environ.get("REQUIRE_REDIS") == "1":
        pytest.fail(f"REQUIRE_REDIS=1 but {reason}", pytrace=False)
    pytest.skip(reason)


class RedisServer:
    """A throwaway redis-server on a free port, without persistence."""

    def __init__(self, directory):
        self.directory = Path(directory)
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                REDIS_SERVER,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.directory),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port, process=self.process)
        return self

    def kill(self):
        """Gone at once: connections refused."""
        self.process.kill()
        self.process.wait(timeout=10)

    def freeze(self):
        """Stopped (SIGSTOP): connections are accepted by the kernel and never answered."""
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self):
        self.process.send_signal(signal.SIGCONT)

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.thaw()
            self.kill()


# ------------------------------------------------------------------------------- gunicorn


ON_POSTGRESQL = os.environ.get("DATABASE_URL", "").startswith(("postgres:", "postgresql:"))


def copy_test_database(directory):
    """DATABASE_URL of the test database for a server in another process: on PostgreSQL the
    test database itself (the test must commit what it wants served: mark it
    `django_db(transaction=ON_POSTGRESQL)`); on SQLite (in memory) a copy in a file, taken
    with what the test wrote so far, uncommitted (SQLite's serialize and backup)."""
    if connection.vendor == "postgresql":
        params = connection.settings_dict
        user = urllib.parse.quote(params["USER"] or "")
        password = urllib.parse.quote(params["PASSWORD"] or "")
        auth = f"{user}:{password}@" if password else (f"{user}@" if user else "")
        return f"postgres://{auth}{params['HOST'] or ''}:{params['PORT'] or ''}/{params['NAME']}"
    path = Path(directory) / "served.sqlite3"
    connection.ensure_connection()
    snapshot = sqlite3.connect(":memory:")
    snapshot.deserialize(connection.connection.serialize())
    with sqlite3.connect(path) as target:
        snapshot.backup(target)
    snapshot.close()
    return f"sqlite:///{path}"


class Gunicorn:
    """gunicorn serving config.wsgi with `settings_module` (by default the production settings
    with plain static files: tests/settings_production.py), each request logged with the pid
    of the worker that served it."""

    def __init__(self, directory, database_url, workers=4, env=None, settings_module=None):
        self.directory = Path(directory)
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.access_log = self.directory / f"access-{self.port}.log"
        self.error_log = self.directory / f"error-{self.port}.log"
        self.command = [
            str(Path(sys.executable).parent / "gunicorn"),
            "config.wsgi:application",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{self.port}",
            "--preload",
            "--access-logfile",
            str(self.access_log),
            "--access-logformat",
            "%(p)s %(m)s %(U)s %(s)s",
            "--error-logfile",
            str(self.error_log),
            "--capture-output",  # the site's own log (stderr) goes there too
            "--timeout",
            "60",
        ]
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("REDIS_", "DJANGO_"))},
            "DJANGO_SETTINGS_MODULE": settings_module or "tests.settings_production",
            "SECRET_KEY": settings.SECRET_KEY,  # the tests sign anti-spam tokens with it
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "0",
            "DATABASE_URL": database_url,
            "VAR_DIR": str(self.directory),
            "PAGE_CACHE_SECONDS": "0",
            "LOG_LEVEL": "INFO",
            **(env or {}),
        }
        self.workers = workers
        self.process = None

    def start(self):
        """Returns once every worker is running: the port answers as soon as the master
        listens, and on a loaded machine the first worker could otherwise serve every
        request of a test that needs several workers."""
        self.process = subprocess.Popen(
            self.command,
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port, seconds=120, process=self.process)
        deadline = time.monotonic() + 120
        while self.log().count("Booting worker with pid") < self.workers:
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not start {self.workers} workers:\n{self.log()}")
            time.sleep(0.05)
        return self

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def log(self):
        return self.error_log.read_text() if self.error_log.exists() else ""

    def worker_pids(self, path_prefix, method="POST"):
        """The pids of the workers that served `method` requests to paths under the prefix."""
        pids = set()
        if self.access_log.exists():
            for line in self.access_log.read_text().splitlines():
                pid, logged_method, path, _status = line.split(" ", 3)
                if logged_method == method and path.startswith(path_prefix):
                    pids.add(pid)
        return pids


# ----------------------------------------------------------------------------------- HTTP


class Visitor:
    """A browser-like client: its own CSRF cookie, a client address given to the server in
    X-Forwarded-For (the server trusts one proxy: TRUSTED_PROXY_COUNT=1)."""

    def __init__(self, base, address="198.51.100.1", language="en"):
        parsed = urllib.parse.urlsplit(base)
        self.host, self.port = parsed.hostname, parsed.port
        self.address = address
        self.language = language
        self.csrf = secrets.token_hex(16)  # 32 characters: a valid unmasked CSRF secret

    def request(self, method, path, fields=None, timeout=30):
        """(status, body) of one request on a new connection."""
        headers = {
            "Cookie": f"csrftoken={self.csrf}",
            "X-Forwarded-For": self.address,
            "Accept-Language": self.language,
        }
        body = None
        if fields is not None:
            body = urllib.parse.urlencode({**fields, "csrfmiddlewaretoken": self.csrf})
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            # As a browser says where a form comes from: the public forms check it instead
            # of the CSRF cookie (privacy/public_forms.py).
            headers["Origin"] = f"http://{self.host}:{self.port}"
        connection = HTTPConnection(self.host, self.port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            return response.status, response.read().decode("utf-8", "replace")
        finally:
            connection.close()

    def post(self, path, fields, timeout=30):
        return self.request("POST", path, fields, timeout=timeout)

    def get(self, path, timeout=30):
        return self.request("GET", path, timeout=timeout)


def post_many(visitor, path, submissions, concurrency=4):
    """POST each of `submissions` (dicts), `concurrency` at a time: so that a server with
    several workers serves them in several of its processes. The (status, body) in order."""
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        return list(pool.map(lambda fields: visitor.post(path, fields), submissions))
