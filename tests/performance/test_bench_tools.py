"""The measuring tools of bench/ (bench/http, bench/profile) read what they claim to read.

They are run by hand, not by CI, so a change in Django or in wrk's output could otherwise
break them silently: a profile naming the wrong code, a CPU figure divided by the wrong
number of requests.
"""

import os
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from django.template import engines
from django.template.base import Node
from wagtail.models import Page

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import benchkit  # noqa: E402
import profile_probes  # noqa: E402

WRK_OUTPUT = """Running 3s test @ http://127.0.0.1:8801/en/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   412.05ms  120.10ms   1.02s    70.00%
    Req/Sec     9.81      4.02    20.00     75.00%
  Latency Distribution
     50%  398.50ms
     75%  480.00ms
     90%  560.00ms
     99%    1.01s
  58 requests in 3.01s, 1.17MB read
  Non-2xx or 3xx responses: 2
Requests/sec:     19.27
Transfer/sec:    398.31KB
"""


def test_wrk_output_is_read_with_its_units():
    result = benchkit.parse_wrk(WRK_OUTPUT)
    assert result["rps"] == pytest.approx(19.27)
    assert result["requests"] == 58
    assert result["p50"] == pytest.approx(0.3985)
    assert result["p99"] == pytest.approx(1.01)
    assert result["errors"] == 2


def test_the_server_cpu_and_the_requests_it_answered_are_counted(tmp_path):
    access_log = tmp_path / "access.log"
    access_log.write_text("GET /en/ 200\n" * 3)
    server = benchkit.Server([os.getpid()], access_log)
    before = server.cpu_seconds()
    deadline = time.thread_time() + 0.05
    while time.thread_time() < deadline:  # 50 ms of CPU in this process
        pass
    assert server.cpu_seconds() - before >= 0.03
    with access_log.open("a") as log_file:
        log_file.write("GET /en/news/ 200\n" * 2)
    assert server.served() == 5
    assert benchkit.spread([10, 12, 11])["median"] == 11
    assert benchkit.spread([10, 12, 11])["spread"] == pytest.approx(100 * 2 / 11)


@pytest.mark.django_db
def test_the_profile_names_the_tag_and_the_code_behind_each_query():
    template = engines["django"].from_string(
        "{% for page in pages %}<p>{{ page.title|upper }}</p>{% endfor %}"
    )
    original_render = Node.__dict__["render_annotated"]
    recorder = profile_probes.RECORDER
    profile_probes.install()
    try:
        with connection.execute_wrapper(profile_probes.sql_wrapper):
            recorder.reset()
            recorder.enabled = True
            recorder.push(("request", "test"))
            html = template.render({"pages": Page.objects.filter(depth=1)})
            recorder.pop()
            recorder.requests = 1
    finally:
        recorder.enabled = False
        profile_probes.uninstall()
    assert Node.__dict__["render_annotated"] is original_render  # Django as it was

    assert "<p>ROOT</p>" in html
    frames = {(f["kind"], f["name"]): f for f in recorder.summary()["frames"]}
    loop, title = frames[("node", "{% for %}")], frames[("node", "{{ variable|upper }}")]
    assert title["calls"] == 1
    assert loop["self_ms"] <= loop["incl_ms"]
    [query] = recorder.queries
    where, sql, _ns = query
    assert "wagtailcore_page" in sql
    assert where.startswith("tests/performance/test_bench_tools.py:")  # this test asked
    assert ("orm", where) in frames and ("sql", where) in frames
