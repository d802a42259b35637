"""iCalendar (RFC 5545) files and "Add to calendar" links.

An event keeps one UID in every language (its translation key), so a calendar that
subscribed in French and one in English see the same event; SEQUENCE grows when the
date, place or status changes, and a cancelled event is sent as STATUS:CANCELLED so that
calendar applications strike it out instead of keeping a stale entry.
"""

import datetime
from urllib.parse import urlencode

from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext
from icalendar import Calendar, Event

from core.utils import localize_all

from .shared import SharedEvent

UID_DOMAIN = "pactesur.eu"
ICAL_STATUS = {"cancelled": "CANCELLED", "postponed": "TENTATIVE"}


def event_uid(event):
    return f"{event.translation_key}@{UID_DOMAIN}"


def _location(event, city):
    """The venue and city; "Online" for an online event. Never the link to join: calendars
    are public (feeds, shared files), the link goes to confirmed registrants only."""
    if event.format == "online":
        return gettext("Online")
    venue = event.venue.strip()
    city_name = city.name if city else ""
    if city_name and city_name.casefold() in venue.casefold():
        city_name = ""  # "Lingotto Fiere, Turin" already says where: not "…, Turin, Turin"
    return ", ".join(part for part in (venue, city_name) if part)


def _summary(event):
    labels = {
        "cancelled": gettext("Cancelled"),
        "postponed": gettext("Postponed"),
        "rescheduled": gettext("Rescheduled"),
    }
    prefix = labels.get(event.status)
    if event.is_save_the_date and not prefix:
        prefix = gettext("Save the date")
    return f"[{prefix}] {event.title}" if prefix else event.title


def build_calendar(events, request=None, name=None):
    events = list(events)
    sequences = dict(
        SharedEvent.objects.filter(
            translation_key__in=[event.translation_key for event in events]
        ).values_list("translation_key", "sequence")
    )
    cities = localize_all([event.city for event in events], events[0].locale) if events else None
    calendar = Calendar()
    calendar.add("prodid", "-//PACTESUR//Events//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
    now = timezone.now()
    first_day = datetime.date(now.year - 30, 1, 1)
    last_day = datetime.date(now.year + 10, 12, 31)
    for event in events:
        # With the request, Wagtail keeps the site root paths on it: not one lookup per event.
        url = request.build_absolute_uri(event.get_url(request)) if request else event.full_url
        entry = Event()
        entry.add("uid", event_uid(event))
        entry.add("dtstamp", now)
        entry.add("sequence", sequences.get(event.translation_key, 0))
        if event.all_day:
            entry.add("dtstart", event.local_start.date())
            entry.add("dtend", event.local_end.date() + datetime.timedelta(days=1))
        else:
            entry.add("dtstart", event.local_start)
            entry.add("dtend", event.local_end)
        entry.add("summary", _summary(event))
        description = event.summary
        if event.is_save_the_date:
            description += "\n\n" + gettext("Details to be confirmed.")
        entry.add("description", f"{description}\n\n{url}")
        entry.add("url", url)
        location = _location(event, cities(event.city) if cities else event.city)
        if location:
            entry.add("location", location)
        entry.add("status", ICAL_STATUS.get(event.status, "CONFIRMED"))
        entry.add("categories", [event.get_event_type_display()])
        if event.last_published_at:
            entry.add("last-modified", event.last_published_at)
        calendar.add_component(entry)
        first_day = min(first_day, event.local_start.date())
        last_day = max(last_day, event.local_end.date())
    calendar.add_missing_timezones(first_date=first_day, last_date=last_day)
    return calendar


def calendar_response(events, filename, request=None, name=None):
    calendar = build_calendar(events, request=request, name=name)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _utc_stamp(value):
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def add_to_calendar_links(event, request, path=None):
    """Links to the .ics file and to Google Calendar's and Outlook's "new event" forms.
    `path`: the event's `get_url(request)`, when the caller has it (its event page)."""
    if path is None:
        path = event.get_url(request)  # once: each `event.url` looks the site up again
    page_url = request.build_absolute_uri(path)
    details = f"{strip_tags(event.summary)}\n\n{page_url}"
    city = getattr(event, "local_city", None) or (event.city.localized if event.city_id else None)
    location = _location(event, city)
    if event.all_day:
        start_day = event.local_start.date()
        end_day = event.local_end.date() + datetime.timedelta(days=1)
        google_dates = f"{start_day:%Y%m%d}/{end_day:%Y%m%d}"
        outlook_times = {
            "startdt": start_day.isoformat(),
            "enddt": end_day.isoformat(),
            "allday": "true",
        }
    else:
        google_dates = f"{_utc_stamp(event.start)}/{_utc_stamp(event.end)}"
        outlook_times = {
            "startdt": event.start.astimezone(datetime.UTC).isoformat(),
            "enddt": event.end.astimezone(datetime.UTC).isoformat(),
        }
    google = "https://calendar.google.com/calendar/render?" + urlencode(
        {
            "action": "TEMPLATE",
            "text": event.title,
            "dates": google_dates,
            "details": details,
            "location": location,
            "ctz": event.timezone,
        }
    )
    outlook_query = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": event.title,
        "body": details,
        "location": location,
        **outlook_times,
    }
    outlook_query = urlencode(outlook_query)  # the same for both services
    return {
        "ics": f"{path}event.ics",
        "google": google,
        "outlook": f"https://outlook.live.com/calendar/0/action/compose?{outlook_query}",
        "office365": f"https://outlook.office.com/calendar/0/action/compose?{outlook_query}",
    }
