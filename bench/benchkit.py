"""What the benchmarks of bench/ share: tools, servers, wrk, CPU accounting from /proc,
medians and spreads, the preparation of a database.

The side-by-side with bakerydemo is the CEO's ../shared/peer-bench/measure.py: bench/
imports it (import_measure) for its preparation, page kinds and paths rather than
repeating them.
"""

import contextlib
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VENV = REPO / ".venv"
CLK_TCK = os.sysconf("SC_CLK_TCK")


def log(message=""):
    print(message, flush=True)


def loadavg():
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


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


def clean_env(extra=None):
    """The environment without anything that would point the site elsewhere."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PAGE_CACHE", "FRONTEND_CACHE"))
        and key not in ("REDIS_URL", "DATABASE_URL", "SECRET_KEY", "ALLOWED_HOSTS", "VAR_DIR")
    }
    env["PYTHONUNBUFFERED"] = "1"
    env.update(extra or {})
    return env


def run_checked(command, cwd=None, env=None, capture=False):
    result = subprocess.run(command, cwd=cwd, env=env, text=True, capture_output=capture)
    if result.returncode:
        sys.stderr.write((result.stdout or "") + (result.stderr or ""))
        raise SystemExit(f"failed ({result.returncode}): {' '.join(map(str, command))}")
    return result.stdout


# ----------------------------------------------------------------------------- tools


def find_tool(name):
    return shutil.which(name) or next(
        (str(p) for p in (Path("/usr/sbin") / name, Path("/sbin") / name) if p.exists()), None
    )


def ensure_tools(wanted):
    """{tool: Debian package}: installs the missing ones with apt-get when root."""
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


_TAKEN = set()


def free_port():
    """A free port on 127.0.0.1: in BENCH_PORTS ("8800-8899") when set, else any."""
    wanted = os.environ.get("BENCH_PORTS", "")
    low, _, high = wanted.partition("-")
    candidates = range(int(low), int(high or low) + 1) if wanted else [0]
    for port in candidates:
        if port in _TAKEN:
            continue
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            port = sock.getsockname()[1]
        _TAKEN.add(port)
        return port
    raise SystemExit(f"No free port in BENCH_PORTS={wanted}")


def wait_for(url, process, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"The server stopped (exit {process.returncode}) before {url}")
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=30) as response:
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


def fetch(url):
    """(headers, body) of a page the benchmark needs: anything but a 200 stops it."""
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        raise SystemExit(f"{url} answered {error.code}: the benchmark needs every page") from error


class Processes:
    """Servers started by a benchmark, each in its own process group, stopped by PID."""

    def __init__(self):
        self.started = []

    def spawn(self, command, env=None, cwd=REPO, **kwargs):
        process = subprocess.Popen(command, env=env, cwd=cwd, start_new_session=True, **kwargs)
        self.started.append(process)
        return process

    def stop(self, process):
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        if process in self.started:
            self.started.remove(process)

    def stop_all(self):
        for process in list(self.started):
            self.stop(process)


# ----------------------------------------------------------------------------- CPU


def _stat(pid):
    """(parent pid, utime + stime in ticks) from /proc/PID/stat, or None if it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text.rsplit(")", 1)[1].split()
    return int(fields[1]), int(fields[11]) + int(fields[12])


def tree_cpu_seconds(root_pid):
    """CPU seconds (user + system) used so far by a process and all its descendants that
    are alive (gunicorn's master and workers, nginx's master and workers)."""
    parents, ticks = {}, {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            stat = _stat(int(entry))
            if stat is not None:
                parents[int(entry)], ticks[int(entry)] = stat
    total, todo = 0, [root_pid]
    seen = set()
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        total += ticks.get(pid, 0)
        todo += [child for child, parent in parents.items() if parent == pid]
    return total / CLK_TCK


# ----------------------------------------------------------------------------- wrk

UNITS = {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}


def parse_duration(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    return float(match.group(1)) * UNITS[match.group(2)] if match else None


def parse_wrk(output):
    def find(pattern):
        return re.search(pattern, output, re.M)

    rps, requests = find(r"Requests/sec:\s+([\d.]+)"), find(r"(\d+) requests in")
    p50, p99 = find(r"^\s+50%\s+(\S+)"), find(r"^\s+99%\s+(\S+)")
    errors, socket_errors = find(r"Non-2xx or 3xx responses:\s+(\d+)"), find(r"Socket errors: (.*)")
    return {
        "rps": float(rps.group(1)) if rps else 0.0,
        "requests": int(requests.group(1)) if requests else 0,
        "p50": parse_duration(p50.group(1)) if p50 else None,
        "p99": parse_duration(p99.group(1)) if p99 else None,
        "errors": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1).strip() if socket_errors else "",
    }


class Server:
    """What a wrk run measures the CPU of: the PIDs whose process trees serve (gunicorn's
    master, Varnish and the gunicorn behind it, nginx), and gunicorn's access log, which
    says how many requests the server answered (wrk counts only the answers it received
    before its time was up; the server finishes the others after)."""

    def __init__(self, pids, access_log=None, log_sees_all=True):
        self.pids = list(pids)
        self.access_log = Path(access_log) if access_log else None
        # Behind Varnish the app's log sees only what Varnish passes on (misses, search):
        # the requests answered are then the larger of its count and wrk's.
        self.log_sees_all = log_sees_all

    def cpu_seconds(self):
        return sum(tree_cpu_seconds(pid) for pid in self.pids)

    def served(self):
        if self.access_log is None or not self.access_log.exists():
            return None
        with self.access_log.open("rb") as log_file:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: log_file.read(1 << 16), b""))

    def settle(self, limit=20.0):
        """Wait until the server has finished what wrk left in flight: its CPU time stops
        moving (two readings 0.3 s apart within one clock tick)."""
        deadline = time.monotonic() + limit
        last = self.cpu_seconds()
        while time.monotonic() < deadline:
            time.sleep(0.3)
            now = self.cpu_seconds()
            if now - last < 1.5 / CLK_TCK:
                return now
            last = now
        return last


def wrk(url, threads, connections, duration, server=None, timeout=30):
    """One wrk run; with a Server, also its CPU milliseconds per request: the user + system
    time of its process trees (from /proc) from before the run until it has settled after,
    over the requests its access log shows (else over those wrk counted)."""
    command = [
        find_tool("wrk"),
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        "--timeout",
        f"{timeout}s",
        "--latency",
        url,
    ]
    if server is not None:
        cpu_before, served_before = server.settle(), server.served()
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    result = parse_wrk(output)
    result["cpu_ms"] = result["served"] = None
    if server is not None:
        used = server.settle() - cpu_before
        served = server.served()
        count = served - served_before if served is not None else result["requests"]
        if not server.log_sees_all:
            count = max(count, result["requests"])
        result["served"] = count
        result["cpu_ms"] = used * 1000 / count if count else None
    return result


# ----------------------------------------------------------------------------- figures


def spread(values):
    """{"median", "min", "max", "spread"}: spread = (max - min) / median, in %."""
    values = [v for v in values if v is not None]
    if not values:
        return {"median": None, "min": None, "max": None, "spread": None, "n": 0}
    median = statistics.median(values)
    width = (max(values) - min(values)) / median * 100 if median else None
    return {
        "median": median,
        "min": min(values),
        "max": max(values),
        "spread": width,
        "n": len(values),
    }


def fmt_spread(figures, digits=0, unit=""):
    """ "123 ±4 %" (median and spread) or "–"."""
    if figures["median"] is None:
        return "–"
    text = f"{figures['median']:.{digits}f}{unit}"
    if figures["n"] > 1 and figures["spread"] is not None:
        text += f" ±{figures['spread'] / 2:.0f} %"
    return text


def fmt_ms(seconds):
    if seconds is None:
        return "–"
    return f"{seconds * 1000:.1f} ms" if seconds < 10 else f"{seconds:.1f} s"


def pct(value, ceiling):
    if not ceiling or value is None:
        return "–"
    share = 100 * value / ceiling
    return f"{share:.1f} %" if share >= 1 else f"{share:.2f} %"


# ----------------------------------------------------------------------------- nginx

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


def start_nginx(processes, root, html, workers):
    """nginx serving `html` as a static file: the ceiling. Returns (process, url)."""
    root = Path(root)
    for sub in ("www", "tmp"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    (root / "www" / "index.html").write_bytes(html)
    for path in (root, root / "www", root / "tmp"):
        path.chmod(0o755)  # nginx workers (nobody) read www/
    (root / "www" / "index.html").chmod(0o644)
    port = free_port()
    conf = root / "nginx.conf"
    conf.write_text(
        NGINX_CONF.format(
            root=root,
            port=port,
            workers=workers,
            user="user root;" if os.geteuid() == 0 else "",
        )
    )
    process = processes.spawn(
        [find_tool("nginx"), "-e", str(root / "nginx-error.log"), "-c", str(conf), "-p", str(root)]
    )
    wait_for(f"http://127.0.0.1:{port}/", process)
    return process, f"http://127.0.0.1:{port}/"
