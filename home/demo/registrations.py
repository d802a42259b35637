"""Demo registrations, so that the upcoming police exchange shows "a few places left"."""

from events import registration as rules
from events.forms import CONSENT_VERSION, consent_text
from events.models import EventPage, Registration

DEMO_EVENT_KEY = "event-nice-police-exchange"
PLACES_LEFT = 3


def ensure_demo_registrations(event):
    """Fill the event to all but PLACES_LEFT places, registering through each language."""
    if not event.capacity:
        return 0
    wanted = event.capacity - PLACES_LEFT
    translations = list(
        EventPage.objects.filter(translation_key=event.translation_key).select_related("locale")
    )
    created = 0
    for number in range(1, wanted + 1):
        email = f"participant-{number:02d}@example.org"
        if Registration.objects.filter(
            shared_event__translation_key=event.translation_key, email=email
        ).exists():
            continue
        page = translations[number % len(translations)]
        rules.register(
            page,
            name=f"Demo participant {number}",
            email=email,
            organisation="",
            consent_text=consent_text(),
            consent_version=CONSENT_VERSION,
            language_code=page.locale.language_code,
        )
        created += 1
    return created
