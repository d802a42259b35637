"""Building valid submissions of the public forms (they carry spam protection: see
privacy/antispam.py)."""

import time

from privacy.antispam import (
    ANSWER_FIELD,
    HONEYPOT_FIELD,
    TOKEN_FIELD,
    expected_answer,
    issue_token,
)


def antispam_fields(age_seconds=10):
    """The spam-protection fields of a form served `age_seconds` ago and answered right."""
    token = issue_token(now=time.time() - age_seconds)
    return {TOKEN_FIELD: token, ANSWER_FIELD: str(expected_answer(token)), HONEYPOT_FIELD: ""}


def contact_data(**fields):
    """A valid submission of the test contact form (tests/conftest.py `site_tree`)."""
    data = {"your_name": "Ana Martín", "your_message": "Hello", "consent": "on"}
    data.update(antispam_fields())
    data.update(fields)
    return data
