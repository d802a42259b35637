"""Signed links in registration e-mails: confirm the address, cancel. No account, no password."""

from urllib.parse import urlencode

from django.core import signing

from .registrations import Registration

CANCEL_SALT = "events.registration.cancel"
CONFIRM_SALT = "events.registration.confirm"


def cancel_token(registration):
    return signing.dumps(registration.pk, salt=CANCEL_SALT)


def confirm_token(registration):
    return signing.dumps(registration.pk, salt=CONFIRM_SALT)


def _link(page_url, route, token):
    # In the query string: Wagtail's page routes only accept [\w-] in path segments.
    return f"{page_url}{route}/?{urlencode({'token': token})}"


def cancel_url(page_url, registration):
    return _link(page_url, "cancel", cancel_token(registration))


def confirm_url(page_url, registration):
    return _link(page_url, "confirm", confirm_token(registration))


def _from_token(token, salt):
    try:
        pk = signing.loads(token, salt=salt)
    except signing.BadSignature:
        return None
    if not isinstance(pk, int):
        return None
    return Registration.objects.select_related("shared_event").filter(pk=pk).first()


def registration_from_token(token):
    """The registration of a cancellation link, or None."""
    return _from_token(token, CANCEL_SALT)


def registration_from_confirm_token(token):
    """The registration of an address-confirmation link, or None."""
    return _from_token(token, CONFIRM_SALT)
