"""Template tags of dates in the visitor's language, and of events in their own time zone.

The formats are translated strings (pgettext), so each language writes its dates its own
way (5 May 2025, 5 mai 2025, 1 settembre 2023).
"""

from datetime import date, datetime

from django import template
from django.utils import dateformat, timezone, translation
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import pgettext

register = template.Library()


def long_date_writer():
    """`_long_date` for many dates in the active language (a listing's cards), its two
    translated formats looked up once rather than per date."""
    # Translators: a PHP-style date format (Django's "date" filter), e.g. 5 May 2025.
    form = pgettext("long date format", "j F Y")
    # Translators: write "lowercase" if month names are written in lower case inside a
    # date in your language (Italian "1 settembre 2023"); leave "as is" otherwise.
    lowercase = pgettext("month names inside dates", "as is") == "lowercase"

    def write(value):
        text = dateformat.format(value, form)
        if lowercase:
            month = dateformat.format(value, "F")
            text = text.replace(month, month.lower())
        return text

    return write


def _long_date(value):
    return long_date_writer()(value)


def _time(value):
    # Translators: a PHP-style time format (Django's "time" filter), e.g. 09:30.
    return dateformat.format(value, pgettext("time format", "H:i"))


def _date_and_time(value):
    # Translators: how a date and a time of day are joined, e.g. "5 May 2025, 09:30".
    return pgettext("date and time", "%(date)s, %(time)s") % {
        "date": _long_date(value),
        "time": _time(value),
    }


@register.filter
def longdate(value):
    """A date such as 5 May 2025 / 5 mai 2025 / 5 de mayo de 2025.

    Aware datetimes are shown in the site's time zone; for events use event_when or
    event_datetime, which show them in the event's own time zone.
    """
    if not value:
        return ""
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return _long_date(value)


@register.filter
def isodate(value):
    """The machine-readable form for <time datetime="…">."""
    if not value:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


@register.simple_tag
def event_when(event):
    """When an event takes place, in its own time zone.

    Returns a dict: start_text/end_text (end_text empty for a one-day all-day event),
    start_iso/end_iso for <time datetime>, tz_name, tz_abbr, and day/month/year of the
    start for the date badge.

    Kept on the event for the request's language: a card and the event_when.html it
    includes, or an event page in three places, ask for the same (each asking formats the
    dates again, 15 dateformat calls an event).
    """
    key = (translation.get_language(), event.start, event.end, event.timezone, event.all_day)
    known = getattr(event, "_event_when", None)
    if known is not None and known[0] == key:
        return known[1]
    when = _event_when(event)
    event._event_when = (key, when)
    return when


@register.simple_tag
def event_when_html(event):
    """The `<span class="event-when">` of an event (its dates and time zone), written here
    rather than by a template included for each card: the same markup, escaped the same
    way (`tests/core/test_date_tags.py` renders the template it replaces next to it)."""
    when = event_when(event)
    esc = conditional_escape
    html = f'<span class="event-when"><time datetime="{esc(when["start_iso"])}">'
    html += f"{esc(when['start_text'])}</time>"
    if when["end_text"]:
        html += '<span class="event-when__sep"> – </span>'
        html += f'<time datetime="{esc(when["end_iso"])}">{esc(when["end_text"])}</time>'
    if not when["all_day"]:
        zone = f"{esc(when['tz_abbr'])} ({esc(when['tz_name'])})"
        html += f' <span class="event-when__tz">{zone}</span>'
    return mark_safe(html + "</span>")  # every value escaped above


def _event_when(event):
    start, end = event.local_start, event.local_end
    multi_day = start.date() != end.date()
    when = {
        "all_day": event.all_day,
        "multi_day": multi_day,
        "tz_name": event.timezone,
        "tz_abbr": start.tzname() or "",
        "day": dateformat.format(start, "j"),
        "month": dateformat.format(start, "M"),
        "year": dateformat.format(start, "Y"),
    }
    if event.all_day:
        when.update(
            start_iso=start.date().isoformat(),
            start_text=_long_date(start),
            end_iso=end.date().isoformat() if multi_day else "",
            end_text=_long_date(end) if multi_day else "",
        )
    else:
        when.update(
            start_iso=start.isoformat(timespec="minutes"),
            start_text=_date_and_time(start),
            end_iso=end.isoformat(timespec="minutes"),
            end_text=_date_and_time(end) if multi_day else _time(end),
        )
    if when["tz_abbr"] and when["tz_abbr"].startswith(("+", "-")):
        when["tz_abbr"] = "UTC" + when["tz_abbr"]
    return when


@register.simple_tag
def event_datetime(event, value):
    """Another moment of an event (registration opening, former date…) in its time zone."""
    if not value:
        return {}
    local = timezone.localtime(value, event.tz)
    return {
        "iso": local.isoformat(timespec="minutes"),
        "text": _long_date(local) if event.all_day else _date_and_time(local),
        "date_text": _long_date(local),
        "tz_abbr": "" if event.all_day else (local.tzname() or ""),
    }
