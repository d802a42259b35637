"""Template tags of the StreamField blocks: the embed block's media."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.embeds import embeds
from wagtail.embeds.exceptions import EmbedException

register = template.Library()

_IFRAME_WITHOUT_TITLE = re.compile(r"<iframe(?![^>]*\stitle=)", re.IGNORECASE)


@register.simple_tag
def embed_for(value):
    """The embed of an EmbedBlock value, or None when the provider cannot be reached.

    The HTML is returned without Wagtail's responsive wrapper (which uses an inline style,
    refused by the Content Security Policy); the template sizes it with CSS classes.
    """
    url = getattr(value, "url", None)
    if not url:
        return None
    try:
        embed = embeds.get_embed(url, getattr(value, "max_width", None))
    except (EmbedException, OSError, ValueError):
        return None
    title = embed.title or url
    html = _IFRAME_WITHOUT_TITLE.sub(f'<iframe title="{escape(title)}"', embed.html or "")
    ratio = (embed.height / embed.width) if embed.width and embed.height else 0.5625
    if ratio > 0.9:
        shape = "square"
    elif ratio > 0.66:
        shape = "4x3"
    else:
        shape = "16x9"
    return {
        "html": mark_safe(html),  # noqa: S308 - the provider's oEmbed HTML, as Wagtail shows it
        "title": title,
        "url": url,
        "shape": shape,
        "type": embed.type,
    }
