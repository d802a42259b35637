"""schema.org Event JSON-LD, so that search engines show dates, place and status."""

import json

from django.utils.safestring import mark_safe

from core.utils import listing_rendition

# The image of the event's JSON-LD (performance.renditions lists it).
JSON_LD_IMAGE = "fill-1200x630"

STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "postponed": "https://schema.org/EventPostponed",
    "cancelled": "https://schema.org/EventCancelled",
    "rescheduled": "https://schema.org/EventRescheduled",
}
ATTENDANCE = {
    "in_person": "https://schema.org/OfflineEventAttendanceMode",
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "hybrid": "https://schema.org/MixedEventAttendanceMode",
}


def _iso(event, value):
    local = value.astimezone(event.tz)
    return local.date().isoformat() if event.all_day else local.isoformat()


def event_data(event, request, path=None):
    """`path`: the event's `get_url(request)`, when the caller has it (its event page)."""
    path = event.get_url(request) if path is None else path
    page_url = request.build_absolute_uri(path)
    city = getattr(event, "local_city", None) or (event.city.localized if event.city_id else None)
    organiser = getattr(event, "local_organiser", None) or (
        event.organiser.localized if event.organiser_id else None
    )
    place = None
    if event.format in ("in_person", "hybrid") and (event.venue or city):
        place = {"@type": "Place", "name": event.venue or city.name}
        if city:
            place["address"] = {
                "@type": "PostalAddress",
                "addressLocality": city.name,
                "addressCountry": str(city.country),
            }
            if city.latitude is not None and city.longitude is not None:
                place["geo"] = {
                    "@type": "GeoCoordinates",
                    "latitude": float(city.latitude),
                    "longitude": float(city.longitude),
                }
    virtual = None
    if event.format in ("online", "hybrid"):
        # The page, not the link to join: that goes to confirmed registrants only.
        virtual = {"@type": "VirtualLocation", "url": page_url}
    locations = [location for location in (place, virtual) if location]
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "url": page_url,
        "inLanguage": event.locale.language_code,
        "startDate": _iso(event, event.start),
        "endDate": _iso(event, event.end),
        "eventStatus": STATUS.get(event.status, STATUS["scheduled"]),
        "eventAttendanceMode": ATTENDANCE.get(event.format, ATTENDANCE["in_person"]),
    }
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    if event.status == "rescheduled" and event.previous_start:
        data["previousStartDate"] = _iso(event, event.previous_start)
    if organiser:
        data["organizer"] = {"@type": "Organization", "name": organiser.name}
        if organiser.website:
            data["organizer"]["url"] = organiser.website
    if event.image_id:
        rendition = listing_rendition(event.image, JSON_LD_IMAGE)  # its Filter parsed once
        data["image"] = request.build_absolute_uri(rendition.url)
    return data


def event_json_ld(event, request, path=None):
    """The JSON-LD as markup-safe text: `<`, `>` and `&` escaped so it cannot close the script."""
    text = json.dumps(event_data(event, request, path), ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308 - escaped above
