"""The servers http_bench.py measures: gunicorn (cold or with the page cache), gunicorn
behind Varnish purged by the site, and a local Redis for the page cache (--redis).

A mixin of http_bench.Bench: it uses the bench's processes, environment, work directory,
arguments and access logs.
"""

import os
import subprocess
import sys

import benchkit

REPO, VENV = benchkit.REPO, benchkit.VENV


class HttpServers:
    def start_redis(self):
        port = benchkit.free_port()
        self.processes.spawn(
            [
                benchkit.find_tool("redis-server"),
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
            env=self.env,
            stdout=subprocess.DEVNULL,
        )
        self.env["REDIS_URL"] = f"redis://127.0.0.1:{port}/0"
        benchkit.wait_for_port(port)

    def start_gunicorn(self, cache_seconds, **extra_env):
        """gthread workers by default: sync workers close the connection after each
        response, so every request would also pay a TCP handshake (wrk keeps connections
        alive, as browsers and proxies do). Returns (process, base URL); its access log
        (which counts the requests it answered) is self.access_logs[process.pid]."""
        args, port = self.args, benchkit.free_port()
        env = {**self.env, "PAGE_CACHE_SECONDS": str(cache_seconds), **extra_env}
        command = [
            str(VENV / "bin" / "gunicorn"),
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--worker-class",
            args.worker_class,
            "--log-level",
            "warning",
            "--timeout",
            "120",
            "--access-logfile",
            str(self.root / f"access-{port}.log"),
        ]
        if args.worker_class == "gthread":
            command += ["--threads", str(args.gunicorn_threads), "--keep-alive", "30"]
        process = self.processes.spawn(command, env=env)
        self.access_logs[process.pid] = self.root / f"access-{port}.log"
        benchkit.wait_for(f"http://127.0.0.1:{port}/healthz", process)
        return process, f"http://127.0.0.1:{port}"

    def start_varnish(self):
        """gunicorn (page cache on, told that Varnish is in front: pages carry s-maxage)
        behind varnishd with performance/varnish.vcl. Returns (Server, base URL)."""
        varnish_port = benchkit.free_port()
        app, app_base = self.start_gunicorn(
            300, FRONTEND_CACHE_VARNISH_URL=f"http://127.0.0.1:{varnish_port}/"
        )
        app_port = app_base.rsplit(":", 1)[1]
        vcl = (REPO / "performance" / "varnish.vcl").read_text()
        vcl = vcl.replace('.port = "8000"', f'.port = "{app_port}"')
        (self.root / "varnish.vcl").write_text(vcl)
        (self.root / "varnish").mkdir(exist_ok=True)
        process = self.processes.spawn(
            [
                benchkit.find_tool("varnishd"),
                "-F",
                "-a",
                f"127.0.0.1:{varnish_port}",
                "-f",
                str(self.root / "varnish.vcl"),
                "-n",
                str(self.root / "varnish"),
                "-s",
                "malloc,256m",
                "-p",
                f"thread_pools={max(1, os.cpu_count() or 1)}",
            ],
            stdout=subprocess.DEVNULL,
            stderr=(self.root / "varnish.log").open("w"),
        )
        try:
            benchkit.wait_for(f"http://127.0.0.1:{varnish_port}/healthz", process)
        except SystemExit:
            sys.stderr.write((self.root / "varnish.log").read_text())
            raise
        server = benchkit.Server(
            [process.pid, app.pid], self.access_logs[app.pid], log_sees_all=False
        )
        return server, f"http://127.0.0.1:{varnish_port}"
