"""The report of bench/http (http_bench.py)."""

import statistics

import benchkit
from benchkit import fmt_ms, pct


def report(args, database, prepared, urls, info, rounds, load_before):
    """The table of bench/http: per page and mode, the median of the rounds and its spread."""
    threads = f" x {args.gunicorn_threads} threads" if args.worker_class == "gthread" else ""
    print(f"\nMachine: {benchkit.machine()}")
    print(
        f"Site: {args.news} news items, {args.events} events, in 4 languages "
        f"({(args.news + args.events) * 4} generated pages); database {database}; page "
        f"cache in {'Redis' if args.redis else 'local memory (per worker)'}"
    )
    print(
        f"gunicorn {args.workers} {args.worker_class} workers{threads} per mode, "
        f"config.settings.bench (production + demo app), CONN_MAX_AGE={args.conn_max_age}; "
        f"wrk -t{args.threads} "
        f"-c{args.connections} -d{args.duration}s on 127.0.0.1; pages in "
        f"'{args.language}'; {len(rounds)} interleaved rounds (median ±half the spread)"
    )
    print("Preparation: " + ", ".join(f"{k} {v:.0f} s" for k, v in prepared["timings"].items()))
    print(
        f"Load average (1, 5, 15 min) before measuring {load_before}, after {benchkit.loadavg()}\n"
    )
    header = ["Page", "KB"]
    for mode in args.modes:
        header += [f"{mode.capitalize()} req/s", "CPU ms / req", "p50", "/ nginx"]
    print("| " + " | ".join(header) + " |")
    print("|---|" + "---:|" * (len(header) - 1))
    for name in args.pages:
        row = [name, f"{info[args.modes[0]][name]['size'] / 1024:.0f}"]
        for mode in args.modes:
            runs = [r["pages"][(name, mode)] for r in rounds]
            ratios = [
                p["rps"] / r["ceiling"]["rps"]
                for p, r in zip(runs, rounds, strict=True)
                if r["ceiling"]["rps"]
            ]
            row += [
                benchkit.fmt_spread(benchkit.spread([r["rps"] for r in runs])),
                benchkit.fmt_spread(benchkit.spread([r["cpu_ms"] for r in runs]), 2),
                fmt_ms(statistics.median([r["p50"] or 0 for r in runs])),
                pct(statistics.median(ratios), 1) if ratios else "–",
            ]
        print("| " + " | ".join(row) + " |")
    ceilings = [r["ceiling"] for r in rounds]
    runs = ", ".join(f"{c['rps']:.0f}" for c in ceilings)
    row = [f"nginx, static copy of the home page (runs: {runs})", ""]
    row += ["", "", "", ""] * (len(args.modes) - 1)
    row += [
        benchkit.fmt_spread(benchkit.spread([c["rps"] for c in ceilings])),
        benchkit.fmt_spread(benchkit.spread([c["cpu_ms"] for c in ceilings]), 3),
        fmt_ms(statistics.median([c["p50"] or 0 for c in ceilings])),
        "100 %",
    ]
    print("| " + " | ".join(row) + " |\n")
    for name in args.pages:
        print(f"- {name}: `{urls[name]}`")
    errors = [
        f"{mode} {name}: {result['errors']} non-2xx"
        for r in rounds
        for (name, mode), result in r["pages"].items()
        if result["errors"]
    ]
    if errors:
        print("\nErrors: " + "; ".join(errors))
