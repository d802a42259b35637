"""`event_when_html` writes what components/event_when.html wrote with `event_when`'s facts
(the template it replaced in every event card), byte for byte, in the four languages."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

from core.templatetags.date_tags import event_when_html
from events.models import EventPage

# components/event_when.html before it was written in Python.
OLD_TEMPLATE = (
    '{% load date_tags %}{% event_when event as when %}<span class="event-when"><time '
    'datetime="{{ when.start_iso }}">{{ when.start_text }}</time>{% if when.end_text %}'
    '<span class="event-when__sep"> – </span><time datetime="{{ when.end_iso }}">'
    "{{ when.end_text }}</time>{% endif %}{% if not when.all_day %} "
    '<span class="event-when__tz">{{ when.tz_abbr }} ({{ when.tz_name }})</span>{% endif %}'
    "</span>"
)


def events():
    utc = datetime.UTC
    start = datetime.datetime(2026, 9, 1, 7, 30, tzinfo=utc)
    for zone in ("Europe/Rome", "America/Bogota", "Asia/Kolkata"):
        for all_day in (False, True):
            for length in (datetime.timedelta(hours=2), datetime.timedelta(days=2, hours=3)):
                yield EventPage(start=start, end=start + length, timezone=zone, all_day=all_day)


@pytest.mark.django_db  # a language first activated in a process may read the database
@pytest.mark.parametrize("language", ["en", "fr", "it", "es"])
def test_event_when_html_is_the_template_it_replaced(language):
    template = Template(OLD_TEMPLATE)
    with translation.override(language):
        for event in events():
            expected = template.render(Context({"event": EventPage(**_fields(event))}))
            assert event_when_html(event) == expected
            assert (
                Template("{% load date_tags %}{% event_when_html event %}").render(
                    Context({"event": event})
                )
                == expected
            )


def _fields(event):
    return {name: getattr(event, name) for name in ("start", "end", "timezone", "all_day")}
