"""The text report of bench/profile (profile_pages.py): for each dataset and page, the CPU
time per request and where it goes, largest first."""

LAYERS = [
    ("node", "template tags and variables"),
    ("template", "template machinery (between nodes)"),
    ("view", "view code (outside templates and queries)"),
    ("orm", "ORM: building SQL, fetching rows"),
    ("sql", "SQL execute (database work)"),
    ("fetch", "SQL rows fetched (database work)"),
    ("middleware", "middlewares"),
    ("request", "WSGI handler, signals, response"),
    ("db", "opening the database connection"),
]


def _frames(page, kind):
    return [f for f in page["probes"]["frames"] if f["kind"] == kind]


def _share(ms, total):
    return f"{100 * ms / total:4.1f} %" if total else "–"


def _short(name, width=72):
    return name if len(name) <= width else name[: width - 1] + "…"


def page_report(dataset, kind, page, top):
    lines = []
    cpu = sorted(page["cpu_ms"])
    probes = page["probes"]
    total = next(
        (f["incl_ms"] for f in probes["frames"] if f["kind"] == "request"), sum(cpu) / len(cpu)
    )
    lines.append(
        f"### {dataset} · {kind} · `{page['path']}` ({page['status']}, "
        f"{page['bytes'] / 1024:.0f} KB)"
    )
    lines.append(
        f"CPU per request: **{page['cpu_ms_median']:.1f} ms** median (min {cpu[0]:.1f}, max "
        f"{cpu[-1]:.1f}; {len(cpu)} requests, no instrumentation). Instrumented: {total:.1f} ms "
        f"(the shares below are of this)."
    )
    queries = probes["queries"]
    database_ms = sum(f["self_ms"] for f in _frames(page, "sql") + _frames(page, "fetch"))
    orm_ms = sum(f["incl_ms"] for f in _frames(page, "orm"))
    lines.append(
        f"Queries: {len(queries)}; {database_ms:.1f} ms CPU in the database (execute and "
        f"fetch), {orm_ms:.1f} ms for the ORM's queries with their Python (SQL built, rows "
        f"converted; raw SQL not included)."
    )
    layers = []
    for layer, label in LAYERS:
        ms = sum(f["self_ms"] for f in _frames(page, layer))
        if ms:
            layers.append((ms, label))
    lines.append(
        "By layer (self time): "
        + "; ".join(
            f"{label} {ms:.1f} ms ({_share(ms, total).strip()})"
            for ms, label in sorted(layers, reverse=True)
        )
    )

    def table(title, rows, columns):
        if not rows:
            return
        lines.append(f"\n{title}")
        lines.append("| " + " | ".join(columns) + " |")
        lines.append("|---" + "|---:" * (len(columns) - 1) + "|")
        for row in rows[:top]:
            lines.append("| " + " | ".join(row) + " |")

    table(
        "Templates (inclusive: a template with what it includes):",
        [
            [
                f"`{f['name']}`",
                f"{f['incl_ms']:.1f}",
                _share(f["incl_ms"], total),
                f"{f['calls']:g}",
            ]
            for f in sorted(_frames(page, "template"), key=lambda f: -f["incl_ms"])
        ],
        ["template", "ms", "share", "renders"],
    )
    table(
        "Tags, filters and variables (self: without nested nodes and queries; inclusive):",
        [
            [
                f"`{f['name']}`",
                f"{f['self_ms']:.1f}",
                _share(f["self_ms"], total),
                f"{f['incl_ms']:.1f}",
                f"{f['calls']:g}",
            ]
            for f in sorted(_frames(page, "node"), key=lambda f: -f["self_ms"])
        ],
        ["node", "self ms", "share", "incl. ms", "calls"],
    )
    table(
        "Template lines (self):",
        [
            [
                f"`{_short(s['site'])}`",
                f"{s['self_ms']:.2f}",
                _share(s["self_ms"], total),
                f"{s['calls']:g}",
            ]
            for s in sorted(probes["sites"], key=lambda s: -s["self_ms"])
        ],
        ["line", "ms", "share", "calls"],
    )
    by_caller = {}
    for f in _frames(page, "orm") + _frames(page, "sql") + _frames(page, "fetch"):
        entry = by_caller.setdefault(f["name"], {"orm": 0.0, "sql": 0.0, "n": 0.0})
        if f["kind"] == "orm":
            entry["orm"] += f["incl_ms"]
        else:
            entry["sql"] += f["self_ms"]
            entry["n"] += f["calls"] if f["kind"] == "sql" else 0
    table(
        "Queries by the code that asks (with the ORM's Python; the database's own part):",
        [
            [
                f"`{name}`",
                f"{e['n']:g}",
                f"{max(e['orm'], e['sql']):.2f}",
                f"{e['sql']:.2f}",
                _share(max(e["orm"], e["sql"]), total),
            ]
            for name, e in sorted(by_caller.items(), key=lambda i: -max(i[1]["orm"], i[1]["sql"]))
        ],
        ["where ← who called it", "queries", "ms (ORM incl.)", "database ms", "share"],
    )
    table(
        "Middlewares (self):",
        [
            [f"`{f['name']}`", f"{f['self_ms']:.2f}", _share(f["self_ms"], total)]
            for f in sorted(_frames(page, "middleware"), key=lambda f: -f["self_ms"])
        ],
        ["middleware", "ms", "share"],
    )
    profile = page["cprofile"]
    table(
        f"cProfile, functions by own CPU time (profiled total {profile['total_ms']:.1f} ms):",
        [
            [
                f"`{_short(r['function'])}`",
                f"{r['self_ms']:.2f}",
                f"{r['cum_ms']:.2f}",
                f"{r['calls']:g}",
            ]
            for r in profile["by_self"]
        ],
        ["function", "self ms", "cum. ms", "calls"],
    )
    interest = profile["interest"]
    if interest:
        lines.append(
            "\nCalls per request: "
            + ", ".join(
                f"{name} {count:g}" for name, count in sorted(interest.items(), key=lambda i: -i[1])
            )
        )
    lines.append("")
    return lines


def summary_table(results):
    lines = [
        "| dataset | page | CPU ms (median) | min–max | queries | database ms |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for dataset, data in results["datasets"].items():
        for kind, page in data["pages"].items():
            cpu = page["cpu_ms"]
            queries = page["probes"]["queries"]
            database = sum(
                f["self_ms"] for f in page["probes"]["frames"] if f["kind"] in ("sql", "fetch")
            )
            lines.append(
                f"| {dataset} | {kind} | {page['cpu_ms_median']:.1f} | {min(cpu):.1f}–"
                f"{max(cpu):.1f} | {len(queries)} | {database:.1f} |"
            )
    return lines


def print_report(results, top=12):
    out = [f"Machine: {results['machine']}"]
    out.append(
        f"Load average before {results['load_before']}, after {results.get('load_after', '?')} "
        "(CPU time per request is little affected by other processes; wall time would be)."
    )
    for dataset, data in results["datasets"].items():
        settings = data["settings"]
        out.append(
            f"{dataset}: {settings['module']}, DEBUG {settings['debug']}, {settings['database']}, "
            f"CONN_MAX_AGE {settings['conn_max_age']}, PAGE_CACHE_SECONDS "
            f"{settings['page_cache_seconds']}"
        )
    out.append("")
    out += summary_table(results)
    out.append("")
    for dataset, data in results["datasets"].items():
        for kind, page in data["pages"].items():
            out += page_report(dataset, kind, page, top)
    print("\n".join(out))
