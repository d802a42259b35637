"""Redis drill: a real redis-server, started by the test, killed and frozen, then back.

The caches are configured as production configures them with REDIS_URL
(config.settings.base.redis_cache: the page cache and the limits in Redis, errors ignored, a
call given up after REDIS_TIMEOUT_SECONDS). While Redis is gone, or stopped without closing
its port (SIGSTOP: the worst case, where nothing is refused and nothing answers), each
public form still stores what the visitor sent and answers within 5 seconds; when Redis is
back, the limits count and the page cache serves again by themselves, with nothing
restarted. Without redis-server the drill skips; .ci/run sets REQUIRE_REDIS=1, which makes
that a failure.
"""

import time

import pytest
import redis
from wagtail.contrib.forms.models import FormSubmission

from config.settings.base import redis_cache
from events.models import Registration
from tests.forms import antispam_fields, contact_data
from tests.privacy.conftest import CONTACT_URL, contact, open_event  # noqa: F401 - fixtures
from tests.servers import RedisServer, require_redis

ANSWER_WITHIN_SECONDS = 5


@pytest.fixture
def redis_server(tmp_path):
    require_redis()
    server = RedisServer(tmp_path).start()
    yield server
    server.stop()


@pytest.fixture
def caches_in_redis(redis_server, settings):
    settings.CACHES = {  # as with REDIS_URL, Redis tried again 1 s after a failure
        "default": redis_cache(redis_server.url, "pactesur", retry_seconds=1),
        "limits": redis_cache(redis_server.url, "pactesur-limits", retry_seconds=1),
    }
    settings.DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    settings.PAGE_CACHE_SECONDS = 300
    settings.ANTISPAM_RATE_LIMIT = 1000  # the drill sends many forms from one address
    return redis_server


def limit_keys(server):
    return redis.Redis(port=server.port).keys("pactesur-limits:*")


def timed(call):
    started = time.monotonic()
    response = call()
    return response, time.monotonic() - started


def send_both_forms(client, event, number):
    """The contact form and a registration; both must be stored, whatever the cache does."""
    contact_response, contact_seconds = timed(
        lambda: client.post(CONTACT_URL, contact_data(your_e_mail=f"c{number}@example.org"))
    )
    register_response, register_seconds = timed(
        lambda: client.post(
            f"{event.url}register/",
            {
                "name": "Ana Martín",
                "email": f"r{number}@example.org",
                "consent": "on",
                **antispam_fields(),
            },
        )
    )
    assert contact_response.status_code == 200
    assert "Thank you, your message has been sent." in contact_response.content.decode()
    assert register_response.status_code == 200
    assert "error-summary" not in register_response.content.decode()
    assert contact_seconds < ANSWER_WITHIN_SECONDS, contact_seconds
    assert register_seconds < ANSWER_WITHIN_SECONDS, register_seconds
    return max(contact_seconds, register_seconds)


class Drill:
    def __init__(self, client, event):
        self.client, self.event, self.sent, self.slowest = client, event, 0, 0.0

    def send_both_forms(self):
        self.sent += 1
        self.slowest = max(self.slowest, send_both_forms(self.client, self.event, self.sent))

    def until_counted_in(self, server):
        """Forms sent until the limits count in Redis again: the site reconnects by itself."""
        deadline = time.monotonic() + 30
        while True:
            self.send_both_forms()
            if limit_keys(server):
                return
            assert time.monotonic() < deadline, "the limits are not counted in Redis again"
            time.sleep(0.2)


@pytest.mark.django_db
def test_redis_killed_frozen_and_back(client, site_tree, contact, open_event, caches_in_redis):  # noqa: F811
    server = caches_in_redis
    drill = Drill(client, open_event)
    page = site_tree["news"].url  # a page without a form: kept in the page cache
    assert client.get(page).status_code == 200
    assert client.get(page).get("X-Page-Cache") == "HIT"
    drill.send_both_forms()
    assert limit_keys(server)  # counted in Redis

    server.kill()  # connections refused
    drill.send_both_forms()
    drill.send_both_forms()
    assert client.get(page).status_code == 200

    server.start()  # a new, empty Redis on the same port
    drill.until_counted_in(server)
    client.get(page)
    assert client.get(page).get("X-Page-Cache") == "HIT"

    server.freeze()  # up, its port open, answering nothing
    try:
        drill.send_both_forms()
        drill.send_both_forms()
        response, seconds = timed(lambda: client.get(page))
        assert response.status_code == 200 and seconds < ANSWER_WITHIN_SECONDS
    finally:
        server.thaw()
    redis.Redis(port=server.port).flushall()
    drill.until_counted_in(server)

    # Nothing was lost: every submission is stored.
    assert FormSubmission.objects.count() == drill.sent
    assert Registration.objects.count() == drill.sent
    print(f"Redis drill: {drill.sent} of each form, slowest answer {drill.slowest:.2f} s")
