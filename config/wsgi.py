import logging
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_wsgi_application()

# Said once per process at start-up: where the limits are counted (REDIS_URL or not), so that
# an operator sees it in the log (docs/security-and-privacy.md, "Rate limits").
from core.limits import store_description  # noqa: E402 - needs the settings configured

logging.getLogger("core.limits").info(
    "Rate limits and the anti-spam replay check are counted in %s; failed admin logins in the "
    "database (django-axes).",
    store_description(),
)
