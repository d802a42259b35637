"""Everything the site holds about one e-mail address: find it, export it (JSON), erase it.

Covered: event registrations (events.Registration), form submissions (the contact form,
and any other Wagtail form page: wagtailforms.FormSubmission, in whatever field the address
was typed) and e-mails still waiting in the outbox that are sent to the address or name it
as Reply-To (outbox/worker.py). Used by the admin view (privacy/views.py) and
`manage.py personal_data`.
"""

import hashlib
import hmac
import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from outbox.worker import erase_messages_naming, messages_naming

from .models import PersonalDataRequest


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


def registrations_of(email):
    from events.models import Registration

    return (
        Registration.objects.filter(email__iexact=email)
        .select_related("shared_event", "page")
        .order_by("created_at", "pk")
    )


def form_submissions_of(email):
    """Submissions with the address as the value of any of their fields (exact, ignoring
    case and spaces). Read in chunks: there are few of them, and their data is JSON whose
    keys differ from form to form and from language to language."""
    from wagtail.contrib.forms.models import FormSubmission

    found = []
    for submission in FormSubmission.objects.select_related("page").iterator(chunk_size=500):
        if any(value.strip().lower() == email for value in _values(submission.form_data)):
            found.append(submission)
    return found


def collect(email):
    """A JSON-serialisable dict of everything held about `email`."""
    email = normalise(email)
    registrations = [
        {
            "event": registration.shared_event.title,
            "event_start": registration.shared_event.start,
            "event_page": registration.page.url if registration.page else None,
            "language": registration.language_code,
            "status": registration.status,
            "name": registration.name,
            "email": registration.email,
            "organisation": registration.organisation,
            "consent_text": registration.consent_text,
            "consent_version": registration.consent_version,
            "consented_at": registration.consented_at,
            "created_at": registration.created_at,
            "cancelled_at": registration.cancelled_at,
            "promoted_at": registration.promoted_at,
        }
        for registration in registrations_of(email)
    ]
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

    Registrations: a place still held for an event to come is cancelled first (the waiting
    list moves up, and whoever moves up is told by e-mail); then the name, address and
    organisation are erased, as the retention purge does, keeping the row so that the
    counts of the event stay right. Form submissions are deleted.
    Returns (registrations erased, form submissions deleted)."""
    from events import emails
    from events import registration as rules
    from events.models import Registration, RegistrationStatus

    email = normalise(email)
    promoted = []
    now = timezone.now()
    with transaction.atomic():  # the erasure and the e-mails it causes, or neither
        registrations = list(registrations_of(email))
        for registration in registrations:
            event_end = registration.shared_event.end
            to_come = event_end is None or event_end > now
            if to_come and registration.status != RegistrationStatus.CANCELLED:
                moved_up = rules.cancel(registration)
                if moved_up is not None:
                    promoted.append(moved_up)
        for registration in registrations:
            Registration.objects.filter(pk=registration.pk).update(
                name="",
                organisation="",
                email=f"purged-{registration.pk}@invalid.invalid",
                purged_at=now,
            )
        submissions = form_submissions_of(email)
        for submission in submissions:
            submission.delete()
        erase_messages_naming(email)
        PersonalDataRequest.objects.create(
            action=PersonalDataRequest.Action.ERASE,
            email_hash=email_hash(email),
            user=user,
            via=via,
            registrations=len(registrations),
            form_submissions=len(submissions),
        )
        for registration in promoted:
            emails.send_promoted(registration, request)
    return len(registrations), len(submissions)
