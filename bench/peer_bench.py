"""bench/http --peer: this checkout against wagtail/bakerydemo, side by side, the way
../shared/peer-bench/measure.sh does it (same page kinds, paths, gunicorn and wrk options;
its prepare() makes the bakerydemo clone, virtualenv and database), plus what measure.sh
does not print: the server's CPU milliseconds per request on each side, and their ratio.

Differences from measure.sh, on purpose:
- the project is the checkout bench/http stands in (uncommitted changes included), on the
  databases bench/ prepares in --workdir (the demo content, and the load data for the two
  pages that grow with it), not a clone of the last commit;
- each wrk run also reads the CPU time of the server's processes (/proc, user + system)
  before and after: CPU ms per answered request. On a shared machine req/s moves with
  the load of others; CPU per request moves far less, so its ratio is the figure to trust
  (and, with both sides on the same number of cores, it is the req/s ratio an idle machine
  would show);
- the ceiling (nginx serving the project's home page as a static file) is measured in every
  round, before the pages.
"""

import argparse
import json
import statistics
import time
from pathlib import Path

import benchkit
import datasets
from benchkit import log

SCALE_KINDS = ("news/blog index", "search")


def gunicorn(processes, command, cwd, env, args):
    """measure.py's gunicorn (sync workers), plus an access log that counts the requests
    answered. Returns (process, base URL, benchkit.Server)."""
    port = benchkit.free_port()
    access_log = Path(args.workdir) / f"access-{port}.log"
    process = processes.spawn(
        [
            *command,
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--timeout",
            "120",
            "--log-level",
            "warning",
            "--worker-class",
            "sync",
            "--access-logfile",
            str(access_log),
        ],
        env=env,
        cwd=cwd,
    )
    return process, f"http://127.0.0.1:{port}", benchkit.Server([process.pid], access_log)


def servers(args, measure, processes):
    """{name: (process, base url, {kind: path}, Server, python, cwd, env)} for bakerydemo,
    the project on the demo content and (unless --no-scale) on the load data."""
    peer_py = str(measure.PEER_VENV / "bin" / "python")
    peer_env = measure.clean_env(measure.PEER_ENV)
    peer_urls = measure.shell_json(peer_py, measure.PEER, peer_env, measure.PEER_URL_SCRIPT)
    peer_paths = dict(
        measure.PEER_PATHS,
        **{"news/blog detail": peer_urls["blog"], "event vs bread detail": peer_urls["bread"]},
    )
    started = {}
    peer_gunicorn = [str(measure.PEER_VENV / "bin" / "gunicorn"), "bakerydemo.wsgi"]
    process, base, server = gunicorn(processes, peer_gunicorn, measure.PEER, peer_env, args)
    started["bakerydemo"] = (process, base, peer_paths, server, peer_py, measure.PEER, peer_env)
    for dataset in ["demo"] if args.no_scale else ["demo", "load"]:
        python, cwd, env = datasets.prepare_dataset(args.workdir, dataset, args.news, args.events)
        urls = measure.shell_json(python, cwd, env, measure.PROJ_URL_SCRIPT)
        paths = dict(
            measure.PROJ_PATHS,
            **{"news/blog detail": urls["news"], "event vs bread detail": urls["event"]},
        )
        if dataset == "load":
            paths = {kind: paths[kind] for kind in SCALE_KINDS}
        name = "project" if dataset == "demo" else "project, load data"
        project_gunicorn = [str(benchkit.VENV / "bin" / "gunicorn"), "config.wsgi"]
        process, base, server = gunicorn(processes, project_gunicorn, cwd, env, args)
        started[name] = (process, base, paths, server, python, cwd, env)
    for process, base, paths, *_rest in started.values():
        benchkit.wait_for(base + next(iter(paths.values())), process)
    return started


def run(args):
    measure = datasets.import_measure()
    benchkit.ensure_tools({"wrk": "wrk", "nginx": "nginx-light"})
    if not (measure.PEER_VENV / "bin" / "gunicorn").exists() or not measure.PEER_DB.exists():
        log(f"Preparing bakerydemo with measure.py ({measure.PEER_ROOT})…")
        measure.prepare(argparse.Namespace(no_scale=True, news=args.news, events=args.events))
    processes = benchkit.Processes()
    results = {
        "machine": benchkit.machine(),
        "rounds": [],
        "queries": {},
        "args": {k: v for k, v in vars(args).items() if isinstance(v, (int, str, bool))},
    }
    try:
        started = servers(args, measure, processes)
        for name, (_process, _base, paths, _server, python, cwd, env) in started.items():
            counts = measure.count_queries(python, cwd, env, list(paths.values()))
            # warm (2nd) request of a process, as measure.sh reports it
            results["queries"][name] = {k: counts[p]["queries"][1] for k, p in paths.items()}
        _, home = benchkit.fetch(started["project"][1] + started["project"][2]["home"])
        nginx, nginx_url = benchkit.start_nginx(
            processes, Path(args.workdir) / "nginx", home, args.workers
        )
        plan = [("ceiling", "nginx", nginx_url, benchkit.Server([nginx.pid]))]
        for kind in measure.KINDS:
            for name, (_process, base, paths, server, *_rest) in started.items():
                if kind in paths:
                    plan.append((kind, name, base + paths[kind], server))
        for _kind, _name, url, _server in plan:  # warm up: caches of every worker, renditions
            for _ in range(4 * args.workers):
                benchkit.fetch(url)
        log(
            f"== {len(plan)} wrk runs per round × {args.runs} rounds, about "
            f"{len(plan) * args.runs * (args.duration + 1) / 60:.0f} min"
        )
        for number in range(1, args.runs + 1):
            record = {"round": number, "load_before": benchkit.loadavg(), "runs": []}
            log(f"-- round {number}, load average {record['load_before']}")
            for kind, name, url, server in plan:
                result = benchkit.wrk(url, args.threads, args.connections, args.duration, server)
                result.update(kind=kind, server=name)
                record["runs"].append(result)
                log(
                    f"  {kind:<22} {name:<20} {result['rps']:>8.1f} req/s  CPU "
                    f"{result['cpu_ms'] or 0:6.2f} ms/request  "
                    f"answered {result['requests']} (server: {result['served']})"
                    + (f"  NON-2xx {result['errors']}" if result["errors"] else "")
                )
            record["load_after"] = benchkit.loadavg()
            results["rounds"].append(record)
    finally:
        processes.stop_all()
    results["kinds"] = measure.KINDS
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))
    report(results)


def _runs(results, kind, server):
    return [
        r
        for record in results["rounds"]
        for r in record["runs"]
        if r["kind"] == kind and r["server"] == server
    ]


def _paired(results, kind, server, key, invert=False):
    """Per-round ratios of `server` to bakerydemo on `key` (rps; or CPU, inverted)."""
    ratios = []
    for record in results["rounds"]:
        by = {r["server"]: r[key] for r in record["runs"] if r["kind"] == kind}
        mine, peer = by.get(server), by.get("bakerydemo")
        if mine and peer:
            ratios.append(peer / mine if invert else mine / peer)
    return ratios


def _fmt_ratios(ratios):
    if not ratios:
        return "–"
    return f"**{statistics.median(ratios):.2f}** [{', '.join(f'{r:.2f}' for r in ratios)}]"


def report(results):
    args = results["args"]
    ceiling = benchkit.spread([r["rps"] for r in _runs(results, "ceiling", "nginx")])
    log()
    log(f"Machine: {results['machine']}")
    log(
        f"gunicorn {args['workers']} sync workers each, SQLite, production settings (ours: "
        f"config.settings.bench, production + demo app), page "
        f"cache off; wrk -t{args['threads']} -c{args['connections']} -d{args['duration']}s; "
        f"{len(results['rounds'])} interleaved rounds; figures: median ±half the spread."
    )
    for record in results["rounds"]:
        log(
            f"round {record['round']}: load average before {record['load_before']}, after "
            f"{record['load_after']}"
        )
    log(
        f"Ceiling, nginx serving the project's home page as a static file: "
        f"{benchkit.fmt_spread(ceiling)} req/s"
    )
    log()
    log(
        "| page kind | server | req/s | CPU ms / request | queries | req/s ratio to "
        "bakerydemo [rounds] | CPU ratio (bakerydemo ÷ this) [rounds] | / nginx |"
    )
    log("|---|---|---:|---:|---:|---|---|---:|")
    for kind in results["kinds"]:
        for server in results["queries"]:
            runs = _runs(results, kind, server)
            if not runs:
                continue
            rps = benchkit.spread([r["rps"] for r in runs])
            cpu = benchkit.spread([r["cpu_ms"] for r in runs])
            queries = results["queries"][server].get(kind)
            is_peer = server == "bakerydemo"
            log(
                f"| {kind} | {server} | {benchkit.fmt_spread(rps)} | "
                f"{benchkit.fmt_spread(cpu, 1)} | {queries if queries is not None else '–'} | "
                f"{'' if is_peer else _fmt_ratios(_paired(results, kind, server, 'rps'))} | "
                f"{'' if is_peer else _fmt_ratios(_paired(results, kind, server, 'cpu_ms', True))}"
                f" | {benchkit.pct(rps['median'], ceiling['median'])} |"
            )


def add_arguments(parser):
    group = parser.add_argument_group("--peer (the side-by-side with bakerydemo)")
    group.add_argument(
        "--peer",
        action="store_true",
        help="compare with bakerydemo as measure.sh does (PEER_DIR, PEER_SOURCE)",
    )
    group.add_argument("--no-scale", action="store_true", help="--peer: skip the load data")


def main(args):
    """bench/http --peer: measure.sh's defaults unless given (-t2 -c8 -d15s, 2 workers)."""
    args.connections = args.connections or 8
    args.duration = args.duration or 15
    args.workers = args.workers or 2
    started = time.monotonic()
    run(args)
    log(f"({(time.monotonic() - started) / 60:.0f} min)")
