"""Keep one Wagtail locale per configured language, each synchronised from the default.

Adding a language is a settings change: the next `migrate` creates its locale and
asks wagtail-localize to keep its page tree in step with the default language
(untranslated pages appear there as aliases of the source until translated).
"""

from django.conf import settings


def ensure_locales(**kwargs):
    from wagtail.models import Locale
    from wagtail_localize.models import LocaleSynchronization

    default_code = settings.LANGUAGE_CODE
    default, _ = Locale.objects.get_or_create(language_code=default_code)
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code == default_code:
            continue
        locale, _ = Locale.objects.get_or_create(language_code=code)
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": default})
