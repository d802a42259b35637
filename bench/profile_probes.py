"""Instrumentation for bench/profile: where the CPU time of one Django request goes.

Installed only inside the profiling process (bench/profile_worker.py), never by the site:
it wraps Django's own classes at run time, so it works for any Django project (this site
and bakerydemo alike) without a line of their code changing.

Every timed piece is a frame on one stack, timed with the thread's CPU clock
(CLOCK_THREAD_CPUTIME_ID: CPU time, not wall time, so other processes on the machine do
not inflate it). Each frame gets its *self* time (its own time minus its timed children)
and its *inclusive* time. The frames:

- ("request", "wsgi"): the whole WSGI call, response iterated and closed (the root);
- ("middleware", dotted path): one middleware's own code, in and out (a probe sits between
  each pair of middlewares: see Probe);
- ("view", "view + render"): what runs inside the innermost middleware (URL resolution,
  the view, process_view hooks, TemplateResponse rendering);
- ("template", name): one template's render (inclusive: its includes are inside);
- ("node", key): one template node ({% tag %}, {{ variable|filters }}), self time;
- ("orm", caller): a Django query built, executed and fetched (SQLCompiler.execute_sql);
- ("sql", caller): the database cursor's execute itself (inside the "orm" frame, or alone
  for raw SQL), and ("fetch", caller): rows read from the cursor (SQLite does part of
  the work of a query as its rows are read);
- ("db", "connect"): opening a database connection.

The CPU clock costs a system call per reading (about a microsecond), so instrumented
requests run slower than plain ones: read the shares, and take absolute CPU from the
uninstrumented pass of bench/profile.
"""

import os
import sys
import time
from collections import defaultdict

clock = time.thread_time_ns

REPO_MARKERS = (os.sep + "site-packages" + os.sep, os.sep + "lib" + os.sep + "python")
_HERE = os.path.dirname(os.path.abspath(__file__))


class Recorder:
    """The frame stack and what it adds up, for the requests recorded since reset()."""

    def __init__(self):
        self.enabled = False
        self.stack = []
        self.reset()

    def reset(self):
        self.self_ns = defaultdict(int)
        self.incl_ns = defaultdict(int)
        self.calls = defaultdict(int)
        self.sites = defaultdict(lambda: [0, 0])  # template line -> [self ns, calls]
        self.queries = []  # (caller, sql, ns) in order
        self.requests = 0

    def push(self, key):
        self.stack.append([key, clock(), 0])

    def pop(self):
        key, start, children = self.stack.pop()
        elapsed = clock() - start
        own = elapsed - children
        self.self_ns[key] += own
        self.calls[key] += 1
        if all(frame[0] != key for frame in self.stack):  # recursion counted once
            self.incl_ns[key] += elapsed
        if self.stack:
            self.stack[-1][2] += elapsed
        return elapsed, own

    def summary(self):
        """Plain data (JSON-able), per request."""
        n = max(self.requests, 1)
        rows = [
            {
                "kind": kind,
                "name": name,
                "self_ms": self.self_ns[(kind, name)] / n / 1e6,
                "incl_ms": self.incl_ns[(kind, name)] / n / 1e6,
                "calls": self.calls[(kind, name)] / n,
            }
            for (kind, name) in self.calls
        ]
        sites = [
            {"site": site, "self_ms": ns / n / 1e6, "calls": calls / n}
            for site, (ns, calls) in self.sites.items()
        ]
        return {"requests": self.requests, "frames": rows, "sites": sites}


RECORDER = Recorder()


def _where(frame):
    filename = frame.f_code.co_filename
    for marker in ("site-packages" + os.sep, "lib" + os.sep + "python3.11" + os.sep):
        if marker in filename:
            filename = filename.split(marker, 1)[1]
            break
    else:
        filename = os.path.relpath(filename)
    return f"{filename}:{frame.f_lineno} {frame.f_code.co_name}"


def _is_project(filename):
    return (
        not any(marker in filename for marker in REPO_MARKERS)
        and not filename.startswith(_HERE)
        and not filename.startswith("<")
    )


LIBRARY_PLUMBING = ("django/db/", "django/template/", "django/utils/", "django/test/")


def caller():
    """Who asked for a query, as "where ← who called it": the first frame outside the ORM,
    the template engine and bench/ (Wagtail's find_for_request, Django's Paginator, or the
    project's own function), then the project's frame that led there (its caller, when the
    first frame is already the project's): "wagtail/models/sites.py:… find_for_request ←
    core/templatetags/chrome_tags.py:… home", "search/backends/base.py:… _run ←
    search/backends/sqlite.py:… facets"."""
    frame = sys._getframe(2)
    first = None
    while frame is not None:
        filename = frame.f_code.co_filename
        if filename.startswith(_HERE) or any(part in filename for part in LIBRARY_PLUMBING):
            frame = frame.f_back
            continue
        if first is None:
            first = _where(frame)
        elif _is_project(filename):
            return f"{first} ← {_where(frame)}"
        frame = frame.f_back
    return first or "(framework)"


def node_key(node):
    """{% tag %} / {{ variable|filters }} / the node's class, as a template author reads it."""
    cls = type(node).__name__
    func = getattr(node, "func", None)
    if cls in ("SimpleNode", "InclusionNode", "SimpleBlockNode") and func is not None:
        return "{% " + func.__name__ + " %}"
    if cls == "VariableNode":
        filters = [f[0].__name__ for f in node.filter_expression.filters]
        return "{{ variable" + "".join("|" + name for name in filters) + " }}"
    token = getattr(node, "token", None)
    if token is not None and token.token_type.name == "BLOCK":
        return "{% " + token.contents.split()[0] + " %}"
    return cls


def node_site(node):
    origin = getattr(node, "origin", None)
    token = getattr(node, "token", None)
    if origin is None or token is None:
        return None
    contents = " ".join(token.contents.split())
    return f"{origin.template_name}:{token.lineno} {contents[:70]}"


_PATCHED = []  # (class, attribute, what it had: the function, or None when it had none)


def _patch(owner, name, function):
    _PATCHED.append((owner, name, owner.__dict__.get(name)))
    setattr(owner, name, function)


def uninstall():
    """Put Django's classes back as they were (tests; the profiler never needs it)."""
    while _PATCHED:
        owner, name, original = _PATCHED.pop()
        if original is None:
            delattr(owner, name)
        else:
            setattr(owner, name, original)


def install():
    """Wrap Django's template, node, query and connection entry points (once)."""
    from django.db.backends.base.base import BaseDatabaseWrapper
    from django.db.backends.utils import CursorWrapper
    from django.db.models.sql.compiler import SQLCompiler
    from django.template import base

    rec = RECORDER
    if _PATCHED:
        return

    original_node = base.Node.render_annotated

    def render_annotated(self, context):
        if not rec.enabled:
            return original_node(self, context)
        key = ("node", node_key(self))
        rec.push(key)
        try:
            return original_node(self, context)
        finally:
            _, own = rec.pop()
            site = node_site(self)
            if site is not None:
                entry = rec.sites[site]
                entry[0] += own
                entry[1] += 1

    _patch(base.Node, "render_annotated", render_annotated)

    original_template = base.Template.render

    def template_render(self, context):
        if not rec.enabled:
            return original_template(self, context)
        rec.push(("template", self.origin.template_name or self.name or "(string)"))
        try:
            return original_template(self, context)
        finally:
            rec.pop()

    _patch(base.Template, "render", template_render)

    original_execute_sql = SQLCompiler.execute_sql

    def execute_sql(self, *args, **kwargs):
        if not rec.enabled:
            return original_execute_sql(self, *args, **kwargs)
        rec.push(("orm", caller()))
        try:
            return original_execute_sql(self, *args, **kwargs)
        finally:
            rec.pop()

    _patch(SQLCompiler, "execute_sql", execute_sql)

    original_connect = BaseDatabaseWrapper.connect

    def connect(self):
        if not rec.enabled:
            return original_connect(self)
        rec.push(("db", "connect"))
        try:
            return original_connect(self)
        finally:
            rec.pop()

    _patch(BaseDatabaseWrapper, "connect", connect)

    # Rows are stepped by the database while they are fetched (SQLite computes a large
    # result as it is read): fetches are timed as database work too, under their caller.
    for method in ("fetchone", "fetchmany", "fetchall"):
        _patch(CursorWrapper, method, _timed_fetch(method))


def _timed_fetch(method):
    def fetch(self, *args):
        with self.db.wrap_database_errors:
            if not RECORDER.enabled:
                return getattr(self.cursor, method)(*args)
            RECORDER.push(("fetch", caller()))
            try:
                return getattr(self.cursor, method)(*args)
            finally:
                RECORDER.pop()

    fetch.__name__ = method
    return fetch


def sql_wrapper(execute, sql, params, many, context):
    """connection.execute_wrapper: every statement, timed, with the code that asked."""
    rec = RECORDER
    if not rec.enabled:
        return execute(sql, params, many, context)
    where = caller()
    rec.push(("sql", where))
    try:
        return execute(sql, params, many, context)
    finally:
        elapsed, _ = rec.pop()
        rec.queries.append((where, " ".join(sql.split())[:160], elapsed))


class Probe:
    """Placed before each middleware (and after the last one) by bench/profile_worker.py:
    opens the frame of the middleware that follows it, so that each middleware's own time
    is its frame's self time. The last probe opens the "view + render" frame."""

    target = None  # dotted path of the middleware this probe precedes, None for the view

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        rec = RECORDER
        if not rec.enabled:
            return self.get_response(request)
        rec.push(("middleware", self.target) if self.target else ("view", "view + render"))
        try:
            return self.get_response(request)
        finally:
            rec.pop()


PROBES = {}


def probe_path(index, target):
    """A dotted path Django can import for the probe at `index` (before `target`)."""
    name = f"Probe{index}"
    PROBES[name] = type(name, (Probe,), {"target": target})
    return f"{__name__}.{name}"


def __getattr__(name):  # Django imports each probe by its dotted path
    try:
        return PROBES[name]
    except KeyError:
        raise AttributeError(name) from None


def with_probes(middleware):
    """The MIDDLEWARE setting with a probe before each entry and one after the last."""
    probed = []
    for index, path in enumerate(middleware):
        probed += [probe_path(index, path), path]
    probed.append(probe_path(len(middleware), None))
    return probed
