"""Queries whose SQL Django builds once per process, then runs with other values.

Building a queryset and compiling its SQL is most of what a small query costs on the pages
that the page cache does not answer: for the routing query of an event page (the page with
its image, city, organiser and project) 3.6 of its 4.9 ms of CPU, against 1.1 ms to run it
in SQLite and read its row (docs/performance.md). That SQL is the same on every request;
only its values change (a slug, a parent's path, a page id). A `PreparedQuery` builds it
once per process and database connection, with markers in place of the values, and then
only runs it: the same SQL, the same rows, model instances made as Django makes them
(`Model.from_db`, so `post_init` still runs and the page cache still learns which pages a
page loaded), with what `select_related` and `annotate` brought.

What it takes: a function that builds the queryset from its parameters' markers and
returns model instances (no `values()`, no `prefetch_related()`, no `.specific()`); a
parameter is used as a whole value (`slug=…`, `pk=…`, `translation_key=…`, `end__gte=…`)
or as a prefix (`path__startswith=…`). Anything else is refused when the query is first
built, so a query that cannot be prepared fails in the tests, not in front of a visitor.
A page of a listing (`query.slice(offset, limit, …)`) has its `LIMIT` and `OFFSET` as
parameters too: Django writes them into the SQL text, so each page number would be
another SQL to build.

Holds no data: nothing is kept but SQL text and how to read its rows, so nothing can be
stale. Kept per thread (a database connection belongs to one thread, and so do the
converters Django binds to it).
"""

import re
import threading
import uuid
import weakref
from datetime import UTC, datetime

from django.db import connections
from django.db.models.query import ModelIterable, get_related_populators

_local = threading.local()


class Param:
    """A named value of a prepared query, and the marker that stands for it while its SQL
    is built: a text no field holds (nothing LIKE would escape in it), a number no id,
    depth or count reaches (yet within every backend's integer range: Django answers a
    value out of a field's range with no query at all), or a moment of the year 2."""

    def __init__(self, name, kind, index):
        self.name = name
        if kind is int:
            self.marker = 2_147_483_000 + index
        elif kind is uuid.UUID:
            self.marker = uuid.UUID(int=(0x5EED << 64) + index)
        elif kind is datetime:
            self.marker = datetime(2, 1, 1, 0, 0, 0, index + 1, tzinfo=UTC)
        else:
            self.marker = f"\x00prepared{index}\x00"


class PreparedQuery:
    """`query = PreparedQuery(lambda p: Model.objects.filter(slug=p["slug"]), slug=str)`,
    then `query(slug="news")`: a list of instances, as `list(queryset)` would give. The
    kinds are `str`, `int`, `uuid.UUID` or `datetime` (aware); `build` receives
    {name: marker} and returns the queryset."""

    def __init__(self, build, **kinds):
        self.build = build
        self.params = {
            name: Param(name, kind, index) for index, (name, kind) in enumerate(kinds.items())
        }

    def __call__(self, **values):
        compiled = self._compiled()
        return self._run(compiled, compiled.sql, [], values)

    def slice(self, offset, limit, **values):
        """`list(queryset[offset:offset + limit])`: one page of the query's rows, the same
        SQL whatever the page (`LIMIT` and `OFFSET` are parameters; both backends of the
        site, SQLite and PostgreSQL, write them this way)."""
        compiled = self._compiled()
        if compiled.sliced:
            raise ValueError("a prepared query sliced by slice() must not be sliced already")
        sql = f"{compiled.sql} LIMIT %s OFFSET %s"
        return self._run(compiled, sql, [int(limit), int(offset)], values)

    @staticmethod
    def _run(compiled, sql, extra, values):
        connection = connections[compiled.alias]
        params = [slot(values, connection) for slot in compiled.slots] + extra
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        if compiled.converters:
            rows = compiled.compiler.apply_converters(rows, compiled.converters)
        return [compiled.instance(row) for row in rows]

    def _compiled(self):
        cache = getattr(_local, "queries", None)
        if cache is None:
            # Weak: a query made for one state of things (home.listings: the restricted
            # pages) is dropped with it.
            cache = _local.queries = weakref.WeakKeyDictionary()
        compiled = cache.get(self)
        if compiled is None:
            markers = {name: param.marker for name, param in self.params.items()}
            compiled = cache[self] = _Compiled(self.build(markers), self.params)
        return compiled


class _Compiled:
    """The SQL of one queryset, where its parameters go, and how its rows become objects
    (what Django's ModelIterable does after compiling, done here once)."""

    def __init__(self, queryset, params):
        if (
            queryset._iterable_class is not ModelIterable
            or queryset._prefetch_related_lookups
            or queryset._known_related_objects
        ):
            raise ValueError("only querysets of model instances, without prefetches")
        self.alias = queryset.db
        self.sliced = queryset.query.is_sliced
        compiler = queryset.query.get_compiler(using=self.alias)
        sql, constants = compiler.as_sql()
        self.sql, self.compiler = sql, compiler
        ops = connections[self.alias].ops
        self.slots = [self._slot(value, params, ops) for value in constants]
        if connections[self.alias].vendor == "sqlite":
            self.sql, self.slots = _pattern_as_expression(self.sql, self.slots)
        used = {slot.name for slot in self.slots if isinstance(slot, _Value)}
        if used != set(params):
            raise ValueError(f"parameters not found in the query: {set(params) - used}")
        select, klass_info = compiler.select, compiler.klass_info
        fields = [column[0] for column in select[: compiler.col_count]]
        self.converters = compiler.get_converters(fields)
        self.model = klass_info["model"]
        start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
        self.start, self.end = start, end
        self.init_list = [column[0].target.attname for column in select[start:end]]
        self.populators = get_related_populators(klass_info, select, self.alias)
        self.annotations = dict(compiler.annotation_col_map or {})

    @staticmethod
    def _slot(value, params, ops):
        for param in params.values():
            marker = param.marker
            if value == marker and isinstance(value, type(marker)):
                # The backend's own type, kept (psycopg's Int4 for an integer field).
                return _Value(param.name, type(value) if type(value) is not type(marker) else None)
            if isinstance(marker, uuid.UUID) and value == marker.hex:
                return _Hex(param.name)  # a backend without a UUID type (SQLite)
            if isinstance(marker, datetime) and value == ops.adapt_datetimefield_value(marker):
                return _Moment(param.name)  # a backend without a datetime type (SQLite)
            if isinstance(marker, str) and isinstance(value, str) and marker in value:
                if value == marker + "%":
                    return _Prefix(param.name)
                raise ValueError(f"{param.name}: only whole values and prefixes")
        return _Constant(value)

    def instance(self, row):
        obj = self.model.from_db(self.alias, self.init_list, row[self.start : self.end])
        for populator in self.populators:
            populator.populate(row, obj)
        for name, position in self.annotations.items():
            setattr(obj, name, row[position])
        return obj


class _Constant:
    def __init__(self, value):
        self.value = value

    def __call__(self, values, connection):
        return self.value


class _Value:
    def __init__(self, name, cast=None):
        self.name, self.cast = name, cast

    def __call__(self, values, connection):
        value = values[self.name]
        return value if self.cast is None else self.cast(value)


class _Prefix(_Value):
    """A `startswith` value: escaped for LIKE as Django escapes it."""

    def __call__(self, values, connection):
        return connection.ops.prep_for_like_query(values[self.name]) + "%"


class _Stem(_Value):
    """A `startswith` value without its `%`, which the SQL adds (`_pattern_as_expression`)."""

    def __call__(self, values, connection):
        return connection.ops.prep_for_like_query(values[self.name])


_PLACEHOLDER = re.compile(r"%%|%s")


def _pattern_as_expression(sql, slots):
    """SQLite: `path LIKE (? || '%')` instead of `path LIKE ?` with the pattern bound.

    A statement whose LIKE pattern is a bound parameter is prepared again by SQLite at
    every run (its LIKE optimisation depends on the value: `sqlite3VdbeSetVarmask`), which
    cost the routing query of an event page 0.65 of its 1.1 ms in the database; a pattern
    made by an expression is not looked at, and the statement is prepared once. The
    rows are the same (the same pattern, the same escapes); the plans of the prepared
    queries did not use the LIKE optimisation (tests/core/test_prepared.py)."""
    if not any(isinstance(slot, _Prefix) for slot in slots):
        return sql, slots
    placeholders = [m for m in _PLACEHOLDER.finditer(sql) if m.group() == "%s"]
    if len(placeholders) != len(slots):
        return sql, slots  # not the SQL expected: left as Django wrote it
    parts, end, new_slots = [], 0, []
    for match, slot in zip(placeholders, slots, strict=True):
        if isinstance(slot, _Prefix):
            parts += [sql[end : match.start()], "(%s || '%%')"]
            end = match.end()
            slot = _Stem(slot.name)
        new_slots.append(slot)
    return "".join(parts) + sql[end:], new_slots


class _Hex(_Value):
    def __call__(self, values, connection):
        value = values[self.name]
        return (value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))).hex


class _Moment(_Value):
    def __call__(self, values, connection):
        return connection.ops.adapt_datetimefield_value(values[self.name])


class PreparedList:
    """What a `Paginator` reads of a queryset, from a prepared query whose number of rows
    is known already (`count`): `paginate(request, PreparedList(query, count, …), n,
    count=count)` asks the database for the requested page only, with `query.slice`."""

    def __init__(self, query, count, **values):
        self.query, self._count, self.values = query, count, values

    def count(self):
        return self._count

    def __len__(self):
        return self._count

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step is not None:
            raise TypeError("a PreparedList is read a page (a slice) at a time")
        start, stop, _step = index.indices(self._count)
        return self.query.slice(start, max(stop - start, 0), **self.values)
