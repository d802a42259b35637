"""The databases the benchmarks of bench/ run on, and the CEO's side-by-side benchmark
(../shared/peer-bench/measure.py), which bench/ imports for its preparation of bakerydemo,
its page kinds and paths rather than repeating them."""

import importlib.util
import os
import shutil
import tempfile
import time
from pathlib import Path

from benchkit import REPO, VENV, clean_env, log, run_checked


def import_measure():
    """../shared/peer-bench/measure.py (or PEER_BENCH_DIR/measure.py), as a module."""
    folder = Path(os.environ.get("PEER_BENCH_DIR", REPO.parent / "shared" / "peer-bench"))
    path = folder / "measure.py"
    if not path.exists():
        raise SystemExit(
            f"{path} is missing: set PEER_BENCH_DIR to the folder of measure.sh and measure.py"
        )
    spec = importlib.util.spec_from_file_location("peer_measure", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def prepare_site(python, var_dir, env, news, events, fresh=True, seed=1):
    """migrate, load_demo_content, generate_load_data, prerender_renditions, collectstatic
    into var_dir (fresh=False: the demo content is there, add the load data). Returns the
    time each step took."""
    for sub in ("static", "media"):
        (Path(var_dir) / sub).mkdir(parents=True, exist_ok=True)
    steps = [("migrate", ["migrate", "--noinput", "-v", "0"])]
    if fresh:
        steps.append(("load_demo_content", ["load_demo_content"]))
    if news or events:
        steps.append(
            (
                "generate_load_data",
                [
                    "generate_load_data",
                    "--news",
                    str(news),
                    "--events",
                    str(events),
                    "--seed",
                    str(seed),
                ],
            )
        )
    steps.append(("prerender_renditions", ["prerender_renditions"]))
    if fresh:
        steps.append(("collectstatic", ["collectstatic", "--noinput", "-v", "0"]))
    timings = {}
    for label, command in steps:
        started = time.monotonic()
        run_checked([python, "manage.py", *command], cwd=REPO, env=env, capture=True)
        timings[label] = time.monotonic() - started
        log(f"  {label}: {timings[label]:.1f} s")
    return timings


DEFAULT_WORKDIR = os.path.join(tempfile.gettempdir(), "pactesur-bench")


def project_env(var_dir, page_cache_seconds=0):
    """This site with its production settings on a SQLite database in var_dir.

    config.settings.bench is config.settings.production plus the demo app, whose commands
    (load_demo_content, generate_load_data) fill the database; it serves the same pages."""
    var_dir = Path(var_dir)
    return clean_env(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.bench",
            "SECRET_KEY": "bench-secret-key-not-for-production-0123456789abcdef",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_HSTS_SECONDS": "0",
            "LOG_LEVEL": "ERROR",
            "VAR_DIR": str(var_dir),
            "STATIC_ROOT": str(var_dir / "static"),
            "MEDIA_ROOT": str(var_dir / "media"),
            "PAGE_CACHE_SECONDS": str(page_cache_seconds),
        }
    )


def prepare_dataset(workdir, dataset, news, events):
    """(python, directory, environment) of this checkout on the SQLite database of a
    dataset: "demo" (load_demo_content) or "load" (a copy of demo + generate_load_data).
    Made once in workdir, migrated on every call so that it follows the checkout."""
    python = str(VENV / "bin" / "python")
    workdir = Path(workdir)
    demo = workdir / "demo"
    if not (demo / "pactesur.sqlite3").exists():
        log(f"Preparing the demo content in {demo}…")
        prepare_site(python, demo, project_env(demo), news=0, events=0)
    var = demo if dataset == "demo" else workdir / f"load-{news}-{events}"
    if not (var / "pactesur.sqlite3").exists():
        log(f"Preparing the load data in {var} (generate_load_data)…")
        shutil.copytree(demo, var)
        prepare_site(python, var, project_env(var), news=news, events=events, fresh=False)
    run_checked(
        [python, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=REPO, env=project_env(var)
    )
    return python, REPO, project_env(var)
