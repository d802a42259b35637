"""The limits hold the same with one gunicorn worker or four, without Redis.

A real gunicorn on the production settings serves a copy of the test database, with no
REDIS_URL: the rate limits and the anti-spam replay check are then counted in the database
cache (core/cache.py), failed logins in django-axes' table. Requests are sent four at a time,
so that several worker processes serve them (the access log says which). Before, each worker
counted on its own in its local memory: 33 contact forms went through in 10 s instead of 20,
replayed forms were accepted, 10 wrong admin passwords were allowed instead of 5.
"""

import re
import sqlite3

import pytest
from django.contrib.auth.hashers import PBKDF2SHA1PasswordHasher
from django.db import connection

from core.signals import create_cache_tables
from privacy.antispam import TOKEN_FIELD
from tests.forms import antispam_fields
from tests.privacy.conftest import contact, open_event  # noqa: F401 - fixtures
from tests.security.conftest import PASSWORD, make_user
from tests.servers import ON_POSTGRESQL, Gunicorn, Visitor, copy_test_database, post_many

RATE_LIMIT = 20  # ANTISPAM_RATE_LIMIT, the production default
LOGIN_ATTEMPTS = 5  # LOGIN_THROTTLE_ATTEMPTS, the production default


def contact_submission(**fields):
    return {
        "your_name": "Ana Martín",
        "your_e_mail": "ana@example.org",
        "your_message": "Hello",
        "consent": "on",
        **antispam_fields(),
        **fields,
    }


class OneIterationPBKDF2SHA1(PBKDF2SHA1PasswordHasher):
    """A hasher of the production settings' list (Django's default PASSWORD_HASHERS), but not
    the first, at one iteration: the editor's password hashed with it is one the server knows
    and checks in microseconds, since a hash records its iterations.

    Not the test settings' MD5 hashes: those are unknown to the production settings, which
    then hash a random password with the preferred hasher on every check, to hide which
    accounts exist; nor the preferred hasher (pbkdf2_sha256) at one iteration: a wrong
    password is then made up to its 1,000,000 iterations (harden_runtime). Either way each
    login attempt cost ~0.5 s of CPU; the login throttle is the same whatever the hasher."""

    iterations = 1


def rows(table, database_url):
    """Rows in a table of the database the server writes to."""
    if connection.vendor == "sqlite":
        with sqlite3.connect(database_url.removeprefix("sqlite:///")) as served:
            return served.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {table}")
        return cursor.fetchone()[0]


@pytest.fixture
def served_site(contact, open_event, settings, tmp_path):  # noqa: F811
    """The test site (a contact form, an event taking registrations, an editor), committed
    and with the limits' database-cache table, for a server in other processes."""
    editor = make_user("editor")
    hasher = OneIterationPBKDF2SHA1()
    editor.password = hasher.encode(PASSWORD, hasher.salt())
    editor.save(update_fields=["password"])
    settings.CACHES = {
        **settings.CACHES,
        "limits": {
            "BACKEND": "core.cache.CounterSafeDatabaseCache",
            "LOCATION": settings.LIMITS_CACHE_TABLE,
        },
    }
    create_cache_tables(sender=None, verbosity=0)  # what `migrate` does (core/apps.py)
    yield {"database_url": copy_test_database(tmp_path), "event": open_event}
    with connection.cursor() as cursor:  # the table is no model: flush would not empty it
        cursor.execute(f"DROP TABLE {settings.LIMITS_CACHE_TABLE}")


@pytest.mark.django_db(transaction=ON_POSTGRESQL)  # the server reads what the test committed
def test_four_workers_count_as_one(served_site, tmp_path):
    """One process is what every other test of the limits runs (in-process); here four."""
    database_url = served_site["database_url"]
    server = Gunicorn(
        tmp_path,
        database_url,
        workers=4,
        env={
            "TRUSTED_PROXY_COUNT": "1",
            # django-ratelimit counts in fixed windows, each starting at a time of its own
            # (not at the first request): a flood that straddled the end of one would start
            # again from zero halfway. A window of ~30 years is never straddled by the test.
            "ANTISPAM_RATE_WINDOW_SECONDS": str(10**9),
        },
    ).start()
    try:
        # Production says where the limits are kept, at start-up.
        assert "database cache" in server.log()

        # A flood of contact forms from one client: exactly ANTISPAM_RATE_LIMIT go through.
        flood = post_many(
            Visitor(server.base, "198.51.100.1"),
            "/en/contact/",
            [contact_submission() for _ in range(RATE_LIMIT + 6)],
        )
        statuses = [status for status, _html in flood]
        assert statuses.count(200) == RATE_LIMIT, statuses
        assert statuses.count(429) == 6, statuses
        assert all(
            "Thank you, your message has been sent." in html for _s, html in flood if _s == 200
        )
        assert rows("wagtailforms_formsubmission", database_url) == RATE_LIMIT
        # Registrations count against the same limit: the client is refused there too.
        registration = {
            "name": "Ana Martín",
            "email": "ana@example.org",
            "consent": "on",
            **antispam_fields(),
        }
        status, html = Visitor(server.base, "198.51.100.1").post(
            f"{served_site['event'].url}register/", registration
        )
        assert status == 429
        assert "Too many forms have been sent from your connection" in html

        # A form accepted once is refused when replayed, by whichever worker gets it.
        replayed = contact_submission()
        other = Visitor(server.base, "198.51.100.2")
        assert other.post("/en/contact/", replayed)[0] == 200
        replays = post_many(other, "/en/contact/", [replayed] * 4)
        for status, html in replays:
            assert status == 200
            assert "This form has expired" in html
            assert (
                re.search(rf'name="{TOKEN_FIELD}" value="([^"]+)"', html).group(1)
                != (replayed[TOKEN_FIELD])
            )
        assert rows("wagtailforms_formsubmission", database_url) == RATE_LIMIT + 1

        # Wrong admin passwords: the LOGIN_ATTEMPTS-th locks, whichever worker counts it.
        staff = Visitor(server.base, "198.51.100.3")
        attempts = post_many(
            staff,
            "/admin/login/",
            [{"username": "editor", "password": "wrong"}] * (LOGIN_ATTEMPTS + 3),
        )
        statuses = [status for status, _html in attempts]
        assert statuses.count(200) == LOGIN_ATTEMPTS - 1, statuses
        status, html = staff.post("/admin/login/", {"username": "editor", "password": PASSWORD})
        assert status == 429
        assert "Too many failed login attempts" in html

        # The counts were shared: several processes did the counting.
        assert len(server.worker_pids("/en/contact/")) > 1
        assert len(server.worker_pids("/admin/login/")) > 1
    finally:
        server.stop()
    assert "Traceback" not in server.log()
