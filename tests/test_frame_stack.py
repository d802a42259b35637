"""Room on the frame stack (tests/frame_stack.py): a loop just across the end of one of
CPython's 16 KiB frame chunks maps memory on every call, unless it runs with room."""

import resource
import sys
import threading

import pytest

from tests import frame_stack
from tests.frame_stack import call_with_room

CALLS = 2000
DEPTHS = range(0, 400)  # the first chunk boundary of a new thread lies within 200 levels


def worst_page_faults_of_a_loop_at_any_depth(with_room):
    """In a new thread (a frame stack of its own, its first chunk 16 KiB): for each depth,
    the page faults of CALLS calls of an empty function made at that depth; the worst."""
    result = {}

    def leaf():
        pass

    def at_depth(levels):
        if levels:
            return at_depth(levels - 1)
        before = resource.getrusage(resource.RUSAGE_THREAD).ru_minflt
        for _ in range(CALLS):
            leaf()
        return resource.getrusage(resource.RUSAGE_THREAD).ru_minflt - before

    def measure():
        result["worst"] = max(at_depth(levels) for levels in DEPTHS)

    target = (lambda: call_with_room(measure)) if with_room else measure
    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    return result["worst"]


@pytest.mark.skipif(sys.platform != "linux", reason="counts a thread's page faults (Linux)")
def test_a_loop_at_a_chunk_boundary_maps_no_memory_with_room():
    assert worst_page_faults_of_a_loop_at_any_depth(with_room=True) < CALLS // 20
    if sys.version_info < (3, 13):
        # The control: without room, one depth maps a chunk (one fault or more) per call.
        assert worst_page_faults_of_a_loop_at_any_depth(with_room=False) >= CALLS


def test_call_with_room_returns_what_the_function_returns_and_raises_what_it_raises():
    assert call_with_room(divmod, 17, 5) == (3, 2)
    assert call_with_room(dict, a=1) == {"a": 1}
    with pytest.raises(ZeroDivisionError):
        call_with_room(divmod, 1, 0)


def test_every_test_runs_with_room():
    """tests/conftest.py runs pytest's protocol for each test through call_with_room."""
    frame = sys._getframe()
    codes = set()
    while frame is not None:
        codes.add(frame.f_code)
        frame = frame.f_back
    assert call_with_room.__code__ in codes
    assert call_with_room.__code__.co_stacksize == frame_stack.RESERVED_SLOTS
