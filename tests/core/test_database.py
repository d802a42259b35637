import os

import pytest
from django.db import connection


@pytest.mark.django_db
def test_ci_runs_on_the_database_it_asked_for():
    """REQUIRE_POSTGRES=1 means this run must be on PostgreSQL; never a silent SQLite run."""
    if os.environ.get("REQUIRE_POSTGRES") == "1":
        assert connection.vendor == "postgresql", (
            "REQUIRE_POSTGRES=1 but DATABASE_URL is not PostgreSQL"
        )
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version_num")
            assert int(cursor.fetchone()[0]) >= 150000
    elif connection.vendor != "postgresql":
        pytest.skip("running on SQLite; .ci/run repeats the suite on PostgreSQL 15")
