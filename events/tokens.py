"""Signed cancellation links: a registrant cancels without an account or a password."""

from urllib.parse import urlencode

from django.core import signing

CANCEL_SALT = "events.registration.cancel"


def cancel_token(registration):
    return signing.dumps(registration.pk, salt=CANCEL_SALT)


def cancel_url(page_url, registration):
    # In the query string: Wagtail's page routes only accept [\w-] in path segments.
    return f"{page_url}cancel/?{urlencode({'token': cancel_token(registration)})}"


def registration_from_token(token):
    from .models import Registration

    try:
        pk = signing.loads(token, salt=CANCEL_SALT)
    except signing.BadSignature:
        return None
    return Registration.objects.select_related("shared_event").filter(pk=pk).first()
