"""Keep one Wagtail locale per configured language, each synchronised from the default.

Adding a language is a settings change: the next `migrate` creates its locale and
asks wagtail-localize to keep its page tree in step with the default language
(untranslated pages appear there as aliases of the source until translated).

And create the rate limits' cache table.
"""

from django.conf import settings
from django.core.management import call_command
from wagtail.models import Locale
from wagtail_localize.models import LocaleSynchronization


def ensure_locales(**kwargs):
    default_code = settings.LANGUAGE_CODE
    default, _ = Locale.objects.get_or_create(language_code=default_code)
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code == default_code:
            continue
        locale, _ = Locale.objects.get_or_create(language_code=code)
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": default})


def create_cache_tables(sender, using="default", verbosity=1, **kwargs):
    """`migrate` also creates the table of the database cache that keeps the rate limits when
    there is no Redis (settings CACHES["limits"]), so that no deployment step is forgotten.
    Django's createcachetable does nothing for caches of other kinds or tables already there."""
    call_command("createcachetable", database=using, verbosity=max(0, verbosity - 1))
