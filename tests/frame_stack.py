"""Room on the interpreter's frame stack: a workaround for a CPython slowdown.

Since 3.11, CPython keeps the frames of Python functions in chunks of 16 KiB. A call that
does not fit in the current chunk maps a new one (`mmap`), and the return that empties it
unmaps it again (`munmap`). A loop that runs just across the end of a chunk (Django
rendering model states or templates, a few levels deeper than the caller) therefore maps,
faults in and unmaps memory on every call: python/cpython#142183, fixed in March 2026 by
keeping one spare chunk (with a backport to the 3.13 branch), not in 3.11 or 3.12, which
take security fixes only.

Where the boundary falls depends on how deep the caller already is, so the same code can be
fast in one process and a third slower in another. Measured on this project's 2-core
machine (Python 3.11.7, docs/testing.md): the migrations of a test database took 19 s in a
plain pytest process and 27 s in a pytest-xdist worker, whose own frames put the boundary
inside Django's loop; 80 % of the page faults of `make test` came from these chunks.

`call_with_room(function, …)` calls `function` from a frame that reserves 64 Ki slots
(512 KiB) it never uses: CPython gives such a frame a chunk of its own of 1 MiB, and every
frame the call makes fits in the other half, far deeper than any stack of the suite. The
cost is one mapping of that chunk per call (tens of microseconds): tests/conftest.py wraps
each test in it. The site's requests do not need it (measured, docs/testing.md item 27).
"""

import sys

# Slots of the frame of `call_with_room`: with CPython's rule (a new chunk is the smallest of
# 16 KiB doubled that holds the frame and 1,000 more slots), 1 MiB, half of it left free.
RESERVED_SLOTS = 64 * 1024


def call_with_room(function, /, *args, **kwargs):
    """`function(*args, **kwargs)`, with half a megabyte of frame stack free for it."""
    return function(*args, **kwargs)


if sys.implementation.name == "cpython":
    call_with_room.__code__ = call_with_room.__code__.replace(co_stacksize=RESERVED_SLOTS)
