"""Everything the site holds about one e-mail address: find it, export it (JSON), erase it.

Covered: what the content apps register with the `register_personal_data` hook (event
registrations: events/personal_data.py), form submissions (the contact form, and any other
Wagtail form page: wagtailforms.FormSubmission, in whatever field the address was typed) and
e-mails still waiting in the outbox that are sent to the address or name it as Reply-To
(outbox/worker.py). Used by the admin view (privacy/views.py) and `manage.py personal_data`.

The hook keeps this app from importing the content apps (docs/architecture.md#import-rule):
a content app hands over a PersonalData that finds, exports and erases what it keeps.
"""

import hashlib
import hmac
import json
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from wagtail import hooks
from wagtail.contrib.forms.models import FormSubmission

from outbox.worker import erase_messages_naming, messages_naming

from .models import PersonalDataRequest

# The kinds of personal data that content apps keep, as the admin view and the command
# show them; each is filled by the `register_personal_data` hook (empty when no app does).
REGISTRATIONS = "registrations"


@dataclass(frozen=True)
class PersonalData:
    """What a content app keeps about an e-mail address, for the `register_personal_data`
    hook: `kind` (REGISTRATIONS), `export(email)` (a list of JSON-serialisable dicts) and
    `erase(email, request)`, called inside the erasure's transaction (it may send e-mails
    through the outbox), which returns how many records it erased."""

    kind: str
    export: Callable[[str], list]
    erase: Callable[..., int]


def registered_personal_data():
    """{kind: PersonalData} of every app that registered with the hook."""
    found = (register() for register in hooks.get_hooks("register_personal_data"))
    return {data.kind: data for data in found}


def normalise(email):
    email = (email or "").strip().lower()
    validate_email(email)
    return email


def email_hash(email):
    return hmac.new(
        settings.SECRET_KEY.encode(), f"personal-data:{email}".encode(), hashlib.sha256
    ).hexdigest()


def _values(data):
    """Every string in a submission's form_data, however nested."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _values(value)
    elif isinstance(data, list | tuple):
        for value in data:
            yield from _values(value)


def form_submissions_of(email):
    """Submissions with the address as the value of any of their fields (exact, ignoring
    case and spaces). Read in chunks: there are few of them, and their data is JSON whose
    keys differ from form to form and from language to language."""
    found = []
    for submission in FormSubmission.objects.select_related("page").iterator(chunk_size=500):
        if any(value.strip().lower() == email for value in _values(submission.form_data)):
            found.append(submission)
    return found


def collect(email):
    """A JSON-serialisable dict of everything held about `email`."""
    email = normalise(email)
    registered = registered_personal_data()
    registrations = registered[REGISTRATIONS].export(email) if REGISTRATIONS in registered else []
    submissions = [
        {
            "form": submission.page.title,
            "form_page": submission.page.url,
            "submitted_at": submission.submit_time,
            "data": submission.form_data,
        }
        for submission in form_submissions_of(email)
    ]
    outgoing = [
        {
            "subject": message.subject,
            "queued_at": message.when_added,
            "to": message.to_addresses,
            "deferred_after_failures": message.retry_count,
        }
        for message in messages_naming(email)
    ]
    return {
        "email": email,
        "exported_at": timezone.now(),
        "registrations": registrations,
        "form_submissions": submissions,
        "outgoing_emails": outgoing,
    }


def export_json(email, *, user=None, via="admin"):
    data = collect(email)
    PersonalDataRequest.objects.create(
        action=PersonalDataRequest.Action.EXPORT,
        email_hash=email_hash(data["email"]),
        user=user,
        via=via,
        registrations=len(data["registrations"]),
        form_submissions=len(data["form_submissions"]),
    )
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


def erase(email, *, user=None, via="admin", request=None):
    """Erase everything held about `email`, in one transaction.

    What content apps keep is erased by them (registrations: events/personal_data.py);
    form submissions are deleted, outgoing e-mails naming the address dropped.
    Returns (registrations erased, form submissions deleted)."""
    email = normalise(email)
    with transaction.atomic():  # the erasure and the e-mails it causes, or neither
        erased = {
            kind: data.erase(email, request) for kind, data in registered_personal_data().items()
        }
        submissions = form_submissions_of(email)
        for submission in submissions:
            submission.delete()
        erase_messages_naming(email)
        PersonalDataRequest.objects.create(
            action=PersonalDataRequest.Action.ERASE,
            email_hash=email_hash(email),
            user=user,
            via=via,
            registrations=erased.get(REGISTRATIONS, 0),
            form_submissions=len(submissions),
        )
    return erased.get(REGISTRATIONS, 0), len(submissions)
