"""Where the CPU time of an uncached page goes: bench/profile.

    bench/profile                       # demo content and load data, every page kind
    bench/profile --dataset demo --page "news index"
    bench/profile --dataset peer        # the same measurements on bakerydemo
    bench/profile --json /tmp/p.json    # keep the raw figures (bench/profile --report FILE)

Profiles the checkout it stands in (not a clone), with config.settings.bench (production +
demo app) and the page cache off (PAGE_CACHE_SECONDS=0), on two SQLite databases it
prepares once in --workdir and migrates on each run: "demo" (load_demo_content) and "load"
(the same plus generate_load_data --news 2000 --events 500, the size of issue 17). "peer"
is wagtail/bakerydemo as ../shared/peer-bench/measure.sh prepares it (its prepare() is
called when it is missing).

Each page is requested in one process through Django's WSGI handler (profile_worker.py):
CPU time per request with nothing installed, then the shares of templates, template tags,
queries and middlewares (profile_probes.py), then cProfile with the CPU clock. Only CPU
time is reported, never wall time: the machine may be shared.
"""

import argparse
import json
import sys
from pathlib import Path

import benchkit
import datasets
import profile_report

REPO = benchkit.REPO
HERE = Path(__file__).resolve().parent


def urls_for(dataset, measure):
    """{kind: path} of the issue's table (measure.py's page kinds and paths)."""
    if dataset == "peer":
        return (
            dict(measure.PEER_PATHS),
            measure.PEER_URL_SCRIPT,
            {
                "news/blog detail": "blog",
                "event vs bread detail": "bread",
            },
        )
    return (
        dict(measure.PROJ_PATHS),
        measure.PROJ_URL_SCRIPT,
        {
            "news/blog detail": "news",
            "event vs bread detail": "event",
        },
    )


def profile(dataset, args, measure, workdir):
    if dataset == "peer":
        if not (measure.PEER_VENV / "bin" / "python").exists() or not measure.PEER_DB.exists():
            benchkit.log("bakerydemo is not prepared: measure.py's prepare() makes it…")
            measure.prepare(argparse.Namespace(no_scale=True, news=args.news, events=args.events))
        python, cwd = str(measure.PEER_VENV / "bin" / "python"), measure.PEER
        env = measure.clean_env(measure.PEER_ENV)
    else:
        python, cwd, env = datasets.prepare_dataset(workdir, dataset, args.news, args.events)
    paths, script, detail = urls_for(dataset, measure)
    # The worker resolves the detail pages in the target (the same queries measure.py runs)
    # and renames its JSON keys to the page kinds.
    script_file = workdir / f"urls-{dataset}.py"
    rename = "\n".join(f"_urls[{kind!r}] = _raw[{key!r}]" for kind, key in detail.items())
    script_file.write_text(
        "import contextlib, io, json\n_out = io.StringIO()\n"
        "with contextlib.redirect_stdout(_out):\n"
        + "".join(f"    {line}\n" for line in script.strip().splitlines())
        + "_raw = json.loads(_out.getvalue().split('JSON:', 1)[1])\n_urls = {}\n"
        + rename
        + "\nprint('JSON:' + json.dumps(_urls))\n"
    )
    paths = {kind: path for kind, path in paths.items() if path}
    if args.page:
        paths = {kind: path for kind, path in paths.items() if kind in args.page}
    out = workdir / f"profile-{dataset}.json"
    command = [
        python,
        str(HERE / "profile_worker.py"),
        "--urls",
        json.dumps(paths),
        "--requests",
        str(args.requests),
        "--probe-requests",
        str(args.probe_requests),
        "--cprofile-requests",
        str(args.cprofile_requests),
        "--out",
        str(out),
    ]
    if detail and (not args.page or set(detail) & set(args.page)):
        command += ["--urls-script", str(script_file)]
    benchkit.log(f"Profiling {dataset} ({cwd}), load average {benchkit.loadavg()}:")
    benchkit.run_checked(command, cwd=cwd, env=env)
    result = json.loads(out.read_text())
    if args.page:
        result["pages"] = {k: v for k, v in result["pages"].items() if k in args.page}
    return result


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--dataset",
        action="append",
        choices=["demo", "load", "peer"],
        help="demo, load, peer (repeatable; default demo and load)",
    )
    parser.add_argument("--page", action="append", help="only this page kind (repeatable)")
    parser.add_argument("--news", type=int, default=2000, help="load data: news per language")
    parser.add_argument("--events", type=int, default=500, help="load data: events per language")
    parser.add_argument("--requests", type=int, default=30, help="plain requests per page (30)")
    parser.add_argument("--probe-requests", type=int, default=10)
    parser.add_argument("--cprofile-requests", type=int, default=10)
    parser.add_argument(
        "--workdir", default=datasets.DEFAULT_WORKDIR, help="prepared databases (%(default)s)"
    )
    parser.add_argument("--json", help="write the raw results to this file")
    parser.add_argument("--report", metavar="JSON", help="print the report of a saved run")
    parser.add_argument("--top", type=int, default=12, help="rows per ranking (12)")
    args = parser.parse_args()

    if args.report:
        profile_report.print_report(json.loads(Path(args.report).read_text()), args.top)
        return 0
    measure = datasets.import_measure()
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    results = {"machine": benchkit.machine(), "load_before": benchkit.loadavg(), "datasets": {}}
    for dataset in args.dataset or ["demo", "load"]:
        results["datasets"][dataset] = profile(dataset, args, measure, workdir)
    results["load_after"] = benchkit.loadavg()
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))
    profile_report.print_report(results, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
