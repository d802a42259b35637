"""``{% privacy_notice_link %}``: the link to the privacy notice shown with every form that
collects personal data."""

from django import template
from django.conf import settings

from core.templatetags.chrome_tags import site_chrome

register = template.Library()


def privacy_notice_slug():
    return getattr(settings, "PRIVACY_NOTICE_SLUG", "privacy")


@register.simple_tag(takes_context=True)
def privacy_notice_url(context):
    """The URL of the privacy notice in the page's language: the child of the language's
    home page whose slug is PRIVACY_NOTICE_SLUG (default "privacy"), or None."""
    slug = privacy_notice_slug()
    for link in site_chrome(context).footer_links:
        if link["slug"] == slug:
            return link["url"]
    home = site_chrome(context).home
    if home is None:
        return None
    page = home.get_children().live().public().filter(slug=slug).first()
    return page.get_url(context.get("request")) if page else None


@register.inclusion_tag("privacy/notice_link.html", takes_context=True)
def privacy_notice_link(context):
    return {"privacy_url": privacy_notice_url(context)}
