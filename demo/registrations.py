"""Demo registrations (content/registrations.yaml), made through the site's own rules.

``events.registration.register`` decides, as it does for a visitor, whether a person gets a
place or goes on the waiting list. A registration that exists (same event, same address)
is left as it is, whatever its state; one the rules refuse (registration closed, an event
that people changed) is skipped and counted, never fatal.
"""

from events import registration as rules
from events.forms import CONSENT_VERSION, consent_text
from events.models import EventPage, Registration


def people(entry):
    """The registrations an entry of registrations.yaml asks for, as register() arguments."""
    for number in range(1, entry.get("participants", 0) + 1):
        yield {
            "name": f"Demo participant {number}",
            "email": f"participant-{number:02d}@example.org",
            "organisation": "",
            "language": None,  # the event's translations in turn
        }
    for person in entry.get("people", []):
        yield {"organisation": "", "language": None, **person}


def ensure_registrations(data, pages):
    """Make the missing registrations; the number made."""
    created = 0
    for entry in data.get("events", []):
        event = pages[entry["event"]]
        in_turn = list(
            EventPage.objects.filter(translation_key=event.translation_key).select_related("locale")
        )
        translations = {page.locale.language_code: page for page in in_turn}
        taken = set(
            Registration.objects.filter(
                shared_event__translation_key=event.translation_key
            ).values_list("email", flat=True)
        )
        for number, person in enumerate(people(entry), start=1):
            if person["email"] in taken:
                continue
            page = translations.get(person["language"]) or in_turn[number % len(in_turn)]
            try:
                request = rules.register(
                    page,
                    name=person["name"],
                    email=person["email"],
                    organisation=person["organisation"],
                    consent_text=consent_text(),
                    consent_version=CONSENT_VERSION,
                    language_code=page.locale.language_code,
                )
                if request.registration is not None:  # as if they opened the e-mailed link
                    rules.confirm_address(request.registration)
            except rules.RegistrationRefused:
                continue
            created += 1
    return created
